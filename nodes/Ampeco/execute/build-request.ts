/**
 * Node parameters + OperationDef → the request to send. All input checks happen here,
 * before anything leaves n8n.
 */
import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import type { BodyDef, BodyVariant, FieldDef, OperationDef } from '../catalog/types';
import * as names from '../description/parameter-names';
import type { ApiRequest } from '../../shared/transport/request';
import type { Query, QueryValue } from '../../shared/transport/query';
import { titleCase } from '../../shared/text';
import { NESTED, impliedValues, isSpread, variantFields } from '../description/mapper-fields';
import { InputError, checkAlternative, checkFormat, checkObject, checkValue, checkVariants, inputProblem, objectFromForm, parseJson, toList } from './values';

/**
 * Reads a parameter for the item being executed (or, in listSearch, the node being edited).
 * `id` unwraps a resource locator to its value; n8n can only do that for a displayed parameter.
 */
export type ParameterReader = (name: string, fallback?: unknown, id?: boolean) => unknown;

/**
 * A resource locator's value. n8n's `extractValue` would do the same, but it searches the
 * whole node description for the parameter on every call, which dominates bulk jobs.
 */
function locatorValue(value: unknown): unknown {
	return value !== null && typeof value === 'object' && '__rl' in value ? (value as { value?: unknown }).value : value;
}

/**
 * n8n's own check of a value against the description searches all of it on every read;
 * every value read here is checked against the catalog before anything is sent.
 */
const READ = { skipValidation: true };

export function itemReader(ctx: IExecuteFunctions, itemIndex: number): ParameterReader {
	return (name, fallback, id) => {
		const value = ctx.getNodeParameter(name, itemIndex, fallback, READ);
		return id ? locatorValue(value) : value;
	};
}

export function editorReader(ctx: ILoadOptionsFunctions): ParameterReader {
	return (name, fallback, id) => ctx.getCurrentNodeParameter(name, id ? { extractValue: true } : {}) ?? fallback;
}

