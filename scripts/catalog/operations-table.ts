/** The catalog as a Markdown table, for the README's list of every resource and operation. */
import type { Catalog, OperationDef } from '../../nodes/Ampeco/catalog/types';

function notes(op: OperationDef, byValue: Map<string, OperationDef>): string {
	const parts: string[] = [];
	if (op.deprecated) {
		const successor = op.successor ? byValue.get(op.successor) : undefined;
		parts.push(successor ? `**deprecated**, use *${successor.name}*` : '**deprecated**');
	}
	if (op.removedIn) {
		const successor = op.successor ? byValue.get(op.successor) : undefined;
		parts.push(`**removed from the API in ${op.removedIn}**, kept for saved workflows${successor ? `, use *${successor.name}*` : ''}`);
	}
	if (op.indexOnly) parts.push('untyped (endpoint index only): JSON body');
	return parts.join('; ');
}

/** `inputs`: the input files and their API versions, as the other generated files name them. */
export function renderOperationsTable(catalog: Catalog, inputs: string, hash: string): string {
	const byValue = new Map(catalog.operations.map((op) => [op.value, op]));
	const counts = {
		all: catalog.operations.length,
		deprecated: catalog.operations.filter((op) => op.deprecated).length,
		untyped: catalog.operations.filter((op) => op.indexOnly).length,
		removed: catalog.operations.filter((op) => op.removedIn).length,
	};
	const lines = [
		'<!-- GENERATED — DO NOT EDIT. Regenerate with `npm run generate` (scripts/generate-catalog.ts). -->',
		`<!-- inputs: ${inputs}; input sha256: ${hash} -->`,
		'',
		'# Resources and operations',
		'',
		`${counts.all} operations in ${catalog.resources.length} resources (${counts.deprecated} deprecated, ${counts.untyped} untyped${counts.removed ? `, ${counts.removed} removed from the API` : ''}), plus **Custom API Call** for anything newer.`,
		'The operation value stored in workflows is the endpoint itself (`METHOD /path` under `/public-api`).',
		'',
	];
	for (const resource of catalog.resources) {
		lines.push(`## ${resource.name}`, '', '| operation | endpoint | notes |', '| --- | --- | --- |');
		for (const op of catalog.operations.filter((o) => o.resource === resource.value)) {
			lines.push(`| ${op.name} | \`${op.method} ${op.path}\` | ${notes(op, byValue)} |`);
		}
		lines.push('');
	}
	return lines.join('\n');
}
