/** The generator: reproducible output, and identities that survive AMPECO's renames. */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { execFileSync } from 'child_process';
import { CATALOG_FILE, OPERATIONS_TABLE_FILE, PROPERTIES_FILE, RECORD_FILE, checkUpgrade, generateCatalog, readInputs, readPrevious } from '../scripts/generate-catalog';
import { withCustomApiCall } from '../nodes/Ampeco/catalog/custom';
import { EDITOR_PLAIN, nodeProperties } from '../nodes/Ampeco/description';
import { buildProperties } from '../scripts/description/properties';
import { identities } from '../scripts/description/identities';
import type { Catalog } from '../nodes/Ampeco/catalog/types';
import type { INodeProperties } from 'n8n-workflow';
import { INDEX_PATH, SPEC_PATH } from '../scripts/shared-data';

const inputs = readInputs();
/** The committed catalog and identity record: what a regeneration carries forward and is checked against. */
const previous = readPrevious();

test('the committed catalog is exactly what the generator writes (run `npm run generate`)', () => {
	const dir = mkdtempSync(join(tmpdir(), 'ampeco-catalog-'));
	try {
		const out = join(dir, 'catalog.ts');
		execFileSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--transpile-only', 'scripts/generate-catalog.ts', '--out', out], {
			cwd: join(__dirname, '..'),
		});
		expect(readFileSync(out, 'utf8')).toBe(readFileSync(CATALOG_FILE, 'utf8'));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('docs/OPERATIONS.md, the table of every resource and operation, is what the generator writes', () => {
	const { table } = generateCatalog(inputs, previous);
	expect(table).toBe(readFileSync(OPERATIONS_TABLE_FILE, 'utf8'));
	expect(table).toContain('| Update (v2.0, Deprecated) | `PUT /public-api/resources/evses/v2.0/{evse}` | **deprecated**, use *Update (v2.1)* |');
	expect(table.split('\n').filter((line) => line.startsWith('| ') && line.includes('`'))).toHaveLength(544);
});

test('the node parameters are generated from the catalog, and the committed file is current', () => {
	const { properties, catalog } = generateCatalog(inputs, previous);
	expect(properties).toBe(readFileSync(PROPERTIES_FILE, 'utf8'));
	const shipped = nodeProperties.map((property) => {
		const { [EDITOR_PLAIN]: plain, ...rest } = property as INodeProperties & Record<string, unknown>;
		expect(plain).toBe(true);
		return rest;
	});
	expect(shipped).toEqual(buildProperties(withCustomApiCall(catalog)));
});

test('regenerating from the shipped inputs loses nothing, reports nothing, and rewrites the identity record unchanged', () => {
	const generated = generateCatalog(inputs, previous);
	expect(generated.source).toBe(readFileSync(CATALOG_FILE, 'utf8'));
	expect(checkUpgrade(inputs, generated, previous)).toEqual({ breaks: [], record: readFileSync(RECORD_FILE, 'utf8'), report: undefined });
});

test('generating twice from the same input gives the same bytes', () => {
	expect(generateCatalog(inputs, previous).source).toBe(generateCatalog(inputs, previous).source);
});

test('the header names generator, inputs, API version and input hash, and forbids edits', () => {
	const header = readFileSync(CATALOG_FILE, 'utf8').split(' */')[0];
	expect(header).toMatch(/GENERATED — DO NOT EDIT/);
	expect(header).toContain('scripts/generate-catalog.ts');
	expect(header).toContain('openapi-3.110.0.json (API 3.110.0)');
	expect(header).toContain('endpoints-3.168.0.tsv (API 3.168.0)');
	expect(header).toMatch(/input sha256: [0-9a-f]{64}/);
});

test('no prose from the spec is copied: no description or summary text in the catalog', () => {
	const spec = JSON.parse(inputs.specText);
	const source = readFileSync(CATALOG_FILE, 'utf8');
	const descriptions = new Set<string>();
	JSON.stringify(spec.paths, (key, value) => {
		if (key === 'description' && typeof value === 'string' && value.length > 40) descriptions.add(value);
		return value;
	});
	const copied = [...descriptions].filter((d) => source.includes(JSON.stringify(d).slice(1, -1)));
	expect(copied).toEqual([]);
	expect(source).not.toMatch(/"description":/);
});

/** What a saved workflow stores: resource and operation values and, per operation, parameter names. */
const identitiesOf = (catalog: Catalog) => identities(catalog, buildProperties(catalog));

test('renaming every operationId and summary changes no stored identity', () => {
	const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8'));
	for (const item of Object.values<Record<string, { operationId?: string; summary?: string }>>(spec.paths)) {
		for (const op of Object.values(item)) {
			if (!op || typeof op !== 'object' || !('operationId' in op)) continue;
			op.operationId = `${op.operationId}Renamed`;
			op.summary = `Renamed / ${op.summary} Listing`;
		}
	}
	const index = readFileSync(INDEX_PATH, 'utf8')
		.split('\n')
		.map((line, i) => (i === 0 || !line ? line : line.replace(/^([^\t]*\t[^\t]*\t[^\t]*\t)([^\t]*)/, '$1Renamed $2 Listing')))
		.join('\n');
	const renamed = generateCatalog({ ...inputs, specText: JSON.stringify(spec), indexText: index }).catalog;
	const original = generateCatalog(inputs).catalog;
	expect(identitiesOf(renamed)).toEqual(identitiesOf(original));
	// The renames did reach the generator: labels may follow AMPECO's wording, identities do not.
	expect(renamed.operations.map((o) => o.name)).not.toEqual(original.operations.map((o) => o.name));
});

test('a fixture spec: method + path decide resource and value, whatever the labels say', () => {
	const spec = {
		info: { version: '9.9.9' },
		components: { parameters: {} },
		paths: {
			'/public-api/resources/widgets/v1.0/{widget}': {
				patch: {
					operationId: 'x',
					summary: 'Totally / Different',
					parameters: [{ in: 'path', name: 'widget', required: true, schema: { type: 'integer' } }],
					requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'integer', readOnly: true }, size: { type: 'string', enum: ['s', 'm'] } } } } } },
				},
			},
		},
	};
	const { catalog } = generateCatalog({ ...inputs, specText: JSON.stringify(spec), indexText: 'tag\tmethod\tpath\tsummary\tdeprecated\n' });
	expect(catalog.operations).toEqual([
		expect.objectContaining({
			value: 'PATCH /resources/widgets/v1.0/{widget}',
			resource: 'widget',
			kind: 'update',
			pathParams: [{ name: 'widget', type: 'integer' }],
			body: { required: true, fields: [{ name: 'size', type: 'string', enum: ['s', 'm'] }] },
		}),
	]);
});

