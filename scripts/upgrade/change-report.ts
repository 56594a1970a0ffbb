/**
 * Previous catalog → new catalog: what changed in the AMPECO API, for the maintainer who
 * ships the upgrade (printed by `npm run generate`, kept in docs/API-CHANGES.md, newest first).
 */
import type { Catalog, FieldDef, OperationDef } from '../../nodes/Ampeco/catalog/types';

interface OperationChange {
	op: OperationDef;
	detail?: string;
}

export interface ApiChanges {
	from: { apiVersion: string; indexVersion: string };
	to: { apiVersion: string; indexVersion: string };
	added: OperationChange[];
	deprecated: OperationChange[];
	removed: OperationChange[];
	typed: OperationChange[];
	requiredAdded: OperationChange[];
	requiredRemoved: OperationChange[];
	fieldsRemoved: OperationChange[];
	enumAdded: OperationChange[];
	enumRemoved: OperationChange[];
	defaultsPinned: OperationChange[];
}

/** Every value-bearing input of an operation, by a readable path: `status (body)`, `connectors[].format (body)`. */
function inputsOf(op: OperationDef): Map<string, FieldDef> {
	const out = new Map<string, FieldDef>();
	const walk = (fields: FieldDef[] | undefined, prefix: string, where: string) => {
		for (const field of fields ?? []) {
			const path = `${prefix}${field.name}`;
			out.set(`\`${path}\` (${where})`, field);
			walk(field.properties, `${path}.`, where);
			if (field.items) walk(field.items.properties, `${path}[].`, where);
			if (field.items?.enum) out.set(`\`${path}[]\` (${where})`, { name: field.name, type: field.items.type, enum: field.items.enum });
		}
	};
	walk(op.body?.fields, '', 'body');
	walk(op.query, '', 'query');
	walk(op.filters, '', 'filter');
	for (const param of op.pathParams) if (param.enum) out.set(`\`${param.name}\` (path)`, { name: param.name, type: param.type, enum: param.enum });
	if (op.include) out.set('`include` (query)', { name: 'include', type: 'array', enum: op.include });
	return out;
}

/** `a.b` is new inside a new `a`: only fields whose parent existed before count as required changes. */
function parentExisted(key: string, before: Map<string, FieldDef>): boolean {
	const [, path, where] = /^`(.*)` \((.*)\)$/.exec(key)!;
	const parent = path.replace(/(\[\])?\.[^.]+$/, '');
	return parent === path || before.has(`\`${parent}\` (${where})`);
}

