/**
 * Every operation the spec fully describes, executed through n8n's engine with sample
 * parameters, sends a request that openapi-backend accepts against openapi-3.110.0.json.
 */
import { catalog } from '../nodes/Ampeco/catalog';
import type { OperationDef } from '../nodes/Ampeco/catalog/types';
import * as names from '../nodes/Ampeco/description/parameter-names';
import { startMockTenant, type MockTenantServer } from '../scripts/mock-tenant/server';
import { runAmpeco, TOKEN } from './helpers/run-ampeco';
import { loadSpec } from '../scripts/shared-data';
import { sampleBody, sampleParameters } from './helpers/sample-parameters';

// Operations kept after AMPECO removed them are refused before sending (test/upgrade-node.test.ts).
const described = catalog.operations.filter((op) => !op.indexOnly && !op.removedIn);
const withBody = described.filter((op) => op.body?.fields);

let mock: MockTenantServer;
beforeAll(async () => {
	// The server checks every request against the spec and records what does not conform; these replies answer all.
	mock = await startMockTenant({
		validate: true,
		replies: (request) => {
			if (request.method === 'DELETE') return { status: 204 };
			if (request.method === 'GET') return { body: { data: [{ id: 1 }], links: { next: null }, meta: {} } };
			return { body: { data: { id: 1 } } };
		},
	});
});
afterAll(() => mock.close());

function operationIdOf(op: OperationDef): string {
	return loadSpec().paths[op.path][op.method.toLowerCase()].operationId;
}

async function expectSpecValid(op: OperationDef, parameters: Record<string, unknown>) {
	const before = mock.requests.length;
	const result = await runAmpeco({ tenantUrl: mock.url, parameters: parameters as never });
	expect(result.error?.message).toBeUndefined();
	const sent = mock.requests.slice(before);
	expect(sent).toHaveLength(1);
	expect(sent[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
	expect({ operation: op.value, errors: sent[0].violations }).toEqual({ operation: op.value, errors: [] });
	expect(sent[0].operationId).toBe(operationIdOf(op));
}

test('the catalog holds 452 fully described operations', () => {
	expect(described).toHaveLength(452);
});

describe('Send Body As: Fields', () => {
	test.each(described.map((op) => [op.value, op] as const))('%s', async (_value, op) => {
		await expectSpecValid(op, sampleParameters(op));
	});
});

/** Every alternative of every body with alternatives, filled in as a user would. */
const alternatives = described.flatMap((op) => (op.body?.variants ?? []).map((variant) => [`${op.value} · ${variant.label}`, op, variant.value] as const));

test('10 operations have bodies with alternatives, 52 alternatives in all', () => {
	expect(new Set(alternatives.map(([, op]) => op.value)).size).toBe(10);
	expect(alternatives).toHaveLength(52);
});

describe('each alternative, Send Body As: Fields', () => {
	test.each(alternatives)('%s', async (_label, op, key) => {
		await expectSpecValid(op, sampleParameters(op, key));
	});
});

describe('each alternative, Send Body As: JSON', () => {
	test.each(alternatives)('%s', async (_label, op, key) => {
		await expectSpecValid(op, { ...sampleParameters(op, key), [names.SEND_BODY_AS]: 'json', [names.JSON_BODY]: JSON.stringify(sampleBody(op, key)) });
	});
});

describe('Send Body As: JSON', () => {
	test.each(withBody.map((op) => [op.value, op] as const))('%s', async (_value, op) => {
		const body = sampleBody(op);
		await expectSpecValid(op, { ...sampleParameters(op), [names.SEND_BODY_AS]: 'json', [names.JSON_BODY]: JSON.stringify(body) });
	});
});

