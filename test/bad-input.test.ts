/**
 * Bad input never reaches AMPECO. Each case takes the sample parameters of a real catalog
 * operation (valid: spec-conformance sends them), spoils one input, runs the node through
 * n8n's engine and expects `Invalid parameter "<field>": <what is wrong>` with no request.
 *
 * Values the editor cannot produce (text in a number field, an empty required ID) arrive
 * through expressions, as they do from a previous node's data. n8n's own parameter check
 * stops literal ones first; that layer is covered at the end.
 */
import type { INodeParameters, NodeParameterValueType } from 'n8n-workflow';
import { catalog, findOperation } from '../nodes/Ampeco/catalog';
import type { FieldDef, OperationDef } from '../nodes/Ampeco/catalog/types';
import * as names from '../nodes/Ampeco/description/parameter-names';
import { buildRequest, type ParameterReader } from '../nodes/Ampeco/execute/build-request';
import { InputError } from '../nodes/Ampeco/execute/values';
import { startMockTenant, type MockTenantServer } from '../scripts/mock-tenant/server';
import { runAmpeco } from './helpers/run-ampeco';
import { mapperValue, sampleBody, sampleParameters } from './helpers/sample-parameters';

const described = catalog.operations.filter((op) => !op.indexOnly && !op.custom);
const op = (value: string): OperationDef => {
	const found = findOperation(value);
	if (!found) throw new Error(`no operation ${value}`);
	return found;
};
const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const expr = (js: string) => `={{ ${js} }}`;

interface Case {
	label: string;
	op: OperationDef;
	parameters: INodeParameters;
	/** The parameter the message must name. */
	field: string;
	/** What the message must say about it. */
	problem: RegExp;
}

const cases: Case[] = [];

function add(label: string, operation: OperationDef, patch: (base: INodeParameters) => INodeParameters, field: string, problem: RegExp) {
	const base = sampleParameters(operation);
	cases.push({ label: `${label} · ${operation.value}`, op: operation, parameters: { ...base, ...patch(base) }, field, problem });
}

/** First `n` items, at most one per key (spreads the cases over the catalog). */
function distinct<T>(items: T[], key: (item: T) => string, n: number): T[] {
	const seen = new Set<string>();
	return items.filter((item) => !seen.has(key(item)) && seen.add(key(item))).slice(0, n);
}

/** The name errors use for a body field in fields mode. */
const bodyPath = (field: FieldDef | string) => `${names.BODY_FIELDS}.${typeof field === 'string' ? field : field.name}`;

/** The fields set in a resource mapper of the sample parameters. */
const mapped = (base: INodeParameters, mapper: string) => ((base[mapper] as INodeParameters | undefined)?.value ?? {}) as INodeParameters;

/** Parameters with one field of a resource mapper (body, filters, query) set. */
function inMapper(mapper: string, key: string, value: NodeParameterValueType) {
	return (base: INodeParameters): INodeParameters => ({ [mapper]: mapperValue({ ...mapped(base, mapper), [key]: value }) });
}

/** Parameters with one body field set in fields mode. */
const setBodyField = (_operation: OperationDef, field: FieldDef, value: NodeParameterValueType) => inMapper(names.BODY_FIELDS, field.name, value);

/** Body fields of fields-mode operations, with their operation (bodies with alternatives have their own cases below). */
const bodyFields = described.filter((o) => !o.body?.variants).flatMap((operation) => (operation.body?.fields ?? []).map((field) => ({ op: operation, field })));
const isPlainText = (f: FieldDef) => f.type === 'string' && !f.enum && !f.format && !f.pattern;
const isNumber = (f: FieldDef) => (f.type === 'integer' || f.type === 'number') && !f.enum;
const isDateTime = (f: FieldDef) => f.type === 'string' && (f.format === 'date-time' || f.format === 'datetime');

// ---------------------------------------------------------------------------
// Path IDs
// ---------------------------------------------------------------------------

