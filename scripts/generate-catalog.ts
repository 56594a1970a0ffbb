/**
 * Generates the catalog (nodes/Ampeco/catalog/generated/catalog.ts), the node's parameters,
 * docs/OPERATIONS.md and the AMPECO Trigger's events from an AMPECO spec and endpoint index
 * (kept in ../shared/ampeco, never copied into this repository), and moves the package to a
 * newer API without breaking saved workflows.
 *
 *   npm run generate                                   # the inputs the last generation used
 *   npm run generate -- --spec FILE [--index FILE]     # a newer spec (and index)
 *        [--index-version X.Y.Z]                       # for an index whose file name has no version
 *   npm run generate -- --out /tmp/x.ts                # only the catalog, elsewhere (the drift test)
 *        [--events-out /tmp/y.ts]                      # and the trigger's events
 *   npm run generate -- --root DIR ...                 # previous state read from and output written under DIR
 *
 * The previous state is the committed catalog and identity record
 * (scripts/upgrade/generated/identities.json). A new API version prints a change report and
 * adds it to docs/API-CHANGES.md. Nothing is written if a workflow saved with the last
 * release would lose something it holds (scripts/upgrade/): the command fails, listing it.
 */
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { basename, dirname, join, relative, resolve } from 'path';
import { buildCatalog, parseIndex } from './catalog/build-catalog';
import { parseCatalogSource, renderCatalogSource } from './catalog/catalog-source';
import { generateNotificationEvents } from './catalog/notification-events';
import { renderOperationsTable } from './catalog/operations-table';
import { renderCodex } from './catalog/codex';
import { identities } from './description/identities';
import { buildProperties } from './description/properties';
import { carryForward } from './upgrade/carry-forward';
import { diffCatalogs, emptyChangesDoc, renderChanges, withEntry } from './upgrade/change-report';
import { pinDefaultOperations } from './upgrade/default-operations';
import { existingEndpoints } from './upgrade/existence';
import { RECORD_PATH, compatibilityBreaks, parseRecord, renderRecord, type IdentityRecord } from './upgrade/identity-record';
import { parseArguments, readInputFiles, recordedInputFiles, type InputFiles, type Inputs } from './upgrade/inputs';
import { withCustomApiCall } from '../nodes/Ampeco/catalog/custom';
import type { Catalog } from '../nodes/Ampeco/catalog/types';

export const REPO_ROOT = resolve(__dirname, '..');

/** Where each generated file lives under a root (the repository, or a test's temporary folder). */
export function generatedFiles(root = REPO_ROOT) {
	return {
		catalog: join(root, 'nodes/Ampeco/catalog/generated/catalog.ts'),
		properties: join(root, 'nodes/Ampeco/description/generated/properties.json'),
		table: join(root, 'docs/OPERATIONS.md'),
		events: join(root, 'nodes/AmpecoTrigger/generated/events.ts'),
		record: join(root, RECORD_PATH),
		changes: join(root, 'docs/API-CHANGES.md'),
		/** The node's codex: its `alias` list is written from the resource names. */
		codex: join(root, 'nodes/Ampeco/Ampeco.node.json'),
	};
}

const FILES = generatedFiles();
export const CATALOG_FILE = FILES.catalog;
export const PROPERTIES_FILE = FILES.properties;
export const OPERATIONS_TABLE_FILE = FILES.table;
export const EVENTS_FILE = FILES.events;
export const RECORD_FILE = FILES.record;
export const CHANGES_FILE = FILES.changes;
export const CODEX_FILE = FILES.codex;

/** What the last generation left: the catalog that operations are carried forward from, and the identity record. */
export interface Previous {
	catalog?: Catalog;
	record?: IdentityRecord;
}

export function readRecord(root = REPO_ROOT): IdentityRecord | undefined {
	const file = generatedFiles(root).record;
	return existsSync(file) ? parseRecord(readFileSync(file, 'utf8')) : undefined;
}

export function readPrevious(root = REPO_ROOT): Previous {
	const file = generatedFiles(root).catalog;
	return { catalog: existsSync(file) ? parseCatalogSource(readFileSync(file, 'utf8')) : undefined, record: readRecord(root) };
}

/** The given files, else those the committed record names (looked up in ../shared/ampeco). */
export function readInputs(files: Partial<InputFiles> = {}, record = readRecord()): Inputs {
	const recorded = record ? recordedInputFiles(record.inputs) : undefined;
	const spec = files.spec ?? recorded?.spec;
	const index = files.index ?? recorded?.index;
	if (!spec || !index) throw new Error('no inputs recorded by an earlier generation: pass --spec FILE --index FILE');
	return readInputFiles({ spec, index, indexVersion: files.indexVersion });
}

export interface Generated {
	catalog: Catalog;
	inputSha256: string;
	/** The input files and API versions, as every generated header names them. */
	inputNames: string;
	source: string;
	table: string;
	properties: string;
}

