import fs from 'node:fs';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IAuthenticateGeneric,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { startMockTenant, type MockTenantServer } from '../../scripts/mock-tenant/server';
import { runNode } from './run-node';

// ---------------------------------------------------------------------------
// Tiny credential + node types used only by these tests
// ---------------------------------------------------------------------------

class TestApi implements ICredentialType {
	name = 'testApi';
	displayName = 'Test API';
	properties: INodeProperties[] = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{ displayName: 'API Token', name: 'apiToken', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Tenant Header', name: 'tenant', type: 'string', default: 'default-tenant' },
	];
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiToken}}',
				'X-Tenant': '={{$credentials.tenant}}',
			},
			qs: { source: 'n8n' },
		},
	};
}

const baseDescription = {
	group: ['transform'],
	version: 1,
	description: 'harness test node',
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
} satisfies Partial<INodeTypeDescription>;

/** GETs `<credentials.baseUrl><path>` once per input item through httpRequestWithAuthentication. */
class HttpTestNode implements INodeType {
	description: INodeTypeDescription = {
		...baseDescription,
		displayName: 'HTTP Test',
		name: 'httpTest',
		defaults: { name: 'HTTP Test' },
		credentials: [{ name: 'testApi', required: true }],
		properties: [{ displayName: 'Path', name: 'path', type: 'string', default: '/x' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const credentials = await this.getCredentials<{ baseUrl: string }>('testApi');
		const returnData: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const path = this.getNodeParameter('path', i) as string;
				const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'testApi', {
					method: 'GET',
					url: credentials.baseUrl + path,
					json: true,
				})) as IDataObject | IDataObject[];
				returnData.push(
					...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(response), {
						itemData: { item: i },
					}),
				);
			} catch (error) {
				if (this.continueOnFail()) {
					returnData.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw error;
			}
		}
		return [returnData];
	}
}

let lastThrown: Error | undefined;

/** Throws a NodeOperationError; honours continueOnFail like n8n's built-in nodes do. */
class ThrowingNode implements INodeType {
	description: INodeTypeDescription = {
		...baseDescription,
		displayName: 'Thrower',
		name: 'thrower',
		defaults: { name: 'Thrower' },
		properties: [{ displayName: 'Handle continueOnFail', name: 'handle', type: 'boolean', default: true }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const returnData: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				lastThrown = new NodeOperationError(this.getNode(), 'Boom', { itemIndex: i, description: 'went wrong' });
				throw lastThrown;
			} catch (error) {
				if (this.getNodeParameter('handle', i) && this.continueOnFail()) {
					returnData.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw error;
			}
		}
		return [returnData];
	}
}

