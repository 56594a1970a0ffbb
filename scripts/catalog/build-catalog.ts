/**
 * OpenAPI document + newer endpoint index → Catalog. Pure: no I/O, deterministic order.
 */
import type {
	BodyDef,
	Catalog,
	FieldDef,
	HttpMethod,
	OperationDef,
	OperationKind,
	PathParamDef,
	ResourceDef,
} from '../../nodes/Ampeco/catalog/types';
import {
	PATH_PARAM_RESOURCES,
	actionPhrase,
	actionVerb,
	camelCase,
	isParam,
	operationValue,
	parsePath,
	resourceKeyOf,
	sentenceCase,
	pluralPhrase,
	singularPhrase,
	titleCase,
	words,
} from './naming';
import { flatten, toField, toFields, variantsOf, type Schema } from './schema-to-fields';
import { pathIdLabel } from '../../nodes/shared/text';

export interface IndexEntry {
	tag: string;
	method: HttpMethod;
	path: string;
	summary: string;
	deprecated: boolean;
}

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const PAGING_PARAMS = new Set(['per_page', 'cursor', 'page']);

/** Everything known about one endpoint before names are made unique. */
interface Draft extends OperationDef {
	subject: string;
	verb: string;
	summary: string;
	/** Named by its own verb ("Reset", "Subscribe") rather than n8n's Get/Create/Update/Delete. */
	ownVerb: boolean;
	/** Tells apart endpoints that would read the same: "by Phase". */
	qualifier?: string;
}

export function parseIndex(tsv: string): IndexEntry[] {
	const [header, ...rows] = tsv.trim().split('\n');
	const columns = header.split('\t');
	const at = (name: string) => columns.indexOf(name);
	return rows.map((row) => {
		const cells = row.split('\t');
		return {
			tag: cells[at('tag')],
			method: cells[at('method')].toUpperCase() as HttpMethod,
			path: cells[at('path')],
			summary: cells[at('summary')],
			deprecated: cells[at('deprecated')] === 'yes',
		};
	});
}

export function buildCatalog(spec: Schema, index: IndexEntry[], indexVersion: string): Catalog {
	const indexByValue = new Map(index.map((e) => [operationValue(e.method, e.path), e]));
	const drafts: Draft[] = [];
	const paramTypes = new Map<string, 'integer' | 'string'>();

	for (const path of Object.keys(spec.paths).sort()) {
		const item = spec.paths[path];
		for (const method of METHODS) {
			const op = item[method.toLowerCase()];
			if (!op) continue;
			const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Schema) => resolveRef(spec, p));
			const draft = fromSpec(method, path, op, parameters, indexByValue.get(operationValue(method, path)));
			draft.pathParams.forEach((p) => paramTypes.set(p.name, p.type));
			drafts.push(draft);
		}
	}
	const known = new Set(drafts.map((d) => d.value));
	for (const entry of [...index].sort(byMethodAndPath)) {
		if (!known.has(operationValue(entry.method, entry.path))) drafts.push(fromIndex(entry, paramTypes));
	}

	drafts.sort(byResourceAndPath);
	labelUniquely(drafts);
	linkSuccessors(drafts);
	linkListOperations(drafts);

	const resources: ResourceDef[] = [...new Set(drafts.map((d) => d.resource))].map((value) => ({
		value,
		name: titleCase(value),
	}));
	return {
		apiVersion: spec.info.version,
		indexVersion,
		resources,
		operations: drafts.map(({ subject: _s, verb: _v, summary: _m, ownVerb: _o, qualifier: _q, ...operation }) => compact(operation)),
	};
}

/** The catalog's order: by resource, then path, then method. */
export function byResourceAndPath(a: { resource: string; method: string; path: string }, b: { resource: string; method: string; path: string }): number {
	return a.resource === b.resource ? byMethodAndPath(a, b) : a.resource < b.resource ? -1 : 1;
}

function byMethodAndPath(a: { method: string; path: string }, b: { method: string; path: string }): number {
	if (a.path !== b.path) return a.path < b.path ? -1 : 1;
	return METHODS.indexOf(a.method as HttpMethod) - METHODS.indexOf(b.method as HttpMethod);
}

