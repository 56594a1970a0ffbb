/**
 * Fault suite: rate limits, server errors, resets and timeouts from the mock tenant's scripted replies.
 * GETs are retried; POSTs (start charging, create) are never repeated after a fault.
 */
import { inTurn, startMockTenant, type MockTenantServer } from '../scripts/mock-tenant/server';
import { runAmpeco, TOKEN } from './helpers/run-ampeco';

const GET_CHARGE_POINT = { resource: 'chargePoint', operation: 'GET /resources/charge-points/v2.0/{chargePoint}', chargePoint: { __rl: true, mode: 'id', value: '7' } };
const START_CHARGING = {
	resource: 'chargePoint',
	operation: 'POST /actions/charge-point/v1.0/{chargePoint}/start/{evse}',
	chargePoint: { __rl: true, mode: 'id', value: '7' },
	evse: { __rl: true, mode: 'id', value: '3' },
};
const LIST_SESSIONS = { resource: 'session', operation: 'GET /resources/sessions/v1.0', returnAll: true };
/** Short backoff keeps the suite fast; the policy is the same. */
const FAST = { requestOptions: { retries: 2 } };
const CHARGE_POINT = { body: { data: { id: 7 } } };

const everything: unknown[] = [];
let mock: MockTenantServer;
beforeAll(async () => {
	mock = await startMockTenant({ validate: false });
});
afterAll(() => mock.close());

async function run(parameters: Record<string, unknown>) {
	const before = mock.requests.length;
	const result = await runAmpeco({ tenantUrl: mock.url, parameters: parameters as never });
	everything.push(result.items, result.error?.message, (result.error as { description?: string })?.description, result.error);
	return { ...result, requests: mock.requests.slice(before) };
}

