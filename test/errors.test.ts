/**
 * HTTP failures and odd responses through n8n's engine: NodeApiError with status and
 * AMPECO's message, readable messages for non-JSON bodies, Continue On Fail, the
 * shapes of successful results, and the API token kept out of everything a user sees.
 */
import { NodeApiError, NodeOperationError, type INodeExecutionData } from 'n8n-workflow';
import { catalog, findOperation } from '../nodes/Ampeco/catalog';
import type { OperationDef } from '../nodes/Ampeco/catalog/types';
import { startMockTenant, type LoggedRequest, type MockTenantServer, type Reply } from '../scripts/mock-tenant/server';
import { freePort } from '../scripts/n8n/process';
import { runAmpeco, TOKEN } from './helpers/run-ampeco';
import { sampleParameters } from './helpers/sample-parameters';
import type { RunNodeResult } from './harness/run-node';

const GET_ONE = findOperation('GET /resources/charge-points/v2.0/{chargePoint}')!;
const CREATE = findOperation('POST /resources/charge-points/v2.0')!;
const DELETE = findOperation('DELETE /resources/charge-points/v2.0/{chargePoint}')!;
const RESET = findOperation('POST /actions/charge-point/v1.0/{chargePoint}/reset/{type}')!;
const LIST = findOperation('GET /resources/charge-points/v2.0')!;

const id = (value: string) => ({ __rl: true, mode: 'id', value });

/**
 * One attempt per request: these tests are about what a failure looks like, not about
 * retrying it (5xx, 429 and connection faults would otherwise be retried after a backoff).
 */
const NO_RETRY = { requestOptions: { retries: 0, maxRateLimitWait: 0 } };

// ---------------------------------------------------------------------------
// Everything a user (or a log) could see of a run, searched for the token at the end.
// ---------------------------------------------------------------------------

const seen: Array<{ label: string; text: string }> = [];

/** Own properties (enumerable or not), getters along the prototype chain, `cause`, recursively. */
function exposeAll(value: unknown, visited = new Set<unknown>(), depth = 0): string[] {
	if (value === null || value === undefined) return [];
	if (typeof value !== 'object' && typeof value !== 'function') return [String(value)];
	if (visited.has(value) || depth > 12) return [];
	visited.add(value);
	const out: string[] = [];
	try {
		out.push(JSON.stringify(value) ?? '');
	} catch {
		// circular: the walk below still sees every property
	}
	const keys = new Set<PropertyKey>(Reflect.ownKeys(value));
	for (let proto = Object.getPrototypeOf(value); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
		for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) if (descriptor.get) keys.add(key);
	}
	for (const key of keys) {
		let inner: unknown;
		try {
			inner = (value as Record<PropertyKey, unknown>)[key];
		} catch {
			continue;
		}
		if (typeof inner === 'function') continue;
		out.push(...exposeAll(inner, visited, depth + 1));
	}
	return out;
}

function record(label: string, result: RunNodeResult): RunNodeResult {
	const error = result.error as (Error & { description?: unknown; cause?: unknown }) | undefined;
	const parts = [
		...exposeAll(error),
		String(error?.message ?? ''),
		String(error?.description ?? ''),
		String(error?.stack ?? ''),
		...exposeAll(error?.cause),
		...exposeAll(result.items),
		...exposeAll(result.outputs),
		...exposeAll(result.run?.data.resultData),
	];
	seen.push({ label, text: parts.join('\n') });
	return result;
}

// ---------------------------------------------------------------------------

let mock: MockTenantServer;
beforeAll(async () => {
	mock = await startMockTenant({ validate: false });
});
afterAll(() => mock.close());

async function run(label: string, op: OperationDef, reply: Reply | ((request: LoggedRequest) => Reply), extra: Record<string, unknown> = {}) {
	mock.handle(typeof reply === 'function' ? reply : () => reply);
	const before = mock.requests.length;
	const result = record(label, await runAmpeco({ tenantUrl: mock.url, parameters: { ...sampleParameters(op), ...NO_RETRY, ...extra } as never }));
	return { ...result, sent: mock.requests.slice(before) };
}

function asApiError(error: Error | undefined): NodeApiError & { description?: string | null } {
	expect(error).toBeDefined();
	expect(error!.constructor.name).toBe('NodeApiError');
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError;
}

