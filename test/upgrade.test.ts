/**
 * Moving to a newer AMPECO API (a synthetic 3.170.0 derived from the shipped spec and index):
 * the catalog, the node's parameters, the change report and the compatibility gate.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { NodeHelpers, type INodeTypeDescription } from 'n8n-workflow';
import { checkUpgrade, generateCatalog, generatedFiles, readInputs, readPrevious, REPO_ROOT, type Upgrade } from '../scripts/generate-catalog';
import { parseCatalogSource, renderCatalogSource } from '../scripts/catalog/catalog-source';
import { identities } from '../scripts/description/identities';
import { buildProperties } from '../scripts/description/properties';
import { carryForward, removedLabel } from '../scripts/upgrade/carry-forward';
import { withEntry } from '../scripts/upgrade/change-report';
import { compatibilityBreaks, parseRecord } from '../scripts/upgrade/identity-record';
import { withCustomApiCall } from '../nodes/Ampeco/catalog/custom';
import type { Catalog, OperationDef } from '../nodes/Ampeco/catalog/types';
import { mapperFields } from '../nodes/Ampeco/description/mapper-fields';
import * as names from '../nodes/Ampeco/description/parameter-names';
import { buildRequest, type ParameterReader } from '../nodes/Ampeco/execute/build-request';
import { removedOperationRefusal } from '../nodes/Ampeco/execute/removed-operation';
import { CHANGED, NEWER_VERSION, breakingSpec, newerIndex, newerInputs, newerSpec, upgradedGeneration, writeInputs } from './helpers/newer-spec';
import { INDEX_PATH } from '../scripts/shared-data';
import { shownParameters } from './helpers/shown-parameters';

const previous = readPrevious();
const generation = upgradedGeneration();
const { catalog } = generation;
const byValue = new Map(catalog.operations.map((op) => [op.value, op]));
const op = (value: string) => byValue.get(value)!;
const properties = buildProperties(withCustomApiCall(catalog));
const description = { properties } as INodeTypeDescription;
let upgrade: Upgrade | undefined;
/** The gate and report of the upgrade (about a second: every operation's parameters are evaluated). */
const checked = () => (upgrade ??= checkUpgrade(newerInputs(), generation, previous));

/** The parameters a workflow saved with `saved` has once n8n loads it with the upgraded node. */
function loaded(saved: Record<string, unknown>) {
	const values = NodeHelpers.getNodeParameters(properties, saved as never, true, false, { typeVersion: 1 }, null)!;
	const read: ParameterReader = (name, fallback, id) => {
		const value = values[name] ?? fallback;
		return id && value && typeof value === 'object' && '__rl' in value ? (value as unknown as { value: unknown }).value : value;
	};
	return { values, read, shown: shownParameters(description, saved as never).map((p) => p.name) };
}

