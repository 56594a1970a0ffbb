/**
 * What a saved workflow can store for this node: resource values, operation values and,
 * per operation, the parameter names and the resource-mapper field keys it may hold.
 * These must survive every regeneration; the generator's tests and the upgrade gate
 * compare them.
 */
import { NodeHelpers, type INodeParameters, type INodeProperties } from 'n8n-workflow';
import type { Catalog, OperationDef } from '../../nodes/Ampeco/catalog/types';
import * as names from '../../nodes/Ampeco/description/parameter-names';

export interface Identities {
	resources: string[];
	/** operation value → resource and the sorted names stored under it. */
	operations: Record<string, { resource: string; parameters: string[] }>;
}

const NODE = { typeVersion: 1 };

/** Values that reveal parameters shown only under a choice: JSON bodies, Custom API Call paging. */
const CHOICES: INodeParameters[] = [{}, { [names.SEND_BODY_AS]: 'json' }, { [names.CUSTOM_PAGINATE]: true }];

function shownNames(properties: INodeProperties[], op: OperationDef): string[] {
	const shown = new Set<string>();
	for (const choice of CHOICES) {
		const values = NodeHelpers.getNodeParameters(properties, { resource: op.resource, operation: op.value, ...choice }, true, false, NODE, null) ?? {};
		for (const p of properties) if (NodeHelpers.displayParameter(values, p, NODE, null)) shown.add(p.name);
	}
	return [...shown];
}

function mapperKeys(op: OperationDef): string[] {
	const keys = (mapper: string, fields: Array<{ name: string }> | undefined) => (fields ?? []).map((f) => `${mapper}.${f.name}`);
	return [...keys(names.BODY_FIELDS, op.body?.fields), ...keys(names.FILTERS, op.filters), ...keys(names.QUERY_FIELDS, op.query)];
}

export function identities(catalog: Catalog, properties: INodeProperties[]): Identities {
	const operations: Identities['operations'] = {};
	for (const op of catalog.operations) {
		const parameters = [...shownNames(properties, op).filter((n) => !n.endsWith('Notice')), ...mapperKeys(op)].sort();
		operations[op.value] = { resource: op.resource, parameters };
	}
	return { resources: catalog.resources.map((r) => r.value).sort(), operations };
}