describe('rate limits', () => {
	test('429 with Retry-After, then success: one retry, the item succeeds', async () => {
		mock.handle(inTurn([{ status: 429, headers: { 'Retry-After': '1' }, body: { message: 'Too Many Attempts.' } }], CHARGE_POINT));
		const started = Date.now();
		const { items, error, requests } = await run(GET_CHARGE_POINT);
		expect(error).toBeUndefined();
		expect(requests).toHaveLength(2);
		expect(items.map((i) => i.json)).toEqual([{ id: 7 }]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	test('a POST answered 429 is sent again: the API did not process it', async () => {
		mock.handle(inTurn([{ status: 429, headers: { 'Retry-After': '0' } }], { body: { data: { id: 1 } } }));
		const { error, requests } = await run(START_CHARGING);
		expect(error).toBeUndefined();
		expect(requests.filter((r) => r.method === 'POST')).toHaveLength(2);
	});

	test('429 asking for longer than the maximum wait fails at once with a clear message', async () => {
		mock.handle(() => ({ status: 429, headers: { 'Retry-After': '120' }, body: { message: 'Too Many Attempts.' } }));
		const started = Date.now();
		const { error, requests } = await run(GET_CHARGE_POINT);
		expect(requests).toHaveLength(1);
		expect(Date.now() - started).toBeLessThan(2000);
		expect(error?.message).toMatch(/HTTP 429.*rate limit/i);
		expect((error as { description?: string }).description).toMatch(/120 s.*more than the 60 s allowed/);
	});

	test('X-RateLimit-Reset is honoured when Retry-After is missing', async () => {
		mock.handle(inTurn([{ status: 429, headers: { 'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + 1) } }], CHARGE_POINT));
		const { error, requests } = await run(GET_CHARGE_POINT);
		expect(error).toBeUndefined();
		expect(requests).toHaveLength(2);
	});
});

describe('server errors', () => {
	test.each([500, 502, 503])('%i then success on GET: retried, the item succeeds', async (status) => {
		mock.handle(inTurn([{ status, body: { message: 'Server Error' } }], CHARGE_POINT));
		const { items, error, requests } = await run({ ...GET_CHARGE_POINT, ...FAST });
		expect(error).toBeUndefined();
		expect(requests).toHaveLength(2);
		expect(items[0].json).toEqual({ id: 7 });
	});

	test.each([500, 502, 503])('%i on POST: not retried, failed once', async (status) => {
		mock.handle(() => ({ status, body: { message: 'Server Error' } }));
		const { error, requests } = await run({ ...START_CHARGING, ...FAST });
		expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
		expect(error?.message).toContain(`HTTP ${status}`);
	});

	test('a GET that keeps failing gives up after the configured retries', async () => {
		mock.handle(() => ({ status: 503, body: { message: 'Down for maintenance' } }));
		const { error, requests } = await run({ ...GET_CHARGE_POINT, ...FAST });
		expect(requests).toHaveLength(3);
		expect(error?.message).toContain('HTTP 503: Down for maintenance');
	});
});

describe('connection faults', () => {
	const timeoutFast = { requestOptions: { retries: 2, timeout: 1 } };

	test.each(['reset', 'hang'] as const)('%s on GET: retried, the item succeeds', async (fault) => {
		mock.handle(inTurn([{ fault }], CHARGE_POINT));
		const { error, requests } = await run({ ...GET_CHARGE_POINT, ...timeoutFast });
		expect(error).toBeUndefined();
		expect(requests.map((r) => r.method)).toEqual(['GET', 'GET']);
	});

	test.each(['reset', 'hang'] as const)('%s on POST: sent exactly once, the item fails clearly', async (fault) => {
		mock.handle(() => ({ fault }));
		const { error, requests } = await run({ ...START_CHARGING, ...timeoutFast });
		expect(requests.map((r) => r.method)).toEqual(['POST']);
		expect(error?.message).toMatch(/no response from AMPECO/);
	});
});

test('paging 1,000 records over 10 pages with a 503 and a 429 mid-way: 1,000 distinct records', async () => {
	let calls = 0;
	mock.handle((request) => {
		calls++;
		if (calls === 4) return { status: 503, body: { message: 'Service Unavailable' } };
		if (calls === 8) return { status: 429, headers: { 'Retry-After': '0' } };
		const cursor = Number(new URLSearchParams(request.query).get('cursor') ?? 0);
		const data = Array.from({ length: 100 }, (_, i) => ({ id: cursor * 100 + i + 1 }));
		const next = cursor < 9 ? `${mock.url}/public-api/resources/sessions/v1.0?cursor=${cursor + 1}&per_page=100` : null;
		return { body: { data, links: { next }, meta: { per_page: 100 } } };
	});
	const { items, error, requests } = await run({ ...LIST_SESSIONS, ...FAST });
	expect(error).toBeUndefined();
	const ids = items.map((i) => i.json.id);
	expect(ids).toHaveLength(1000);
	expect(new Set(ids).size).toBe(1000);
	expect(ids).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
	expect(requests).toHaveLength(12);
});

test('a server repeating the same next-page link stops paging with an error instead of looping', async () => {
	mock.handle(() => ({ body: { data: [{ id: 1 }], links: { next: `${mock.url}/public-api/resources/sessions/v1.0?cursor=same` } } }));
	const { error, requests } = await run(LIST_SESSIONS);
	expect(error?.message).toMatch(/same next-page link twice/);
	// The first page, then the page behind "same", whose link points at itself.
	expect(requests.map((r) => r.query)).toEqual(['per_page=100', 'per_page=100&cursor=same']);
});

test.each([
	['malformed JSON', 'application/json', '{"data": [1,'],
	['an HTML login page', 'text/html', '<html><head><title>Sign in</title></head><body>...</body></html>'],
])('a 200 with %s fails clearly instead of returning text as data', async (_what, type, text) => {
	mock.handle(() => ({ status: 200, text, headers: { 'Content-Type': type } }));
	const { error, items } = await run(GET_CHARGE_POINT);
	expect(items).toEqual([]);
	expect(error?.message).toMatch(/HTTP 200 with a body that is not JSON/);
});

test('the token appears in no error, description or output of this suite', () => {
	const seen = JSON.stringify(everything, (_k, v) => (v instanceof Error ? { ...v, message: v.message, stack: v.stack, cause: (v as { cause?: unknown }).cause } : v));
	expect(seen.length).toBeGreaterThan(1000);
	expect(seen).not.toContain(TOKEN);
});