/** IDs are placed in the path: nothing in them may change which endpoint is called. */
const UNSAFE_ID = /[/?#\\]|^\.\.?$|%2e%2e|\.\./i;

function resolvePath(op: OperationDef, read: ParameterReader): string {
	let path = op.path;
	for (const param of op.pathParams) {
		const raw = read(param.name, '', true);
		const value = (typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '').trim();
		if (value === '') throw new InputError(param.name, 'is required: enter an ID or pick one from the list');
		if (param.type === 'integer' && !/^\d+$/.test(value)) throw new InputError(param.name, `must be a numeric ID, got "${value}"`);
		if (UNSAFE_ID.test(value)) throw new InputError(param.name, `"${value}" contains characters that are not allowed in an ID (/ ? # \\ ..)`);
		if (param.enum && !param.enum.includes(value)) throw new InputError(param.name, `"${value}" is not one of: ${param.enum.join(', ')}`);
		checkFormat(param.format, value, param.name);
		path = path.replace(`{${param.name}}`, encodeURIComponent(value));
	}
	return path;
}

/** A resource mapper's value: the fields set in the editor, or, mapped automatically, those of the input item. */
interface MapperValue {
	mappingMode?: string;
	value?: Record<string, unknown> | null;
}

/**
 * A resource mapper's values → API values, converted and checked against the operation's
 * fields. Keys "parent.child" are fields of an object offered one by one.
 */
function mapped(fields: FieldDef[], raw: unknown, path: string, input?: Record<string, unknown>): Record<string, unknown> {
	const mapper = (raw ?? {}) as MapperValue;
	const byName = new Map(fields.map((f) => [f.name, f]));
	let source = mapper.value ?? {};
	if (mapper.mappingMode === 'autoMapInputData') source = Object.fromEntries(Object.entries(input ?? {}).filter(([key]) => byName.has(key)));
	const flat: Record<string, unknown> = {};
	const spread = new Map<FieldDef, Record<string, unknown>>();
	for (const [key, value] of Object.entries(source)) {
		const at = key.indexOf(NESTED);
		const parent = at > 0 ? byName.get(key.slice(0, at)) : undefined;
		if (parent && isSpread(parent)) spread.set(parent, { ...spread.get(parent), [key.slice(at + 1)]: value });
		else flat[key] = value;
	}
	const object = objectFromForm(fields, flat, path);
	for (const [parent, children] of spread) {
		const own = objectFromForm(parent.properties!, children, `${path}.${parent.name}`);
		if (Object.keys(own).length) object[parent.name] = { ...(object[parent.name] as object | undefined), ...own };
	}
	checkObject(fields, object, path);
	return object;
}

/** Fields mode of a oneOf/anyOf body: the chosen alternative's fields, and the values choosing it implies. */
function alternativeBody(variants: BodyVariant[], read: ParameterReader, input?: Record<string, unknown>): Record<string, unknown> {
	const key = String(read(names.BODY_VARIANT, variants[0].value));
	const variant = variants.find((v) => v.value === key);
	if (!variant) throw new InputError(names.BODY_VARIANT, `"${key}" is not one of: ${variants.map((v) => v.value).join(', ')}`);
	const problem = inputProblem(() => {
		const values = { ...impliedValues(variant), ...mapped(variantFields(variant), read(names.BODY_FIELDS), names.BODY_FIELDS, input) };
		checkAlternative(variant, values, names.BODY_FIELDS);
		return values;
	});
	if (problem instanceof InputError) throw new InputError(problem.field, `${problem.problem} (alternative "${variant.label}")`);
	return problem;
}

function queryOf(op: OperationDef, read: ParameterReader): Query {
	// Each read costs n8n a search of the node description: only read what the operation has.
	const query: Query = op.query.length ? (mapped(op.query, read(names.QUERY_FIELDS), names.QUERY_FIELDS) as Query) : {};
	if (op.filters?.length) {
		const filter = mapped(op.filters, read(names.FILTERS), names.FILTERS);
		if (Object.keys(filter).length) query.filter = filter as QueryValue;
	}
	if (op.include?.length) {
		const include = toList(read(names.INCLUDE, []), names.INCLUDE) as string[];
		const unknown = include.filter((v) => !op.include!.includes(v));
		if (unknown.length) throw new InputError(names.INCLUDE, `"${unknown.join(', ')}" is not one of: ${op.include.join(', ')}`);
		if (include.length) query.include = include;
	}
	// Workflows saved while the endpoint was untyped hold free query parameters.
	if (op.indexOnly || op.typedIn) {
		const free = (read(names.QUERY_PARAMETERS, {}) ?? {}) as { parameters?: Array<{ name: string; value: string }> };
		for (const { name, value } of free.parameters ?? []) {
			if (name) query[name] = value;
		}
	}
	return query;
}

function bodyOf(op: OperationDef, read: ParameterReader, input?: Record<string, unknown>): unknown {
	const body = op.body!;
	if (body.list) {
		const parsed = parseJson(read(names.JSON_BODY, ''), names.JSON_BODY) ?? [];
		checkValue(body.list, parsed, names.JSON_BODY);
		return parsed;
	}
	if (!body.fields || read(names.SEND_BODY_AS, 'fields') === 'json') {
		const parsed = parseJson(read(names.JSON_BODY, ''), names.JSON_BODY) ?? {};
		if (typeof parsed !== 'object' || Array.isArray(parsed) || parsed === null) {
			throw new InputError(names.JSON_BODY, 'must be a JSON object, e.g. { "name": "..." }');
		}
		if (body.fields) checkBody(body, parsed as Record<string, unknown>, names.JSON_BODY);
		return parsed;
	}
	if (body.variants) return alternativeBody(body.variants, read, input);
	return mapped(body.fields, read(names.BODY_FIELDS), names.BODY_FIELDS, input);
}

/** Alternatives are checked each with its own fields: a property may have another shape in each. */
function checkBody(body: BodyDef, value: Record<string, unknown>, path: string): void {
	if (body.variants) checkVariants(body.variants, value, path);
	else checkObject(body.fields!, value, path);
}

/** `input` is the item's JSON, the source of body fields mapped automatically. */
export function buildRequest(op: OperationDef, read: ParameterReader, itemIndex?: number, input?: Record<string, unknown>): ApiRequest {
	const request: ApiRequest = {
		method: op.method,
		path: resolvePath(op, read),
		query: queryOf(op, read),
		label: op.custom ? `Custom API Call ${op.method} ${op.path}` : `${titleCase(op.resource)} / ${op.name}`,
		itemIndex,
	};
	if (op.body) {
		const body = bodyOf(op, read, input);
		// Send `{}` rather than nothing when the API requires a body and no field was filled.
		if (op.body.required || Object.keys(body as IDataObject).length) request.body = body;
	}
	return request;
}
