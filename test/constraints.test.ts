/**
 * Every kind of constraint the spec puts on request values: a value on the boundary is
 * sent (and the request conforms to the spec), a value just past it is refused before
 * anything is sent, naming the field. Fields are found in the real catalog, so a kind the
 * spec stops using fails the lookup rather than passing silently.
 */
import type { INodeParameters, NodeParameterValueType } from 'n8n-workflow';
import { catalog } from '../nodes/Ampeco/catalog';
import type { FieldDef, OperationDef } from '../nodes/Ampeco/catalog/types';
import * as names from '../nodes/Ampeco/description/parameter-names';
import { startMockTenant, type MockTenantServer } from '../scripts/mock-tenant/server';
import { runAmpeco } from './helpers/run-ampeco';
import { mapperValue, sampleApiValue, sampleBody, sampleParameters } from './helpers/sample-parameters';

interface Kind {
	kind: string;
	/** Which body field of which operation shows this kind. */
	has: (field: FieldDef) => boolean;
	/** On the boundary: accepted. */
	edge: (field: FieldDef) => NodeParameterValueType;
	/** Just past it: refused. */
	past: (field: FieldDef) => NodeParameterValueType;
	problem: (field: FieldDef) => RegExp;
}

const text = (n: number) => 'x'.repeat(n);
const jsonList = (n: number, item: unknown) => JSON.stringify(Array.from({ length: n }, () => item));

const KINDS: Kind[] = [
	{ kind: 'maxLength', has: (f) => f.type === 'string' && f.maxLength !== undefined && f.minLength === undefined && !f.pattern && !f.enum && !f.format, edge: (f) => text(f.maxLength!), past: (f) => text(f.maxLength! + 1), problem: (f) => new RegExp(`at most ${f.maxLength} are allowed`) },
	{ kind: 'minLength', has: (f) => f.type === 'string' && f.minLength !== undefined && f.minLength !== f.maxLength && !f.pattern && !f.enum && !f.format, edge: (f) => text(f.minLength!), past: (f) => text(f.minLength! - 1), problem: (f) => new RegExp(`at least ${f.minLength} are needed`) },
	{ kind: 'exact length', has: (f) => f.type === 'string' && f.minLength !== undefined && f.minLength === f.maxLength && !f.pattern && !f.enum, edge: (f) => text(f.minLength!), past: (f) => text(f.minLength! - 1), problem: (f) => new RegExp(`exactly ${f.minLength} are needed`) },
	{ kind: 'minimum', has: (f) => (f.type === 'integer' || f.type === 'number') && f.min !== undefined && !f.enum && !f.exclusiveMin, edge: (f) => f.min!, past: (f) => f.min! - (f.multipleOf ?? 1), problem: (f) => new RegExp(`must be at least ${f.min}`) },
	{ kind: 'maximum', has: (f) => (f.type === 'integer' || f.type === 'number') && f.max !== undefined && !f.enum && !f.exclusiveMax, edge: (f) => f.max!, past: (f) => f.max! + (f.multipleOf ?? 1), problem: (f) => new RegExp(`must be at most ${f.max}`) },
	{ kind: 'multipleOf', has: (f) => f.type === 'number' && f.multipleOf !== undefined && f.multipleOf < 1 && f.max === undefined, edge: (f) => (f.min ?? 0) + f.multipleOf! * 10, past: (f) => (f.min ?? 0) + f.multipleOf! * 10.5, problem: (f) => new RegExp(`must be a multiple of ${f.multipleOf}`) },
	{ kind: 'minItems', has: (f) => f.type === 'array' && f.minItems !== undefined && !!f.items, edge: (f) => jsonList(f.minItems!, sampleApiValue(f.items!)), past: (f) => jsonList(f.minItems! - 1, sampleApiValue(f.items!)), problem: (f) => new RegExp(`at least ${f.minItems} are needed`) },
	{ kind: 'pattern', has: (f) => f.type === 'string' && f.pattern === '^[A-Z]{2}$', edge: () => 'BG', past: () => 'BGR', problem: () => /does not match the pattern/ },
	{ kind: 'enum', has: (f) => f.type === 'string' && !!f.enum && f.enum.length > 1, edge: (f) => f.enum![f.enum!.length - 1], past: (f) => `${f.enum![0]}x`, problem: () => /is not one of/ },
	{ kind: 'format email', has: (f) => f.format === 'email' && !f.enum, edge: () => 'a@b.co', past: () => 'a@b', problem: () => /is not an email address/ },
	{ kind: 'format uri', has: (f) => (f.format === 'uri' || f.format === 'url') && !f.pattern, edge: () => 'https://example.com', past: () => 'example.com', problem: () => /is not a URL/ },
	{ kind: 'format date', has: (f) => f.format === 'date' && f.type === 'string', edge: () => '2024-02-29', past: () => '2024-02-30x', problem: () => /is not a date/ },
	{ kind: 'format date-time', has: (f) => f.format === 'date-time' && f.type === 'string', edge: () => '2025-12-31T23:59:59Z', past: () => '2025-12-31T24:00:00Z', problem: () => /is not a (valid )?date and time/ },
];

