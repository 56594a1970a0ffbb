/**
 * Node parameters a user could enter for an operation: every required input plus a
 * sample of the optional query inputs, in the form n8n stores them.
 */
import type { INodeParameters, NodeParameterValueType } from 'n8n-workflow';
import type { BodyVariant, FieldDef, OperationDef } from '../../nodes/Ampeco/catalog/types';
import * as names from '../../nodes/Ampeco/description/parameter-names';
import { NESTED, impliedValues, isSpread, variantFields } from '../../nodes/Ampeco/description/mapper-fields';

const STRING_SAMPLES: Record<string, string> = {
	'date-time': '2025-01-31T13:45:00',
	datetime: '2025-01-31T13:45:00',
	date: '2025-01-31',
	email: 'ops@example.com',
	uri: 'https://example.com/x',
	url: 'https://example.com/x',
	uuid: '6f1c2a1e-4a7b-4a0e-9a43-2f4f6c1d9b10',
	// RFC 3339 full-time, as JSON Schema's "time" format wants it: with an offset.
	time: '13:45:00Z',
	ipv4: '192.0.2.1',
};

/** Values for the few patterns the spec uses. */
const PATTERN_SAMPLES: Record<string, string> = {
	'^([01]?[0-9]|2[0-3]):[0-5][0-9]$': '13:45',
	'^\\d{2}:\\d{2}$': '13:45',
	'^\\d{2}:\\d{2}:\\d{2}$': '13:45:00',
	'^[A-Z]{2}$': 'BG',
};

function sampleString(field: FieldDef): string {
	if (field.pattern) {
		if (!(field.pattern in PATTERN_SAMPLES)) throw new Error(`no sample for pattern ${field.pattern}`);
		return PATTERN_SAMPLES[field.pattern];
	}
	const text = (STRING_SAMPLES[field.format ?? ''] ?? 'sample').padEnd(field.minLength ?? 0, 'x');
	return field.maxLength !== undefined ? text.slice(0, Math.max(1, field.maxLength)) : text;
}

function sampleNumber(field: FieldDef): number {
	const step = field.multipleOf ?? 1;
	const low = field.min !== undefined ? field.min + (field.exclusiveMin ? step : 0) : 1;
	const value = Math.max(low, Math.min(1, field.max ?? 1));
	return Math.ceil(value / step - 1e-9) * step;
}

/** Whether a body with exactly these keys and values would satisfy the alternative. */
function satisfies(variant: BodyVariant, body: Record<string, unknown>): boolean {
	const keys = Object.keys(body);
	return (
		variant.required.every((k) => k in body) &&
		Object.entries(variant.when ?? {}).every(([k, values]) => values.includes(body[k] as string | number)) &&
		(!variant.closed || keys.every((k) => variant.properties.includes(k)))
	);
}

/**
 * The keys (and selector values) a user fills for one alternative of a oneOf: its required
 * fields plus one property only it has, so that no other alternative matches too.
 */
export function choiceFor(variant: BodyVariant, variants: BodyVariant[]): Record<string, unknown> {
	const byName = new Map(variant.fields.map((f) => [f.name, f]));
	const body: Record<string, unknown> = {};
	for (const name of variant.required) body[name] = variant.when?.[name]?.[0] ?? sampleApiValue(byName.get(name)!);
	const own = variant.properties.find((p) => !variants.some((v) => v !== variant && v.properties.includes(p)) && !(p in body));
	if (own && byName.has(own)) body[own] = sampleApiValue(byName.get(own)!);
	return body;
}

/** A choice that only one alternative accepts, where the spec allows one. */
export function variantChoice(variants: BodyVariant[]): Record<string, unknown> {
	const candidates = variants.map((variant) => ({ variant, body: choiceFor(variant, variants) }));
	const exclusive = candidates.find(({ variant, body }) => variants.every((v) => v === variant || !satisfies(v, body)));
	return (exclusive ?? candidates[0]).body;
}

/** The value in API form (used for JSON inputs). */
export function sampleApiValue(field: FieldDef): unknown {
	if (field.enum) return field.enum[0];
	switch (field.type) {
		case 'string':
			return field.format === 'date-time' || field.format === 'datetime' ? '2025-01-31T13:45:00Z' : sampleString(field);
		case 'integer':
		case 'number':
			return sampleNumber(field);
		case 'boolean':
			return true;
		case 'array':
			return field.items ? Array.from({ length: Math.max(1, field.minItems ?? 1) }, () => sampleApiValue(field.items!)) : [];
		case 'object': {
			const required = Object.fromEntries((field.properties ?? []).filter((p) => p.required).map((p) => [p.name, sampleApiValue(p)]));
			return field.variants ? { ...required, ...variantChoice(field.variants) } : required;
		}
		case 'json':
			return {};
	}
}