function resolveRef(spec: Schema, parameter: Schema): Schema {
	if (!parameter.$ref) return parameter;
	const name = parameter.$ref.split('/').pop();
	return spec.components.parameters[name];
}

function fromSpec(method: HttpMethod, path: string, op: Schema, parameters: Schema[], indexed?: IndexEntry): Draft {
	const base = draftBase(method, path, op.summary ?? '', isListResponse(op));
	const query: FieldDef[] = [];
	let filters: FieldDef[] | undefined;
	let include: string[] | undefined;
	let paging: Draft['paging'];
	for (const parameter of parameters) {
		if (parameter.in !== 'query') continue;
		if (parameter.name === 'cursor') paging = 'cursor';
		else if (parameter.name === 'page' && paging !== 'cursor') paging = 'page';
		else if (parameter.name === 'filter' && parameter.style === 'deepObject') filters = toFields(parameter.schema);
		else if (parameter.name === 'include') include = includeValues(parameter.schema);
		else if (!PAGING_PARAMS.has(parameter.name)) query.push(toField(parameter.name, parameter.schema ?? {}, !!parameter.required));
	}
	const pathParams = base.pathParams.map((p) => {
		const spec = parameters.find((x) => x.in === 'path' && x.name === p.name)?.schema ?? {};
		const schema = flatten(spec);
		const typed: PathParamDef = { name: p.name, type: schema.type === 'integer' ? 'integer' : 'string' };
		if (typeof schema.format === 'string' && schema.type !== 'integer') typed.format = schema.format;
		if (Array.isArray(schema.enum)) typed.enum = schema.enum.map(String);
		return typed;
	});
	const draft: Draft = { ...base, pathParams, query, filters, include, paging };
	if (op.deprecated || indexed?.deprecated) draft.deprecated = true;
	if (op.requestBody) draft.body = bodyOf(op.requestBody);
	if (draft.kind === 'getMany' && !paging) draft.paging = undefined;
	return draft;
}

function fromIndex(entry: IndexEntry, paramTypes: Map<string, 'integer' | 'string'>): Draft {
	// No response schema: a GET on a collection path (not ending in an ID) is taken as a listing.
	const listLike = entry.method === 'GET' && !/\}$/.test(entry.path);
	const base = draftBase(entry.method, entry.path, entry.summary, listLike);
	const draft: Draft = {
		...base,
		pathParams: base.pathParams.map((p) => ({ name: p.name, type: paramTypes.get(p.name) ?? 'string' })),
		indexOnly: true,
	};
	// Without a schema the paging style is unknown; cursor paging follows links.next, which page-based listings also return.
	if (draft.kind === 'getMany') draft.paging = 'cursor';
	if (entry.deprecated) draft.deprecated = true;
	if (['POST', 'PUT', 'PATCH'].includes(entry.method)) draft.body = { required: false };
	return draft;
}

function includeValues(schema: Schema): string[] | undefined {
	const items = flatten(flatten(schema ?? {}).items ?? {});
	return Array.isArray(items.enum) ? items.enum.map(String) : undefined;
}

function bodyOf(requestBody: Schema): BodyDef {
	const raw = requestBody.content?.['application/json']?.schema ?? {};
	const schema = flatten(raw);
	const body: BodyDef = { required: !!requestBody.required };
	if (schema.type === 'array') body.list = toField('body', schema, true);
	else if (schema.type === 'object' || schema.properties) {
		body.fields = toFields(schema);
		const variants = variantsOf(raw);
		if (variants) body.variants = variants;
	}
	return body;
}

function isListResponse(op: Schema): boolean {
	const ok = op.responses?.['200'] ?? op.responses?.['201'];
	const schema = flatten(ok?.content?.['application/json']?.schema ?? {});
	return flatten(schema.properties?.data ?? {}).type === 'array';
}

/** AMPECO's summary words → n8n's operation vocabulary (labels only). */
const SUMMARY_VERBS: Record<string, string> = {
	listing: 'Get Many',
	list: 'Get Many',
	read: 'Get',
	create: 'Create',
	update: 'Update',
	delete: 'Delete',
	'create or update': 'Create or Update',
};

