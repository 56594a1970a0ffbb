/**
 * OpenAPI schema → FieldDef. Keeps the facts an input form and a validator need
 * (names, types, enums, formats, bounds, required, nullable) and drops prose and
 * read-only properties, which are never user input.
 */
import type { BodyVariant, FieldDef, FieldType } from '../../nodes/Ampeco/catalog/types';
import { fieldLabel, optionLabel } from '../../nodes/shared/text';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Schema = Record<string, any>;

/** Beyond this depth an object or array is offered as a JSON field. */
const MAX_DEPTH = 4;

const SCALARS = new Set(['string', 'number', 'integer', 'boolean']);

/** Folds allOf and same-shaped oneOf/anyOf into one schema; mixed unions stay unions. */
export function flatten(schema: Schema): Schema {
	if (!schema || typeof schema !== 'object') return {};
	if (Array.isArray(schema.allOf)) {
		const parts = schema.allOf.map(flatten);
		const { allOf: _drop, ...rest } = schema;
		return parts.reduce((a: Schema, b: Schema) => mergeObjects(a, b), flatten(rest));
	}
	const variants = schema.oneOf ?? schema.anyOf;
	if (Array.isArray(variants)) {
		const parts: Schema[] = variants.map(flatten);
		const { oneOf: _o, anyOf: _a, ...rest } = schema;
		const types = new Set(parts.map((p) => p.type ?? (p.properties ? 'object' : undefined)));
		if (types.size === 1 && types.has('object')) {
			// Union of object variants: every property is offered, only the common requirements hold.
			const merged = parts.reduce((a, b) => mergeObjects(a, b, 'any'), {});
			merged.required = parts
				.map((p) => new Set<string>(p.required ?? []))
				.reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
			merged.required = [...merged.required];
			return mergeObjects(flatten(rest), merged, 'any');
		}
		if (types.size === 1 && !types.has(undefined)) {
			const type = [...types][0];
			const enums = parts.every((p) => Array.isArray(p.enum)) ? [...new Set(parts.flatMap((p) => p.enum))] : undefined;
			return { ...rest, type, ...(enums ? { enum: enums } : {}), nullable: rest.nullable || parts.some((p) => p.nullable) };
		}
		return { ...rest, type: undefined, 'x-union': true };
	}
	return schema;
}

/**
 * Merges two object schemas. For allOf ('all') a property must satisfy both, so enums
 * intersect; for the union of oneOf alternatives ('any') either will do, so they add up.
 */
function mergeObjects(a: Schema, b: Schema, mode: 'all' | 'any' = 'all'): Schema {
	const properties: Record<string, Schema> = { ...(a.properties ?? {}) };
	for (const [name, schema] of Object.entries<Schema>(b.properties ?? {})) {
		const earlier = properties[name];
		if (earlier && Array.isArray(earlier.enum) && Array.isArray(schema.enum)) {
			const values = mode === 'all' ? earlier.enum.filter((v: unknown) => schema.enum.includes(v)) : [...new Set([...earlier.enum, ...schema.enum])];
			properties[name] = { ...earlier, ...schema, enum: values };
		} else properties[name] = mode === 'all' && earlier && !schema.enum ? { ...schema, ...earlier } : schema;
	}
	return {
		...a,
		...b,
		type: a.type ?? b.type,
		properties,
		required: [...new Set([...(a.required ?? []), ...(b.required ?? [])])],
	};
}

function typeOf(schema: Schema): FieldType {
	if (schema['x-union']) return 'json';
	const type = schema.type ?? (schema.properties ? 'object' : undefined);
	if (SCALARS.has(type)) return type;
	if (type === 'array') return 'array';
	if (type === 'object' && schema.properties && !schema.additionalProperties) return 'object';
	return 'json';
}

/** Enum values of a schema; a `null` entry means "nullable", not a choice. */
function enumOf(schema: Schema): Array<string | number> | undefined {
	if (!Array.isArray(schema.enum)) return undefined;
	const values = schema.enum.filter((v: unknown) => v !== null && (typeof v === 'string' || typeof v === 'number'));
	return values.length ? values : undefined;
}

export function toField(name: string, raw: Schema, required: boolean, depth = 0): FieldDef {
	const schema = flatten(raw);
	let type = typeOf(schema);
	if (depth >= MAX_DEPTH && (type === 'object' || type === 'array')) type = 'json';
	const field: FieldDef = { name, type };
	if (required) field.required = true;
	if (schema.nullable || (Array.isArray(schema.enum) && schema.enum.includes(null))) field.nullable = true;
	const values = enumOf(schema);
	if (values && (type === 'string' || type === 'integer' || type === 'number')) field.enum = values;
	if (typeof schema.format === 'string') field.format = schema.format;
	if (typeof schema.minimum === 'number') field.min = schema.minimum;
	if (typeof schema.maximum === 'number') field.max = schema.maximum;
	if (schema.exclusiveMinimum === true && field.min !== undefined) field.exclusiveMin = true;
	if (schema.exclusiveMaximum === true && field.max !== undefined) field.exclusiveMax = true;
	if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0) field.multipleOf = schema.multipleOf;
	if (typeof schema.minLength === 'number' && schema.minLength > 0) field.minLength = schema.minLength;
	if (typeof schema.maxLength === 'number') field.maxLength = schema.maxLength;
	if (typeof schema.minItems === 'number' && schema.minItems > 0) field.minItems = schema.minItems;
	if (typeof schema.maxItems === 'number') field.maxItems = schema.maxItems;
	if (typeof schema.pattern === 'string') field.pattern = schema.pattern;
	if (type === 'object') {
		const properties = toFields(schema, depth + 1);
		if (properties.length) field.properties = properties;
		else field.type = 'json';
		const variants = variantsOf(raw, depth + 1);
		if (variants && field.type === 'object') field.variants = variants;
	}
	if (type === 'array') field.items = toField('', schema.items ?? {}, false, depth + 1);
	return field;
}

