/**
 * The webhook lifecycle against the mock tenant's notifications API, through n8n-core's
 * HookContext: subscribe on activation, check on start, unsubscribe on deactivation.
 */
import { startMockTenant, type LoggedRequest, type MockTenantServer } from '../../scripts/mock-tenant/server';
import { validateRequest } from '../../scripts/mock-tenant/openapi-validator';
import { PRODUCTION_URL, TEST_URL, activate, createTriggerWorkflow, deactivate, runWebhookMethod, type TriggerWorkflow } from './helpers/trigger-harness';

// The first validation builds openapi-backend's validators for the whole spec (tens of seconds).
jest.setTimeout(120_000);

const TOKEN = 'tok_TRIGGER_5f2a9c';
const EVENTS = ['session.start.stop.notification', 'evse.changed'];

const BASE = '/public-api/notifications/v2.0';

let mock: MockTenantServer;

beforeEach(async () => {
	mock = await startMockTenant();
});
afterEach(async () => {
	await mock.close();
});

function trigger(events = EVENTS, staticData?: object): TriggerWorkflow {
	return createTriggerWorkflow({ tenantUrl: mock.url, apiToken: TOKEN, parameters: { events }, staticData: staticData as never });
}

/** What n8n keeps across a restart: the persisted static data; everything else is rebuilt. */
function restart(previous: TriggerWorkflow, events = EVENTS): TriggerWorkflow {
	return trigger(events, previous.staticData());
}

const calls = () => mock.requests.map((r) => `${r.method} ${r.path}`);

function expectValid(request: LoggedRequest, operationId: string) {
	expect(request.operationId).toBe(operationId);
	expect(request.violations).toEqual([]);
}

/** Every request with this method is answered with this status (message "forced <status>"), the rest by the tenant. */
function failAlways(method: string, status: number) {
	mock.handle((request) => (request.method === method ? { status, body: { message: `forced ${status}` } } : undefined));
}

test('activation sends one subscribe request that the OpenAPI validator accepts, and records the subscription', async () => {
	const t = trigger();
	expect(await activate(t)).toEqual({ existed: false });

	expect(calls()).toEqual([`POST ${BASE}`]);
	const [subscribe] = mock.requests;
	expectValid(subscribe, 'notificationsSubscribe');
	expect(JSON.parse(subscribe.body)).toEqual({ via: 'webhook', notifications: EVENTS, webhook: { callbackUrl: PRODUCTION_URL } });
	// The shared validator ignores `format: uri` (it has no format plugin): the URL is checked here.
	expect(new URL(PRODUCTION_URL).protocol).toBe('http:');
	expect(PRODUCTION_URL.length).toBeLessThanOrEqual(500);
	expect(subscribe.headers.authorization).toBe(`Bearer ${TOKEN}`);
	expect(t.staticData()).toEqual({ subscriptions: { [PRODUCTION_URL]: { id: 1, events: EVENTS } } });
	expect([...mock.tenant.subscriptions.values()]).toEqual([{ id: 1, via: 'webhook', notifications: EVENTS, webhook: { callbackUrl: PRODUCTION_URL } }]);
});

test('the validator does reject a subscribe body AMPECO would refuse (so the check above can fail)', async () => {
	const t = trigger();
	await activate(t);
	const bad = { ...mock.requests[0], body: JSON.stringify({ via: 'webhook', notifications: ['NoSuchNotification'], webhook: { callbackUrl: PRODUCTION_URL } }) };
	expect((await validateRequest(bad)).errors).not.toEqual([]);
});

test('a start with the subscription still live (n8n 1.123 runs checkExists): one GET, no second subscription', async () => {
	const first = trigger();
	await activate(first);
	mock.requests.length = 0;

	const afterRestart = restart(first);
	expect(await activate(afterRestart)).toEqual({ existed: true });
	expect(calls()).toEqual([`GET ${BASE}/1`]);
	expectValid(mock.requests[0], 'notificationRead');
	expect(mock.tenant.subscriptions.size).toBe(1);
	expect(afterRestart.staticData()).toEqual(first.staticData());
});

test('checkExists recreates a subscription deleted behind n8n’s back: false, then create subscribes again', async () => {
	const first = trigger();
	await activate(first);
	mock.tenant.subscriptions.clear(); // deleted in the AMPECO back office
	mock.requests.length = 0;

	const t = restart(first);
	expect(await runWebhookMethod(t, 'checkExists')).toBe(false);
	expect(t.staticData()).toEqual({ subscriptions: {} });
	expect(await runWebhookMethod(t, 'create')).toBe(true);

	expect(calls()).toEqual([`GET ${BASE}/1`, `POST ${BASE}`]);
	expectValid(mock.requests[1], 'notificationsSubscribe');
	expect(t.staticData()).toEqual({ subscriptions: { [PRODUCTION_URL]: { id: 2, events: EVENTS } } });
	expect([...mock.tenant.subscriptions.keys()]).toEqual([2]);
});

test('checkExists answers false when the events changed; create replaces the old subscription instead of adding one', async () => {
	const first = trigger();
	await activate(first);
	mock.requests.length = 0;

	const t = restart(first, ['cdr.received']);
	expect(await activate(t)).toEqual({ existed: false });
	expect(calls()).toEqual([`GET ${BASE}/1`, `DELETE ${BASE}/1`, `POST ${BASE}`]);
	expectValid(mock.requests[1], 'notificationsUnsubscribe');
	expect([...mock.tenant.subscriptions.values()].map((s) => [s.id, s.notifications])).toEqual([[2, ['cdr.received']]]);
});