describe('the catalog', () => {
	test('a removed operation is kept, labelled, and points at its replacement', () => {
		const removed = op(CHANGED.removed);
		const before = previous.catalog!.operations.find((o) => o.value === CHANGED.removed)!;
		expect(removed).toMatchObject({ removedIn: NEWER_VERSION, successor: CHANGED.removedSuccessor, name: `Update (v2.0, Removed from the API in ${NEWER_VERSION})` });
		expect(removed.deprecated).toBeUndefined();
		expect({ ...removed, name: before.name, action: before.action, removedIn: undefined, deprecated: true }).toEqual({ ...before, removedIn: undefined });
	});

	test('an added operation appears; the one it supersedes is deprecated and names it', () => {
		expect(op(CHANGED.added)).toMatchObject({ resource: 'chargePoint', kind: 'getMany', version: 'v3.0' });
		expect(op(CHANGED.newlyDeprecated)).toMatchObject({ deprecated: true, successor: CHANGED.added });
	});

	test('the resource keeps opening on the operation it opened on before', () => {
		expect(catalog.resources.find((r) => r.value === 'chargePoint')!.defaultOperation).toBe(CHANGED.newlyDeprecated);
		const operation = properties.find((p) => p.name === names.OPERATION && p.displayOptions?.show?.resource?.includes('chargePoint'))!;
		expect(operation.default).toBe(CHANGED.newlyDeprecated);
	});

	test('an index-only endpoint the spec now describes keeps its value and becomes typed', () => {
		const described = op(CHANGED.nowDescribed);
		expect(previous.catalog!.operations.find((o) => o.value === CHANGED.nowDescribed)!.indexOnly).toBe(true);
		expect(described.indexOnly).toBeUndefined();
		expect(described).toMatchObject({ typedIn: NEWER_VERSION, body: { required: true, fields: [{ name: 'title', type: 'string', required: true }, { name: 'priority', type: 'string', enum: ['low', 'high'] }] } });
	});

	test('a required field and an enum value are added where the spec adds them', () => {
		expect(op(CHANGED.requiredAdded).body!.fields!.find((f) => f.name === 'description')!.required).toBe(true);
		expect(op(CHANGED.enumAdded).body!.fields!.find((f) => f.name === 'status')!.enum).toEqual(['available', 'occupied', 'reserved']);
	});

	test('a body field the spec drops is kept, marked, and no longer required', () => {
		const field = op(CHANGED.fieldRemoved).body!.fields!.find((f) => f.name === 'externalId')!;
		expect(field).toEqual({ name: 'externalId', type: 'string', removedIn: NEWER_VERSION });
	});

	test('every other operation is the same as before', () => {
		const changed = new Set<string>(Object.values(CHANGED));
		const same = previous.catalog!.operations.filter((o) => !changed.has(o.value));
		expect(same.length).toBe(previous.catalog!.operations.length - (changed.size - 1));
		// Labels follow the version marks (Update (v2.1) becomes Update once v2.0 is gone), and "From List" the
		// newest listing; nothing a request is built from moves.
		const shape = ({ name: _n, action: _a, successor: _s, pathParams, ...rest }: OperationDef) => ({
			...rest,
			pathParams: pathParams.map(({ listOperation: _l, ...param }) => param),
		});
		for (const before of same) expect(shape(op(before.value))).toEqual(shape(before));
	});
});

describe('the node parameters', () => {
	test('the removed operation is still listed, labelled, with a notice naming the replacement', () => {
		const operation = properties.find((p) => p.name === names.OPERATION && p.displayOptions?.show?.resource?.includes('evse'))!;
		expect(operation.options).toContainEqual(expect.objectContaining({ value: CHANGED.removed, name: `Update (v2.0, Removed from the API in ${NEWER_VERSION})` }));
		const notices = shownParameters(description, { resource: 'evse', operation: CHANGED.removed }).filter((p) => p.type === 'notice');
		expect(notices.map((p) => p.displayName)).toEqual([
			`AMPECO removed this operation from its API in ${NEWER_VERSION}: use “${op(CHANGED.removedSuccessor).name}” instead. It stays here so that saved workflows still open; running it fails.`,
		]);
	});

	test('running the removed operation is refused before anything is sent, naming the replacement', () => {
		const refusal = removedOperationRefusal(op(CHANGED.removed), (value) => byValue.get(value))!;
		expect(refusal.message).toBe(`The operation “${op(CHANGED.removed).name}” (PUT /public-api/resources/evses/v2.0/{evse}) was removed from the AMPECO API in ${NEWER_VERSION}`);
		expect(refusal.description).toBe(`Select “${op(CHANGED.removedSuccessor).name}” (PATCH /public-api/resources/evses/v2.1/{evse}) as this node's operation instead. Nothing was sent to AMPECO.`);
		expect(removedOperationRefusal(op(CHANGED.removedSuccessor), (value) => byValue.get(value))).toBeUndefined();
	});

	test('a workflow saved while the endpoint was untyped still sends its JSON body and query parameters', () => {
		const saved = {
			resource: 'issue',
			operation: CHANGED.nowDescribed,
			[names.JSON_BODY]: '{ "title": "Cable damaged", "priority": "high" }',
			[names.QUERY_PARAMETERS]: { parameters: [{ name: 'notify', value: 'yes' }] },
		};
		const { values, read, shown } = loaded(saved);
		expect(values[names.SEND_BODY_AS]).toBe('json');
		expect(shown).toEqual(expect.arrayContaining([names.SEND_BODY_AS, names.JSON_BODY, names.QUERY_PARAMETERS]));
		const request = buildRequest(op(CHANGED.nowDescribed), read);
		expect(request).toMatchObject({ method: 'POST', path: '/public-api/resources/issues/v1.0', body: { title: 'Cable damaged', priority: 'high' }, query: { notify: 'yes' } });
		// Now typed, the body is checked against the schema.
		expect(() => buildRequest(op(CHANGED.nowDescribed), loaded({ ...saved, [names.JSON_BODY]: '{}' }).read)).toThrow('jsonBody.title: is required');
	});

	test('a saved workflow holding a field the API dropped sends it as before; the editor marks it', () => {
		const parkingSpace = op(CHANGED.fieldRemoved);
		const saved = {
			resource: 'parkingSpace',
			operation: parkingSpace.value,
			[names.BODY_FIELDS]: { mappingMode: 'defineBelow', value: { label: 'P1', locationId: 7, externalId: 'EXT-1' } },
		};
		expect(buildRequest(parkingSpace, loaded(saved).read).body).toEqual({ label: 'P1', locationId: 7, externalId: 'EXT-1' });
		expect(mapperFields(parkingSpace.body!.fields!).find((f) => f.id === 'externalId')!.displayName).toBe(`External ID (removed from the API in ${NEWER_VERSION})`);
	});
});

