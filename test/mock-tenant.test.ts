/**
 * The mock tenant behind the demo, the e2e suite, the jest suite and the benchmark: its
 * answers follow the spec's response schemas (so the demo data is what a real tenant could
 * send), its listings page and filter like the API, and its server checks requests
 * against the spec and limits their rate as AMPECO does.
 */
import OpenAPIBackend from 'openapi-backend';
import { loadSpec } from '../scripts/shared-data';
import { startMockTenant, type MockTenantServer } from '../scripts/mock-tenant/server';
import { MockTenant, type TenantRequest } from '../scripts/mock-tenant/tenant';

let responses: OpenAPIBackend;
let tenant: MockTenant;

beforeAll(async () => {
	// quick: validators compile lazily, only for the handful of operations used here.
	responses = new OpenAPIBackend({
		definition: structuredClone(loadSpec()) as any,
		quick: true,
		strict: false,
		customizeAjv: (ajv) => {
			for (const format of ['date-time', 'datetime', 'date', 'time', 'email', 'uri', 'url', 'decimal', 'datatime', 'integer', 'float', 'double', 'int32', 'int64']) ajv.addFormat(format, true);
			return ajv;
		},
	});
	await responses.init();
	tenant = new MockTenant(new Date('2025-06-11T09:30:00Z'));
});

const ORIGIN = 'http://localhost:5681';

function request(method: string, path: string, query = '', body?: unknown): TenantRequest {
	const operation = responses.router.matchOperation({ method, path, headers: {}, query });
	if (!operation) throw new Error(`no operation for ${method} ${path}`);
	return { method, path, query, body, origin: ORIGIN, operationId: operation.operationId! };
}

