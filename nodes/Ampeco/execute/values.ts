/**
 * Editor values → API JSON, and JSON checked against the catalog's field facts. The editor
 * holds each field in the input of its type (see description/mapper-fields.ts); an
 * expression may give any value, so everything is converted and checked here.
 * Everything here throws InputError naming the field; nothing is sent after one.
 */
import type { BodyVariant, FieldDef } from '../catalog/types';

export class InputError extends Error {
	constructor(
		readonly field: string,
		problem: string,
	) {
		super(`${field}: ${problem}`);
	}
}

/** Longest string accepted in any field: guards against pasting a whole file into a form. */
export const MAX_STRING_LENGTH = 1_000_000;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

/** A field left empty in the editor is not sent; to send null, use Send Body As: JSON. */
export function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/** JSON.parse as a result, so that the caller, which knows the field, raises the InputError. */
function tryParseJson(text: string): { value: unknown } | { problem: string } {
	try {
		return { value: JSON.parse(text) };
	} catch (error) {
		return { problem: (error as Error).message };
	}
}

export function parseJson(value: unknown, field: string): unknown {
	if (typeof value !== 'string') return value;
	if (value.trim() === '') return undefined;
	const parsed = tryParseJson(value);
	if ('problem' in parsed) throw new InputError(field, `is not valid JSON (${parsed.problem})`);
	return parsed.value;
}

/** n8n's date picker gives local ISO strings without a zone; AMPECO wants RFC 3339, so those are read as UTC. */
function toDateTime(value: unknown, field: string): string {
	const text = typeof value === 'object' && value && 'toISO' in value ? String((value as { toISO(): string }).toISO()) : String(value);
	if (!ISO_DATE_TIME.test(text.trim())) throw new InputError(field, `"${text}" is not a date and time (ISO 8601, e.g. 2025-01-31T13:45:00Z)`);
	const trimmed = text.trim().replace(' ', 'T');
	const zoned = HAS_ZONE.test(trimmed) ? trimmed : `${trimmed}Z`;
	// The pattern lets month 13, hour 25 or minute 60 through.
	if (Number.isNaN(Date.parse(zoned))) throw new InputError(field, `"${text}" is not a valid date and time`);
	return zoned;
}

function toNumber(value: unknown, field: string): number {
	const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	if (!Number.isFinite(n)) throw new InputError(field, `"${String(value)}" is not a number`);
	return n;
}

function toBoolean(value: unknown, field: string): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw new InputError(field, `"${String(value)}" is not true or false`);
}

/** A list entered as n8n multiple values, a JSON array or comma-separated text. */
export function toList(value: unknown, field: string): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text.startsWith('[')) {
			const parsed = parseJson(text, field);
			if (Array.isArray(parsed)) return parsed;
		}
		return text === '' ? [] : text.split(',').map((s) => s.trim());
	}
	throw new InputError(field, 'must be a list');
}

/** Converts one editor value to its API representation. */
export function fromForm(field: FieldDef, value: unknown, path: string): unknown {
	if (value === null) return null;
	if (field.enum) return scalarFromForm(field, value, path);
	switch (field.type) {
		case 'json':
		case 'object':
			return parseJson(value, path);
		case 'array':
			// Text items (a comma-separated list) take the element's type; JSON items keep theirs.
			return toList(value, path).map((item, i) => (typeof item === 'string' && field.items ? fromForm(field.items, item, `${path}[${i}]`) : item));
		default:
			return scalarFromForm(field, value, path);
	}
}

function scalarFromForm(field: FieldDef, value: unknown, path: string): unknown {
	if (field.type === 'integer' || field.type === 'number') return toNumber(value, path);
	if (field.type === 'boolean') return toBoolean(value, path);
	if (field.format === 'date-time' || field.format === 'datetime') return toDateTime(value, path);
	return typeof value === 'string' ? value : String(value);
}

