/**
 * Generates nodes/Ampeco/catalog/generated/catalog.ts from the AMPECO reference data in
 * ../shared/ampeco (never copied into this repository).
 *
 *   npm run generate                       # writes the committed catalog
 *   npm run generate -- --out /tmp/x.ts    # writes elsewhere (used by the drift test)
 *
 * AMPECO Trigger (issue 5): the same run also writes nodes/AmpecoTrigger/generated/events.ts
 * (see scripts/catalog/notification-events.ts); `--events-out /tmp/y.ts` writes it elsewhere.
 */
import { createHash } from 'crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import { buildCatalog, parseIndex } from './catalog/build-catalog';
import { generateNotificationEvents } from './catalog/notification-events';
import { renderOperationsTable } from './catalog/operations-table';
import { renderCodex } from './catalog/codex';
import { buildProperties } from './description/properties';
import { withCustomApiCall } from '../nodes/Ampeco/catalog/custom';
import type { Catalog } from '../nodes/Ampeco/catalog/types';

export const REPO_ROOT = resolve(__dirname, '..');
export const DEFAULT_SHARED = resolve(REPO_ROOT, '..', 'shared', 'ampeco');
export const SPEC_FILE = 'openapi-3.110.0.json';
export const INDEX_FILE = 'endpoints-3.168.0.tsv';
export const CATALOG_FILE = join(REPO_ROOT, 'nodes/Ampeco/catalog/generated/catalog.ts');
/** AMPECO Trigger (issue 5): the notification types a subscription accepts. */
export const OPERATIONS_TABLE_FILE = join(REPO_ROOT, 'docs/OPERATIONS.md');
export const PROPERTIES_FILE = join(REPO_ROOT, 'nodes/Ampeco/description/generated/properties.json');
export const EVENTS_FILE = join(REPO_ROOT, 'nodes/AmpecoTrigger/generated/events.ts');
/** The node's codex: its `alias` list is written from the resource names. */
export const CODEX_FILE = join(REPO_ROOT, 'nodes/Ampeco/Ampeco.node.json');

export interface Inputs {
	specText: string;
	indexText: string;
}

export function readInputs(sharedDir = process.env.AMPECO_SHARED_DIR ?? DEFAULT_SHARED): Inputs {
	return {
		specText: readFileSync(join(sharedDir, SPEC_FILE), 'utf8'),
		indexText: readFileSync(join(sharedDir, INDEX_FILE), 'utf8'),
	};
}

export function generateCatalog({ specText, indexText }: Inputs): { catalog: Catalog; source: string; table: string; properties: string } {
	const indexVersion = INDEX_FILE.match(/(\d+\.\d+\.\d+)/)![1];
	const catalog = buildCatalog(JSON.parse(specText), parseIndex(indexText), indexVersion);
	const hash = createHash('sha256').update(specText).update('\0').update(indexText).digest('hex');
	return { catalog, source: render(catalog, hash), table: renderOperationsTable(catalog, hash), properties: renderProperties(catalog, hash) };
}

/**
 * The node's parameter list, built here rather than when n8n loads the package: building
 * it from the catalog took most of the package's load time. Written as JSON because V8
 * reads JSON about twice as fast as the same data as a JavaScript literal (measured:
 * 10 vs 22 ms); one parameter per line keeps the diffs of a regeneration readable.
 */
function renderProperties(catalog: Catalog, hash: string): string {
	const properties = buildProperties(withCustomApiCall(catalog));
	const header = {
		generated: 'GENERATED — DO NOT EDIT. Regenerate with `npm run generate`.',
		generator: 'scripts/generate-catalog.ts (scripts/description/properties.ts over the catalog)',
		inputs: `../shared/ampeco/${SPEC_FILE} (API ${catalog.apiVersion}), ../shared/ampeco/${INDEX_FILE} (API ${catalog.indexVersion})`,
		inputSha256: hash,
		topLevelParameters: properties.length,
	};
	return [
		'{',
		...Object.entries(header).map(([k, v]) => `\t${JSON.stringify(k)}: ${JSON.stringify(v)},`),
		'\t"properties": [',
		properties.map((p) => `\t\t${JSON.stringify(p)}`).join(',\n'),
		'\t]',
		'}',
		'',
	].join('\n');
}

function render(catalog: Catalog, hash: string): string {
	const { operations, resources, ...meta } = catalog;
	const lines = [
		'/**',
		' * GENERATED — DO NOT EDIT. Regenerate with `npm run generate`.',
		' * generator: scripts/generate-catalog.ts',
		` * inputs: ../shared/ampeco/${SPEC_FILE} (API ${catalog.apiVersion}), ../shared/ampeco/${INDEX_FILE} (API ${catalog.indexVersion})`,
		` * input sha256: ${hash}`,
		` * operations: ${operations.length}, resources: ${resources.length}`,
		' */',
		"import type { Catalog } from '../types';",
		'',
		'export const catalog: Catalog = {',
		...Object.entries(meta).map(([k, v]) => `\t${k}: ${JSON.stringify(v)},`),
		'\tresources: [',
		...resources.map((r) => `\t\t${JSON.stringify(r)},`),
		'\t],',
		'\toperations: [',
		...operations.map((o) => `\t\t${JSON.stringify(o)},`),
		'\t],',
		'};',
		'',
	];
	return lines.join('\n');
}

if (require.main === module) {
	const outAt = process.argv.indexOf('--out');
	const out = outAt > 0 ? resolve(process.argv[outAt + 1]) : CATALOG_FILE;
	const inputs = readInputs();
	const { catalog, source, table, properties } = generateCatalog(inputs);
	mkdirSync(dirname(out), { recursive: true });
	writeFileSync(out, source);
	console.log(`wrote ${relative(process.cwd(), out)}: ${catalog.operations.length} operations, ${catalog.resources.length} resources`);
	if (outAt < 0) {
		mkdirSync(dirname(OPERATIONS_TABLE_FILE), { recursive: true });
		writeFileSync(OPERATIONS_TABLE_FILE, table);
		console.log(`wrote ${relative(process.cwd(), OPERATIONS_TABLE_FILE)}`);
		mkdirSync(dirname(PROPERTIES_FILE), { recursive: true });
		writeFileSync(PROPERTIES_FILE, properties);
		console.log(`wrote ${relative(process.cwd(), PROPERTIES_FILE)}`);
		writeFileSync(CODEX_FILE, renderCodex(readFileSync(CODEX_FILE, 'utf8'), catalog));
		console.log(`wrote the aliases of ${relative(process.cwd(), CODEX_FILE)}`);
	}

	// AMPECO Trigger (issue 5): the trigger's event list, from the same spec. Written to the repo only by a
	// plain `npm run generate`; with `--out` alone (the catalog drift test) it is not touched.
	const eventsAt = process.argv.indexOf('--events-out');
	const eventsOut = eventsAt > 0 ? resolve(process.argv[eventsAt + 1]) : outAt > 0 ? undefined : EVENTS_FILE;
	if (eventsOut) {
		const { events, source: eventsSource } = generateNotificationEvents(inputs.specText, SPEC_FILE);
		mkdirSync(dirname(eventsOut), { recursive: true });
		writeFileSync(eventsOut, eventsSource);
		console.log(`wrote ${relative(process.cwd(), eventsOut)}: ${events.events.length} notification events`);
	}
}