function fieldChanges(before: OperationDef, after: OperationDef, changes: ApiChanges): void {
	const was = inputsOf(before);
	const now = inputsOf(after);
	const required = (f?: FieldDef) => !!f?.required && !f.removedIn;
	const list = (keys: string[]) => keys.join(', ');
	const added = [...now].filter(([key, f]) => required(f) && !required(was.get(key)) && parentExisted(key, was)).map(([key]) => key);
	const dropped = [...was].filter(([key, f]) => required(f) && now.has(key) && !required(now.get(key))).map(([key]) => key);
	const gone = [...now].filter(([key, f]) => f.removedIn && !was.get(key)?.removedIn).map(([key]) => key);
	if (added.length) changes.requiredAdded.push({ op: after, detail: list(added) });
	if (dropped.length) changes.requiredRemoved.push({ op: after, detail: list(dropped) });
	if (gone.length) changes.fieldsRemoved.push({ op: after, detail: list(gone) });
	for (const [key, field] of now) {
		const old = was.get(key)?.enum;
		if (!old || !field.enum) continue;
		const more = field.enum.filter((v) => !old.includes(v));
		const less = old.filter((v) => !field.enum!.includes(v));
		if (more.length) changes.enumAdded.push({ op: after, detail: `${key}: ${more.map((v) => `\`${v}\``).join(', ')}` });
		if (less.length) changes.enumRemoved.push({ op: after, detail: `${key}: ${less.map((v) => `\`${v}\``).join(', ')}` });
	}
}

export function diffCatalogs(previous: Catalog, next: Catalog): ApiChanges {
	const versions = (c: Catalog) => ({ apiVersion: c.apiVersion, indexVersion: c.indexVersion });
	const changes: ApiChanges = {
		from: versions(previous),
		to: versions(next),
		added: [],
		deprecated: [],
		removed: [],
		typed: [],
		requiredAdded: [],
		requiredRemoved: [],
		fieldsRemoved: [],
		enumAdded: [],
		enumRemoved: [],
		defaultsPinned: [],
	};
	const before = new Map(previous.operations.map((op) => [op.value, op]));
	const byValue = new Map(next.operations.map((op) => [op.value, op]));
	const nameOf = (value?: string) => (value ? byValue.get(value)?.name : undefined);
	const endpointOf = (value: string) => `\`${byValue.get(value)!.method} ${byValue.get(value)!.path}\``;
	for (const op of next.operations) {
		const old = before.get(op.value);
		if (!old) {
			changes.added.push({ op });
			continue;
		}
		if (op.removedIn && !old.removedIn) {
			changes.removed.push({ op, detail: nameOf(op.successor) ? `replacement: *${nameOf(op.successor)}* (${endpointOf(op.successor!)})` : 'no replacement' });
			continue;
		}
		if (op.deprecated && !old.deprecated) changes.deprecated.push({ op, detail: nameOf(op.successor) ? `successor: *${nameOf(op.successor)}*` : undefined });
		if (old.indexOnly && !op.indexOnly) changes.typed.push({ op });
		fieldChanges(old, op, changes);
	}
	const pinnedBefore = new Map(previous.resources.map((r) => [r.value, r.defaultOperation]));
	for (const resource of next.resources) {
		if (resource.defaultOperation && resource.defaultOperation !== pinnedBefore.get(resource.value)) {
			changes.defaultsPinned.push({ op: byValue.get(resource.defaultOperation)! });
		}
	}
	return changes;
}

const SECTIONS: Array<[keyof ApiChanges, string]> = [
	['added', 'Operations added'],
	['deprecated', 'Newly deprecated'],
	['removed', 'Removed from the API (kept in the node, labelled; running one fails and names its replacement)'],
	['typed', 'Now fully described (no longer untyped; the operation value is kept, and saved JSON bodies and query parameters still work)'],
	['requiredAdded', 'Required fields added'],
	['requiredRemoved', 'Fields no longer required'],
	['fieldsRemoved', 'Fields removed from the API (kept in the node, marked; saved workflows still send them)'],
	['enumAdded', 'Enum values added'],
	['enumRemoved', 'Enum values removed (a saved workflow holding one now fails before sending, listing the accepted values)'],
	['defaultsPinned', 'Default operations kept (a newer operation would otherwise be opened by workflows that never chose one)'],
];

function versionLine({ from, to }: ApiChanges): string {
	const index = from.indexVersion === to.indexVersion ? `endpoint index ${to.indexVersion}` : `endpoint index ${from.indexVersion} → ${to.indexVersion}`;
	return `## API ${from.apiVersion} → ${to.apiVersion} (${index})`;
}

export function isEmpty(changes: ApiChanges): boolean {
	return SECTIONS.every(([key]) => !(changes[key] as OperationChange[]).length);
}

/** Markdown: one section per kind of change, one line per operation with its resource, label and endpoint. */
export function renderChanges(changes: ApiChanges, next: Catalog, inputs: string): string {
	const resourceName = new Map(next.resources.map((r) => [r.value, r.name]));
	const lines = [versionLine(changes), '', `Inputs: ${inputs}.`, ''];
	if (isEmpty(changes)) lines.push('No operation changed.', '');
	for (const [key, title] of SECTIONS) {
		const entries = changes[key] as OperationChange[];
		if (!entries.length) continue;
		lines.push(`### ${title}: ${entries.length}`, '');
		for (const { op, detail } of entries) {
			lines.push(`- ${resourceName.get(op.resource) ?? op.resource} → ${op.name} — \`${op.method} ${op.path}\`${detail ? `: ${detail}` : ''}`);
		}
		lines.push('');
	}
	return lines.join('\n');
}

const DOC_INTRO = [
	'<!-- GENERATED by `npm run generate` (scripts/upgrade/change-report.ts): each upgrade to a newer AMPECO API adds its entry at the top. -->',
	'',
	'# AMPECO API changes',
	'',
	'What changed in the AMPECO API at each upgrade of this package, newest first: operations added,',
	'deprecated and removed, endpoints that gained a schema, required fields and enum values. Removed',
	'operations and fields stay in the node so that saved workflows still open (see README,',
	'"Updating to a newer AMPECO API").',
	'',
].join('\n');

/** The doc with `entry` on top; an entry for the same inputs is never added twice. */
export function withEntry(doc: string | undefined, entry: string, inputSha256: string): string {
	const current = doc ?? DOC_INTRO;
	const marker = `<!-- input sha256: ${inputSha256} -->`;
	if (current.includes(marker)) return current;
	const at = current.search(/^<!-- input sha256: /m);
	const block = `${marker}\n${entry.trimEnd()}\n\n`;
	return at < 0 ? `${current.trimEnd()}\n\n${block}` : `${current.slice(0, at)}${block}${current.slice(at)}`;
}

export function emptyChangesDoc(): string {
	return DOC_INTRO;
}
