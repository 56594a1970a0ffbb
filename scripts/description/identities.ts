/**
 * What a saved workflow can store for this node: resource values, operation values and,
 * per operation, the parameter names, the resource-mapper field keys and the body
 * alternatives (`bodyVariant=<value>`) it may hold.
 * These must survive every regeneration; the generator's tests and the upgrade gate
 * compare them.
 *
 * Defaults belong here too: n8n does not store a value equal to its parameter's default,
 * so a saved workflow that kept one runs with whatever the default is now.
 */
import { NodeHelpers, type INodeParameters, type INodeProperties } from 'n8n-workflow';
import type { Catalog, FieldDef, OperationDef } from '../../nodes/Ampeco/catalog/types';
import { mapperFields, variantFields } from '../../nodes/Ampeco/description/mapper-fields';
import * as names from '../../nodes/Ampeco/description/parameter-names';

export type ScalarDefault = string | number | boolean;

export interface OperationIdentity {
	resource: string;
	/** Sorted parameter names and mapper keys (`bodyFields.<field>`, ...). */
	parameters: string[];
	/** Scalar defaults of the parameters shown (Limit 50, Send Body As "fields", ...). */
	defaults: Record<string, ScalarDefault>;
}

export interface Identities {
	resources: string[];
	defaultResource: string;
	/** resource value → the operation value it opens on. */
	defaultOperations: Record<string, string>;
	/** operation value → what is stored under it. */
	operations: Record<string, OperationIdentity>;
}

const NODE = { typeVersion: 1 };

/** Values that reveal parameters shown only under a choice: both body inputs, Custom API Call paging. */
const CHOICES: INodeParameters[] = [{}, { [names.SEND_BODY_AS]: 'fields' }, { [names.SEND_BODY_AS]: 'json' }, { [names.CUSTOM_PAGINATE]: true }];

const SELECTORS = new Set([names.RESOURCE, names.OPERATION]);

function shown(properties: INodeProperties[], op: OperationDef): Pick<OperationIdentity, 'parameters' | 'defaults'> {
	const parameters = new Set<string>();
	const defaults: Record<string, ScalarDefault> = {};
	for (const choice of CHOICES) {
		const values = NodeHelpers.getNodeParameters(properties, { resource: op.resource, operation: op.value, ...choice }, true, false, NODE, null) ?? {};
		for (const p of properties) {
			if (!NodeHelpers.displayParameter(values, p, NODE, null) || p.type === 'notice') continue;
			parameters.add(p.name);
			const value = p.default as unknown;
			const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
			if (scalar && !SELECTORS.has(p.name) && !(p.name in choice)) defaults[p.name] ??= value;
		}
	}
	return { parameters: [...parameters], defaults: Object.fromEntries(Object.entries(defaults).sort(([a], [b]) => (a < b ? -1 : 1))) };
}

/** Keys a mapper may hold: the editor's (an object's own fields one by one) and the API names (mapped from input items). */
function mapperKeys(op: OperationDef): string[] {
	const keys = (mapper: string, fields: FieldDef[] | undefined) => [...(fields ?? []).map((f) => f.name), ...mapperFields(fields ?? []).map((f) => f.id)].map((key) => `${mapper}.${key}`);
	const alternatives = (op.body?.variants ?? []).flatMap((v) => [`${names.BODY_VARIANT}=${v.value}`, ...keys(names.BODY_FIELDS, variantFields(v))]);
	return [...new Set([...keys(names.BODY_FIELDS, op.body?.fields), ...alternatives, ...keys(names.FILTERS, op.filters), ...keys(names.QUERY_FIELDS, op.query)])];
}

function defaultOf(properties: INodeProperties[], name: string, resource?: string): string {
	const property = properties.find((p) => p.name === name && (!resource || p.displayOptions?.show?.[names.RESOURCE]?.includes(resource)));
	return String(property?.default ?? '');
}

export function identities(catalog: Catalog, properties: INodeProperties[]): Identities {
	const operations: Identities['operations'] = {};
	for (const op of catalog.operations) {
		const { parameters, defaults } = shown(properties, op);
		operations[op.value] = { resource: op.resource, parameters: [...parameters, ...mapperKeys(op)].sort(), defaults };
	}
	const resources = catalog.resources.map((r) => r.value).sort();
	return {
		resources,
		defaultResource: defaultOf(properties, names.RESOURCE),
		defaultOperations: Object.fromEntries(resources.map((r) => [r, defaultOf(properties, names.OPERATION, r)])),
		operations,
	};
}
