/**
 * FieldDef → n8n parameter. Typed inputs where the shape stays usable in a form
 * (scalars, enums, one level of objects and lists of objects), JSON beyond.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { FieldDef } from '../catalog/types';
import { titleCase } from '../shared/text';

/** Objects and arrays nested deeper than this are entered as JSON. */
const MAX_FORM_DEPTH = 1;

/** Name of the single group inside a list-of-objects fixedCollection. */
export const LIST_ITEM_GROUP = 'values';

export function byDisplayName<T extends { displayName?: string; name: string }>(a: T, b: T): number {
	const la = (a.displayName ?? a.name).toLowerCase();
	const lb = (b.displayName ?? b.name).toLowerCase();
	return la < lb ? -1 : la > lb ? 1 : 0;
}

export function enumOptions(values: Array<string | number>): INodePropertyOptions[] {
	return values
		.map((value) => ({ name: String(value), value }))
		.sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
}

/** How a field is entered; the executor converts values back by the same rules. */
export type FormShape = 'scalar' | 'enum' | 'multiEnum' | 'list' | 'object' | 'objectList' | 'json';

export function formShape(field: FieldDef, depth: number): FormShape {
	if (field.type === 'json') return 'json';
	if (field.type === 'object') return depth < MAX_FORM_DEPTH && field.properties ? 'object' : 'json';
	if (field.type === 'array') {
		const items = field.items;
		if (!items) return 'json';
		if (items.enum) return 'multiEnum';
		if (['string', 'number', 'integer'].includes(items.type)) return 'list';
		if (items.type === 'object' && items.properties && depth < MAX_FORM_DEPTH) return 'objectList';
		return 'json';
	}
	return field.enum ? 'enum' : 'scalar';
}

function hint(field: FieldDef): string | undefined {
	const facts: string[] = [];
	if (field.format && !['date-time', 'datetime', 'date'].includes(field.format)) facts.push(`Format: ${field.format}`);
	if (field.maxLength !== undefined) facts.push(`At most ${field.maxLength} characters`);
	if (field.min !== undefined) facts.push(`Minimum ${field.min}`);
	if (field.max !== undefined) facts.push(`Maximum ${field.max}`);
	if (field.nullable) facts.push('May be null');
	return facts.length ? `${facts.join('. ')}.` : undefined;
}

function isDateTime(field: FieldDef): boolean {
	return field.type === 'string' && ['date-time', 'datetime'].includes(field.format ?? '');
}

/** The n8n parameter for one field; `name` is the parameter name (top-level names may be prefixed). */
export function fieldProperty(field: FieldDef, name: string, depth: number): INodeProperties {
	const base = { displayName: titleCase(field.name), name };
	const description = hint(field);
	const withHint = <T extends object>(p: T) => (description ? { ...p, description } : p);
	switch (formShape(field, depth)) {
		case 'json':
			return withHint({ ...base, type: 'json', default: '' }) as INodeProperties;
		case 'enum':
			return withHint({ ...base, type: 'options', options: enumOptions(field.enum!), default: field.enum![0] });
		case 'multiEnum':
			return withHint({ ...base, type: 'multiOptions', options: enumOptions(field.items!.enum!), default: [] });
		case 'list':
			return withHint({
				...base,
				type: field.items!.type === 'string' ? 'string' : 'number',
				typeOptions: { multipleValues: true },
				default: [],
			}) as INodeProperties;
		case 'object':
			return {
				...base,
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: field.properties!.map((p) => fieldProperty(p, p.name, depth + 1)).sort(byDisplayName),
			};
		case 'objectList':
			return {
				...base,
				type: 'fixedCollection',
				placeholder: 'Add Item',
				typeOptions: { multipleValues: true },
				default: {},
				options: [
					{
						name: LIST_ITEM_GROUP,
						displayName: 'Item',
						values: field.items!.properties!.map((p) => fieldProperty(p, p.name, depth + 1)).sort(byDisplayName),
					},
				],
			};
		case 'scalar':
			// n8n wants boolean descriptions to start with "Whether"; the facts add nothing for a toggle.
			if (field.type === 'boolean') return { ...base, type: 'boolean', default: false };
			if (field.type === 'number' || field.type === 'integer') {
				return withHint({
					...base,
					type: 'number',
					default: field.min ?? 0,
					...(field.type === 'integer' ? { typeOptions: { numberPrecision: 0 } } : {}),
				});
			}
			if (isDateTime(field)) return withHint({ ...base, type: 'dateTime', default: '' });
			return withHint({ ...base, type: 'string', default: '' });
	}
}