test('checkExists answers false when the subscription in AMPECO points elsewhere', async () => {
	const first = trigger();
	await activate(first);
	mock.tenant.subscriptions.get(1)!.webhook!.callbackUrl = 'https://elsewhere.example.com/hook';
	mock.requests.length = 0;

	expect(await runWebhookMethod(restart(first), 'checkExists')).toBe(false);
	expect(calls()).toEqual([`GET ${BASE}/1`]);
});

test('deactivation sends the unsubscribe and forgets the subscription', async () => {
	const t = trigger();
	await activate(t);
	mock.requests.length = 0;

	expect(await deactivate(t)).toBe(true);
	expect(calls()).toEqual([`DELETE ${BASE}/1`]);
	expectValid(mock.requests[0], 'notificationsUnsubscribe');
	expect(mock.tenant.subscriptions.size).toBe(0);
	expect(t.staticData()).toEqual({ subscriptions: {} });
});

test('a 404 on delete (already gone) is tolerated', async () => {
	const t = trigger();
	await activate(t);
	mock.tenant.subscriptions.clear();
	mock.requests.length = 0;

	await expect(deactivate(t)).resolves.toBe(true);
	expect(calls()).toEqual([`DELETE ${BASE}/1`]);
	expect(mock.requests.length).toBe(1);
	expect(t.staticData()).toEqual({ subscriptions: {} });
});

test('a 500 on delete is reported, and the subscription stays on record for the next activation', async () => {
	const t = trigger();
	await activate(t);
	failAlways('DELETE', 500);
	mock.requests.length = 0;

	await expect(deactivate(t)).rejects.toMatchObject({ httpCode: '500', message: expect.stringContaining('AMPECO Trigger: unsubscribe failed with HTTP 500') });
	// DELETE is idempotent: the transport retried it before giving up.
	expect(calls().every((c) => c === `DELETE ${BASE}/1`)).toBe(true);
	expect(mock.requests.length).toBeGreaterThanOrEqual(1);
	expect(t.staticData()).toEqual({ subscriptions: { [PRODUCTION_URL]: { id: 1, events: EVENTS } } });
	expect(mock.tenant.subscriptions.size).toBe(1);
});

test('an error other than 404 while checking is reported, not taken for "gone"', async () => {
	const first = trigger();
	await activate(first);
	failAlways('GET', 403);
	mock.requests.length = 0;

	await expect(activate(restart(first))).rejects.toMatchObject({ httpCode: '403' });
	expect(calls()).toEqual([`GET ${BASE}/1`]);
});

test('a 404 is recognised by status, whatever the message says', async () => {
	const first = trigger();
	await activate(first);
	failAlways('GET', 404); // message "forced 404": no "not found" wording
	expect(await runWebhookMethod(restart(first), 'checkExists')).toBe(false);
});

test('"Listen for test event" subscribes the test URL and unsubscribes only that, leaving production alone', async () => {
	const t = trigger();
	await activate(t); // production, id 1
	mock.requests.length = 0;

	expect(await activate(t, { isTest: true })).toEqual({ existed: false });
	expect(calls()).toEqual([`POST ${BASE}`]);
	expect(JSON.parse(mock.requests[0].body).webhook).toEqual({ callbackUrl: TEST_URL });
	expect(t.staticData()).toEqual({
		subscriptions: { [PRODUCTION_URL]: { id: 1, events: EVENTS }, [TEST_URL]: { id: 2, events: EVENTS, test: true } },
	});

	await deactivate(t, { isTest: true });
	expect(calls()).toEqual([`POST ${BASE}`, `DELETE ${BASE}/2`]);
	expect([...mock.tenant.subscriptions.keys()]).toEqual([1]);
	expect(t.staticData()).toEqual({ subscriptions: { [PRODUCTION_URL]: { id: 1, events: EVENTS } } });
});

test("after n8n's public URL changed, activation unsubscribes the old URL's subscription and keeps the test one", async () => {
	const t = trigger();
	await activate(t); // production, id 1
	await activate(t, { isTest: true }); // test, id 2
	// As if n8n had served another address when these were made (WEBHOOK_URL changed since).
	const OLD = 'https://old-n8n.example.com';
	const { subscriptions } = t.staticData() as { subscriptions: Record<string, object> };
	const moved = Object.fromEntries(Object.entries(subscriptions).map(([url, stored]) => [url.replace(new URL(url).origin, OLD), stored]));
	const restarted = trigger(EVENTS, { subscriptions: moved });
	mock.requests.length = 0;

	expect(await activate(restarted)).toEqual({ existed: false });
	expect(calls()).toEqual([`DELETE ${BASE}/1`, `POST ${BASE}`]);
	expect([...mock.tenant.subscriptions.keys()].sort()).toEqual([2, 3]);
	expect(restarted.staticData()).toEqual({
		subscriptions: { [TEST_URL.replace(new URL(TEST_URL).origin, OLD)]: { id: 2, events: EVENTS, test: true }, [PRODUCTION_URL]: { id: 3, events: EVENTS } },
	});
});

test('no event selected: create refuses before sending anything', async () => {
	const t = trigger([]);
	await expect(activate(t)).rejects.toThrow('Select at least one event');
	expect(mock.requests).toEqual([]);
});

test('delete with nothing recorded sends nothing', async () => {
	await expect(deactivate(trigger())).resolves.toBe(true);
	expect(mock.requests).toEqual([]);
});