/** The value as the editor's input of its type holds it (see description/mapper-fields.ts). */
export function sampleFormValue(field: FieldDef): NodeParameterValueType {
	const value = sampleApiValue(field);
	return field.type === 'object' || field.type === 'json' || (field.type === 'array' && !field.items?.enum) ? JSON.stringify(value) : (value as NodeParameterValueType);
}

/** A resource mapper's value as n8n stores it. */
export function mapperValue(value: INodeParameters): INodeParameters {
	return { mappingMode: 'defineBelow', value };
}

/** A body in API form: the required fields, and those of the first alternative of a oneOf body. */
export function sampleBody(op: OperationDef, variantKey?: string): unknown {
	if (op.body?.list) return sampleApiValue(op.body.list);
	const variants = op.body?.variants;
	const variant = variants?.find((v) => v.value === variantKey);
	const fields = variant?.fields ?? op.body?.fields ?? [];
	const required = Object.fromEntries(fields.filter((f) => f.required).map((f) => [f.name, sampleApiValue(f)]));
	if (!variants) return required;
	return { ...required, ...(variant ? choiceFor(variant, variants) : variantChoice(variants)) };
}

/** Mapper values for the required fields (an object offered field by field gives "parent.child" keys). */
function requiredMapperValues(fields: FieldDef[], also: Record<string, unknown> = {}): INodeParameters {
	const values: INodeParameters = {};
	for (const field of fields) {
		const chosen = field.name in also;
		if (!field.required && !chosen) continue;
		if (isSpread(field) && !chosen) {
			const children = field.properties!.filter((c) => c.required);
			for (const child of children.length ? children : field.properties!.slice(0, 1)) values[`${field.name}${NESTED}${child.name}`] = sampleFormValue(child);
		} else {
			values[field.name] = chosen && (field.enum || !['object', 'array', 'json'].includes(field.type)) ? (also[field.name] as NodeParameterValueType) : sampleFormValue(field);
		}
	}
	return values;
}

/**
 * Parameters a user could enter for an operation: every required input plus a sample of
 * the optional query inputs. For a body with alternatives, `variantKey` picks the one
 * filled in (default: the first).
 */
export function sampleParameters(op: OperationDef, variantKey?: string): INodeParameters {
	const parameters: INodeParameters = { resource: op.resource, operation: op.value };
	for (const p of op.pathParams) {
		const id = p.type === 'integer' ? '17' : p.format === 'date' ? '2025-01-31' : 'ABC-17';
		parameters[p.name] = p.enum ? p.enum[0] : { __rl: true, mode: 'id', value: id };
	}
	if (op.query.length) parameters[names.QUERY_FIELDS] = mapperValue(Object.fromEntries(op.query.map((f) => [f.name, sampleFormValue(f)])));
	if (op.include?.length) parameters[names.INCLUDE] = [op.include[0]];
	if (op.filters?.length) {
		// Every filter at once: checks the deepObject encoding of each kind of value.
		parameters[names.FILTERS] = mapperValue(Object.fromEntries(op.filters.map((f) => [f.name, sampleFormValue(f)])));
	}
	if (op.body?.list) parameters[names.JSON_BODY] = JSON.stringify(sampleApiValue(op.body.list));
	if (op.body?.fields) {
		parameters[names.SEND_BODY_AS] = 'fields';
		const variants = op.body.variants;
		const variant = variants?.find((v) => v.value === (variantKey ?? variants[0].value));
		if (variants && !variant) throw new Error(`${op.value} has no alternative ${variantKey}`);
		if (variant) {
			parameters[names.BODY_VARIANT] = variant.value;
			const implied = impliedValues(variant);
			const chosen = Object.fromEntries(Object.entries(choiceFor(variant, variants!)).filter(([k]) => !(k in implied)));
			parameters[names.BODY_FIELDS] = mapperValue(requiredMapperValues(variantFields(variant), chosen));
		} else {
			parameters[names.BODY_FIELDS] = mapperValue(requiredMapperValues(op.body.fields));
		}
	}
	if (op.kind === 'getMany' && op.paging) parameters[names.RETURN_ALL] = true;
	return parameters;
}
