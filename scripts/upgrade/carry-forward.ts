/**
 * Previous catalog + catalog built from a newer spec → the catalog to ship. What a newer
 * spec drops is carried forward from the previous catalog (the committed one), because
 * workflows saved with the last release may hold it:
 * - an operation whose endpoint is gone stays, labelled "(Removed from the API in x.y.z)",
 *   pointing at its replacement; running it fails (execute/removed-operation.ts);
 * - a body field, filter or query parameter that is gone stays, marked, and is still sent:
 *   the request of a saved workflow stays what it was (AMPECO ignores unknown fields);
 * - an index-only endpoint that the spec now describes becomes typed and records when, so it
 *   keeps taking the JSON body and free query parameters of workflows saved before;
 * - a described endpoint that only the (newer) index still lists keeps its last known schema.
 * Anything already carried keeps its marks, so regenerating from the same inputs changes nothing.
 */
import type { BodyVariant, Catalog, FieldDef, OperationDef } from '../../nodes/Ampeco/catalog/types';
import { byResourceAndPath, compareVersions } from '../catalog/build-catalog';
import { newestVersion } from './existence';

/** "Update (v2.0, Deprecated)" → "Update (v2.0, Removed from the API in 3.120.0)"; a "[…]" suffix stays last. */
export function removedLabel(label: string, version: string): string {
	const [, base, marks = '', suffix = ''] = /^(.*?)(?: \(([^()]*)\))?( \[[^\]]*\])?$/.exec(label)!;
	const kept = marks.split(', ').filter((mark) => mark && mark !== 'Deprecated' && mark !== 'Untyped');
	return `${base} (${[...kept, `Removed from the API in ${version}`].join(', ')})${suffix}`;
}

/** The same endpoint under another version: /resources/evses/v2.0/{evse} and /resources/evses/v2.1/{evse}. */
function versionless(op: OperationDef): string {
	return `${op.method} ${op.path.replace(`/${op.version}/`, '/*/').replace(new RegExp(`/${op.version}$`), '/*')}`;
}

/** The removed operation's successor if it is still there, else the newest current version of the same endpoint. */
function replacementOf(op: OperationDef, current: OperationDef[]): string | undefined {
	const live = current.filter((o) => !o.removedIn);
	if (op.successor && live.some((o) => o.value === op.successor)) return op.successor;
	const candidates = live.filter((o) => o.value !== op.value && versionless(o) === versionless(op));
	return candidates.sort((a, b) => Number(!!a.deprecated) - Number(!!b.deprecated) || compareVersions(b.version, a.version))[0]?.value;
}

function removedOperation(op: OperationDef, next: Catalog, current: OperationDef[]): OperationDef {
	if (op.removedIn) return op;
	const version = newestVersion(next.apiVersion, next.indexVersion);
	const { deprecated: _deprecated, successor: _successor, ...rest } = op;
	const successor = replacementOf(op, current);
	return { ...rest, name: removedLabel(op.name, version), action: removedLabel(op.action, version), ...(successor ? { successor } : {}), removedIn: version };
}

interface Change {
	/**
	 * Only a newer API removes anything. From the same inputs, whatever the generator no longer
	 * produces is its own regression, which the compatibility gate reports; what earlier
	 * upgrades carried stays carried.
	 */
	upgrading: boolean;
	/** The spec's version: fields are removed and endpoints described by the spec. */
	version: string;
}

/** Fields the previous operation had and the new one lacks, kept after the new ones. */
function withRemovedFields(next: FieldDef[] | undefined, previous: FieldDef[] | undefined, change: Change): FieldDef[] | undefined {
	const names = new Set((next ?? []).map((f) => f.name));
	const gone = (previous ?? []).filter((f) => !names.has(f.name) && (change.upgrading || f.removedIn));
	if (!gone.length) return next;
	const kept = gone.map(({ required: _required, ...field }) => (field.removedIn ? field : { ...field, removedIn: change.version }));
	return [...(next ?? []), ...kept];
}

/** An alternative is filled with its own fields: it keeps the ones it lost too. */
function withRemovedVariantFields(variant: BodyVariant, previous: BodyVariant[] | undefined, change: Change): BodyVariant {
	const before = previous?.find((v) => v.value === variant.value);
	const fields = withRemovedFields(variant.fields, before?.fields, change)!;
	if (fields === variant.fields) return variant;
	return { ...variant, properties: [...new Set([...variant.properties, ...fields.map((f) => f.name)])], fields };
}

function keepSavedInputs(op: OperationDef, previous: OperationDef, change: Change): OperationDef {
	// Dropped by an older spec but still listed by the newer index: the last known schema is still the best one.
	if (change.upgrading && op.indexOnly && !previous.indexOnly) return previous;
	const kept: OperationDef = { ...op, query: withRemovedFields(op.query, previous.query, change)! };
	const filters = withRemovedFields(op.filters, previous.filters, change);
	if (filters) kept.filters = filters;
	// A body that became free JSON or a list takes any field already; only field lists need carrying.
	if (previous.body?.fields && (!op.body || op.body.fields)) {
		const fields = withRemovedFields(op.body?.fields, previous.body.fields, change);
		if (fields) kept.body = { ...(op.body ?? { required: false }), fields };
		if (kept.body?.variants) kept.body = { ...kept.body, variants: kept.body.variants.map((v) => withRemovedVariantFields(v, previous.body!.variants, change)) };
	}
	if (previous.typedIn) kept.typedIn = previous.typedIn;
	else if (change.upgrading && previous.indexOnly && !op.indexOnly) kept.typedIn = change.version;
	return kept;
}

export function carryForward(next: Catalog, previous: Catalog): Catalog {
	const change = { upgrading: next.apiVersion !== previous.apiVersion || next.indexVersion !== previous.indexVersion, version: next.apiVersion };
	const before = new Map(previous.operations.map((op) => [op.value, op]));
	const now = new Set(next.operations.map((op) => op.value));
	const current = next.operations.map((op) => (before.has(op.value) ? keepSavedInputs(op, before.get(op.value)!, change) : op));
	const gone = previous.operations.filter((op) => !now.has(op.value) && (change.upgrading || op.removedIn));
	const removed = gone.map((op) => removedOperation(op, next, current));
	const operations = [...current, ...removed].sort(byResourceAndPath);
	const resources = new Map(next.resources.map((r) => [r.value, r]));
	for (const resource of previous.resources) if (!resources.has(resource.value) && removed.some((op) => op.resource === resource.value)) resources.set(resource.value, resource);
	return { ...next, resources: [...resources.values()].sort((a, b) => (a.value < b.value ? -1 : 1)), operations };
}