/** Reverses the items, keeps explicit pairedItem, and resolves an expression parameter per item. */
class ReverseNode implements INodeType {
	description: INodeTypeDescription = {
		...baseDescription,
		displayName: 'Reverse',
		name: 'reverse',
		defaults: { name: 'Reverse' },
		properties: [
			{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			{ displayName: 'Suffix', name: 'suffix', type: 'string', default: '-default' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out = items.map((item, i) => ({
			json: {
				...item.json,
				value: this.getNodeParameter('value', i),
				suffix: this.getNodeParameter('suffix', i),
			},
			pairedItem: { item: i },
		}));
		return [out.reverse()];
	}
}

// ---------------------------------------------------------------------------
// Local HTTP server
// ---------------------------------------------------------------------------

let server: MockTenantServer;
let baseUrl: string;
const serverJson = [
	{ id: 1, name: 'alpha' },
	{ id: 2, name: 'beta' },
];

beforeAll(async () => {
	server = await startMockTenant({
		replies: (request) => (request.path.startsWith('/unauthorized') ? { status: 401, body: { message: 'invalid token' } } : { body: serverJson }),
	});
	baseUrl = server.url;
});

afterAll(() => server.close());

beforeEach(() => {
	server.reset();
	lastThrown = undefined;
});

/** What the server received: method, URL (path and query) and headers of each request. */
const received = () => server.requests.map((r) => ({ method: r.method, url: r.query ? `${r.path}?${r.query}` : r.path, headers: r.headers }));

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

describe('runNode harness', () => {
	it('makes a real authenticated HTTP request through n8n-core helpers', async () => {
		const result = await runNode({
			nodeType: new HttpTestNode(),
			credentialType: new TestApi(),
			credentials: { baseUrl, apiToken: 'secret-token' },
			parameters: { path: '/x' },
		});

		expect(result.error).toBeUndefined();
		expect(received()).toHaveLength(1);
		expect(received()[0].method).toBe('GET');
		expect(received()[0].url).toBe('/x?source=n8n');
		expect(received()[0].headers.authorization).toBe('Bearer secret-token');
		// credential property default applied by the credentials helper, then resolved in authenticate
		expect(received()[0].headers['x-tenant']).toBe('default-tenant');
		expect(result.items.map((item) => item.json)).toEqual(serverJson);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('resolves expressions inside credential data like n8n does', async () => {
		await runNode({
			nodeType: new HttpTestNode(),
			credentialType: new TestApi(),
			credentials: { baseUrl, apiToken: '={{ "tok-" + (40 + 2) }}', tenant: 'acme' },
			parameters: {},
		});
		expect(received()[0].url).toBe('/x?source=n8n');
		expect(received()[0].headers.authorization).toBe('Bearer tok-42');
		expect(received()[0].headers['x-tenant']).toBe('acme');
	});

	it('reports HTTP failures as the NodeApiError n8n-core raises', async () => {
		const result = await runNode({
			nodeType: new HttpTestNode(),
			credentialType: new TestApi(),
			credentials: { baseUrl, apiToken: 'wrong' },
			parameters: { path: '/unauthorized' },
		});

		expect(result.items).toEqual([]);
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect((result.error as NodeApiError).httpCode).toBe('401');
		// n8n-core retries a 401 once (after preAuthentication) before giving up
		expect(received()).toHaveLength(2);
		expect(received().map((r) => r.headers.authorization)).toEqual(['Bearer wrong', 'Bearer wrong']);
	});

	it('returns the NodeOperationError thrown by the node (no continueOnFail)', async () => {
		const result = await runNode({ nodeType: new ThrowingNode(), parameters: {} });

		expect(lastThrown).toBeInstanceOf(NodeOperationError);
		expect(result.error).toBe(lastThrown);
		expect(result.items).toEqual([]);
		const recorded = result.run!.data.resultData.runData[result.nodeName][0].error;
		expect(recorded?.message).toBe('Boom');
		expect(recorded?.description).toBe('went wrong');
		expect(result.run!.status).toBe('error');
	});

	it('produces n8n error items with pairedItem when continueOnFail is set', async () => {
		const result = await runNode({ nodeType: new ThrowingNode(), parameters: {}, continueOnFail: true });

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([{ json: { error: 'Boom' }, pairedItem: { item: 0 } }]);
		expect(result.run!.status).toBe('success');
	});

	it('passes input through (and records the error) when a node throws despite continueOnFail', async () => {
		const result = await runNode({
			nodeType: new ThrowingNode(),
			parameters: { handle: false },
			inputItems: [{ json: { a: 1 } }],
			continueOnFail: true,
		});

		expect(result.error).toBe(lastThrown);
		expect(result.items).toEqual([{ json: { a: 1 }, pairedItem: { item: 0 } }]);
	});

	it('preserves pairedItem across multiple input items and resolves expressions per item', async () => {
		const result = await runNode({
			nodeType: new ReverseNode(),
			parameters: { value: '={{ $json.n * 10 }}' },
			inputItems: [{ json: { n: 1 } }, { json: { n: 2 } }, { json: { n: 3 } }],
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { n: 3, value: 30, suffix: '-default' }, pairedItem: { item: 2 } },
			{ json: { n: 2, value: 20, suffix: '-default' }, pairedItem: { item: 1 } },
			{ json: { n: 1, value: 10, suffix: '-default' }, pairedItem: { item: 0 } },
		]);
	});

	it('reports missing required parameters the way n8n refuses to run the workflow', async () => {
		const node = new ReverseNode();
		node.description.properties = [
			{ displayName: 'Value', name: 'value', type: 'string', default: '', required: true },
		];
		const result = await runNode({ nodeType: node, parameters: {} });

		expect(result.items).toEqual([]);
		expect(result.error?.name).toBe('WorkflowHasIssuesError');
		expect(result.run).toBeUndefined();
	});

	it('does not mutate the caller input items', async () => {
		const inputItems = [{ json: { n: 1 } }];
		await runNode({ nodeType: new ReverseNode(), parameters: { value: 'x' }, inputItems });
		expect(inputItems).toEqual([{ json: { n: 1 } }]);
	});

	it('keeps credentials isolated between concurrent runs', async () => {
		const tokens = ['t1', 't2', 't3', 't4', 't5'];
		const results = await Promise.all(
			tokens.map(async (apiToken) =>
				await runNode({
					nodeType: new HttpTestNode(),
					credentialType: new TestApi(),
					credentials: { baseUrl, apiToken },
					parameters: { path: `/x-${apiToken}` },
				}),
			),
		);
		expect(results.every((r) => r.error === undefined)).toBe(true);
		const seen = Object.fromEntries(received().map((r) => [r.url, r.headers.authorization]));
		for (const token of tokens) expect(seen[`/x-${token}?source=n8n`]).toBe(`Bearer ${token}`);
	});

	// Hundreds of runs per test file stay cheap because n8n is set up once per process: the
	// user folder and its clean-up hook are made on the first run only.
	it('sets n8n up once per process: hundreds of runs make no user folder and add no exit hook', async () => {
		await runNode({ nodeType: new ReverseNode(), parameters: { value: 'x' } });
		const mkdir = jest.spyOn(fs, 'mkdirSync');
		const exitHooks = process.listenerCount('exit');
		try {
			for (let i = 0; i < 200; i++) {
				const { items } = await runNode({ nodeType: new ReverseNode(), parameters: { value: '={{ $json.n }}' }, inputItems: [{ json: { n: i } }] });
				expect(items[0].json.value).toBe(i);
			}
			for (let i = 0; i < 50; i++) {
				const { error } = await runNode({ nodeType: new HttpTestNode(), credentialType: new TestApi(), credentials: { baseUrl, apiToken: 't' }, parameters: {} });
				expect(error).toBeUndefined();
			}
			expect(mkdir).not.toHaveBeenCalled();
			expect(process.listenerCount('exit')).toBe(exitHooks);
		} finally {
			mkdir.mockRestore();
		}
	});
});
