/**
 * "From List": each ID parameter's search is backed by the listing of the entity, chosen
 * from the operation being edited. The editor context is a small fake; the HTTP call is real.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { Ampeco } from '../nodes/Ampeco/Ampeco.node';
import { PAGE_TTL_MS, clearPageCache } from '../nodes/Ampeco/methods/page-cache';
import { recordLabel } from '../nodes/Ampeco/methods/record-label';
import { startMockTenant, type MockTenantServer } from '../scripts/mock-tenant/server';
import { TOKEN } from './helpers/run-ampeco';

const CHARGE_POINTS = [
	{ id: 1, name: 'Sofia Mall' },
	{ id: 2, name: 'Airport P2' },
	{ id: 3, name: 'Depot East' },
];

/** EVSEs of two charge points with the same labels, as the demo tenant has them. */
const EVSES = [
	{ id: 121, chargePointId: 12, label: 'Left', physicalReference: '12-A', status: 'enabled', hardwareStatus: 'available' },
	{ id: 122, chargePointId: 12, label: 'Right', physicalReference: '12-B', status: 'enabled', hardwareStatus: 'charging' },
	{ id: 131, chargePointId: 13, label: 'Left', physicalReference: '13-A', status: 'enabled', hardwareStatus: 'faulted' },
];

/** AMPECO's filters match a whole value: filter[name]=Depot East. */
function filtered<T extends object>(records: T[], query: URLSearchParams): T[] | undefined {
	const filters = [...query].filter(([key]) => key.startsWith('filter['));
	if (!filters.length) return undefined;
	return records.filter((r) => filters.every(([key, value]) => String((r as Record<string, unknown>)[key.slice(7, -1)]) === value));
}

let mock: MockTenantServer;
beforeAll(async () => {
	mock = await startMockTenant({
		replies: (request) => {
			const query = new URLSearchParams(request.query);
			const cursor = query.get('cursor');
			if (request.path.endsWith('/charge-points/v2.0') && filtered(CHARGE_POINTS, query)) {
				return { body: { data: filtered(CHARGE_POINTS, query), links: { next: null } } };
			}
			if (request.path.endsWith('/evses/v2.1')) return { body: { data: filtered(EVSES, query) ?? EVSES, links: { next: null } } };
			if (request.path.endsWith('/charge-points/v2.0/12/evses')) {
				return { body: { data: [{ id: 5, physicalReference: 'BG-EVSE-5' }, { id: 6, physicalReference: 'BG-EVSE-6' }], links: { next: null } } };
			}
			if (request.path.endsWith('/charge-points/v2.0')) {
				return cursor
					? { body: { data: CHARGE_POINTS.slice(2), links: { next: null } } }
					: { body: { data: CHARGE_POINTS.slice(0, 2), links: { next: `${mock.url}/public-api/resources/charge-points/v2.0?cursor=abc` } } };
			}
			return { status: 404, body: { message: 'Not Found' } };
		},
	});
});
afterAll(() => mock.close());
beforeEach(() => clearPageCache());
afterEach(() => jest.restoreAllMocks());

/** What n8n gives a listSearch method: the node's current parameters, its credential and authenticated HTTP. */
function editorContext(parameters: Record<string, unknown>, credentialId?: string): ILoadOptionsFunctions {
	const credentials = credentialId ? { ampecoApi: { id: credentialId, name: 'AMPECO' } } : undefined;
	return {
		getNode: () => ({ id: '1', name: 'AMPECO', type: 'n8n-nodes-ampeco.ampeco', typeVersion: 1, position: [0, 0], parameters: {}, credentials }),
		getCurrentNodeParameter: (name: string) => {
			const value = parameters[name] as { __rl?: boolean; value?: unknown } | undefined;
			return value && typeof value === 'object' && value.__rl ? value.value : value;
		},
		getCredentials: async () => ({ tenantUrl: mock.url, apiToken: TOKEN }),
		helpers: {
			// The node sets the bearer header itself once it has read the credential (transport/request.ts).
			httpRequest: async (options: { url: string; method: string; headers: Record<string, string> }) => {
				const response = await fetch(options.url, { method: options.method, headers: options.headers });
				return { statusCode: response.status, body: await response.text(), headers: Object.fromEntries(response.headers) };
			},
		},
	} as unknown as ILoadOptionsFunctions;
}

const { listSearch } = new Ampeco().methods;

