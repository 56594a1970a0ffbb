/**
 * FieldDef → a field of n8n's resource mapper. Body fields, filters and query parameters
 * are not parameters of the node's description: the editor asks for the fields of the
 * selected operation when it shows them, so the description stays small whatever the
 * number of operations. The executor converts the values back by the same types.
 */
import type { FieldType, INodePropertyOptions, ResourceMapperField } from 'n8n-workflow';
import type { FieldDef } from '../catalog/types';
import { fieldLabel, optionLabel } from '../shared/text';

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

/** The input n8n shows: typed scalars, a dropdown for enums, JSON for objects and lists. */
export function mapperType(field: FieldDef): FieldType {
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

/** What the spec asks of a value, as people say it; shown with the label (the mapper has no hint line). */
export function constraintHint(field: FieldDef): string | undefined {
	const facts: string[] = [];
	if (field.maxLength !== undefined) facts.push(`up to ${field.maxLength} characters`);
	if (field.min !== undefined && field.max !== undefined) facts.push(`${field.min} to ${field.max}`);
	else if (field.min !== undefined) facts.push(`at least ${field.min}`);
	else if (field.max !== undefined) facts.push(`at most ${field.max}`);
	if (field.format === 'date') facts.push('YYYY-MM-DD');
	else if (field.format === 'email') facts.push('email');
	else if (field.format === 'uri' || field.format === 'url') facts.push('URL');
	if (field.type === 'array' && field.items?.enum) facts.push(`list of: ${field.items.enum.join(', ')}`);
	else if (field.type === 'array') facts.push('JSON list');
	return facts.length ? facts.join(', ') : undefined;
}

/** "Max Power (kW)" + "at least 0" → "Max Power (kW, at least 0)". */
function withHint(label: string, hint: string | undefined): string {
	if (!hint) return label;
	return label.endsWith(')') ? `${label.slice(0, -1)}, ${hint})` : `${label} (${hint})`;
}

export function mapperField(field: FieldDef): ResourceMapperField {
	const hint = constraintHint(field);
	const type = mapperType(field);
	return {
		id: field.name,
		displayName: withHint(fieldLabel(field.name), hint),
		required: field.required === true,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type,
		...(type === 'options' ? { options: enumOptions(field.enum!) } : {}),
	};
}

/** Required fields first, then by label: the order the editor lists them in. */
export function mapperFields(fields: FieldDef[]): ResourceMapperField[] {
	return fields.map(mapperField).sort((a, b) => Number(b.required) - Number(a.required) || a.displayName.localeCompare(b.displayName));
}
