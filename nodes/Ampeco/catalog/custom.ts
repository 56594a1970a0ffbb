/**
 * Custom API Call: for endpoints newer than the catalog. Hand-written, not generated; it
 * runs through the same executor as an untyped operation whose method and path the user sets.
 */
import type { Catalog, OperationDef, ResourceDef } from './types';

export const CUSTOM_RESOURCE: ResourceDef = { value: 'customApiCall', name: 'Custom API Call' };

export const CUSTOM_OPERATION: OperationDef = {
	value: 'customRequest',
	resource: CUSTOM_RESOURCE.value,
	method: 'GET',
	path: '',
	version: '',
	name: 'Custom API Call',
	action: 'Send a custom API request',
	kind: 'action',
	custom: true,
	indexOnly: true,
	pathParams: [],
	query: [],
	body: { required: false },
};

export const CUSTOM_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The generated catalog plus the Custom API Call: what the node offers. */
export function withCustomApiCall(generated: Catalog): Catalog {
	return { ...generated, resources: [...generated.resources, CUSTOM_RESOURCE], operations: [...generated.operations, CUSTOM_OPERATION] };
}