/** Body fields of operations without alternatives: where a constraint can be shown on its own. */
const candidates = catalog.operations
	.filter((op) => !op.indexOnly && !op.custom && op.body?.fields && !op.body.variants)
	.flatMap((op) => op.body!.fields!.map((field) => ({ op, field })));

function find(kind: Kind): { op: OperationDef; field: FieldDef } {
	const found = candidates.find(({ field }) => kind.has(field));
	if (!found) throw new Error(`no body field with ${kind.kind} in the catalog`);
	return found;
}

function withField(op: OperationDef, field: FieldDef, value: NodeParameterValueType): INodeParameters {
	const base = sampleParameters(op);
	const values = ((base[names.BODY_FIELDS] as INodeParameters).value ?? {}) as INodeParameters;
	return { ...base, [names.BODY_FIELDS]: mapperValue({ ...values, [field.name]: value }) };
}

let mock: MockTenantServer;
beforeAll(async () => {
	mock = await startMockTenant({ validate: true, replies: () => ({ body: { data: { id: 1 } } }) });
});
afterAll(() => mock.close());

describe.each(KINDS.map((k) => [k.kind, k] as const))('%s', (_kind, kind) => {
	const { op, field } = find(kind);

	test(`on the boundary: sent, and the request conforms (${op.value} ${field.name})`, async () => {
		const before = mock.requests.length;
		const result = await runAmpeco({ tenantUrl: mock.url, parameters: withField(op, field, kind.edge(field)) });
		expect(result.error?.message).toBeUndefined();
		const sent = mock.requests.slice(before);
		expect(sent).toHaveLength(1);
		expect(sent[0].violations).toEqual([]);
	});

	test('just past it: refused before anything is sent, naming the field', async () => {
		const before = mock.requests.length;
		const result = await runAmpeco({ tenantUrl: mock.url, parameters: withField(op, field, kind.past(field)) });
		expect(mock.requests.length - before).toBe(0);
		expect(result.error?.message).toMatch(new RegExp(`^Invalid parameter "${names.BODY_FIELDS}\\.${field.name}": `));
		expect(result.error?.message).toMatch(kind.problem(field));
	});
});

describe('nullable', () => {
	const usable = (f: FieldDef, nullable: boolean) => !f.required && f.type === 'string' && !f.enum && !f.format && !f.pattern && !!f.nullable === nullable;
	const op = catalog.operations.find((o) => !o.indexOnly && !o.body?.variants && o.body?.fields?.some((f) => usable(f, true)) && o.body.fields.some((f) => usable(f, false)))!;
	const nullable = op.body!.fields!.find((f) => usable(f, true))!;
	const strict = op.body!.fields!.find((f) => usable(f, false))!;
	const json = (body: Record<string, unknown>): INodeParameters => ({ ...sampleParameters(op), [names.SEND_BODY_AS]: 'json', [names.JSON_BODY]: JSON.stringify(body) });
	const required = () => sampleBody(op) as Record<string, unknown>;

	test(`null where the spec allows it is sent (${op.value} ${nullable.name})`, async () => {
		const before = mock.requests.length;
		const result = await runAmpeco({ tenantUrl: mock.url, parameters: json({ ...required(), [nullable.name]: null }) });
		expect(result.error?.message).toBeUndefined();
		expect(mock.requests.slice(before).map((r) => r.violations)).toEqual([[]]);
	});

	test(`null where it does not is refused (${strict.name})`, async () => {
		const before = mock.requests.length;
		const result = await runAmpeco({ tenantUrl: mock.url, parameters: json({ ...required(), [strict.name]: null }) });
		expect(mock.requests.length - before).toBe(0);
		expect(result.error?.message).toBe(`Invalid parameter "${names.JSON_BODY}.${strict.name}": must not be null`);
	});
});
