/**
 * n8n does not store a parameter equal to its default, so a workflow saved without choosing
 * an operation runs whatever operation its resource opens on. When a newer API would move
 * that default (a new version of a listing), the recorded one is pinned instead.
 */
import type { Catalog } from '../../nodes/Ampeco/catalog/types';
import { defaultOperation } from '../description/properties';

export function pinDefaultOperations(catalog: Catalog, recorded: Record<string, string>): Catalog {
	const resources = catalog.resources.map(({ defaultOperation: _pinned, ...resource }) => {
		const operations = catalog.operations.filter((op) => op.resource === resource.value);
		const wanted = recorded[resource.value];
		const keep = wanted && operations.some((op) => op.value === wanted) && defaultOperation(operations).value !== wanted;
		return keep ? { ...resource, defaultOperation: wanted } : resource;
	});
	return { ...catalog, resources };
}
