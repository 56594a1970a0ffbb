/** Invariants of the generated catalog and the node description built from it. */
import { readFileSync } from 'fs';
import { NodeHelpers, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { generatedCatalog as catalog, findOperation } from '../nodes/Ampeco/catalog';
import { Ampeco } from '../nodes/Ampeco/Ampeco.node';
import { AmpecoApi } from '../credentials/AmpecoApi.credentials';
import { SEED_PATH } from '../scripts/shared-data';
import { effectiveValues, shownParameters } from './helpers/shown-parameters';

const description = new Ampeco().description;

function seedOperations(): Array<{ summary: string; method: string; path: string }> {
	const [, ...rows] = readFileSync(SEED_PATH, 'utf8').trim().split('\n');
	return rows.map((row) => {
		const [, summary, method, path] = row.split('\t');
		return { summary, method, path };
	});
}

function operationOptions(resource: string) {
	const property = description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource));
	return (property?.options ?? []) as Array<{ name: string; value: string; action?: string; description?: string }>;
}

/** Top-level properties the editor shows for an operation, with the other parameters on their defaults. */
function propertiesOf(value: string, values: Record<string, unknown> = {}): INodeProperties[] {
	const op = findOperation(value)!;
	return shownParameters(description, { resource: op.resource, operation: value, ...values } as never);
}

test('544 operations: 452 with schemas, 92 from the newer endpoint index only', () => {
	expect(catalog.operations).toHaveLength(544);
	expect(catalog.operations.filter((op) => !op.indexOnly)).toHaveLength(452);
	expect(catalog.operations.filter((op) => op.indexOnly)).toHaveLength(92);
	expect(catalog.apiVersion).toBe('3.110.0');
});

test('every seed operation of API 3.65.0 is reachable as exactly one operation', () => {
	const seeds = seedOperations();
	expect(seeds).toHaveLength(395);
	const missing = seeds.filter((s) => !findOperation(`${s.method} ${s.path.replace('/public-api', '')}`));
	expect(missing).toEqual([]);
	for (const seed of seeds) {
		const op = findOperation(`${seed.method} ${seed.path.replace('/public-api', '')}`)!;
		expect(operationOptions(op.resource).filter((o) => o.value === op.value)).toHaveLength(1);
	}
});

test('EVSE / Update v2.0 is offered, labelled deprecated, with its successor named', () => {
	const op = findOperation('PUT /resources/evses/v2.0/{evse}')!;
	expect(op).toMatchObject({ resource: 'evse', method: 'PUT', kind: 'update', deprecated: true, version: 'v2.0' });
	expect(op.name).toMatch(/\(v2\.0, Deprecated\)$/);
	const option = operationOptions('evse').find((o) => o.value === op.value)!;
	expect(option.name).toBe(op.name);
	const notices = propertiesOf(op.value).filter((p) => p.name === 'deprecationNotice');
	expect(notices).toHaveLength(1);
	expect(notices[0].displayName).toContain(`use “${findOperation(op.successor!)!.name}” instead`);
});

test('operation values are unique, and labels are unique within each resource', () => {
	const values = catalog.operations.map((op) => op.value);
	expect(new Set(values).size).toBe(values.length);
	for (const resource of catalog.resources) {
		const names = operationOptions(resource.value).map((o) => o.name);
		expect(new Set(names).size).toBe(names.length);
		expect(names.length).toBeGreaterThan(0);
	}
	const resources = description.properties.find((p) => p.name === 'resource')!.options!.map((o) => (o as { value: string }).value);
	expect(new Set(resources).size).toBe(resources.length);
	expect(resources).toEqual(expect.arrayContaining([...catalog.resources.map((r) => r.value), 'customApiCall']));
	expect(resources).toHaveLength(catalog.resources.length + 1);
});

test('every {param} of every path has a required parameter shown for that operation', () => {
	for (const op of catalog.operations) {
		const params = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
		const shown = propertiesOf(op.value);
		for (const name of params) {
			const property = shown.find((p) => p.name === name);
			expect({ op: op.value, name, required: property?.required }).toEqual({ op: op.value, name, required: true });
		}
	}
});

test('path IDs are resource locators with By ID, and From List wherever a listing exists', () => {
	for (const op of catalog.operations) {
		for (const param of op.pathParams.filter((p) => !p.enum)) {
			const property = propertiesOf(op.value).find((p) => p.name === param.name)!;
			expect(property.type).toBe('resourceLocator');
			const modes = (property.modes ?? []).map((m) => m.name);
			expect(modes).toContain('id');
			if (param.listOperation) {
				expect(modes).toContain('list');
				expect(findOperation(param.listOperation)!.kind).toBe('getMany');
			}
		}
	}
	expect(findOperation('GET /resources/charge-points/v2.0/{chargePoint}/evses/{evse}')!.pathParams[1].listOperation).toBe(
		'GET /resources/charge-points/v2.0/{chargePoint}/evses',
	);
});