/** Collection values, converted by their fields. A key the operation does not have is an error, not a silent drop. */
export function objectFromForm(fields: FieldDef[], value: unknown, path: string): Record<string, unknown> {
	if (value === undefined || value === '') return {};
	if (typeof value !== 'object' || Array.isArray(value) || value === null) throw new InputError(path, 'must be an object');
	const byName = new Map(fields.map((f) => [f.name, f]));
	const out: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(value)) {
		const field = byName.get(key);
		if (isEmpty(inner)) continue;
		if (!field) throw new InputError(`${path}.${key}`, 'is not a field of this operation');
		out[key] = fromForm(field, inner, `${path}.${key}`);
	}
	return out;
}

function typeName(value: unknown): string {
	return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}

/** Checks an API value against the field's facts; throws the first problem found. */
export function checkValue(field: FieldDef, value: unknown, path: string): void {
	if (value === null) {
		if (!field.nullable) throw new InputError(path, 'must not be null');
		return;
	}
	switch (field.type) {
		case 'json':
			return;
		case 'string':
			if (typeof value !== 'string') throw new InputError(path, `must be text, got ${typeName(value)}`);
			if (value.length > (field.maxLength ?? MAX_STRING_LENGTH)) {
				throw new InputError(path, `is ${value.length} characters long; at most ${field.maxLength ?? MAX_STRING_LENGTH} are allowed`);
			}
			if (field.pattern && !new RegExp(field.pattern).test(value)) throw new InputError(path, `"${value}" does not match the pattern ${field.pattern}`);
			break;
		case 'integer':
		case 'number':
			if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(path, `must be a number, got ${typeName(value)}`);
			if (field.type === 'integer' && !Number.isInteger(value)) throw new InputError(path, `must be a whole number, got ${value}`);
			if (field.min !== undefined && value < field.min) throw new InputError(path, `must be at least ${field.min}, got ${value}`);
			if (field.max !== undefined && value > field.max) throw new InputError(path, `must be at most ${field.max}, got ${value}`);
			break;
		case 'boolean':
			if (typeof value !== 'boolean') throw new InputError(path, `must be true or false, got ${typeName(value)}`);
			return;
		case 'array':
			if (!Array.isArray(value)) throw new InputError(path, `must be a list, got ${typeName(value)}`);
			if (field.items) value.forEach((item, i) => checkValue(field.items!, item, `${path}[${i}]`));
			return;
		case 'object':
			if (typeof value !== 'object' || Array.isArray(value)) throw new InputError(path, `must be an object, got ${typeName(value)}`);
			checkObject(field.properties ?? [], value as Record<string, unknown>, path);
			if (field.variants) checkVariants(field.variants, value as Record<string, unknown>, path);
			return;
	}
	if (field.enum && !field.enum.includes(value as string | number)) {
		throw new InputError(path, `"${String(value)}" is not one of: ${field.enum.join(', ')}`);
	}
}

function matches(variant: BodyVariant, body: Record<string, unknown>): boolean {
	return (
		variant.required.every((name) => body[name] !== undefined && (!variant.when?.[name] || variant.when[name].includes(body[name] as string | number))) &&
		(!variant.closed || Object.keys(body).every((name) => variant.properties.includes(name)))
	);
}

function describeVariant(variant: BodyVariant): string {
	const selectors = Object.entries(variant.when ?? {}).map(([name, values]) => `${name} = ${values.join(' | ')}`);
	const others = variant.required.filter((name) => !variant.when?.[name]);
	const text = [...selectors, ...(others.length ? [`with ${others.join(', ')}`] : [])].join(' ') || 'no required fields';
	return variant.closed ? `${text} (and no fields other than ${variant.properties.join(', ')})` : text;
}

/** A oneOf/anyOf body must fit at least one alternative; the message lists them all. */
export function checkVariants(variants: BodyVariant[], body: Record<string, unknown>, path: string): void {
	if (variants.some((variant) => matches(variant, body))) return;
	throw new InputError(path, `must match one of these alternatives: ${variants.map(describeVariant).join('; ')}`);
}

export function checkObject(fields: FieldDef[], value: Record<string, unknown>, path: string): void {
	for (const field of fields) {
		const inner = value[field.name];
		const at = path ? `${path}.${field.name}` : field.name;
		if (inner === undefined) {
			if (field.required) throw new InputError(at, 'is required');
			continue;
		}
		checkValue(field, inner, at);
	}
}