test('charge points are listed by name, with paging through links.next', async () => {
	const ctx = editorContext({ operation: 'GET /resources/charge-points/v2.0/{chargePoint}' });
	const first: INodeListSearchResult = await listSearch.searchChargePoint.call(ctx);
	expect(first.results).toEqual([
		{ name: 'Sofia Mall (#1)', value: '1' },
		{ name: 'Airport P2 (#2)', value: '2' },
	]);
	expect(first.paginationToken).toBe('abc');
	const second = await listSearch.searchChargePoint.call(ctx, undefined, first.paginationToken as string);
	expect(second.results).toEqual([{ name: 'Depot East (#3)', value: '3' }]);
	expect(second.paginationToken).toBeUndefined();
	expect(mock.requests.at(-1)!.query).toContain('cursor=abc');
	expect(mock.requests.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
});

test('the search text filters the results', async () => {
	const ctx = editorContext({ operation: 'PATCH /resources/charge-points/v2.0/{chargePoint}' });
	const { results } = await listSearch.searchChargePoint.call(ctx, 'airport');
	expect(results).toEqual([{ name: 'Airport P2 (#2)', value: '2' }]);
});

test('EVSEs that share a label are told apart by QR code, charge point and status', async () => {
	const ctx = editorContext({ operation: 'PATCH /resources/evses/v2.1/{evse}' });
	const { results } = await listSearch.searchEvse.call(ctx);
	expect(results.map((r) => r.name)).toEqual([
		'Left · 12-A · Charge Point 12 · Available (#121)',
		'Right · 12-B · Charge Point 12 · Charging (#122)',
		'Left · 13-A · Charge Point 13 · Faulted (#131)',
	]);
	const { results: faulted } = await listSearch.searchEvse.call(ctx, 'faulted');
	expect(faulted.map((r) => r.value)).toEqual(['131']);
});

test("a name typed in full is looked up with the listing's own filter, beyond the first page", async () => {
	const ctx = editorContext({ operation: 'GET /resources/charge-points/v2.0/{chargePoint}' });
	const { results } = await listSearch.searchChargePoint.call(ctx, 'Depot East');
	expect(results).toEqual([{ name: 'Depot East (#3)', value: '3' }]);
	expect(mock.requests.some((r) => r.path.endsWith('/charge-points/v2.0') && new URLSearchParams(r.query).get('filter[name]') === 'Depot East')).toBe(true);
});

test('a listing that fits in one page is searched where it is: no lookups', async () => {
	const before = mock.requests.length;
	const evses = await listSearch.searchEvse.call(editorContext({ operation: 'GET /resources/evses/v2.1/{evse}' }), '13-A');
	expect(evses.results.map((r) => r.value)).toEqual(['131']);
	expect(mock.requests.slice(before).map((r) => r.query)).toEqual(['per_page=100']);
});

test('typing does not fetch the listing again: its pages are kept for a minute, per credential', async () => {
	const ctx = editorContext({ operation: 'PATCH /resources/evses/v2.1/{evse}' }, 'cred-1');
	const listings = () => mock.requests.filter((r) => r.path.endsWith('/evses/v2.1') && !r.query.includes('filter')).length;
	const before = listings();
	for (const text of ['', 'l', 'le', 'lef', 'left']) await listSearch.searchEvse.call(ctx, text);
	expect(listings() - before).toBe(1);
	// Another credential never sees these pages.
	await listSearch.searchEvse.call(editorContext({ operation: 'PATCH /resources/evses/v2.1/{evse}' }, 'cred-2'), 'left');
	expect(listings() - before).toBe(2);
	// A minute later the listing is fetched again.
	const now = Date.now();
	jest.spyOn(Date, 'now').mockReturnValue(now + PAGE_TTL_MS + 1);
	await listSearch.searchEvse.call(ctx, 'left');
	expect(listings() - before).toBe(3);
});

test("an EVSE under a charge point lists that charge point's EVSEs", async () => {
	const ctx = editorContext({
		operation: 'GET /resources/charge-points/v2.0/{chargePoint}/evses/{evse}',
		chargePoint: { __rl: true, mode: 'list', value: '12' },
	});
	const { results } = await listSearch.searchEvse.call(ctx);
	expect(results).toEqual([
		{ name: 'BG-EVSE-5 (#5)', value: '5' },
		{ name: 'BG-EVSE-6 (#6)', value: '6' },
	]);
	expect(mock.requests.at(-1)!.path).toBe('/public-api/resources/charge-points/v2.0/12/evses');
});

test('the parent ID must be set before its children can be listed', async () => {
	const ctx = editorContext({ operation: 'GET /resources/charge-points/v2.0/{chargePoint}/evses/{evse}' });
	await expect(listSearch.searchEvse.call(ctx)).rejects.toThrow(/Set "chargePoint" first/);
});

test('users read by name and e-mail; a record with nothing to show reads by its ID', () => {
	expect(recordLabel({ id: 5, firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com', status: 'active' })).toBe('Ann Lee · ann@example.com · Active (#5)');
	expect(recordLabel({ id: 7, email: 'bo@example.com' })).toBe('bo@example.com (#7)');
	expect(recordLabel({ id: 9 })).toBe('#9');
});
