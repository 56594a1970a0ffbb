/**
 * Listings: cursor pages (follow links.next) or numbered pages, 100 records a request,
 * records handed to the caller page by page so nothing is copied or held twice.
 * Numbered pages are known in advance once the first answer gives meta.last_page, so the
 * rest are requested several at a time; a cursor exists only in the previous answer.
 */
import { NodeApiError } from 'n8n-workflow';
import { send, type ApiRequest, type RequestContext } from './request';
import type { RetrySettings } from './retry';
import type { Throttle } from './throttle';

/** How a listing pages: by the cursor in links.next, or by page number. */
export type Paging = 'cursor' | 'page';

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

/** The records of one answer. Endpoints known only from the index may answer a single record where a list was expected. */
function recordsOf({ data }: ListBody): unknown[] {
	return Array.isArray(data) ? data : data && typeof data === 'object' ? [data] : [];
}

export interface Listing {
	/** The listing's first request; paging adds per_page and the cursor or page. */
	request: ApiRequest;
	paging: Paging;
	/** Records wanted; all when undefined. */
	limit?: number;
	settings: RetrySettings;
	throttle?: Throttle;
	/** Receives the records, in order, as the pages arrive. */
	onRecords: (records: unknown[]) => void;
}

/** Requests pages until `limit` records were delivered (all when undefined). */
export async function paginate(ctx: RequestContext, origin: string, { request, paging, limit, settings, throttle, onRecords }: Listing): Promise<void> {
	const perPage = Math.min(MAX_PER_PAGE, limit ?? MAX_PER_PAGE);
	let delivered = 0;
	/** Hands records on, cut at the limit; false once the limit is reached. */
	const deliver = (all: unknown[]): boolean => {
		const records = limit !== undefined && delivered + all.length > limit ? all.slice(0, limit - delivered) : all;
		if (records.length) onRecords(records);
		delivered += records.length;
		return limit === undefined || delivered < limit;
	};
	// A failed page is retried by send() as the same request: nothing is lost or repeated.
	const fetchPage = async (position: { cursor?: string; page?: number }) => {
		const query = { ...request.query, per_page: perPage, ...position };
		return ((await send(ctx, origin, { ...request, query }, settings, throttle)).body ?? {}) as ListBody;
	};

	if (paging === 'page') {
		const first = await fetchPage({ page: 1 });
		const records = recordsOf(first);
		if (!deliver(records)) return;
		const lastPage = first.meta?.last_page;
		if (typeof lastPage === 'number') {
			const wanted = limit === undefined ? lastPage : Math.min(lastPage, Math.ceil(limit / perPage));
			await numberedPages(2, wanted, throttle?.concurrency ?? 1, (page) => fetchPage({ page }), (body) => deliver(recordsOf(body)));
			return;
		}
		// Without meta.last_page only a short page tells the end.
		for (let page = 2, full = records.length >= perPage; full; page++) {
			const more = recordsOf(await fetchPage({ page }));
			full = deliver(more) && more.length >= perPage;
		}
		return;
	}

	let cursor: string | undefined;
	for (;;) {
		const list = await fetchPage({ cursor });
		const records = recordsOf(list);
		if (!deliver(records)) return;
		const next = nextCursor(ctx, origin, list, request);
		if (!next || !records.length) return;
		// A server that hands back the same cursor would keep us paging forever.
		if (next === cursor) {
			throw new NodeApiError(ctx.getNode(), { message: 'repeated cursor' }, { message: `${request.label}: AMPECO returned the same next-page link twice; stopped paging`, itemIndex: request.itemIndex });
		}
		cursor = next;
	}
}

/**
 * Pages from..to, up to `window` requested at once (the throttle bounds the requests in
 * flight across all items), handed on in page order; stops when `deliver` says so.
 */
async function numberedPages(from: number, to: number, window: number, fetch: (page: number) => Promise<ListBody>, deliver: (body: ListBody) => boolean): Promise<void> {
	const pending = new Map<number, Promise<ListBody>>();
	let next = from;
	for (let page = from; page <= to; page++) {
		while (next <= to && pending.size < Math.max(1, window)) {
			const request = fetch(next);
			// Awaited in order below; a later page failing first must not be an unhandled rejection.
			request.catch(() => undefined);
			pending.set(next++, request);
		}
		const body = await pending.get(page)!;
		pending.delete(page);
		if (!deliver(body)) return;
	}
}
