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
		/** What is wrong with it, without the field's name. */
		readonly problem: string,
	) {
		super(`${field}: ${problem}`);
	}
}

/** Longest string accepted in any field: guards against pasting a whole file into a form. */
const MAX_STRING_LENGTH = 1_000_000;

// Hours 00-23 and minutes 00-59: JavaScript's Date would take 24:00 as the next midnight.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

/** A field left empty in the editor is not sent; to send null, use Send Body As: JSON. */
function isEmpty(value: unknown): boolean {
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
function fromForm(field: FieldDef, value: unknown, path: string): unknown {
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
			checkText(field, value, path);
			break;
		case 'integer':
		case 'number':
			if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(path, `must be a number, got ${typeName(value)}`);
			if (field.type === 'integer' && !Number.isInteger(value)) throw new InputError(path, `must be a whole number, got ${value}`);
			checkNumber(field, value, path);
			break;
		case 'boolean':
			if (typeof value !== 'boolean') throw new InputError(path, `must be true or false, got ${typeName(value)}`);
			return;
		case 'array':
			if (!Array.isArray(value)) throw new InputError(path, `must be a list, got ${typeName(value)}`);
			if (field.minItems !== undefined && value.length < field.minItems) throw new InputError(path, `has ${value.length} entries; at least ${field.minItems} are needed`);
			if (field.maxItems !== undefined && value.length > field.maxItems) throw new InputError(path, `has ${value.length} entries; at most ${field.maxItems} are allowed`);
			if (field.items) value.forEach((item, i) => checkValue(field.items!, item, `${path}[${i}]`));
			return;
		case 'object':
			if (typeof value !== 'object' || Array.isArray(value)) throw new InputError(path, `must be an object, got ${typeName(value)}`);
			if (field.variants) checkVariants(field.variants, value as Record<string, unknown>, path);
			else checkObject(field.properties ?? [], value as Record<string, unknown>, path);
			return;
	}
	if (field.enum && !field.enum.includes(value as string | number)) {
		throw new InputError(path, `"${String(value)}" is not one of: ${field.enum.join(', ')}`);
	}
}

/** Formats the spec uses and the API checks; its own names for numbers ("decimal", "float", ...) say nothing more than the type. */
const FORMATS: Record<string, { test: (text: string) => boolean; says: string }> = {
	email: { test: (t) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t), says: 'an email address' },
	date: { test: (t) => /^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(t)), says: 'a date (YYYY-MM-DD)' },
	'date-time': { test: (t) => ISO_DATE_TIME.test(t) && HAS_ZONE.test(t) && !Number.isNaN(Date.parse(t)), says: 'a date and time with its zone (e.g. 2025-01-31T13:45:00Z)' },
	uri: { test: isUrl, says: 'a URL (https://...)' },
	url: { test: isUrl, says: 'a URL (https://...)' },
	uuid: { test: (t) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(t), says: 'a UUID' },
	time: { test: (t) => /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(t), says: 'a time (HH:MM or HH:MM:SS)' },
};

function isUrl(text: string): boolean {
	return /^[a-z][a-z0-9+.-]*:/i.test(text) && URL.canParse(text);
}

function checkText(field: FieldDef, value: string, path: string): void {
	const max = field.maxLength ?? MAX_STRING_LENGTH;
	if (field.minLength !== undefined && field.minLength === field.maxLength && value.length !== max) {
		throw new InputError(path, `is ${value.length} characters long; exactly ${max} are needed`);
	}
	if (value.length > max) throw new InputError(path, `is ${value.length} characters long; at most ${max} are allowed`);
	if (field.minLength !== undefined && value.length < field.minLength) throw new InputError(path, `is ${value.length} characters long; at least ${field.minLength} are needed`);
	if (field.pattern && !new RegExp(field.pattern).test(value)) throw new InputError(path, `"${value}" does not match the pattern ${field.pattern}`);
	if (!field.enum) checkFormat(field.format, value, path);
}

/** Checks text against a format the spec names; formats it names only as a hint pass. */
export function checkFormat(name: string | undefined, value: string, path: string): void {
	const format = FORMATS[name ?? ''];
	if (format && !format.test(value)) throw new InputError(path, `"${value}" is not ${format.says}`);
}

function checkNumber(field: FieldDef, value: number, path: string): void {
	if (field.min !== undefined && (field.exclusiveMin ? value <= field.min : value < field.min)) {
		throw new InputError(path, `must be ${field.exclusiveMin ? 'more than' : 'at least'} ${field.min}, got ${value}`);
	}
	if (field.max !== undefined && (field.exclusiveMax ? value >= field.max : value > field.max)) {
		throw new InputError(path, `must be ${field.exclusiveMax ? 'less than' : 'at most'} ${field.max}, got ${value}`);
	}
	// Divided rather than taken modulo: 0.3 is a multiple of 0.1 although 0.3 % 0.1 is not 0.
	if (field.multipleOf !== undefined && Math.abs(value / field.multipleOf - Math.round(value / field.multipleOf)) > 1e-9) {
		throw new InputError(path, `must be a multiple of ${field.multipleOf}, got ${value}`);
	}
}

/** Runs a check; an InputError comes back as the result (n8n's lint wants no error re-thrown from a catch). */
export function inputProblem<T>(check: () => T): T | InputError {
	let failure: unknown;
	try {
		return check();
	} catch (error) {
		failure = error;
	}
	if (failure instanceof InputError) return failure;
	throw failure;
}

/** Checks a body against one alternative: its selecting values, its own fields, and nothing else when it is closed. */
export function checkAlternative(variant: BodyVariant, body: Record<string, unknown>, path: string): void {
	for (const [name, values] of Object.entries(variant.when ?? {})) {
		if (body[name] !== undefined && !values.includes(body[name] as string | number)) throw new InputError(`${path}.${name}`, `must be ${values.join(' or ')} here`);
	}
	checkObject(variant.fields, body, path);
	const extra = variant.closed ? Object.keys(body).find((name) => !variant.properties.includes(name)) : undefined;
	if (extra) throw new InputError(`${path}.${extra}`, `is not a field of this alternative (it takes only ${variant.properties.join(', ')})`);
}

/** The alternative a body means: the one its selecting values name, else the one it fills best. */
function closest(variants: BodyVariant[], body: Record<string, unknown>): BodyVariant {
	const selected = variants.find((v) => v.when && Object.entries(v.when).every(([name, values]) => values.includes(body[name] as string | number)));
	const filled = (v: BodyVariant) => v.required.filter((name) => body[name] !== undefined).length - v.required.length;
	return selected ?? [...variants].sort((a, b) => filled(b) - filled(a))[0];
}

/**
 * A oneOf/anyOf body must fit at least one alternative (where the spec's alternatives
 * overlap, more than one may fit: what the user chose is sent). The error names the
 * field and the alternative the body looks like.
 */
export function checkVariants(variants: BodyVariant[], body: Record<string, unknown>, path: string): void {
	const problems = variants.map((variant) => {
		const problem = inputProblem(() => checkAlternative(variant, body, path));
		return problem instanceof InputError ? problem : undefined;
	});
	if (problems.some((p) => p === undefined)) return;
	const variant = closest(variants, body);
	const problem = problems[variants.indexOf(variant)]!;
	throw new InputError(problem.field, `${problem.problem} (alternative "${variant.label}"; the alternatives are: ${variants.map((v) => v.label).join('; ')})`);
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
