/**
 * The AMPECO Trigger in a running n8n (`n8n start`): activation subscribes in the mock
 * tenant with n8n's production webhook URL, a signed delivery to that URL starts one
 * execution whose item is the payload plus `event`, a delivery with a wrong signature is
 * answered 401 and starts nothing, and deactivation unsubscribes.
 */
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'crypto';
import { createRequire } from 'module';
import { CREDENTIAL_TYPE, DEMO_CREDENTIAL } from '../../scripts/n8n/config';
import type { N8nInstance } from '../../scripts/n8n/n8n-cli';
import type { LoggedRequest, MockTenantServer } from '../../scripts/mock-tenant/server';
import { calls } from './context';
import { SESSION_STOPPED } from '../trigger/helpers/payloads';
import type { N8nSession } from './session';

const TRIGGER_TYPE = 'n8n-nodes-ampeco.ampecoTrigger';
const TRIGGER_NODE = 'AMPECO Trigger';
const EVENT = SESSION_STOPPED.notification;
const SUBSCRIPTIONS = '/public-api/notifications/v2.0';

export interface TriggerScenario {
	title: string;
	run(ctx: { instance: N8nInstance; session: N8nSession; mock: MockTenantServer; token: string }): Promise<void>;
}

/** Polls `probe` until it returns something other than undefined. */
async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** n8n answers REST calls as { data: … }. */
const unwrap = (body: any) => (body && typeof body === 'object' && 'data' in body ? body.data : body);

function violationsOf(requests: LoggedRequest[]): string {
	return requests
		.filter((r) => r.violations.length)
		.map((r) => `${r.method} ${r.path}\n  ${r.violations.join('\n  ')}`)
		.join('\n');
}

export const triggerScenarios: TriggerScenario[] = [
	{
		title: 'AMPECO Trigger: activation subscribes, a signed delivery starts an execution, a wrong signature is refused, deactivation unsubscribes',
		async run({ instance, session, mock, token }) {
			const before = mock.requests.length;
			const ours = () => mock.requests.slice(before);
			const webhookId = randomUUID();
			const payload = SESSION_STOPPED;

			// Created through the REST API, which returns the versionId that POST /activate asks for (1.123 and 2.x).
			const created = unwrap(
				(
					await session.rest('POST', '/rest/workflows', {
						name: 'e2e: AMPECO Trigger',
						active: false,
						nodes: [
							{
								id: 'e2eTrigger-n0',
								name: TRIGGER_NODE,
								type: TRIGGER_TYPE,
								typeVersion: 1,
								position: [0, 0],
								webhookId,
								parameters: { events: [EVENT] },
								credentials: { [CREDENTIAL_TYPE]: DEMO_CREDENTIAL },
							},
						],
						connections: {},
						settings: { executionOrder: 'v1' },
					})
				).body,
			);
			const workflowId = String(created.id);
			assert.ok(workflowId && created.versionId, 'the created workflow has an id and a versionId');

			// Activate: n8n calls checkExists (nothing stored yet) and create → one subscribe request.
			await session.rest('POST', `/rest/workflows/${workflowId}/activate`, { versionId: created.versionId });
			const callbackUrl = `${session.server.url}/webhook/${webhookId}/webhook`;
			const subscribe = await until('the subscribe request', () => ours().find((r) => r.method === 'POST' && r.path === SUBSCRIPTIONS && r.status));
			assert.equal(subscribe.status, 201, `subscribe answered ${subscribe.status}: ${violationsOf([subscribe])}`);
			assert.equal(subscribe.operationId, 'notificationsSubscribe');
			assert.deepEqual(JSON.parse(subscribe.body), { via: 'webhook', notifications: [EVENT], webhook: { callbackUrl } }, 'subscribed with the production webhook URL');
			assert.equal(violationsOf(ours()), '', 'every request conforms to the spec');
			assert.deepEqual(
				calls(ours()).filter((c) => c.startsWith('POST /notifications')),
				['POST /notifications/v2.0'],
				'exactly one subscribe',
			);
			const [subscription] = [...mock.tenant.subscriptions.values()].filter((s) => s.webhook?.callbackUrl === callbackUrl);
			assert.ok(subscription, 'the tenant holds the subscription');

			const deliver = (raw: string, signature: string) =>
				fetch(callbackUrl.replace('localhost', '127.0.0.1'), {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						'x-signature': signature,
						'x-timestamp': new Date().toISOString().replace('Z', '123Z'),
						'x-tenant': 'tenant-e2e',
						'x-webhook-id': String(subscription.id),
						'x-webhook-type': EVENT,
					},
					body: raw,
				});
			const raw = `${JSON.stringify(payload, null, 1)}\n`;
			const hmac = (text: string, key: string) => createHmac('sha256', key).update(text).digest('hex');

			// A wrong signature first: answered 401 and no execution (checked below: exactly one execution, the signed one's).
			const forged = await deliver(raw, hmac(raw, `${token}-wrong`));
			assert.equal(forged.status, 401, `a wrong signature is refused: ${await forged.text()}`);

			const signed = await deliver(raw, hmac(raw, token));
			assert.equal(signed.status, 200, `the signed delivery is accepted: ${await signed.text()}`);

			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const listing = await until('a finished execution', async () => {
				const list = unwrap((await session.rest('GET', `/rest/executions?filter=${filter}&limit=10`)).body) as { results: Array<{ id: string; status: string }> };
				return list.results.length && list.results.every((e) => !['new', 'running', 'waiting'].includes(e.status)) ? list.results : undefined;
			});
			assert.equal(listing.length, 1, `one execution (the wrong signature started none): ${JSON.stringify(listing)}`);
			assert.equal(listing[0].status, 'success');

			const execution = unwrap((await session.rest('GET', `/rest/executions/${listing[0].id}`)).body);
			// The run data is flatted-encoded; read it with the flatted n8n itself uses.
			const { parse } = createRequire(instance.install.cli)('flatted') as { parse(text: string): any };
			const data = typeof execution.data === 'string' ? parse(execution.data) : execution.data;
			const runs = data.resultData.runData[TRIGGER_NODE];
			assert.ok(runs?.length, 'the trigger node ran');
			const items = runs[0].data.main[0] as Array<{ json: Record<string, unknown> }>;
			assert.equal(items.length, 1, 'one item');
			const { event, delivery, ...body } = items[0].json;
			assert.deepEqual(body, payload, 'the item carries the payload');
			assert.equal(event, EVENT);
			assert.deepEqual(delivery, { webhookId: String(subscription.id), type: EVENT, tenant: 'tenant-e2e', timestamp: (delivery as { timestamp: string }).timestamp, signatureVerified: true });

			// Deactivate: n8n calls delete → DELETE of the stored subscription.
			await session.rest('POST', `/rest/workflows/${workflowId}/deactivate`, {});
			const unsubscribe = await until('the unsubscribe request', () => ours().find((r) => r.method === 'DELETE' && r.status));
			assert.equal(unsubscribe.path, `${SUBSCRIPTIONS}/${subscription.id}`);
			assert.equal(unsubscribe.operationId, 'notificationsUnsubscribe');
			assert.equal(unsubscribe.status, 204);
			assert.equal(mock.tenant.subscriptions.has(subscription.id), false, 'the subscription is gone');
			assert.equal(violationsOf(ours()), '', 'every request conforms to the spec');
			const token401 = ours().filter((r) => r.status === 401);
			assert.equal(token401.length, 0, 'n8n authenticated every call with the credential');
		},
	},
];
