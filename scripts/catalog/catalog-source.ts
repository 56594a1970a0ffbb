/**
 * The generated catalog module, written and read back. The committed catalog is the
 * previous state of an upgrade: the operations a newer spec drops are carried forward
 * from it, so reading it must give back exactly what was written.
 */
import type { Catalog, OperationDef, ResourceDef } from '../../nodes/Ampeco/catalog/types';

export interface SourceHeader {
	/** Input files and their API versions, as shown to readers. */
	inputs: string;
	inputSha256: string;
}

/** One resource or operation per line, so a regeneration's diff reads operation by operation. */
export function renderCatalogSource(catalog: Catalog, header: SourceHeader): string {
	const { operations, resources, ...meta } = catalog;
	const removed = operations.filter((op) => op.removedIn).length;
	return [
		'/**',
		' * GENERATED — DO NOT EDIT. Regenerate with `npm run generate`.',
		' * generator: scripts/generate-catalog.ts',
		` * inputs: ${header.inputs}`,
		` * input sha256: ${header.inputSha256}`,
		` * operations: ${operations.length}, resources: ${resources.length}`,
		...(removed ? [` * kept from earlier API versions for saved workflows: ${removed} operations removed from the API`] : []),
		' */',
		"import type { Catalog } from '../types';",
		'',
		'export const catalog: Catalog = {',
		...Object.entries(meta).map(([k, v]) => `\t${k}: ${JSON.stringify(v)},`),
		'\tresources: [',
		...resources.map((r) => `\t\t${JSON.stringify(r)},`),
		'\t],',
		'\toperations: [',
		...operations.map((o) => `\t\t${JSON.stringify(o)},`),
		'\t],',
		'};',
		'',
	].join('\n');
}

/** The inverse of renderCatalogSource; anything else is refused rather than half read. */
export function parseCatalogSource(source: string): Catalog {
	const meta: Record<string, unknown> = {};
	const lists: { resources: ResourceDef[]; operations: OperationDef[] } = { resources: [], operations: [] };
	let list: unknown[] | undefined;
	for (const line of source.split('\n')) {
		const open = /^\t(resources|operations): \[$/.exec(line);
		const entry = /^\t\t(\{.*\}),$/.exec(line);
		const scalar = /^\t(\w+): (.*),$/.exec(line);
		if (open) list = lists[open[1] as keyof typeof lists];
		else if (line === '\t],') list = undefined;
		else if (list && entry) list.push(JSON.parse(entry[1]));
		else if (!list && scalar) meta[scalar[1]] = JSON.parse(scalar[2]);
	}
	if (typeof meta.apiVersion !== 'string' || typeof meta.indexVersion !== 'string' || !lists.operations.length) {
		throw new Error('not a catalog written by scripts/generate-catalog.ts');
	}
	return { ...meta, ...lists } as Catalog;
}
