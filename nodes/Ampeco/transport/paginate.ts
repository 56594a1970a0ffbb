/**
 * Listings: cursor pages (follow links.next) or numbered pages, 100 records a request,
 * records handed to the caller page by page so nothing is copied or held twice.
 */
import { NodeApiError } from 'n8n-workflow';
import type { Paging } from '../catalog/types';
import { send, type ApiRequest, type RequestContext } from './request';
import type { RetrySettings } from './retry';
import type { Throttle } from './throttle';

export const MAX_PER_PAGE = 100;

interface ListBody {
	data?: unknown[] | object;
	links?: { next?: string | null };
	meta?: { next_cursor?: string | null; last_page?: number; current_page?: number };
}

/** Cursor for the next page, read from links.next; a link to another host ends paging with an error. */
function nextCursor(ctx: RequestContext, origin: string, body: ListBody, request: ApiRequest): string | undefined {
	const next = body.links?.next;
	if (!next) return body.meta?.next_cursor ?? undefined;
	const url = new URL(next, origin);
	if (url.origin !== origin) {
		throw new NodeApiError(
			ctx.getNode(),
			{ message: 'links.next points to another host' },
			{
				message: `${request.label}: refusing to follow a next-page link to ${url.origin}; only ${origin} receives the API token`,
				itemIndex: request.itemIndex,
			},
		);
	}
	return url.searchParams.get('cursor') ?? undefined;
}

/**
 * Requests pages until `limit` records were delivered (all when undefined).
 * Returns the number of records delivered.
 */
export async function paginate(
	ctx: RequestContext,
	origin: string,
	request: ApiRequest,
	paging: Paging,
	limit: number | undefined,
	settings: RetrySettings,
	throttle: Throttle | undefined,
	onRecords: (records: unknown[]) => void,
): Promise<number> {
	const perPage = Math.min(MAX_PER_PAGE, limit ?? MAX_PER_PAGE);
	let delivered = 0;
	let cursor: string | undefined;
	for (let page = 1; ; page++) {
		const query = { ...request.query, per_page: perPage, ...(paging === 'cursor' ? { cursor } : { page }) };
		// A failed page is retried by send() as the same request: nothing is lost or repeated.
		const { body } = await send(ctx, origin, { ...request, query }, settings, throttle);
		const list = (body ?? {}) as ListBody;
		// Endpoints known only from the index may answer a single record where a list was expected.
		let records = Array.isArray(list.data) ? list.data : list.data && typeof list.data === 'object' ? [list.data] : [];
		if (limit !== undefined && delivered + records.length > limit) records = records.slice(0, limit - delivered);
		if (records.length) onRecords(records);
		delivered += records.length;
		if (limit !== undefined && delivered >= limit) return delivered;
		if (paging === 'cursor') {
			const next = nextCursor(ctx, origin, list, request);
			if (!next || !records.length) return delivered;
			// A server that hands back the same cursor would keep us paging forever.
			if (next === cursor) {
				throw new NodeApiError(ctx.getNode(), { message: 'repeated cursor' }, { message: `${request.label}: AMPECO returned the same next-page link twice; stopped paging`, itemIndex: request.itemIndex });
			}
			cursor = next;
		} else {
			const lastPage = list.meta?.last_page;
			const more = lastPage !== undefined ? page < lastPage : records.length >= perPage;
			if (!more) return delivered;
		}
	}
}