/** Nothing in a user-facing message should look like a parser crash or a stack trace. */
function expectReadable(text: string) {
	expect(text).not.toMatch(/Unexpected token|SyntaxError|in JSON at position|is not valid JSON|\n\s+at \S+ \(/);
	expect(text).not.toMatch(/<[a-z!/]/i);
	expect(text.length).toBeLessThan(500);
}

describe('HTTP error statuses → NodeApiError', () => {
	const cases = [
		{ status: 401, op: GET_ONE, message: 'Unauthenticated.', description: /token was rejected/ },
		{ status: 403, op: GET_ONE, message: 'This action is unauthorized.', description: /not allowed/ },
		{ status: 404, op: GET_ONE, message: 'No query results for model [App\\Models\\ChargePoint] 17', description: /Not found/ },
		{ status: 422, op: CREATE, message: 'The given data was invalid.', description: /^name: The name field is required\.$/ },
		{ status: 429, op: LIST, message: 'Too Many Attempts.', description: /rate.limit/i },
		{ status: 500, op: GET_ONE, message: 'Server Error', description: undefined },
	];

	test.each(cases)('HTTP $status', async ({ status, op, message, description }) => {
		const body = status === 422 ? { message, errors: { name: ['The name field is required.'] } } : { message };
		const { error, items, sent } = await run(`HTTP ${status}`, op, { status, body });
		const apiError = asApiError(error);
		expect(apiError.message).toContain(`HTTP ${status}`);
		expect(apiError.message).toContain(message);
		expect(apiError.message).toContain('Charge Point'); // which operation failed
		expect(String(apiError.httpCode)).toBe(String(status));
		if (description) expect(apiError.description).toMatch(description);
		expect(items).toEqual([]);
		expect(sent.length).toBeGreaterThanOrEqual(1);
		if (status !== 401) expect(sent).toHaveLength(1);
		expectReadable(apiError.message);
	});

	test('422 with several fields lists every field error, one per line', async () => {
		const errors = { name: ['The name field is required.'], type: ['The selected type is invalid.', 'The type must be a string.'] };
		const { error } = await run('422 several', CREATE, { status: 422, body: { message: 'The given data was invalid.', errors } });
		const apiError = asApiError(error);
		expect(apiError.description).toBe('name: The name field is required.\ntype: The selected type is invalid. The type must be a string.');
	});
});

describe('non-JSON and broken bodies give a readable message', () => {
	const html502 =
		'<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title><style>body{font:14px}</style></head>\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
	const htmlNoTitle = `<html><body><h1>Service   Unavailable</h1><p>${'Please try again later. '.repeat(40)}</p></body></html>`;
	const cases: Array<{ label: string; reply: Reply; expected: string }> = [
		{ label: 'HTML 502 page', reply: { status: 502, text: html502 }, expected: 'HTTP 502: 502 Bad Gateway' },
		{ label: 'HTML 503 page without a title', reply: { status: 503, text: htmlNoTitle }, expected: 'HTTP 503: Service Unavailable Please try again' },
		{
			label: 'malformed JSON (truncated) on 500',
			reply: { status: 500, text: '{"message": "Server Error", "trace": [', headers: { 'Content-Type': 'application/json' } },
			expected: 'HTTP 500',
		},
		{
			label: 'malformed JSON on 422',
			reply: { status: 422, text: "{'message': 'bad'}", headers: { 'Content-Type': 'application/json' } },
			expected: 'HTTP 422',
		},
		{ label: 'empty 500', reply: { status: 500 }, expected: 'HTTP 500' },
	];

	test.each(cases)('$label', async ({ label, reply, expected }) => {
		const { error } = await run(label, GET_ONE, reply);
		const apiError = asApiError(error);
		expect(apiError.message).toContain(expected);
		expectReadable(apiError.message);
		expectReadable(String(apiError.description ?? ''));
	});

	test('a 200 answer that is not JSON does not crash the node with a parser error', async () => {
		const { error, items } = await run('200 malformed', GET_ONE, { status: 200, text: '{"data": {"id": 17', headers: { 'Content-Type': 'application/json' } });
		if (error) expectReadable(error.message);
		else expect(items.map((i) => i.json)).toEqual([{ value: '{"data": {"id": 17' }]);
	});
});

describe('no answer at all', () => {
	// n8n's request helper wraps the socket error; its code (on the cause) must still be told apart.
	test('connection refused → NodeApiError that says refused (not "reset"), without the request config', async () => {
		const port = await freePort();
		const result = record('refused', await runAmpeco({ tenantUrl: `http://127.0.0.1:${port}`, parameters: { ...sampleParameters(GET_ONE), ...NO_RETRY } }));
		const apiError = asApiError(result.error);
		expect(apiError.message).toMatch(/refused/i);
		expect(apiError.message).not.toMatch(/reset|closed unexpectedly/i);
		expect(`${apiError.message} ${apiError.description ?? ''}`).toContain('ECONNREFUSED');
		expectReadable(apiError.message);
	});

	test('no answer within the timeout → NodeApiError that says timed out (not "reset")', async () => {
		const { error } = await run('timeout', GET_ONE, { fault: 'hang' }, { requestOptions: { retries: 0, timeout: 1 } });
		const apiError = asApiError(error);
		expect(apiError.message).toMatch(/timed out/i);
		expect(apiError.message).not.toMatch(/reset|closed unexpectedly/i);
		expectReadable(apiError.message);
	});
});

describe('Continue On Fail', () => {
	const inputItems: INodeExecutionData[] = [{ json: { cp: 1 } }, { json: { cp: 2 } }, { json: { cp: 3 } }];
	const byId = (request: LoggedRequest): Reply => {
		const cp = request.path.split('/').pop();
		return cp === '2' ? { status: 404, body: { message: 'Charge point 2 not found' } } : { body: { data: { id: Number(cp) } } };
	};

	/** Get Charge Point with each input item's `cp` as ID; `sentFor`: the IDs requests went out for. */
	async function perItem(label: string, items: INodeExecutionData[], continueOnFail?: boolean) {
		mock.handle(byId);
		const before = mock.requests.length;
		const parameters = { resource: GET_ONE.resource, operation: GET_ONE.value, chargePoint: id('={{ $json.cp }}'), ...NO_RETRY };
		const result = record(label, await runAmpeco({ tenantUrl: mock.url, parameters, inputItems: items, continueOnFail }));
		return { ...result, sentFor: mock.requests.slice(before).map((r) => r.path.split('/').pop()) };
	}

	test('item 1 gets 404, items 0 and 2 succeed: 3 items in order, each paired with its input', async () => {
		const result = await perItem('continueOnFail 404', inputItems, true);
		expect(result.error).toBeUndefined();
		// Items may run concurrently: the order of requests is not the order of output.
		expect(result.sentFor.sort()).toEqual(['1', '2', '3']);
		expect(result.items).toHaveLength(3);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toEqual({ id: 1 });
		expect(result.items[2].json).toEqual({ id: 3 });
		expect(result.items[1].json.error).toEqual(expect.stringContaining('HTTP 404'));
		expect(result.items[1].json.error).toEqual(expect.stringContaining('Charge point 2 not found'));
		expect(result.items[1].json.id).toBeUndefined();
	});

	test('bad input on item 1 fails only that item, before anything is sent for it', async () => {
		const result = await perItem('continueOnFail bad input', [{ json: { cp: 1 } }, { json: { cp: 'x/../2' } }, { json: { cp: 3 } }], true);
		expect(result.error).toBeUndefined();
		expect(result.sentFor.sort()).toEqual(['1', '3']);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[1].json).toEqual({
			error: expect.stringMatching(/^Invalid parameter "chargePoint": must be a numeric ID/),
			description: 'Nothing was sent to AMPECO.',
		});
	});

	test('without Continue On Fail the run fails with item 1\'s error and outputs nothing', async () => {
		const result = await perItem('stop on fail', inputItems);
		const apiError = asApiError(result.error);
		expect(apiError.message).toContain('Charge point 2 not found');
		expect(result.items).toEqual([]);
		// Items run concurrently, so item 2 may already be on its way; nothing after it starts.
		expect(result.sentFor).toEqual(expect.arrayContaining(['1', '2']));
	});
});