/** Every union-free schema a value may match: unions nested in unions or allOf are multiplied out. */
function expandAlternatives(schema: Schema): Schema[] {
	if (!schema || typeof schema !== 'object') return [schema];
	const { oneOf, anyOf, allOf, ...rest } = schema;
	let bases: Schema[] = [rest];
	if (Array.isArray(allOf)) {
		bases = allOf
			.map(expandAlternatives)
			.reduce((acc: Schema[], options: Schema[]) => acc.flatMap((a) => options.map((o) => ({ allOf: [a, o] }))), [rest]);
	}
	const union = oneOf ?? anyOf;
	if (!Array.isArray(union)) return bases;
	const options = union.flatMap(expandAlternatives);
	return bases.flatMap((base) => options.map((option: Schema) => ({ allOf: [base, option] })));
}

/** The alternatives of a oneOf/anyOf object body; read-only properties are never required of input. */
export function variantsOf(raw: Schema, depth = 0): BodyVariant[] | undefined {
	const alternatives = expandAlternatives(raw);
	if (alternatives.length < 2) return undefined;
	const variants = alternatives.map((alternative: Schema) => {
		const schema = flatten(alternative);
		const properties: Record<string, Schema> = schema.properties ?? {};
		const required = (schema.required ?? []).filter((name: string) => !flatten(properties[name] ?? {}).readOnly);
		const writable = Object.keys(properties).filter((name) => !flatten(properties[name]).readOnly);
		const variant: Omit<BodyVariant, 'value' | 'label'> = { required, properties: writable, fields: toFields(alternative, depth) };
		if (schema.additionalProperties === false) variant.closed = true;
		for (const name of required) {
			const values = enumOf(flatten(properties[name] ?? {}));
			if (values) (variant.when ??= {})[name] = values;
		}
		return variant;
	});
	return nameVariants(variants);
}

/**
 * Keys and labels. A field that every alternative requires with its own values selects
 * the alternative (type, mode, ...): its value names it. Otherwise the fields that only
 * this alternative has, or requires, name it.
 */
function nameVariants(variants: Array<Omit<BodyVariant, 'value' | 'label'>>): BodyVariant[] {
	// The selecting field: required with values of their own by the most alternatives (at least two).
	const candidates = [...new Set(variants.flatMap((v) => Object.keys(v.when ?? {})))].filter((name) => {
		const seen = new Set<string | number>();
		return variants.every((v) => {
			const values = v.when?.[name] ?? [];
			if (values.some((x) => seen.has(x))) return false;
			values.forEach((x) => seen.add(x));
			return true;
		});
	});
	const count = (name: string) => variants.filter((v) => v.when?.[name]).length;
	const selector = candidates.sort((a, b) => count(b) - count(a) || a.localeCompare(b)).find((name) => count(name) >= 2);
	const named = variants.map((variant, i) => {
		const values = selector ? variant.when?.[selector] : undefined;
		if (values) {
			const shown = values.slice(0, 3).map(optionLabel);
			return { ...variant, value: String(values[0]), label: `${shown.join(', ')}${values.length > 3 ? ', …' : ''}`, selector };
		}
		const others = variants.filter((_, j) => j !== i);
		const own = variant.properties.filter((p) => !others.some((o) => o.properties.includes(p)));
		const distinct = variant.required.filter((p) => !others.every((o) => o.required.includes(p)));
		const naming = (own.length ? own : distinct.length ? distinct : variant.required).slice().sort();
		const shown = naming.slice(0, 3).map(fieldLabel).join(', ') + (naming.length > 3 ? ', …' : '');
		return { ...variant, value: naming.join('+') || `alternative${i + 1}`, label: naming.length ? `With ${shown}` : `Alternative ${i + 1}` };
	});
	// Alternatives that no field tells apart keep their position in the spec.
	const counts = new Map<string, number>();
	named.forEach((v) => counts.set(v.value, (counts.get(v.value) ?? 0) + 1));
	return named.map((v, i) => (counts.get(v.value)! > 1 ? { ...v, value: `${v.value}#${i + 1}`, label: `${v.label} (${i + 1})` } : v));
}

/** Writable properties of an object schema, in spec order. */
export function toFields(raw: Schema, depth = 0): FieldDef[] {
	const schema = flatten(raw);
	const required = new Set<string>(schema.required ?? []);
	return Object.entries<Schema>(schema.properties ?? {})
		.filter(([, property]) => !flatten(property).readOnly)
		.map(([name, property]) => toField(name, property, required.has(name), depth));
}