const KIND_VERBS: Record<OperationKind, string> = { get: 'Get', getMany: 'Get Many', create: 'Create', update: 'Update', delete: 'Delete', action: '' };

/**
 * Path-derived identity plus the best available label. `kind` decides parameter names
 * (Update Fields or Additional Fields, Return All), so it comes from method, path and
 * response shape only; the summary may only colour the label.
 */
function draftBase(method: HttpMethod, path: string, summary: string, listResponse: boolean): Draft {
	const shape = parsePath(path);
	const resource = resourceKeyOf(shape);
	const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({ name: m[1], type: 'string' as const }));
	const lastSummaryPart = summary.split('/').pop()?.trim() ?? '';
	const summaryVerb = SUMMARY_VERBS[lastSummaryPart.toLowerCase()];
	// Literal segments after the first parameter name a sub-entity: /charge-points/v2.0/{cp}/evses/{evse}.
	const firstParam = shape.tail.findIndex(isParam);
	const literals = shape.tail.slice(firstParam + 1).filter((s) => !isParam(s));
	const endsWithParam = shape.tail.length > 0 && isParam(shape.tail[shape.tail.length - 1]);

	let kind: OperationKind;
	let verb: string;
	let subject = literals.join(' ');
	let ownVerb: boolean;
	if (shape.area === 'actions') {
		kind = 'action';
		ownVerb = true;
		const label = lastSummaryPart && !SUMMARY_VERBS[lastSummaryPart.toLowerCase()] ? lastSummaryPart : literals.join(' ');
		verb = titleCase(actionVerb(label.replace(/^actions\s*\/\s*/i, ''), resource));
		subject = '';
	} else {
		kind = kindFromMethod(method, endsWithParam, listResponse);
		// A write the summary names by its own verb ("Subscribe", "Reorder") keeps that name.
		ownVerb = kind === 'action' || (method !== 'GET' && !!lastSummaryPart && !summaryVerb);
		verb = ownVerb ? titleCase(actionVerb(lastSummaryPart || `${method} ${subject}`, resource)) : (summaryVerb ?? KIND_VERBS[kind]);
		// What it acts on, unless the path segment is the verb itself (…/custom-tariff-filters/reorder).
		if (ownVerb) subject = literals.filter((l) => words(l).join(' ') !== words(verb).join(' ')).join(' ');
		else if (subject) subject = verb === 'Get Many' ? pluralPhrase(subject) : singularPhrase(subject);
	}
	const name = titleCase(`${verb} ${subject}`.trim());
	return {
		value: operationValue(method, path),
		resource,
		method,
		path,
		version: shape.version,
		name,
		action: '',
		kind,
		pathParams,
		query: [],
		subject,
		verb,
		summary,
		ownVerb,
	};
}

function kindFromMethod(method: HttpMethod, addressesRecord: boolean, listResponse: boolean): OperationKind {
	switch (method) {
		case 'GET':
			return listResponse ? 'getMany' : 'get';
		case 'POST':
			return addressesRecord ? 'action' : 'create';
		case 'PUT':
		case 'PATCH':
			return 'update';
		case 'DELETE':
			return 'delete';
	}
}

/**
 * Adds "by <ID>", version, "Deprecated" and "Untyped" marks so labels are unique within a
 * resource, and writes each operation's action.
 */