const integerIdOps = distinct(
	described.filter((o) => o.pathParams.some((p) => p.type === 'integer' && !p.enum)),
	(o) => o.resource,
	20,
);
const notNumeric = [
	expr('"abc"'),
	expr('"12a"'),
	expr('"1.5"'),
	expr('12.5'),
	expr('"-3"'),
	expr('"1 2"'),
	expr('"0x1F"'),
	expr('"1e3"'),
	expr('"17/../18"'),
	expr('"17?x=1"'),
	expr('"17#frag"'),
	expr('"17\\\\18"'),
	expr('".."'),
	expr('"17%2F18"'),
];
integerIdOps.forEach((operation, i) => {
	const param = [...operation.pathParams].reverse().find((p) => p.type === 'integer' && !p.enum)!;
	const value = notNumeric[i % notNumeric.length];
	add(`non-numeric ID ${value}`, operation, () => ({ [param.name]: rl(value) }), param.name, /must be a numeric ID, got "/);
});

const stringIdOps = distinct(
	described.filter((o) => o.pathParams.some((p) => p.type === 'string' && !p.enum)),
	(o) => o.pathParams.find((p) => p.type === 'string' && !p.enum)!.name,
	12,
);
const unsafe = ['a/b', '..', '.', 'x?y=1', 'x#y', 'a\\b', '%2E%2e', 'a/../b', '../admins', 'x/', 'A..B', '#'];
stringIdOps.forEach((operation, i) => {
	const param = operation.pathParams.find((p) => p.type === 'string' && !p.enum)!;
	const value = unsafe[i % unsafe.length];
	add(`unsafe ID "${value}"`, operation, () => ({ [param.name]: rl(value) }), param.name, /contains characters that are not allowed in an ID/);
});

const emptyIds = [expr('""'), expr('"   "'), expr('null')];
distinct(described.filter((o) => o.pathParams.some((p) => !p.enum)), (o) => o.resource, 6).forEach((operation, i) => {
	const param = operation.pathParams.find((p) => !p.enum)!;
	add(`empty ID ${emptyIds[i % 3]}`, operation, () => ({ [param.name]: rl(emptyIds[i % 3]) }), param.name, /is required: enter an ID or pick one from the list/);
});

add('path value outside its list', op('POST /actions/charge-point/v1.0/{chargePoint}/reset/{type}'), () => ({ type: expr('"medium"') }), 'type', /"medium" is not one of: hard, soft/);
add('path value outside its list', op('GET /resources/circuits/v1.0/{dlmCircuit}/consumption/{phase}'), () => ({ phase: 'L4' }), 'phase', /"L4" is not one of:/);

// ---------------------------------------------------------------------------
// Body fields (Send Body As: Fields)
// ---------------------------------------------------------------------------

for (const { op: operation, field } of distinct(bodyFields.filter(({ field: f }) => f.required && isPlainText(f) && !f.maxLength), ({ op: o }) => o.resource, 8)) {
	add(`required text left empty (${field.name})`, operation, setBodyField(operation, field, expr('""')), bodyPath(field), /is required/);
}

for (const { op: operation, field } of distinct(bodyFields.filter(({ field: f }) => f.required && isNumber(f)), ({ op: o }) => o.resource, 6)) {
	add('text in a required number field', operation, setBodyField(operation, field, expr('"abc"')), bodyPath(field), /"abc" is not a number/);
}

for (const { op: operation, field } of distinct(bodyFields.filter(({ field: f }) => !f.required && isNumber(f)), ({ op: o }) => o.resource, 6)) {
	add('text in an optional number field', operation, setBodyField(operation, field, expr('"twelve"')), bodyPath(field), /"twelve" is not a number/);
}

for (const { op: operation, field } of distinct(bodyFields.filter(({ field: f }) => f.type === 'boolean'), ({ op: o }) => o.resource, 4)) {
	add('text in a boolean field', operation, setBodyField(operation, field, expr('"yes"')), bodyPath(field), /"yes" is not true or false/);
}

for (const { op: operation, field } of distinct(bodyFields.filter(({ field: f }) => f.type === 'string' && f.enum), ({ op: o }) => o.resource, 8)) {
	add('value outside the enum', operation, setBodyField(operation, field, 'bogus'), bodyPath(field), /"bogus" is not one of: /);
}

const withMaxLength = distinct(
	bodyFields.filter(({ field: f }) => f.type === 'string' && f.maxLength !== undefined && !f.enum && !f.pattern),
	({ op: o, field: f }) => `${o.resource} ${f.name}`,
	10,
);
for (const { op: operation, field } of withMaxLength) {
	const max = field.maxLength!;
	const rule = field.minLength === max ? `exactly ${max} are needed` : `at most ${max} are allowed`;
	add(`longer than maxLength ${max} (${field.name})`, operation, setBodyField(operation, field, 'x'.repeat(max + 1)), bodyPath(field), new RegExp(`is ${max + 1} characters long; ${rule}`));
}

const withPattern = bodyFields.filter(({ field: f }) => f.pattern);
['bg', 'BGR', 'B1', ' BG'].forEach((value, i) => {
	const { op: operation, field } = withPattern[i % withPattern.length];
	add(`pattern mismatch "${value}"`, operation, setBodyField(operation, field, value), bodyPath(field), /does not match the pattern \^\[A-Z\]\{2\}\$/);
});

const badDates = ['yesterday', '31/01/2025 13:45', '2025-13-45T10:00:00', '2025-01-31T25:00:00Z', '2025-01-31', '1738331100'];
distinct(bodyFields.filter(({ field: f }) => isDateTime(f)), ({ op: o }) => o.resource, 6).forEach(({ op: operation, field }, i) => {
	const value = badDates[i % badDates.length];
	add(`invalid date-time "${value}"`, operation, setBodyField(operation, field, value), bodyPath(field), /is not a (valid )?date and time/);
});

const numericLimits = [
	{ op: 'POST /actions/charge-point/v2.0/{chargePoint}/update-firmware', field: 'retries', value: 11, problem: /must be at most 10, got 11/ },
	{ op: 'POST /actions/charge-point/v2.0/{chargePoint}/update-firmware', field: 'interval', value: -1, problem: /must be at least 0, got -1/ },
	{ op: 'POST /resources/charge-points/v1.0', field: 'desiredSecurityProfile', value: 1.5, problem: /must be a whole number, got 1.5/ },
	{ op: 'POST /actions/circuit/v2.0/{circuit}/set-circuit-soc-priorities', field: 'upperThresholdPercent', value: 2, problem: /must be at least 5, got 2/ },
	{ op: 'POST /resources/roaming-operators/v2.0/{roamingOperator}/custom-tariff-filters', field: 'powerBelowKw', value: -0.5, problem: /must be at least 0/ },
];
for (const { op: value, field: name, value: bad, problem } of numericLimits) {
	const operation = op(value);
	const field = operation.body!.fields!.find((f) => f.name === name)!;
	add(`number out of range (${bad})`, operation, setBodyField(operation, field, bad), bodyPath(field), problem);
}

// Nested inputs, entered as JSON in the object and list fields: checked all the way down.
const createCp = op('POST /resources/charge-points/v2.0');
const inBody = (key: string, value: unknown) => inMapper(names.BODY_FIELDS, key, JSON.stringify(value));
add('text in a boolean inside an object field', createCp, inBody('subscription', { required: 'maybe' }), bodyPath('subscription.required'), /must be true or false, got string/);
add('text in a number inside an object field', createCp, inBody('network', { port: 'http' }), bodyPath('network.port'), /must be a number, got string/);
add('enum inside an object field', createCp, inBody('network', { protocol: 'ocpp 9' }), bodyPath('network.protocol'), /"ocpp 9" is not one of/);
add('text in a list of numbers', createCp, inBody('subscription', { planIds: [1, 'two'] }), bodyPath('subscription.planIds[1]'), /must be a number, got string/);
add('value outside a list of options', createCp, inMapper(names.BODY_FIELDS, 'capabilities', expr('["meter_values", "teleport"]')), bodyPath('capabilities[1]'), /"teleport" is not one of/);
add('invalid JSON in an object field', createCp, inMapper(names.BODY_FIELDS, 'network', '{"port": }'), bodyPath('network'), /is not valid JSON/);
const createCircuit = op('POST /resources/circuits/v1.0');
add('text in a number inside a list of objects', createCircuit, (base) => {
	const [first] = JSON.parse(mapped(base, names.BODY_FIELDS).chargePoints as string) as Array<Record<string, unknown>>;
	return inBody('chargePoints', [{ ...first, id: 'x' }])(base);
}, bodyPath('chargePoints[0].id'), /must be a number, got string/);

// ---------------------------------------------------------------------------
// Send Body As: JSON
// ---------------------------------------------------------------------------

const jsonOps = distinct(described.filter((o) => o.body?.fields?.some((f) => f.required) && !o.body.variants), (o) => o.resource, 8);
const json = (text: string) => () => ({ [names.SEND_BODY_AS]: 'json', [names.JSON_BODY]: text });

['{ name: "x" }', '{"a": 1,}', '{"a": 1', "{'a': 1}"].forEach((text, i) => {
	add(`invalid JSON ${text}`, jsonOps[i], json(text), names.JSON_BODY, /is not valid JSON \(/);
});
['[]', '[{"name": "x"}]', '"text"', '42'].forEach((text, i) => {
	add(`JSON ${text} where an object is required`, jsonOps[4 + i], json(text), names.JSON_BODY, /must be a JSON object/);
});
add('JSON expression giving a list', jsonOps[0], json(expr('[1, 2]')), names.JSON_BODY, /must be a JSON object/);
for (const operation of jsonOps.slice(0, 6)) {
	const required = operation.body!.fields!.find((f) => f.required)!;
	const body = { ...(sampleBody(operation) as Record<string, unknown>) };
	delete body[required.name];
	add('JSON missing a required field', operation, json(JSON.stringify(body)), `${names.JSON_BODY}.${required.name}`, /^is required$/);
}
const cpBody = sampleBody(createCp) as Record<string, unknown>;
add('JSON with a number for text', createCp, json(JSON.stringify({ ...cpBody, name: 5 })), `${names.JSON_BODY}.name`, /must be text, got number/);
add('JSON with null for a non-nullable field', createCp, json(JSON.stringify({ ...cpBody, name: null })), `${names.JSON_BODY}.name`, /must not be null/);
add('JSON with a value outside the enum', createCp, json(JSON.stringify({ ...cpBody, status: 'broken' })), `${names.JSON_BODY}.status`, /"broken" is not one of/);
add('JSON with text for an object', createCp, json(JSON.stringify({ ...cpBody, subscription: 'yes' })), `${names.JSON_BODY}.subscription`, /must be an object, got string/);
add('JSON with an object for a list', createCp, json(JSON.stringify({ ...cpBody, tags: { a: 1 } })), `${names.JSON_BODY}.tags`, /must be a list, got object/);
add('JSON longer than maxLength', createCp, json(JSON.stringify({ ...cpBody, pin: '12345' })), `${names.JSON_BODY}.pin`, /is 5 characters long; at most 4 are allowed/);

const indexOnlyWithBody = catalog.operations.find((o) => o.indexOnly && !o.custom && o.body && !o.body.fields && !o.body.list)!;
add('invalid JSON for an endpoint without schema', indexOnlyWithBody, json('{"ocpp": }'), names.JSON_BODY, /is not valid JSON/);
add('JSON list for an endpoint without schema', indexOnlyWithBody, json('[1]'), names.JSON_BODY, /must be a JSON object/);

const bulk = catalog.operations.find((o) => o.body?.list)!;
add('object where the body is a list', bulk, () => ({ [names.JSON_BODY]: '{"keyName": "k", "value": "v"}' }), names.JSON_BODY, /must be a list, got object/);
add('list item missing a required field', bulk, () => ({ [names.JSON_BODY]: '[{"keyName": "k", "value": "v"}, {"keyName": "k2"}]' }), `${names.JSON_BODY}[1].value`, /is required/);
add('list item that is not an object', bulk, () => ({ [names.JSON_BODY]: '[1]' }), `${names.JSON_BODY}[0]`, /must be an object, got number/);
add('list item matching no alternative', bulk, () => ({ [names.JSON_BODY]: '[{"value": "v"}]' }), `${names.JSON_BODY}[0].keyName`, /^is required \(alternative "With Key Name"; the alternatives are: With Key Name; With Component/);
add('invalid JSON for a list body', bulk, () => ({ [names.JSON_BODY]: '[{"value": "v"},' }), names.JSON_BODY, /is not valid JSON/);

// ---------------------------------------------------------------------------
// oneOf bodies
// ---------------------------------------------------------------------------

const booking = op('POST /resources/booking-requests/v1.0');
const alternative = (key: string, values: INodeParameters) => () => ({ [names.BODY_VARIANT]: key, [names.BODY_FIELDS]: mapperValue(values) });
add('alternative Create without startAt', booking, (base) => {
	const { startAt: _drop, ...rest } = mapped(base, names.BODY_FIELDS);
	return { [names.BODY_FIELDS]: mapperValue(rest) };
}, bodyPath('startAt'), /^is required \(alternative "Create"\)$/);
add('alternative Cancel without bookingId', booking, alternative('cancel', {}), bodyPath('bookingId'), /^is required \(alternative "Cancel"\)$/);
add('a field of another alternative', booking, alternative('cancel', { bookingId: 4, userId: 1 }), bodyPath('userId'), /^is not a field of this operation \(alternative "Cancel"\)$/);
add('an alternative the operation does not have', booking, alternative('postpone', { bookingId: 4 }), names.BODY_VARIANT, /^"postpone" is not one of: create, update, cancel$/);
add('alternatives in JSON: type=update without bookingId', booking, json('{"type": "update", "userId": 1}'), `${names.JSON_BODY}.bookingId`, /^is required \(alternative "Update"; the alternatives are: Create; Update; Cancel\)$/);
const variables = op('POST /resources/configuration-templates/v1.0/{template}/variables');
add('alternative without its required field', variables, alternative('keyName', { value: 'v' }), bodyPath('keyName'), /^is required \(alternative "With Key Name"\)$/);
add('JSON: a closed alternative with an extra field', variables, json('{"keyName": "k", "value": "v", "connectorId": 2}'), `${names.JSON_BODY}.connectorId`, /^is not a field of this alternative \(it takes only keyName, value\) \(alternative "With Key Name"/);
const preferences = op('POST /resources/charge-points/v2.0/{chargePoint}/personal-smart-charging-preferences');
add('JSON: the selected alternative is incomplete', preferences, json('{"type": "octopus_go"}'), `${names.JSON_BODY}.integrationId`, /^is required \(alternative "Octopus Go"; the alternatives are: User Controlled Schedule; Solar; /);
add('JSON: an alternative\'s own field of the wrong shape', preferences, json('{"type": "user_controlled_schedule", "preferences": {"startTime": 5, "endTime": "07:00"}}'), `${names.JSON_BODY}.preferences.startTime`, /^must be text, got number \(alternative "User Controlled Schedule"/);

// ---------------------------------------------------------------------------
// Query: filters, include, options, limit
// ---------------------------------------------------------------------------

const filterFields = described.flatMap((operation) => (operation.filters ?? []).map((field) => ({ op: operation, field })));
for (const { op: operation, field } of distinct(filterFields.filter(({ field: f }) => f.enum && f.type === 'string'), ({ op: o }) => o.resource, 8)) {
	add('filter value outside the enum', operation, inMapper(names.FILTERS, field.name, expr('"nope"')), `${names.FILTERS}.${field.name}`, /"nope" is not one of/);
}
distinct(filterFields.filter(({ field: f }) => isDateTime(f)), ({ op: o }) => o.resource, 4).forEach(({ op: operation, field }, i) => {
	const value = ['last week', '2025-02-31T10:00:00Z extra', '2025-00-10T10:00:00Z', 'now'][i];
	add(`filter date-time "${value}"`, operation, inMapper(names.FILTERS, field.name, value), `${names.FILTERS}.${field.name}`, /is not a (valid )?date and time/);
});
for (const { op: operation, field } of distinct(filterFields.filter(({ field: f }) => isNumber(f)), ({ op: o }) => o.resource, 4)) {
	add('text in a number filter', operation, inMapper(names.FILTERS, field.name, expr('"many"')), `${names.FILTERS}.${field.name}`, /"many" is not a number/);
}
add('text in a list-of-numbers filter', op('GET /resources/charge-points/v2.0'), inMapper(names.FILTERS, 'roamingOperatorIds', expr('"1, two"')), `${names.FILTERS}.roamingOperatorIds[1]`, /"two" is not a number/);

distinct(described.filter((o) => o.include?.length), (o) => o.resource, 8).forEach((operation, i) => {
	const include = i % 2 ? ['bogus'] : [operation.include![0], 'evses.connectors.secret'];
	add(`include outside its list`, operation, () => ({ [names.INCLUDE]: include }), names.INCLUDE, new RegExp(`"${include[include.length - 1]}" is not one of: ${operation.include![0]}`));
});

const sessions = op('GET /resources/sessions/v1.0');
add('text in a boolean query flag', sessions, inMapper(names.QUERY_FIELDS, 'withAuthorization', expr('"maybe"')), `${names.QUERY_FIELDS}.withAuthorization`, /"maybe" is not true or false/);
add('query flag outside its enum', sessions, inMapper(names.QUERY_FIELDS, 'clockAlignedInterval', expr('7')), `${names.QUERY_FIELDS}.clockAlignedInterval`, /"7" is not one of/);

const listing = op('GET /resources/charge-points/v2.0');
for (const limit of [0, expr('0'), expr('-1'), expr('2.5'), expr('"ten"')]) {
	add(`Limit ${limit}`, listing, () => ({ [names.RETURN_ALL]: false, [names.LIMIT]: limit }), names.LIMIT, /must be a whole number of at least 1/);
}

// ---------------------------------------------------------------------------

let mock: MockTenantServer;
beforeAll(async () => {
	mock = await startMockTenant({
		replies: (request) => (request.method === 'GET' ? { body: { data: [{ id: 1 }], links: { next: null }, meta: {} } } : { body: { data: { id: 1 } } }),
	});
});
afterAll(() => mock.close());

test(`at least 50 cases over at least 40 operations (${cases.length} cases)`, () => {
	expect(cases.length).toBeGreaterThanOrEqual(50);
	expect(new Set(cases.map((c) => c.op.value)).size).toBeGreaterThanOrEqual(40);
	expect(new Set(cases.map((c) => c.label)).size).toBe(cases.length);
	expect(integerIdOps).toHaveLength(20);
});

describe('rejected before anything is sent', () => {
	test.each(cases.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
		const before = mock.requests.length;
		const result = await runAmpeco({ tenantUrl: mock.url, parameters: c.parameters });
		expect(mock.requests.length - before).toBe(0);
		expect(result.items).toEqual([]);
		expect(result.error?.constructor.name).toBe('NodeOperationError');
		const message = result.error!.message;
		const parsed = /^Invalid parameter "([^"]+)": ([\s\S]*)$/.exec(message);
		expect({ field: parsed?.[1], problem: parsed?.[2] }).toEqual({ field: c.field, problem: expect.stringMatching(c.problem) });
		expect((result.error as { description?: string }).description).toBe('Nothing was sent to AMPECO.');
	});
});

describe('controls: the same operations with their sample parameters are sent', () => {
	const operations = [...new Map(cases.map((c) => [c.op.value, c.op])).values()];
	test.each(operations.map((o) => [o.value, o] as const))('%s', async (_value, operation) => {
		const before = mock.requests.length;
		const result = await runAmpeco({ tenantUrl: mock.url, parameters: sampleParameters(operation) });
		expect(result.error?.message).toBeUndefined();
		expect(mock.requests.length - before).toBe(1);
	});
});

describe('a field the operation does not have', () => {
	const update = op('PATCH /resources/charge-points/v2.0/{chargePoint}');
	const parameters: INodeParameters = { ...sampleParameters(update), [names.BODY_FIELDS]: mapperValue({ name: 'CP', bogus: 'x', pin: '1234' }) };

	test('is an error in the node: a silent drop would hide a typo', () => {
		const read: ParameterReader = (name, fallback, id) => {
			const value = parameters[name] as unknown;
			if (value === undefined) return fallback;
			return id && typeof value === 'object' && value !== null && '__rl' in value ? (value as unknown as { value: unknown }).value : value;
		};
		let thrown: unknown;
		try {
			buildRequest(update, read);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(InputError);
		expect((thrown as InputError).field).toBe(bodyPath('bogus'));
		expect((thrown as Error).message).toBe(`${bodyPath('bogus')}: is not a field of this operation`);
	});

	// A saved workflow may carry the fields of the operation it was set up for before the
	// user switched operations; the resource mapper keeps them, so the node must refuse them.
	test('never reaches AMPECO through n8n either', async () => {
		const before = mock.requests.length;
		const result = await runAmpeco({ tenantUrl: mock.url, parameters });
		expect(result.error?.message).toBe(`Invalid parameter "${bodyPath('bogus')}": is not a field of this operation`);
		expect(mock.requests.length - before).toBe(0);
	});
});

describe("n8n's own parameter check stops literal bad values first", () => {
	const get = op('GET /resources/charge-points/v2.0/{chargePoint}');
	test.each([
		{ label: 'empty required ID', parameters: { ...sampleParameters(get), chargePoint: rl('') }, message: /Parameter "Charge Point" is required/ },
		{ label: 'non-numeric literal ID', parameters: { ...sampleParameters(get), chargePoint: rl('abc') }, message: /Must be a number/ },
	])('$label', async ({ parameters, message }) => {
		const before = mock.requests.length;
		const result = await runAmpeco({ tenantUrl: mock.url, parameters });
		expect(mock.requests.length - before).toBe(0);
		expect(result.error?.constructor.name).toBe('WorkflowHasIssuesError');
		expect(result.error!.message).toMatch(message);
	});
});