describe('the compatibility gate', () => {
	test('the upgrade keeps every identity of the last release', () => {
		expect(compatibilityBreaks(previous.record!, identities(withCustomApiCall(catalog), properties))).toEqual([]);
		expect(checked().breaks).toEqual([]);
	});

	test('without the previous catalog to carry from, it lists what saved workflows would lose', () => {
		const bare = generateCatalog(newerInputs(), {});
		expect(checkUpgrade(newerInputs(), bare, previous).breaks).toEqual([
			`resource "chargePoint": the default operation would change from "${CHANGED.newlyDeprecated}" to "${CHANGED.added}"`,
			`operation "${CHANGED.nowDescribed}": parameter "queryParameters" would disappear`,
			`operation "${CHANGED.fieldRemoved}": parameter "bodyFields.externalId" would disappear`,
			`operation "${CHANGED.removed}" would disappear`,
		]);
	});

	test('a change nothing can carry (a listing that stops being one) is refused', () => {
		const inputs = { ...newerInputs(), specText: JSON.stringify(breakingSpec()), indexText: readFileSync(INDEX_PATH, 'utf8'), indexVersion: '3.168.0' };
		const breaks = checkUpgrade(inputs, generateCatalog(inputs, previous), previous).breaks;
		expect(breaks).toEqual([
			'operation "GET /resources/locations/v1.0": parameter "limit" would disappear',
			'operation "GET /resources/locations/v1.0": parameter "returnAll" would disappear',
		]);
	});
});