export function generateCatalog(inputs: Inputs, previous: Previous = {}): Generated {
	const existing = existingEndpoints(JSON.parse(inputs.specText), parseIndex(inputs.indexText), inputs.indexVersion);
	const built = buildCatalog(existing.spec, existing.index, inputs.indexVersion);
	const carried = previous.catalog ? carryForward(built, previous.catalog) : built;
	const catalog = previous.record ? pinDefaultOperations(carried, previous.record.defaultOperations) : carried;
	const inputSha256 = createHash('sha256').update(inputs.specText).update('\0').update(inputs.indexText).digest('hex');
	const inputNames = `${inputs.specName} (API ${catalog.apiVersion}), ${inputs.indexName} (API ${catalog.indexVersion})`;
	return {
		catalog,
		inputSha256,
		inputNames,
		source: renderCatalogSource(catalog, { inputs: inputNames, inputSha256 }),
		table: renderOperationsTable(catalog, inputNames, inputSha256),
		properties: renderProperties(catalog, inputNames, inputSha256),
	};
}

export interface Upgrade {
	/** What a workflow saved with the last release would lose; empty when the upgrade is safe. */
	breaks: string[];
	/** The new identity record. */
	record: string;
	/** The change report, when the inputs differ from the last generation's. */
	report?: string;
}

/** The gate and the change report: the new catalog against the last generation's. */
export function checkUpgrade(inputs: Inputs, generated: Generated, previous: Previous = {}): Upgrade {
	const node = withCustomApiCall(generated.catalog);
	const current = identities(node, buildProperties(node));
	const record: IdentityRecord = {
		inputs: { spec: basename(inputs.specName), index: basename(inputs.indexName) },
		apiVersion: generated.catalog.apiVersion,
		indexVersion: generated.catalog.indexVersion,
		inputSha256: generated.inputSha256,
		...current,
	};
	const changed = previous.catalog && previous.record && previous.record.inputSha256 !== generated.inputSha256;
	return {
		breaks: previous.record ? compatibilityBreaks(previous.record, current) : [],
		record: renderRecord(record),
		report: changed ? renderChanges(diffCatalogs(previous.catalog!, generated.catalog), generated.catalog, generated.inputNames) : undefined,
	};
}

/**
 * The node's parameter list, built here rather than when n8n loads the package: building
 * it from the catalog took most of the package's load time. Written as JSON because V8
 * reads JSON about twice as fast as the same data as a JavaScript literal (measured:
 * 10 vs 22 ms); one parameter per line keeps the diffs of a regeneration readable.
 */
function renderProperties(catalog: Catalog, inputs: string, inputSha256: string): string {
	const properties = buildProperties(withCustomApiCall(catalog));
	const header = {
		generated: 'GENERATED — DO NOT EDIT. Regenerate with `npm run generate`.',
		generator: 'scripts/generate-catalog.ts (scripts/description/properties.ts over the catalog)',
		inputs,
		inputSha256,
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

function write(file: string, text: string, what = ''): void {
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, text);
	console.log(`wrote ${relative(process.cwd(), file)}${what}`);
}

function main(argv: string[]): number {
	const args = parseArguments(argv);
	const root = args.root ? resolve(args.root) : REPO_ROOT;
	const files = generatedFiles(root);
	const previous = readPrevious(root);
	const inputs = readInputs({ spec: args.spec && resolve(args.spec), index: args.index && resolve(args.index), indexVersion: args['index-version'] }, previous.record);
	const generated = generateCatalog(inputs, previous);
	const upgrade = checkUpgrade(inputs, generated, previous);
	if (upgrade.report) console.log(`\n${upgrade.report}`);
	if (upgrade.breaks.length) {
		console.error(
			[
				`Compatibility gate: workflows saved with the last release (API ${previous.record!.apiVersion}) would break:`,
				...upgrade.breaks.map((b) => `  - ${b}`),
				'Nothing was written. Removed operations and fields are kept by the generator; these changes are not.',
				'See README, "Updating to a newer AMPECO API".',
			].join('\n'),
		);
		return 1;
	}
	const { catalog } = generated;
	const summary = `: ${catalog.operations.length} operations, ${catalog.resources.length} resources`;
	// The trigger's events: written with the rest, or where --events-out says; `--out` alone leaves them.
	const eventsOut = args['events-out'] ? resolve(args['events-out']) : args.out ? undefined : files.events;
	if (args.out) write(resolve(args.out), generated.source, summary);
	else {
		write(files.catalog, generated.source, summary);
		write(files.table, generated.table);
		write(files.properties, generated.properties);
		write(files.codex, renderCodex(readFileSync(existsSync(files.codex) ? files.codex : CODEX_FILE, 'utf8'), catalog), ' (aliases)');
		write(files.record, upgrade.record);
		const doc = existsSync(files.changes) ? readFileSync(files.changes, 'utf8') : emptyChangesDoc();
		const next = upgrade.report ? withEntry(doc, upgrade.report, generated.inputSha256) : doc;
		if (!existsSync(files.changes) || next !== doc) write(files.changes, next);
	}
	if (eventsOut) {
		const { events, source } = generateNotificationEvents(inputs.specText, basename(inputs.specName));
		write(eventsOut, source, `: ${events.events.length} notification events`);
	}
	return 0;
}

if (require.main === module) {
	try {
		process.exitCode = main(process.argv.slice(2));
	} catch (error) {
		console.error(`npm run generate: ${(error as Error).message}`);
		process.exitCode = 1;
	}
}
