/** Items run concurrently, bounded, in input order, with Continue On Fail per item. */
import { startMockTenant, type MockTenantServer } from '../scripts/mock-tenant/server';
import { DEFAULT_CONCURRENCY } from '../nodes/shared/transport/throttle';
import { runAmpeco } from './helpers/run-ampeco';

const GET = { resource: 'evse', operation: 'GET /resources/evses/v2.1/{evse}', evse: '={{ { "__rl": true, "mode": "id", "value": String($json.id) } }}' };

let probe: MockTenantServer;
afterEach(() => probe.close());

/** Answers GET /evses/{id} after a delay that varies per id, so answers arrive out of order. */
async function startProbe(options: { fail?: (id: number) => boolean; headers?: (count: number) => Record<string, string> } = {}): Promise<void> {
	probe = await startMockTenant({
		replies: (request, index) => {
			const id = Number(request.path.split('/').pop());
			// Long enough that, on a loaded machine, the first answers do not return before the 20th request is sent.
			const answer = { headers: options.headers?.(index + 1), delayMs: 25 + ((id * 7) % 13) };
			return options.fail?.(id) ? { ...answer, status: 404, body: { message: `EVSE ${id} not found` } } : { ...answer, body: { data: { id, label: `evse-${id}` } } };
		},
	});
}

/** EVSE ids in the order their requests arrived. */
const received = () => probe.requests.map((r) => Number(r.path.split('/').pop()));

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ json: { id: i + 1 } }));

test(`45 items run ${DEFAULT_CONCURRENCY} at a time by default; output keeps input order and pairing`, async () => {
	await startProbe();
	const { items: out, error } = await runAmpeco({ tenantUrl: probe.url, parameters: GET as never, inputItems: items(45) });
	expect(error).toBeUndefined();
	expect(out.map((o) => o.json.id)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
	expect(out.map((o) => o.pairedItem)).toEqual(Array.from({ length: 45 }, (_, i) => ({ item: i })));
	expect(probe.counters().maxInFlight).toBe(DEFAULT_CONCURRENCY);
});

test('Concurrency 1 sends one item after another', async () => {
	await startProbe();
	const { error } = await runAmpeco({ tenantUrl: probe.url, parameters: { ...GET, requestOptions: { concurrency: 1 } } as never, inputItems: items(8) });
	expect(error).toBeUndefined();
	expect(probe.counters().maxInFlight).toBe(1);
	expect(received()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
});

test('Continue On Fail: failed items become error items in their place', async () => {
	await startProbe({ fail: (id) => id % 5 === 0 });
	const { items: out, error } = await runAmpeco({ tenantUrl: probe.url, parameters: GET as never, inputItems: items(12), continueOnFail: true });
	expect(error).toBeUndefined();
	expect(out).toHaveLength(12);
	out.forEach((o, i) => {
		expect(o.pairedItem).toEqual({ item: i });
		if ((i + 1) % 5 === 0) expect(o.json.error).toMatch(new RegExp(`HTTP 404: EVSE ${i + 1} not found`));
		else expect(o.json).toEqual({ id: i + 1, label: `evse-${i + 1}` });
	});
});

test('without Continue On Fail the first failure stops the run and no later item starts', async () => {
	await startProbe({ fail: (id) => id === 3 });
	const { error } = await runAmpeco({ tenantUrl: probe.url, parameters: { ...GET, requestOptions: { concurrency: 2 } } as never, inputItems: items(40) });
	expect(error?.message).toContain('EVSE 3 not found');
	// Items already in flight when item 3 failed may finish; none beyond them is sent.
	expect(Math.max(...received())).toBeLessThanOrEqual(3 + 2);
});

test('when AMPECO reports its limit is near, the node slows to one request at a time', async () => {
	await startProbe({ headers: (count) => ({ 'X-RateLimit-Limit': '6000', 'X-RateLimit-Remaining': String(count < 5 ? 500 : 3) }) });
	const { error } = await runAmpeco({ tenantUrl: probe.url, parameters: { ...GET, requestOptions: { concurrency: 10 } } as never, inputItems: items(40) });
	expect(error).toBeUndefined();
	// Ten start at once; once answers say 3 requests remain, the rest go one at a time.
	expect(probe.counters().maxInFlight).toBe(10);
	expect(Math.max(...probe.requests.slice(20).map((r) => r.inFlight))).toBe(1);
});
