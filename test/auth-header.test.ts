/**
 * The bearer header is written in two places: the credential's declarative `authenticate`
 * block (n8n applies it for the credential test and httpRequestWithAuthentication) and the
 * transport, which sets it itself to skip n8n's per-request expression work. Both must send
 * the same header; this runs each path through n8n-core against one server.
 */
import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { AmpecoApi } from '../credentials/AmpecoApi.credentials';
import { startMockTenant, type MockTenantServer } from '../scripts/mock-tenant/server';
import { runNode } from './harness/run-node';
import { runAmpeco, TOKEN } from './helpers/run-ampeco';

/** Requests what the credential test requests, authenticated by n8n from the credential's own block. */
class CredentialTestRequest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Credential test request',
		name: 'credentialTestRequest',
		group: ['transform'],
		version: 1,
		description: 'n8n-authenticated request',
		defaults: { name: 'Credential test request' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ampecoApi', required: true }],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { tenantUrl } = await this.getCredentials<{ tenantUrl: string }>('ampecoApi');
		const test = new AmpecoApi().test.request;
		await this.helpers.httpRequestWithAuthentication.call(this, 'ampecoApi', { method: 'GET', url: `${tenantUrl}${test.url}`, json: true });
		return [[{ json: {} }]];
	}
}

let mock: MockTenantServer;
beforeAll(async () => {
	mock = await startMockTenant({ replies: () => ({ body: { data: [], links: { next: null }, meta: {} } }) });
});
afterAll(() => mock.close());

test("the transport's bearer header is the one n8n makes from the credential's authenticate block", async () => {
	const credential = await runNode({ nodeType: new CredentialTestRequest(), credentialType: new AmpecoApi(), credentials: { tenantUrl: mock.url, apiToken: TOKEN }, parameters: {} });
	expect(credential.error).toBeUndefined();
	const node = await runAmpeco({ tenantUrl: mock.url, parameters: { resource: 'currency', operation: 'GET /resources/currencies/v2.0', returnAll: false, limit: 1 } });
	expect(node.error).toBeUndefined();
	const [byN8n, byTransport] = mock.requests.map((r) => r.headers.authorization);
	expect(mock.requests).toHaveLength(2);
	expect(byN8n).toBe(`Bearer ${TOKEN}`);
	expect(byTransport).toBe(byN8n);
});
