/**
 * The webhook lifecycle n8n drives: checkExists → create on activation (and, on n8n 1.x, at
 * every start), delete on deactivation. For "Listen for test event" n8n calls the same three
 * with the test URL, then delete once the test event arrived or timed out.
 *
 * Nothing is kept in memory: the subscription lives in AMPECO, its id in the workflow's
 * static data (persisted by n8n), keyed by the callback URL. Keying by URL keeps a test
 * subscription (webhook-test URL) apart from the production one of the same node, so a test
 * run never replaces or unsubscribes the production subscription. When n8n's public URL
 * changes (WEBHOOK_URL, N8N_HOST), create unsubscribes what was made for the old URL of the
 * same kind, which would otherwise keep being delivered to an address n8n no longer serves.
 */
import { NodeApiError, NodeOperationError, type IDataObject, type IHookFunctions, type JsonObject } from 'n8n-workflow';
import { send, openTenant, type ApiRequest } from '../shared/transport/request';
import { PARAM } from './properties';

const SUBSCRIPTIONS_PATH = '/public-api/notifications/v2.0';

interface StoredSubscription {
	id: string | number;
	events: string[];
	/** Made by "Listen for test event", for the test URL. */
	test?: true;
}

type Subscriptions = Record<string, StoredSubscription>;

function subscriptions(ctx: IHookFunctions): Subscriptions {
	const staticData = ctx.getWorkflowStaticData('node') as IDataObject & { subscriptions?: Subscriptions };
	staticData.subscriptions ??= {};
	return staticData.subscriptions;
}

function callbackUrl(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n did not provide a webhook URL for this trigger');
	return url;
}

/** n8n runs the webhook methods in mode "manual" for "Listen for test event", otherwise for the active workflow. */
function isTestHook(ctx: IHookFunctions): boolean {
	return ctx.getMode() === 'manual';
}

function selectedEvents(ctx: IHookFunctions): string[] {
	const events = ctx.getNodeParameter(PARAM.events, []) as string[];
	return [...new Set(Array.isArray(events) ? events : [])];
}

function sameSet(a: unknown, b: string[]): boolean {
	if (!Array.isArray(a)) return false;
	const left = new Set(a.map(String));
	return left.size === new Set(b).size && b.every((v) => left.has(v));
}

function itemPath(id: string | number): string {
	return `${SUBSCRIPTIONS_PATH}/${encodeURIComponent(String(id))}`;
}

/** A 404 from the transport: the subscription is gone. Decided by status, never by message text. */
function isNotFound(error: unknown): boolean {
	return typeof error === 'object' && error !== null && String((error as { httpCode?: unknown }).httpCode) === '404';
}

async function request(ctx: IHookFunctions, origin: string, apiRequest: ApiRequest) {
	return await send(ctx, origin, { ...apiRequest, label: `AMPECO Trigger: ${apiRequest.label}` });
}

/**
 * The transport throws only NodeApiErrors, with the HTTP status; wrapping one in NodeApiError
 * hands back the same error (n8n-workflow 1.x and 2.x), so nothing is lost or hidden.
 */
function apiError(ctx: IHookFunctions, error: unknown): NodeApiError {
	return new NodeApiError(ctx.getNode(), error as JsonObject);
}

/** Unsubscribes; a subscription already gone (404) counts as done. Other failures throw. */
async function unsubscribe(ctx: IHookFunctions, origin: string, id: string | number): Promise<void> {
	try {
		await request(ctx, origin, { method: 'DELETE', path: itemPath(id), label: 'unsubscribe' });
	} catch (error) {
		if (!isNotFound(error)) throw apiError(ctx, error);
	}
}

/**
 * True only when the stored subscription still exists in AMPECO for this URL and exactly
 * the selected events. Otherwise false, and n8n calls create, which replaces it.
 */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const url = callbackUrl(this);
	const stored = subscriptions(this)[url];
	if (!stored) return false;
	const origin = await openTenant(this);
	let body: unknown;
	try {
		({ body } = await request(this, origin, { method: 'GET', path: itemPath(stored.id), label: 'check subscription' }));
	} catch (error) {
		if (!isNotFound(error)) throw apiError(this, error);
		// Deleted behind n8n's back (back office, another client): forget it, create subscribes again.
		delete subscriptions(this)[url];
		return false;
	}
	const data = ((body as IDataObject | undefined)?.data ?? {}) as IDataObject;
	const webhook = (data.webhook ?? {}) as IDataObject;
	return data.via === 'webhook' && webhook.callbackUrl === url && sameSet(data.notifications, selectedEvents(this));
}

export async function create(this: IHookFunctions): Promise<boolean> {
	const url = callbackUrl(this);
	const events = selectedEvents(this);
	if (!events.length) throw new NodeOperationError(this.getNode(), 'Select at least one event to subscribe to');
	const all = subscriptions(this);
	const origin = await openTenant(this);
	// Only ever the subscription recorded for this same URL: outdated (other events, edited in AMPECO) and replaced now.
	const previous = all[url];
	if (previous) {
		await unsubscribe(this, origin, previous.id);
		delete all[url];
	}
	const test = isTestHook(this);
	for (const [oldUrl, stored] of Object.entries(all)) {
		if ((stored.test === true) !== test) continue;
		await unsubscribe(this, origin, stored.id);
		delete all[oldUrl];
	}
	const { body } = await request(this, origin, {
		method: 'POST',
		path: SUBSCRIPTIONS_PATH,
		body: { via: 'webhook', notifications: events, webhook: { callbackUrl: url } },
		label: 'subscribe',
	});
	const id = ((body as IDataObject | undefined)?.data as IDataObject | undefined)?.id;
	if (typeof id !== 'number' && (typeof id !== 'string' || id === '')) {
		throw new NodeOperationError(this.getNode(), 'AMPECO accepted the subscription but returned no subscription ID', {
			description: 'Check the notifications in the AMPECO back office: a subscription for this webhook URL may need deleting by hand.',
		});
	}
	all[url] = test ? { id, events, test: true } : { id, events };
	return true;
}

export async function deleteSubscription(this: IHookFunctions): Promise<boolean> {
	const url = callbackUrl(this);
	const all = subscriptions(this);
	const stored = all[url];
	if (!stored) return true;
	// A failure other than 404 throws and keeps the record, so the next activation finds and reuses or replaces it.
	await unsubscribe(this, await openTenant(this), stored.id);
	delete all[url];
	return true;
}
