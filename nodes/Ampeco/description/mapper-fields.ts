/**
 * FieldDef → fields of n8n's resource mapper. Body fields, filters and query parameters
 * are not parameters of the node's description: the editor asks for the fields of the
 * selected operation when it shows them, so the description stays small whatever the
 * number of operations. The executor converts the values back by the same rules.
 *
 * An object's own fields are offered one by one as "parent.child" (one level deep), so
 * that they are typed inputs too; deeper structures and lists of objects are JSON.
 */
import type { FieldType, INodePropertyOptions, ResourceMapperField } from 'n8n-workflow';
import type { BodyVariant, FieldDef } from '../catalog/types';
import { fieldLabel, optionLabel } from '../../shared/text';

/** Separates an object field and its own field in a resource-mapper key. */
export const NESTED = '.';

/** Options labelled in words; two values that read the same keep their raw value beside the label. */
export function enumOptions(values: Array<string | number>): INodePropertyOptions[] {
	const labels = values.map(optionLabel);
	const shared = new Set(labels.filter((label, i) => labels.indexOf(label) !== i));
	return values
		.map((value, i) => ({ name: shared.has(labels[i]) ? `${labels[i]} (${value})` : labels[i], value }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export function isDateTime(field: FieldDef): boolean {
	return field.type === 'string' && ['date-time', 'datetime'].includes(field.format ?? '');
}

/** Whether an object's fields are offered one by one rather than as one JSON input. */
export function isSpread(field: FieldDef): boolean {
	// One level deep: an object whose own fields include objects stays one JSON input.
	return field.type === 'object' && !field.variants && !!field.properties?.length && field.properties.every((p) => p.type !== 'object');
}

/** The input n8n shows: typed scalars, a dropdown for enums, JSON for objects and lists. */
function mapperType(field: FieldDef): FieldType {
	if (field.enum) return 'options';
	switch (field.type) {
		case 'integer':
		case 'number':
			return 'number';
		case 'boolean':
			return 'boolean';
		case 'array':
			return 'array';
		case 'object':
		case 'json':
			return 'object';
		case 'string':
			return isDateTime(field) ? 'dateTime' : 'string';
	}
}

function characters(n: number): string {
	return `${n} character${n === 1 ? '' : 's'}`;
}

/** What the spec asks of a value, as people say it; shown with the label (the mapper has no hint line). */
function constraintHint(field: FieldDef): string | undefined {
	const facts: string[] = [];
	const { minLength, maxLength, min, max } = field;
	if (minLength !== undefined && minLength === maxLength) facts.push(`exactly ${characters(minLength)}`);
	else if (minLength !== undefined && maxLength !== undefined) facts.push(`${minLength} to ${characters(maxLength)}`);
	else if (maxLength !== undefined) facts.push(`up to ${characters(maxLength)}`);
	else if (minLength !== undefined) facts.push(`at least ${characters(minLength)}`);
	const above = field.exclusiveMin ? 'more than' : 'at least';
	const below = field.exclusiveMax ? 'less than' : 'at most';
	if (min !== undefined && max !== undefined && !field.exclusiveMin && !field.exclusiveMax) facts.push(`${min} to ${max}`);
	else if (min !== undefined && max !== undefined) facts.push(`${above} ${min}, ${below} ${max}`);
	else if (min !== undefined) facts.push(`${above} ${min}`);
	else if (max !== undefined) facts.push(`${below} ${max}`);
	if (field.multipleOf !== undefined && field.multipleOf !== 1) facts.push(`in steps of ${field.multipleOf}`);
	if (field.format === 'date') facts.push('YYYY-MM-DD');
	else if (field.format === 'time') facts.push('HH:MM');
	else if (field.format === 'email') facts.push('email');
	else if (field.format === 'uri' || field.format === 'url') facts.push('URL');
	else if (field.format === 'uuid') facts.push('UUID');
	if (field.type === 'array') {
		const entries = field.minItems !== undefined ? `, at least ${field.minItems}` : '';
		facts.push(field.items?.enum ? `list of: ${field.items.enum.join(', ')}${entries}` : `JSON list${entries}`);
	} else if (field.type === 'object' || field.type === 'json') facts.push('JSON');
	return facts.length ? facts.join(', ') : undefined;
}

/** "Max Power (kW)" + "at least 0" → "Max Power (kW, at least 0)". */
function withHint(label: string, hint: string | undefined): string {
	if (!hint) return label;
	return label.endsWith(')') ? `${label.slice(0, -1)}, ${hint})` : `${label} (${hint})`;
}

function mapperField(field: FieldDef, id: string, label: string, required: boolean): ResourceMapperField {
	const type = mapperType(field);
	return {
		id,
		// A field AMPECO dropped stays for saved workflows; the label says so.
		displayName: withHint(label, field.removedIn ? `removed from the API in ${field.removedIn}` : constraintHint(field)),
		required,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type,
		...(type === 'options' ? { options: enumOptions(field.enum!) } : {}),
	};
}

/** Required fields first, then by label: the order the editor lists them in. */
export function mapperFields(fields: FieldDef[]): ResourceMapperField[] {
	return fields
		.flatMap((field) =>
			isSpread(field)
				? field.properties!.map((child) =>
						mapperField(child, `${field.name}${NESTED}${child.name}`, `${fieldLabel(field.name)}: ${fieldLabel(child.name)}`, !!field.required && !!child.required),
					)
				: [mapperField(field, field.name, fieldLabel(field.name), !!field.required)],
		)
		.sort((a, b) => Number(b.required) - Number(a.required) || a.displayName.localeCompare(b.displayName));
}

/** Fields whose value the chosen alternative decides by itself: a selector with one value (type = solar). */
export function impliedValues(variant: BodyVariant): Record<string, string | number> {
	return Object.fromEntries(Object.entries(variant.when ?? {}).filter(([, values]) => values.length === 1).map(([name, [value]]) => [name, value]));
}

/** The fields the user fills for one alternative: its own, minus what choosing it already says. */
export function variantFields(variant: BodyVariant): FieldDef[] {
	const implied = impliedValues(variant);
	return variant.fields.filter((f) => !(f.name in implied));
}
