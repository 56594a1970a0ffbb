/**
 * "From List" for every ID parameter: one generic search over the entity's own Get Many
 * endpoint, registered once per listing operation.
 *
 * AMPECO's listings cannot search by text. The search text filters the fetched pages here
 * (kept for a short while, see page-cache.ts). When the listing has more than one page and a
 * filter that identifies a record exactly (a name, an EVSE's QR code, an e-mail, a card UID),
 * the text is also looked up through it, so a record beyond the first page is found when
 * typed in full.
 */
import { NodeOperationError, type IDataObject, type ILoadOptionsFunctions, type INodeListSearchItems, type INodeListSearchResult } from 'n8n-workflow';
import type { FieldDef, OperationDef } from '../catalog/types';
import { nodeProperties } from '../description';
import { buildRequest, editorReader } from '../execute/build-request';
import { InputError } from '../execute/values';
import { MAX_PER_PAGE } from '../../shared/transport/paginate';
import type { Query } from '../../shared/transport/query';
import { CREDENTIAL_NAME, send, openTenant, type ApiRequest } from '../../shared/transport/request';
import { cachedPage } from './page-cache';
import { recordLabel } from './record-label';

/** Listing filters that pick records by an identifier typed in full. */
const IDENTIFYING_FILTERS = new Set(['name', 'email', 'inviteEmail', 'physicalReference', 'evsePhysicalReference', 'idTagUid', 'idLabel', 'rfidTagUid', 'rfidLabel', 'serialNumber', 'externalId']);

interface Page {
	records: IDataObject[];
	next?: string;
}

/** The listing request, path IDs (an EVSE's charge point) taken from the node's parameters. */
function listingRequest(ctx: ILoadOptionsFunctions, op: OperationDef): ApiRequest {
	try {
		return buildRequest({ ...op, query: [], filters: [], include: [], body: undefined }, editorReader(ctx));
	} catch (error) {
		// The listing of a child needs its parent's ID (an EVSE's charge point) first.
		const message = error instanceof InputError ? `Set "${error.field}" first: ${error.problem}` : (error as Error).message;
		throw new NodeOperationError(ctx.getNode(), message);
	}
}

/** Fetches one page, or takes it from the cache when the same credential asked for it a moment ago. */
async function fetchPage(ctx: ILoadOptionsFunctions, origin: string, request: ApiRequest, query: Query): Promise<Page> {
	const load = async (): Promise<Page> => {
		const { body } = await send(ctx, origin, { ...request, query });
		const page = (body ?? {}) as { data?: IDataObject[]; links?: { next?: string | null } };
		return { records: (page.data ?? []).filter((r) => r && r.id !== undefined), next: page.links?.next ?? undefined };
	};
	// Only pages of a known credential are shared between calls: another user's credential never sees them.
	const credential = ctx.getNode().credentials?.[CREDENTIAL_NAME]?.id;
	return credential ? cachedPage(JSON.stringify([credential, origin, request.path, query]), load) : load();
}

function nextToken(op: OperationDef, page: Page, token?: string): string | undefined {
	if (!page.next) return undefined;
	return op.paging === 'cursor' ? new URL(page.next, 'http://x').searchParams.get('cursor') ?? undefined : String((Number(token) || 1) + 1);
}

const toItem = (record: IDataObject): INodeListSearchItems => ({ name: recordLabel(record), value: String(record.id) });

/** Records the listing's identifying filters find for the whole search text. */
async function lookUp(ctx: ILoadOptionsFunctions, origin: string, request: ApiRequest, filters: FieldDef[], text: string): Promise<IDataObject[]> {
	const pages = await Promise.all(filters.map((f) => fetchPage(ctx, origin, request, { per_page: MAX_PER_PAGE, filter: { [f.name]: text } })));
	return pages.flatMap((p) => p.records);
}

async function search(ctx: ILoadOptionsFunctions, op: OperationDef, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const request = listingRequest(ctx, op);
	const origin = await openTenant(ctx);
	const text = filter?.trim() ?? '';
	const needle = text.toLowerCase();
	const page = await fetchPage(ctx, origin, request, { per_page: MAX_PER_PAGE, ...(op.paging === 'cursor' ? { cursor: token } : { page: token ? Number(token) : 1 }) });
	const identifying = (op.filters ?? []).filter((f) => f.type === 'string' && IDENTIFYING_FILTERS.has(f.name));
	const found = text && !token && page.next && identifying.length ? await lookUp(ctx, origin, request, identifying, text) : [];
	const seen = new Set<string>();
	const results = [...found.map(toItem), ...page.records.map(toItem).filter((r) => !needle || r.name.toLowerCase().includes(needle))].filter((r) => {
		if (seen.has(r.value as string)) return false;
		seen.add(r.value as string);
		return true;
	});
	return { results, paginationToken: nextToken(op, page, token) };
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