test('listings offer Return All and Limit (default 50); bodies offer Send Body As', () => {
	for (const op of catalog.operations) {
		const names = propertiesOf(op.value).map((p) => p.name);
		if (op.kind === 'getMany' && op.paging) expect(names).toEqual(expect.arrayContaining(['returnAll', 'limit']));
		if (op.body?.fields) expect(names).toContain('sendBodyAs');
		if (op.body?.fields) expect(names).toContain('bodyFields');
		if (op.body) expect(propertiesOf(op.value, { sendBodyAs: 'json' }).map((p) => p.name)).toContain('jsonBody');
		if (op.filters?.length) expect(names).toContain('filters');
		if (op.query.length) expect(names).toContain('queryFields');
		if (op.include?.length) expect(names).toContain('include');
	}
	const limit = description.properties.find((p) => p.name === 'limit')!;
	expect(limit).toMatchObject({ default: 50, typeOptions: { minValue: 1 } });
});

test("Include offers each listing exactly the related records it can embed, as n8n's editor filters the options", () => {
	const include = description.properties.find((p) => p.name === 'include')!;
	let offered = 0;
	for (const op of catalog.operations.filter((o) => o.include?.length)) {
		const effective = effectiveValues(description, { resource: op.resource, operation: op.value } as never);
		// What the editor does for every options list (getParameterDisplayableOptions).
		const shown = (include.options as INodePropertyOptions[]).filter((option) => NodeHelpers.displayParameter(effective, option, { typeVersion: 1 }, description));
		expect(shown.map((option) => option.value).sort()).toEqual(op.include!.map(String).sort());
		offered += shown.length;
	}
	expect(offered).toBeGreaterThan(0);
});

test('read-only properties are never offered as input', () => {
	// `id` and `lastUpdatedAt` are read-only on every record that has them.
	const evseUpdate = findOperation('PUT /resources/evses/v2.0/{evse}')!;
	const names = evseUpdate.body!.fields!.map((f) => f.name);
	expect(names).not.toContain('id');
	expect(names).not.toContain('chargePointId');
	expect(names).toContain('physicalReference');
});

test('node description follows n8n conventions for a tool-usable node', () => {
	expect(description.usableAsTool).toBe(true);
	expect(description.subtitle).toBeTruthy();
	expect(description.icon).toEqual({ light: 'file:ampeco.svg', dark: 'file:ampeco.dark.svg' });
	for (const name of ['resource', 'operation']) {
		for (const p of description.properties.filter((x) => x.name === name)) expect(p.noDataExpression).toBe(true);
	}
});

test('the serialised description of the package (node + credential) is at most 1.0 MB', () => {
	const size = Buffer.byteLength(JSON.stringify(description)) + Buffer.byteLength(JSON.stringify(new AmpecoApi()));
	expect(size).toBeLessThanOrEqual(1_000_000);
});

test("n8n adds no second Custom API Call: every Resource and Operation list already ends with the node's own", () => {
	// n8n's loader appends its own option (which only points to the HTTP Request node) unless the last option has this name.
	const lists = description.properties.filter((p) => p.name === 'resource' || p.name === 'operation');
	expect(lists).toHaveLength(1 + catalog.resources.length + 1);
	for (const list of lists) {
		const options = list.options as Array<{ name: string; value: string }>;
		expect(options.at(-1)!.name).toBe('Custom API Call');
		expect(options.at(-1)!.value).toBe(list.name === 'resource' ? 'customApiCall' : 'customRequest');
		expect(options.filter((o) => o.name === 'Custom API Call')).toHaveLength(1);
	}
});

test('each resource opens on its own listing (newest, no parent ID), else its newest Get', () => {
	for (const list of description.properties.filter((p) => p.name === 'operation')) {
		const resource = (list.displayOptions!.show!.resource as string[])[0];
		if (resource === 'customApiCall') continue;
		const ops = catalog.operations.filter((o) => o.resource === resource && !o.deprecated);
		const chosen = findOperation(list.default as string)!;
		expect(chosen.resource).toBe(resource);
		const ownListings = ops.filter((o) => o.kind === 'getMany' && o.pathParams.length === 0);
		if (ownListings.length) expect({ resource, kind: chosen.kind, params: chosen.pathParams.length }).toEqual({ resource, kind: 'getMany', params: 0 });
		else if (!ops.some((o) => o.kind === 'getMany') && ops.some((o) => o.kind === 'get')) expect(chosen.kind).toBe('get');
	}
	expect(description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('evse'))!.default).toBe('GET /resources/evses/v2.1');
});

test("no path parameter shares its name with one of the node's own parameters", () => {
	const pathNames = new Set(catalog.operations.flatMap((op) => op.pathParams.map((p) => p.name)));
	const own = description.properties.filter((p) => !pathNames.has(p.name) || p.type !== 'resourceLocator').map((p) => p.name);
	expect(own.filter((name) => pathNames.has(name) && !catalog.operations.some((op) => op.pathParams.some((p) => p.name === name && p.enum)))).toEqual([]);
});