async function call(method: string, path: string, query = '', body?: unknown) {
	const req = request(method, path, query, body);
	const reply = await tenant.handle(req);
	const verdict = reply.body === undefined ? { valid: true, errors: [] } : responses.validator.validateResponse(reply.body, req.operationId, reply.status);
	return { ...reply, errors: (verdict.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`) };
}

const LISTINGS = [
	'/public-api/resources/locations/v2.0',
	'/public-api/resources/charge-points/v2.0',
	'/public-api/resources/evses/v2.1',
	'/public-api/resources/sessions/v1.0',
	'/public-api/resources/users/v1.0',
	'/public-api/resources/id-tags/v2.0',
	'/public-api/resources/rfid-tags/v1.0',
	'/public-api/resources/tariff-groups/v1.0',
	'/public-api/resources/tariffs/v1.0',
	'/public-api/resources/currencies/v2.0',
];

describe('mock tenant data follows the response schemas', () => {
	test.each(LISTINGS)('GET %s and GET one of its records', async (path) => {
		const list = await call('GET', path, 'per_page=100');
		expect(list.status).toBe(200);
		expect(list.errors).toEqual([]);
		const first = (list.body as { data: Array<{ id: unknown }> }).data[0];
		const one = await call('GET', `${path}/${first.id}`);
		expect(one.status).toBe(200);
		expect(one.errors).toEqual([]);
		// The spec gives a currency without the `data` envelope.
		expect(one.body).toEqual(path.includes('currencies') ? first : { data: first });
	});

	test('nested listings and the latest hardware status of an EVSE', async () => {
		const evses = await call('GET', '/public-api/resources/charge-points/v2.0/14/evses');
		expect(evses.errors).toEqual([]);
		expect((evses.body as { data: Array<{ id: number }> }).data.map((e) => e.id)).toEqual([141, 142]);
		const log = await call('GET', '/public-api/resources/evses/v2.0/141/latest-hardware-status-log');
		expect(log.errors).toEqual([]);
		expect(log.body).toMatchObject({ data: { status: 'Faulted', errorCode: 'GroundFailure' } });
	});
});

describe('listings', () => {
	test('cursor paging through links.next delivers every record once', async () => {
		const ids: unknown[] = [];
		let query = 'per_page=100';
		for (let page = 0; page < 10; page++) {
			const { body } = await call('GET', '/public-api/resources/sessions/v1.0', query);
			const { data, links } = body as { data: Array<{ id: string }>; links: { next: string | null } };
			ids.push(...data.map((s) => s.id));
			if (!links.next) break;
			expect(links.next.startsWith(`${ORIGIN}/public-api/resources/sessions/v1.0?`)).toBe(true);
			query = new URL(links.next).search.slice(1);
		}
		expect(ids).toEqual(tenant.data.sessions.map((s) => s.id));
		expect(ids.length).toBeGreaterThan(200);
	});

	test('filters on fields and …After/…Before dates', async () => {
		const located = await call('GET', '/public-api/resources/charge-points/v2.0', 'filter[locationId]=2');
		expect((located.body as { data: Array<{ locationId: number }> }).data.map((cp) => cp.locationId)).toEqual([2, 2, 2]);
		const window = await call('GET', '/public-api/resources/sessions/v1.0', 'filter[startedAfter]=2025-06-10T00:00:00Z&filter[startedBefore]=2025-06-11T00:00:00Z&per_page=100');
		const started = (window.body as { data: Array<{ startedAt: string }> }).data.map((s) => s.startedAt);
		expect(started.length).toBeGreaterThan(10);
		expect(started.every((t) => t >= '2025-06-10T00:00:00Z' && t < '2025-06-11T00:00:00Z')).toBe(true);
	});
});

describe('writes', () => {
	test('create echoes the record with a new ID; a duplicate e-mail is a 422 with field errors', async () => {
		const created = await call('POST', '/public-api/resources/users/v1.0', '', { email: 'x@example.com', password: 'Secret-1' });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ data: { id: '1041', email: 'x@example.com' } });
		expect((created.body as { data: object }).data).not.toHaveProperty('password');
		const again = await call('POST', '/public-api/resources/users/v1.0', '', { email: 'x@example.com', password: 'Secret-1' });
		expect(again.status).toBe(422);
		expect(again.body).toEqual({ message: 'The email has already been taken.', errors: { email: ['The email has already been taken.'] } });
	});

	test('update merges, delete removes, an unknown ID is a 404', async () => {
		const updated = await call('PATCH', '/public-api/resources/id-tags/v2.0/5001', '', { status: 'disabled' });
		expect(updated.body).toMatchObject({ data: { id: 5001, status: 'disabled', idTagUid: tenant.data.idTags[0].idTagUid } });
		expect((await call('DELETE', '/public-api/resources/tariffs/v1.0/4')).status).toBe(204);
		expect((await call('GET', '/public-api/resources/tariffs/v1.0/4')).status).toBe(404);
	});

	test('Start Charging Session creates a session; other operations answer from the spec', async () => {
		const started = await call('POST', '/public-api/actions/charge-point/v1.0/17/start/171', '', { userId: 1005 });
		expect(started.status).toBe(202);
		expect(started.errors).toEqual([]);
		const { sessionId } = started.body as { sessionId: number };
		expect(tenant.data.sessions.find((s) => s.id === String(sessionId))).toMatchObject({ chargePointId: 17, evseId: 171, userId: 1005 });
		expect((await call('POST', '/public-api/actions/charge-point/v1.0/999/start/1')).status).toBe(404);

		const circuits = await call('GET', '/public-api/resources/circuits/v2.0');
		expect(circuits.status).toBe(200);
		expect((circuits.body as { links: { next: unknown } }).links.next).toBeNull();
		expect((await call('POST', '/public-api/actions/charge-point/v1.0/17/reset/soft')).status).toBe(202);
	});
});

describe('the server', () => {
	let server: MockTenantServer | undefined;
	afterEach(() => server?.close());

	const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server!.url}${path}`, { headers });

	test('as a tenant it wants a bearer token, refuses a request that breaks the spec with 422, and records every violation', async () => {
		server = await startMockTenant();
		const auth = { Authorization: 'Bearer any' };
		expect((await get('/public-api/resources/currencies/v2.0')).status).toBe(401);
		const refused = await fetch(`${server.url}/public-api/resources/users/v1.0`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"email":42}' });
		expect(refused.status).toBe(422);
		// Laravel ignores a query parameter it does not know: answered, but still a violation.
		expect((await get('/public-api/resources/currencies/v2.0?colour=red', auth)).status).toBe(200);
		expect(server.violations().map((r) => [r.method, r.status])).toEqual([['POST', 422], ['GET', 200]]);
		expect(server.requests.map((r) => r.operationId)).toEqual([undefined, 'userCreate', expect.any(String)]);
	});

	test('a rate limit answers 429 beyond the limit, and says what is left on every answer', async () => {
		server = await startMockTenant({ replies: () => ({ body: {} }), rateLimit: { limit: 2, windowMs: 60_000 } });
		const answers = [];
		for (let i = 0; i < 3; i++) answers.push(await get('/public-api/resources/currencies/v2.0'));
		expect(answers.map((a) => [a.status, a.headers.get('x-ratelimit-remaining')])).toEqual([[200, '1'], [200, '0'], [429, '0']]);
		expect(Number(answers[2].headers.get('retry-after'))).toBeGreaterThan(0);
		expect(server.counters()).toMatchObject({ requests: 3, tooManyRequests: 1, byStatus: { 200: 2, 429: 1 } });
	});
});