describe('the change report', () => {
	const report = () => checked().report!;
	const line = (value: string, detail = '') => {
		const o = op(value);
		const resource = catalog.resources.find((r) => r.value === o.resource)!.name;
		return `- ${resource} → ${o.name} — \`${o.method} ${o.path}\`${detail}`;
	};

	test('names the versions and each change with its operation label and endpoint', () => {
		expect(report().split('\n')[0]).toBe(`## API 3.110.0 → ${NEWER_VERSION} (endpoint index 3.168.0 → ${NEWER_VERSION})`);
		const sections = report().split('\n### ').slice(1).map((section) => section.trim().split('\n'));
		expect(sections.map(([title, , ...lines]) => [title.replace(/ \(.*\)/, ''), lines])).toEqual([
			['Operations added: 1', [line(CHANGED.added)]],
			['Newly deprecated: 1', [line(CHANGED.newlyDeprecated, `: successor: *${op(CHANGED.added).name}*`)]],
			['Removed from the API: 1', [line(CHANGED.removed, `: replacement: *${op(CHANGED.removedSuccessor).name}* (\`PATCH /public-api/resources/evses/v2.1/{evse}\`)`)]],
			['Now fully described: 1', [line(CHANGED.nowDescribed)]],
			['Required fields added: 2', [line(CHANGED.requiredAdded, ': `description` (body)'), line(CHANGED.nowDescribed, ': `title` (body)')]],
			['Fields removed from the API: 1', [line(CHANGED.fieldRemoved, ': `externalId` (body)')]],
			['Enum values added: 1', [line(CHANGED.enumAdded, ': `status` (body): `reserved`')]],
			['Default operations kept: 1', [line(CHANGED.newlyDeprecated)]],
		]);
	});

	test('is added on top of docs/API-CHANGES.md once per inputs', () => {
		const doc = withEntry(undefined, '## API 1 → 2\n\nolder', 'a'.repeat(64));
		const next = withEntry(doc, report(), generation.inputSha256);
		expect(next.indexOf(report().split('\n')[0])).toBeLessThan(next.indexOf('## API 1 → 2'));
		expect(withEntry(next, report(), generation.inputSha256)).toBe(next);
	});
});

test('regenerating from the upgraded state and the same inputs changes nothing, and reports nothing', () => {
	const upgradedPrevious = { catalog: parseCatalogSource(generation.source), record: parseRecord(checked().record) };
	const again = generateCatalog(newerInputs(), upgradedPrevious);
	expect(again.source).toBe(generation.source);
	expect(again.properties).toBe(generation.properties);
	expect(again.table).toBe(generation.table);
	const recheck = checkUpgrade(newerInputs(), again, upgradedPrevious);
	expect(recheck).toEqual({ breaks: [], record: checked().record, report: undefined });
});

test('the committed catalog reads back exactly as written: it is what removed operations are carried from', () => {
	const source = readFileSync(generatedFiles().catalog, 'utf8');
	const parsed = parseCatalogSource(source);
	const [, inputs, inputSha256] = /inputs: (.*)\n \* input sha256: (\w+)/.exec(source)!;
	expect(renderCatalogSource(parsed, { inputs, inputSha256 })).toBe(source);
	expect(() => parseCatalogSource('export const x = 1;\n')).toThrow('not a catalog');
});

test('from the same inputs nothing new is carried: what the generator stops producing is for the gate to report', () => {
	const built = generateCatalog(readInputs(), {}).catalog;
	const withGhost = (apiVersion: string) => ({
		...previous.catalog!,
		apiVersion,
		operations: previous.catalog!.operations.map((o) => (o.value === CHANGED.fieldRemoved ? { ...o, body: { ...o.body!, fields: [...o.body!.fields!, { name: 'ghost', type: 'string' as const }] } } : o)),
	});
	const ghostOf = (c: Catalog) => c.operations.find((o) => o.value === CHANGED.fieldRemoved)!.body!.fields!.find((f) => f.name === 'ghost');
	expect(ghostOf(carryForward(built, withGhost(built.apiVersion)))).toBeUndefined();
	expect(ghostOf(carryForward(built, withGhost('3.100.0')))).toEqual({ name: 'ghost', type: 'string', removedIn: built.apiVersion });
});

