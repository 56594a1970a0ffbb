/**
 * AMPECO's notification subscriptions (POST/GET/DELETE /public-api/notifications/v2.0[/{id}])
 * as a handler for the shared local mock (test/helpers/mock-ampeco.ts): keeps subscriptions
 * in memory, answers with the shapes the spec documents, and fails on request.
 */
import type { Handler, Reply } from '../../helpers/mock-ampeco';
import type { RecordedRequest } from '../../../scripts/mock-tenant/openapi-validator';

export const BASE = '/public-api/notifications/v2.0';

export interface Subscription {
	id: number;
	via: 'webhook';
	notifications: string[];
	webhook: { callbackUrl: string };
}

export interface NotificationsApi {
	handler: Handler;
	subscriptions: Map<number, Subscription>;
	/** The next request with this method gets this status (once), before the subscription logic. */
	failNext(method: string, status: number): void;
	/** Every request with this method gets this status until cleared. */
	failAlways(method: string, status: number | undefined): void;
}

export function notificationsApi(): NotificationsApi {
	const subscriptions = new Map<number, Subscription>();
	const once = new Map<string, number>();
	const always = new Map<string, number>();
	let nextId = 100;

	const handler: Handler = (request: RecordedRequest): Reply => {
		const forced = always.get(request.method) ?? once.get(request.method);
		if (forced !== undefined) {
			once.delete(request.method);
			return { status: forced, body: { message: `forced ${forced}` } };
		}
		if (request.path === BASE && request.method === 'POST') {
			const body = JSON.parse(request.body);
			const subscription: Subscription = { id: nextId++, via: body.via, notifications: body.notifications, webhook: body.webhook };
			subscriptions.set(subscription.id, subscription);
			return { status: 201, body: { data: subscription } };
		}
		const match = new RegExp(`^${BASE.replace(/\./g, '\\.')}/([^/]+)$`).exec(request.path);
		if (match) {
			const subscription = subscriptions.get(Number(decodeURIComponent(match[1])));
			if (!subscription) return { status: 404, body: { message: 'No query results for model [Notification].' } };
			if (request.method === 'GET') return { body: { data: subscription } };
			if (request.method === 'DELETE') {
				subscriptions.delete(subscription.id);
				return { status: 204 };
			}
		}
		return { status: 405, body: { message: `mock: ${request.method} ${request.path} not handled` } };
	};

	return {
		handler,
		subscriptions,
		failNext: (method, status) => once.set(method, status),
		failAlways: (method, status) => (status === undefined ? always.delete(method) : always.set(method, status)),
	};
}
