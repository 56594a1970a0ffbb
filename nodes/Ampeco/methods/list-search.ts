/**
 * "From List" for every ID parameter: one generic search over the entity's own Get Many
 * endpoint, registered once per listing operation.
 */
import { NodeOperationError, type IDataObject, type ILoadOptionsFunctions, type INodeListSearchItems, type INodeListSearchResult } from 'n8n-workflow';
import type { OperationDef } from '../catalog/types';
import { nodeProperties } from '../description';
import { buildRequest, editorReader } from '../execute/build-request';
import { InputError } from '../execute/values';
import { MAX_PER_PAGE } from '../transport/paginate';
import { send, openTenant } from '../transport/request';

/** Record fields that make a readable label, in order of preference. */
const LABEL_KEYS = ['name', 'title', 'label', 'displayName', 'identifier', 'networkId', 'physicalReference', 'email', 'code', 'key', 'uid'];

function labelOf(record: IDataObject): string {
	const key = LABEL_KEYS.find((k) => typeof record[k] === 'string' || typeof record[k] === 'number');
	let label = key ? String(record[key]) : '';
	if (!label && record.firstName) label = `${String(record.firstName)} ${String(record.lastName ?? '')}`.trim();
	return label ? `${label} (#${String(record.id)})` : `#${String(record.id)}`;
}

async function search(ctx: ILoadOptionsFunctions, op: OperationDef, filter?: string, cursor?: string): Promise<INodeListSearchResult> {
	let request;
	try {
		request = buildRequest({ ...op, query: [], filters: [], include: [], body: undefined }, editorReader(ctx));
	} catch (error) {
		// The listing of a child needs its parent's ID (an EVSE's charge point) first.
		const message = error instanceof InputError ? `Set "${error.field}" first: ${error.message.slice(error.field.length + 2)}` : (error as Error).message;
		throw new NodeOperationError(ctx.getNode(), message);
	}
	request.query = { per_page: MAX_PER_PAGE, ...(op.paging === 'cursor' ? { cursor } : { page: cursor ? Number(cursor) : 1 }) };
	const { body } = await send(ctx, await openTenant(ctx), request);
	const page = (body ?? {}) as { data?: IDataObject[]; links?: { next?: string | null } };
	const needle = filter?.trim().toLowerCase();
	const results: INodeListSearchItems[] = (page.data ?? [])
		.filter((r) => r && r.id !== undefined)
		.map((r) => ({ name: labelOf(r), value: String(r.id) }))
		.filter((r) => !needle || r.name.toLowerCase().includes(needle));
	const next = page.links?.next ? new URL(page.links.next, 'http://x').searchParams : undefined;
	const paginationToken = op.paging === 'cursor' ? next?.get('cursor') ?? undefined : next ? String((Number(cursor) || 1) + 1) : undefined;
	return { results, paginationToken };
}

type SearchMethod = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;

/**
 * One method per path parameter name. Which listing backs it depends on the operation
 * being edited (an EVSE under a charge point lists that charge point's EVSEs).
 */
function searchFor(pathParam: string): SearchMethod {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		// The catalog is loaded on first use, not when n8n loads the package.
		const { findOperation } = await import('../catalog');
		const op = findOperation(String(this.getCurrentNodeParameter('operation')));
		const listOperation = op?.pathParams.find((p) => p.name === pathParam)?.listOperation;
		if (!listOperation) return { results: [] };
		return search(this, findOperation(listOperation)!, filter, paginationToken);
	};
}

/** One method per "From List" the parameters name, read from the generated parameters. */
export const listSearch: Record<string, SearchMethod> = Object.fromEntries(
	nodeProperties.flatMap((property) =>
		(property.modes ?? [])
			.map((mode) => mode.typeOptions?.searchListMethod)
			.filter((method): method is string => !!method)
			.map((method) => [method, searchFor(property.name)]),
	),
);