test('a field an alternative of a body loses stays a field of that alternative, and is sent', () => {
	const value = 'POST /resources/booking-requests/v1.0';
	const built = generateCatalog(readInputs(), {}).catalog;
	const ghost = { name: 'ghost', type: 'string' as const };
	const before = {
		...previous.catalog!,
		apiVersion: '3.100.0',
		operations: previous.catalog!.operations.map((o) =>
			o.value === value ? { ...o, body: { ...o.body!, fields: [...o.body!.fields!, ghost], variants: o.body!.variants!.map((v) => (v.value === 'cancel' ? { ...v, fields: [...v.fields, ghost] } : v)) } } : o,
		),
	};
	const booking = carryForward(built, before).operations.find((o) => o.value === value)!;
	const cancel = booking.body!.variants!.find((v) => v.value === 'cancel')!;
	expect(cancel.fields.at(-1)).toEqual({ ...ghost, removedIn: built.apiVersion });
	expect(cancel.properties).toContain('ghost');
	expect(booking.body!.variants!.find((v) => v.value === 'create')!.properties).not.toContain('ghost');
	const read: ParameterReader = (name, fallback) =>
		({ [names.BODY_VARIANT]: 'cancel', [names.BODY_FIELDS]: { mappingMode: 'defineBelow', value: { bookingId: 4, ghost: 'kept' } } })[name] ?? fallback;
	expect(buildRequest(booking, read).body).toEqual({ type: 'cancel', bookingId: 4, ghost: 'kept' });
});

test('removed labels keep version marks and drop Deprecated and Untyped', () => {
	expect(removedLabel('Update (v2.0, Deprecated)', '3.2.1')).toBe('Update (v2.0, Removed from the API in 3.2.1)');
	expect(removedLabel('Create (Untyped)', '3.2.1')).toBe('Create (Removed from the API in 3.2.1)');
	expect(removedLabel('Get [GET /x/{id}]', '3.2.1')).toBe('Get (Removed from the API in 3.2.1) [GET /x/{id}]');
});

describe('npm run generate -- --spec --index', () => {
	let root: string;
	const files = () => generatedFiles(root);
	const run = (...args: string[]) =>
		spawnSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--transpile-only', 'scripts/generate-catalog.ts', '--root', root, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'ampeco-root-'));
		for (const key of ['catalog', 'record', 'changes'] as const) {
			mkdirSync(dirname(files()[key]), { recursive: true });
			copyFileSync(generatedFiles()[key], files()[key]);
		}
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	test('upgrades, prints and records the report, and a second run changes nothing', () => {
		const inputs = writeInputs(newerSpec(), newerIndex());
		const first = run('--spec', inputs.spec, '--index', inputs.index!);
		expect(first.status).toBe(0);
		expect(first.stdout).toContain(`## API 3.110.0 → ${NEWER_VERSION}`);
		const written = Object.values(files()).map((file) => readFileSync(file, 'utf8'));
		expect(readFileSync(files().catalog, 'utf8')).toContain(`inputs: openapi-${NEWER_VERSION}.json (API ${NEWER_VERSION})`);
		expect(readFileSync(files().changes, 'utf8')).toContain(`Removed from the API in ${NEWER_VERSION}`);
		const second = run('--spec', inputs.spec, '--index', inputs.index!);
		expect(second.status).toBe(0);
		expect(second.stdout).not.toContain('## API');
		expect(Object.values(files()).map((file) => readFileSync(file, 'utf8'))).toEqual(written);
		rmSync(dirname(inputs.spec), { recursive: true, force: true });
	}, 60_000);

	test('fails, writing nothing, when a saved workflow would lose something', () => {
		const inputs = writeInputs(breakingSpec());
		const result = run('--spec', inputs.spec);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('Compatibility gate: workflows saved with the last release (API 3.110.0) would break:');
		expect(result.stderr).toContain('  - operation "GET /resources/locations/v1.0": parameter "returnAll" would disappear');
		expect(readFileSync(files().catalog, 'utf8')).toBe(readFileSync(generatedFiles().catalog, 'utf8'));
		expect(existsSync(files().properties)).toBe(false);
		rmSync(dirname(inputs.spec), { recursive: true, force: true });
	}, 60_000);

	test('an index whose file name holds no version needs --index-version', () => {
		const result = run('--index', join(REPO_ROOT, 'package.json'));
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('pass --index-version X.Y.Z');
	});
});