describe('successful result shapes', () => {
	test.each([
		{ label: '204 empty', reply: { status: 204 } },
		{ label: '200 with the deleted record', reply: { status: 200, body: { data: { id: 17, name: 'gone' } } } },
		{ label: '202 empty', reply: { status: 202 } },
		{ label: '200 with a message', reply: { status: 200, body: { message: 'Deleted' } } },
	])('Delete ($label) → exactly { deleted: true }', async ({ label, reply }) => {
		const { error, items, sent } = await run(`delete ${label}`, DELETE, reply);
		expect(error).toBeUndefined();
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /public-api/resources/charge-points/v2.0/17']);
		expect(items.map((i) => i.json)).toEqual([{ deleted: true }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test.each([204, 202, 200])('an empty %i on an action → one small success object', async (status) => {
		const { error, items } = await run(`empty ${status}`, RESET, { status });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ success: true, status }]);
	});

	test.each([
		{ label: 'a { data: {...} } envelope is unwrapped', body: { data: { id: 17, name: 'CP 17', evses: [{ id: 1 }] } }, json: [{ id: 17, name: 'CP 17', evses: [{ id: 1 }] }] },
		{ label: 'a record without envelope is kept', body: { id: 17, name: 'CP 17' }, json: [{ id: 17, name: 'CP 17' }] },
		{ label: 'a { data: [...] } envelope gives one item per record', body: { data: [{ id: 1 }, { id: 2 }] }, json: [{ id: 1 }, { id: 2 }] },
		{ label: '{ data: null } is a success', body: { data: null }, json: [{ success: true, status: 200 }] },
		{ label: 'a scalar is wrapped in { value }', body: { data: 'queued' }, json: [{ value: 'queued' }] },
	])('$label', async ({ label, body, json }) => {
		const { error, items } = await run(label, GET_ONE, { body });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual(json);
		expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});
});

describe('required body, no required fields, nothing filled → {} is sent', () => {
	const emptyOk = catalog.operations.filter(
		(op) => !op.custom && op.body?.required && op.body.fields && !op.body.fields.some((f) => f.required) && (!op.body.variants || op.body.variants.some((v) => v.required.length === 0)),
	);

	test('there are such operations', () => {
		expect(emptyOk.length).toBeGreaterThan(20);
	});

	function pathOnly(op: OperationDef): Record<string, unknown> {
		const sample = sampleParameters(op);
		return { resource: op.resource, operation: op.value, ...Object.fromEntries(op.pathParams.map((p) => [p.name, sample[p.name]])) };
	}

	test.each(emptyOk.map((op) => [op.value, op] as const))('%s', async (_value, op) => {
		mock.handle(() => ({ body: { data: { id: 1 } } }));
		const before = mock.requests.length;
		const result = record(`empty body ${op.value}`, await runAmpeco({ tenantUrl: mock.url, parameters: pathOnly(op) as never }));
		expect(result.error).toBeUndefined();
		const sent = mock.requests.slice(before);
		expect(sent).toHaveLength(1);
		expect(sent[0].method).toBe(op.method);
		expect(sent[0].body).toBe('{}');
		expect(sent[0].headers['content-type']).toMatch(/^application\/json/);
	});

	test('JSON mode with the default {} sends {} too', async () => {
		const op = findOperation('PATCH /resources/charge-points/v2.0/{chargePoint}')!;
		mock.handle(() => ({ body: { data: { id: 1 } } }));
		const before = mock.requests.length;
		const result = record('empty json', await runAmpeco({ tenantUrl: mock.url, parameters: { ...pathOnly(op), sendBodyAs: 'json' } as never }));
		expect(result.error).toBeUndefined();
		expect(mock.requests.slice(before).map((r) => [r.body, r.headers['content-type']])).toEqual([['{}', 'application/json']]);
	});
});

describe('the API token', () => {
	test('the scanner finds a token hidden in a non-enumerable property, a getter or a cause', () => {
		const hidden = new NodeOperationError({ name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {}, id: 'x' }, 'boom');
		Object.defineProperty(hidden, 'secret', { value: { header: `Bearer ${TOKEN}` }, enumerable: false });
		expect(exposeAll(hidden).join('\n')).toContain(TOKEN);
		const withCause = Object.assign(new Error('outer'), { cause: { config: { headers: { Authorization: `Bearer ${TOKEN}` } } } });
		expect(exposeAll(withCause).join('\n')).toContain(TOKEN);
		class WithGetter extends Error {
			get request() {
				return { auth: TOKEN };
			}
		}
		expect(exposeAll(new WithGetter('x')).join('\n')).toContain(TOKEN);
	});

	test('was sent to the mock (so the search below is meaningful)', () => {
		expect(mock.requests.some((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
	});

	// Runs last in this file: every run above was recorded.
	test('never appears in any error, description, cause or output item above', () => {
		expect(seen.length).toBeGreaterThan(60);
		expect(seen.filter((s) => s.text.includes('NodeApiError') || s.text.includes('HTTP')).length).toBeGreaterThan(10);
		const leaks = seen.filter((s) => s.text.includes(TOKEN) || s.text.includes(TOKEN.slice(4))).map((s) => s.label);
		expect(leaks).toEqual([]);
	});
});