function labelUniquely(drafts: Draft[]): void {
	// Two endpoints of one version that differ by a trailing ID: …/consumption and …/consumption/{phase}.
	for (const group of groupBy(drafts, (d) => `${d.resource}|${d.name}|${d.version}`).values()) {
		for (const d of group.length > 1 ? group : []) {
			const last = d.path.split('/').pop()!;
			if (isParam(last) && group.some((o) => o !== d && !o.path.includes(last))) {
				d.qualifier = `by ${pathIdLabel(last.slice(1, -1))}`;
				d.name = `${d.name} ${d.qualifier}`;
			}
		}
	}
	const groups = groupBy(drafts, (d) => `${d.resource}|${d.name}`);
	for (const group of groups.values()) {
		const versioned = group.length > 1;
		for (const d of group) {
			const marks = [versioned ? d.version : '', d.deprecated ? 'Deprecated' : '', d.indexOnly ? 'Untyped' : ''].filter(Boolean);
			d.name = marks.length ? `${d.name} (${marks.join(', ')})` : d.name;
		}
	}
	for (const group of groupBy(drafts, (d) => `${d.resource}|${d.name}`).values()) {
		if (group.length > 1) for (const d of group) d.name = `${d.name} [${d.method} ${d.path.split(`/${d.version}`)[1] || '/'}]`;
	}
	for (const d of drafts) {
		const resource = words(d.resource).join(' ');
		let phrase: string;
		if (d.ownVerb) phrase = actionPhrase(`${d.verb} ${d.subject}`, d.resource, d.pathParams.length > 0);
		else if (d.subject) phrase = `${d.verb} ${resource} ${d.subject}`;
		else phrase = `${d.verb} ${d.kind === 'getMany' ? pluralPhrase(resource) : resource}`;
		if (d.qualifier) phrase = `${phrase} ${d.qualifier}`;
		d.action = sentenceCase(phrase) + (d.name.includes('(') ? ` ${d.name.slice(d.name.indexOf('('))}` : '');
	}
	const actions = groupBy(drafts, (d) => `${d.resource}|${d.action}`);
	for (const group of actions.values()) if (group.length > 1) group.forEach((d) => (d.action = `${d.action} [${d.value}]`));
}

/** A deprecated operation's successor: the newest non-deprecated operation of the same resource and label. */
function linkSuccessors(drafts: Draft[]): void {
	const baseLabel = (d: Draft) => `${d.resource}|${d.kind}|${d.verb}|${d.subject}`;
	const current = groupBy(
		drafts.filter((d) => !d.deprecated),
		baseLabel,
	);
	for (const d of drafts.filter((x) => x.deprecated)) {
		const candidates = (current.get(baseLabel(d)) ?? []).filter((c) => c.value !== d.value);
		const newest = candidates.sort((a, b) => compareVersions(b.version, a.version))[0];
		if (newest) d.successor = newest.value;
	}
}

/** "From List" backing: a listing on the same path prefix, else the listing of the resource the parameter names. */
function linkListOperations(drafts: Draft[]): void {
	const listings = drafts.filter((d) => d.kind === 'getMany');
	const byPath = new Map(listings.map((d) => [d.path, d]));
	const topLevel = groupBy(
		listings.filter((d) => d.pathParams.length === 0),
		(d) => d.resource,
	);
	const preferred = (resource: string) =>
		(topLevel.get(resource) ?? []).sort(
			(a, b) => Number(!!a.deprecated) - Number(!!b.deprecated) || compareVersions(b.version, a.version),
		)[0];
	for (const d of drafts) {
		for (const param of d.pathParams) {
			const prefix = d.path.slice(0, d.path.indexOf(`{${param.name}}`) - 1);
			const listing =
				byPath.get(prefix) ?? preferred(PATH_PARAM_RESOURCES[param.name] ?? camelCase(param.name)) ?? undefined;
			if (listing && listing.value !== d.value && listing.pathParams.every((p) => d.pathParams.some((q) => q.name === p.name))) {
				param.listOperation = listing.value;
			}
		}
	}
}

export function compareVersions(a: string, b: string): number {
	const pa = a.slice(1).split('.').map(Number);
	const pb = b.slice(1).split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
	return 0;
}

function groupBy<T>(list: T[], key: (t: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const t of list) groups.set(key(t), [...(groups.get(key(t)) ?? []), t]);
	return groups;
}

/** Drops empty and undefined members so the generated file stays small and diffs stay readable. */
function compact(operation: OperationDef): OperationDef {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(operation)) {
		if (v === undefined || (Array.isArray(v) && v.length === 0 && k !== 'pathParams' && k !== 'query')) continue;
		out[k] = v;
	}
	return out as unknown as OperationDef;
}
