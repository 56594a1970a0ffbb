/**
 * "From List": each ID parameter's search is backed by the listing of the entity, chosen
 * from the operation being edited. The editor context is a small fake; the HTTP call is real.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { Ampeco } from '../nodes/Ampeco/Ampeco.node';
import { startMockTenant, type MockTenantServer } from '../scripts/mock-tenant/server';
import { TOKEN } from './helpers/run-ampeco';

let mock: MockTenantServer;
beforeAll(async () => {
	mock = await startMockTenant({
		replies: (request) => {
			const cursor = new URLSearchParams(request.query).get('cursor');
			if (request.path.endsWith('/charge-points/v2.0/12/evses')) {
				return { body: { data: [{ id: 5, physicalReference: 'BG-EVSE-5' }, { id: 6, physicalReference: 'BG-EVSE-6' }], links: { next: null } } };
			}
			if (request.path.endsWith('/charge-points/v2.0')) {
				return cursor
					? { body: { data: [{ id: 3, name: 'Depot East' }], links: { next: null } } }
					: { body: { data: [{ id: 1, name: 'Sofia Mall' }, { id: 2, name: 'Airport P2' }], links: { next: `${mock.url}/public-api/resources/charge-points/v2.0?cursor=abc` } } };
			}
			return { status: 404, body: { message: 'Not Found' } };
		},
	});
});
afterAll(() => mock.close());

/** What n8n gives a listSearch method: the node's current parameters and authenticated HTTP. */
function editorContext(parameters: Record<string, unknown>): ILoadOptionsFunctions {
	return {
		getNode: () => ({ id: '1', name: 'AMPECO', type: 'n8n-nodes-ampeco.ampeco', typeVersion: 1, position: [0, 0], parameters: {} }),
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
