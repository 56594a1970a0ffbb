/**
 * Workflows saved with the last release, run through n8n's engine by the node generated
 * from a newer API (the synthetic 3.170.0 of helpers/newer-spec.ts).
 */
import { CHANGED, NEWER_VERSION } from './helpers/newer-spec';
import { startMockTenant, type MockTenantServer } from '../scripts/mock-tenant/server';
import { runAmpeco } from './helpers/run-ampeco';

// The node as `npm run generate -- --spec … --index …` would build it; the factories run on first import.
jest.mock('../nodes/Ampeco/catalog/generated/catalog', () => ({ catalog: require('./helpers/newer-spec').upgradedGeneration().catalog }));
jest.mock('../nodes/Ampeco/description/generated/properties.json', () => JSON.parse(require('./helpers/newer-spec').upgradedGeneration().properties));

let mock: MockTenantServer;
beforeAll(async () => {
	// Answers every request itself: the tenant's own answers follow the shipped spec, not the newer one.
	mock = await startMockTenant({ replies: (request) => ({ body: { data: request.method === 'GET' ? [{ id: 1 }] : { id: 1 }, links: { next: null } } }) });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

test('a removed operation fails with a message naming its replacement, and sends nothing', async () => {
	const result = await runAmpeco({
		tenantUrl: mock.url,
		parameters: {
			resource: 'evse',
			operation: CHANGED.removed,
			evse: { __rl: true, mode: 'id', value: '12' },
			bodyFields: { mappingMode: 'defineBelow', value: { status: 'active' } },
		},
	});
	const error = result.error as Error & { description?: string };
	expect(error.message).toBe(`The operation “Update (v2.0, Removed from the API in ${NEWER_VERSION})” (PUT /public-api/resources/evses/v2.0/{evse}) was removed from the AMPECO API in ${NEWER_VERSION}`);
	expect(error.description).toBe("Select “Update” (PATCH /public-api/resources/evses/v2.1/{evse}) as this node's operation instead. Nothing was sent to AMPECO.");
	expect(mock.requests).toEqual([]);
});

test('a workflow saved when the endpoint was untyped sends the same request', async () => {
	const result = await runAmpeco({
		tenantUrl: mock.url,
		parameters: {
			resource: 'issue',
			operation: CHANGED.nowDescribed,
			jsonBody: '{ "title": "Cable damaged" }',
			queryParameters: { parameters: [{ name: 'notify', value: 'yes' }] },
		},
	});
	expect(result.error).toBeUndefined();
	expect(mock.requests.map((r) => [r.method, r.path, r.query, JSON.parse(r.body)])).toEqual([
		['POST', '/public-api/resources/issues/v1.0', 'notify=yes', { title: 'Cable damaged' }],
	]);
});

test('a saved field the API dropped is still sent', async () => {
	const result = await runAmpeco({
		tenantUrl: mock.url,
		parameters: {
			resource: 'parkingSpace',
			operation: CHANGED.fieldRemoved,
			bodyFields: { mappingMode: 'defineBelow', value: { label: 'P1', locationId: 7, externalId: 'EXT-1' } },
		},
	});
	expect(result.error).toBeUndefined();
	expect(JSON.parse(mock.requests[0].body)).toEqual({ label: 'P1', locationId: 7, externalId: 'EXT-1' });
});

test('a workflow that never chose an operation keeps running the one it ran before', async () => {
	const result = await runAmpeco({ tenantUrl: mock.url, parameters: { resource: 'chargePoint', limit: 1 } });
	expect(result.error).toBeUndefined();
	expect(mock.requests.map((r) => r.path)).toEqual(['/public-api/resources/charge-points/v2.0']);
});
