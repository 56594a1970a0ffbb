/**
 * Listings through n8n's engine against the local mock: cursor paging (links.next),
 * numbered pages (meta.last_page, then several at a time; or a short page), Limit, pairedItem, and the refusal
 * to send the token to another origin named by links.next.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { catalog, findOperation } from '../nodes/Ampeco/catalog';
import type { OperationDef } from '../nodes/Ampeco/catalog/types';
import { startMockTenant, type LoggedRequest, type MockTenantServer, type Reply } from '../scripts/mock-tenant/server';
import { runAmpeco, TOKEN } from './helpers/run-ampeco';

const CURSOR_OP = findOperation('GET /resources/charge-points/v2.0')!;
const PAGE_OP = catalog.operations.find((op) => op.kind === 'getMany' && op.paging === 'page' && op.pathParams.length === 0 && !op.indexOnly)!;

const TOTAL = 250;
const records = Array.from({ length: TOTAL }, (_, i) => ({ id: i + 1, name: `record ${i + 1}` }));

/**
 * Opaque cursors as Laravel makes them (base64 of JSON), with +, / and = in them so that
 * the encoding round trip is exercised: links.next carries them percent-encoded.
 */
function cursorFor(offset: number): string {
	return `${Buffer.from(JSON.stringify({ id: offset, _pointsToNextItems: true })).toString('base64')}+/=`;
}
function offsetOf(cursor: string | null): number {
	if (cursor === null) return 0;
	if (!cursor.endsWith('+/=')) throw new Error(`cursor mangled: ${cursor}`);
	return JSON.parse(Buffer.from(cursor.slice(0, -3), 'base64').toString('utf8')).id;
}

function queryOf(request: LoggedRequest): URLSearchParams {
	return new URLSearchParams(request.query);
}

function perPageOf(request: LoggedRequest): number {
	return Number(queryOf(request).get('per_page'));
}

/** A cursor-paged listing of `total` records; links.next built by `nextLink` (same origin by default). */
function cursorListing(mock: () => MockTenantServer, total = TOTAL, nextLink?: (cursor: string) => string) {
	return (request: LoggedRequest): Reply => {
		const offset = offsetOf(queryOf(request).get('cursor'));
		const perPage = perPageOf(request);
		const data = records.slice(offset, Math.min(offset + perPage, total));
		const more = offset + perPage < total;
		const cursor = cursorFor(offset + perPage);
		const next = more ? (nextLink ? nextLink(cursor) : `${mock().url}${request.path}?cursor=${encodeURIComponent(cursor)}&per_page=${perPage}`) : null;
		return { body: { data, links: { first: null, last: null, prev: null, next }, meta: { path: request.path, per_page: perPage, next_cursor: null } } };
	};
}

/** A page-numbered listing; `withLastPage: false` leaves meta.last_page out. */
function pageListing(total: number, withLastPage: boolean) {
	return (request: LoggedRequest): Reply => {
		const page = Number(queryOf(request).get('page'));
		const perPage = perPageOf(request);
		const data = records.slice((page - 1) * perPage, Math.min(page * perPage, total));
		const meta: Record<string, unknown> = { current_page: page, per_page: perPage, total };
		if (withLastPage) meta.last_page = Math.max(1, Math.ceil(total / perPage));
		return { body: { data, links: {}, meta } };
	};
}

/** Page numbers requested, in order: pages after the first are requested together, so they may arrive in any order. */
function pagesOf(sent: LoggedRequest[]): string[] {
	return sent.map((r) => queryOf(r).get('page')!).sort((a, b) => Number(a) - Number(b));
}

/** Delays each answer by `delayMs(page)`. */
function slowPages(listing: (request: LoggedRequest) => Reply, delayMs: (page: number) => number) {
	return (request: LoggedRequest): Reply => ({ ...listing(request), delayMs: delayMs(Number(queryOf(request).get('page'))) });
}

function listParameters(op: OperationDef, paging: { returnAll: true } | { returnAll: false; limit: number }) {
	return { resource: op.resource, operation: op.value, ...paging };
}

function ids(items: Array<{ json: Record<string, unknown> }>): unknown[] {
	return items.map((item) => item.json.id);
}

function range(from: number, to: number): number[] {
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

let mock: MockTenantServer;
let other: MockTenantServer;
beforeAll(async () => {
	mock = await startMockTenant({ validate: false });
	other = await startMockTenant({ replies: () => ({ body: { data: [{ id: 'stolen' }], links: { next: null } } }) });
});
afterAll(async () => {
	await mock.close();
	await other.close();
});

/** Runs one listing; returns the result and the requests this run made. */
async function list(op: OperationDef, paging: { returnAll: true } | { returnAll: false; limit: number }, inputItems?: INodeExecutionData[]) {
	const before = mock.requests.length;
	const result = await runAmpeco({ tenantUrl: mock.url, parameters: listParameters(op, paging), inputItems });
	return { ...result, sent: mock.requests.slice(before) };
}

test('the catalog has a cursor-paged and a page-numbered Get Many to test with', () => {
	expect(CURSOR_OP).toMatchObject({ kind: 'getMany', paging: 'cursor' });
	expect(PAGE_OP).toMatchObject({ kind: 'getMany', paging: 'page' });
	expect(PAGE_OP.value).not.toBe(CURSOR_OP.value);
});

describe('cursor paging', () => {
	test('Return All follows links.next: 250 records in order from 3 requests of 100', async () => {
		mock.handle(cursorListing(() => mock));
		const { items, error, sent } = await list(CURSOR_OP, { returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(TOTAL);
		expect(ids(items)).toEqual(range(1, TOTAL));
		expect(new Set(ids(items)).size).toBe(TOTAL);
		expect(sent).toHaveLength(3);
		expect(sent.map((r) => r.path)).toEqual(Array(3).fill('/public-api/resources/charge-points/v2.0'));
		expect(sent.map(perPageOf)).toEqual([100, 100, 100]);
		// The cursor goes back to the API exactly as links.next gave it (+, / and = included).
		expect(sent.map((r) => queryOf(r).get('cursor'))).toEqual([null, cursorFor(100), cursorFor(200)]);
		expect(sent.map((r) => queryOf(r).getAll('cursor').length)).toEqual([0, 1, 1]);
		expect(sent.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
	});

	test.each([
		{ limit: 120, requests: 2, perPage: [100, 100], cursors: [null, cursorFor(100)] },
		{ limit: 100, requests: 1, perPage: [100], cursors: [null] },
		{ limit: 30, requests: 1, perPage: [30], cursors: [null] },
		{ limit: 1, requests: 1, perPage: [1], cursors: [null] },
		{ limit: 201, requests: 3, perPage: [100, 100, 100], cursors: [null, cursorFor(100), cursorFor(200)] },
		{ limit: 1000, requests: 3, perPage: [100, 100, 100], cursors: [null, cursorFor(100), cursorFor(200)] },
	])('Limit $limit → min(limit, 250) records, $requests request(s), then the node stops', async ({ limit, requests, perPage, cursors }) => {
		mock.handle(cursorListing(() => mock));
		const { items, error, sent } = await list(CURSOR_OP, { returnAll: false, limit });
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual(range(1, Math.min(limit, TOTAL)));
		expect(sent).toHaveLength(requests);
		expect(sent.map(perPageOf)).toEqual(perPage);
		expect(sent.map((r) => queryOf(r).get('cursor'))).toEqual(cursors);
	});

	test('a server that ignores per_page and sends more still gives exactly Limit records', async () => {
		mock.handle((request) => ({ body: { data: records.slice(0, 150), links: { next: `${mock.url}${request.path}?cursor=more` } } }));
		const { items, error, sent } = await list(CURSOR_OP, { returnAll: false, limit: 120 });
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual(range(1, 120));
		expect(sent).toHaveLength(1);
	});

	test('a relative links.next is resolved against the tenant and followed', async () => {
		mock.handle(cursorListing(() => mock, TOTAL, (cursor) => `/public-api/resources/charge-points/v2.0?cursor=${encodeURIComponent(cursor)}`));
		const { items, error, sent } = await list(CURSOR_OP, { returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(TOTAL);
		expect(sent).toHaveLength(3);
	});

	test('an empty first page gives no items and one request', async () => {
		mock.handle(() => ({ body: { data: [], links: { next: null }, meta: {} } }));
		const { items, error, sent } = await list(CURSOR_OP, { returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(sent).toHaveLength(1);
	});
});

describe('page-numbered paging', () => {
	test('Return All with meta.last_page: pages 1..3 of 100, 250 records in order', async () => {
		mock.handle(pageListing(TOTAL, true));
		const { items, error, sent } = await list(PAGE_OP, { returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(TOTAL);
		expect(ids(items)).toEqual(range(1, TOTAL));
		expect(new Set(ids(items)).size).toBe(TOTAL);
		expect(sent).toHaveLength(3);
		expect(pagesOf(sent)).toEqual(['1', '2', '3']);
		expect(sent.map(perPageOf)).toEqual([100, 100, 100]);
		expect(sent.every((r) => !queryOf(r).has('cursor'))).toBe(true);
	});

	test('meta.last_page ends paging even when the last page is full', async () => {
		mock.handle(pageListing(200, true));
		const { items, sent } = await list(PAGE_OP, { returnAll: true });
		expect(ids(items)).toEqual(range(1, 200));
		expect(pagesOf(sent)).toEqual(['1', '2']);
	});

	test('Limit 120 → 120 records from pages 1 and 2, then the node stops', async () => {
		mock.handle(pageListing(TOTAL, true));
		const { items, error, sent } = await list(PAGE_OP, { returnAll: false, limit: 120 });
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual(range(1, 120));
		expect(pagesOf(sent)).toEqual(['1', '2']);
		expect(sent.map(perPageOf)).toEqual([100, 100]);
	});

	test('after page 1 names the last page, the others are requested together and still come out in order', async () => {
		// Later pages answer first: the output must not follow the answers' order.
		mock.handle(slowPages(pageListing(TOTAL, true), (page) => (page === 1 ? 0 : 80 - page * 20)));
		const { items, error, sent } = await list(PAGE_OP, { returnAll: true });
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual(range(1, TOTAL));
		expect(pagesOf(sent)).toEqual(['1', '2', '3']);
		expect(sent.map((r) => queryOf(r).get('page'))[0]).toBe('1');
		expect(Math.max(...sent.map((r) => r.inFlight))).toBe(2);
	});

	test('a page that fails while earlier ones are still on their way fails the item with its own error', async () => {
		const handler = slowPages(pageListing(TOTAL, true), (page) => (page === 2 ? 80 : 0));
		mock.handle((request) => (queryOf(request).get('page') === '3' ? { status: 404, body: { message: 'page 3 is gone' } } : handler(request)));
		const { items, error } = await list(PAGE_OP, { returnAll: true });
		expect(items).toHaveLength(0);
		expect(error?.message).toMatch(/page 3 is gone/);
	});

	test.each([
		{ total: TOTAL, pages: ['1', '2', '3'] },
		// A full last page cannot be told from a middle one: one more request finds the empty page.
		{ total: 200, pages: ['1', '2', '3'] },
		{ total: 99, pages: ['1'] },
		{ total: 0, pages: ['1'] },
	])('without meta.last_page, a short page ends paging ($total records)', async ({ total, pages }) => {
		mock.handle(pageListing(total, false));
		const { items, error, sent } = await list(PAGE_OP, { returnAll: true });
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual(range(1, total));
		expect(sent.map((r) => queryOf(r).get('page'))).toEqual(pages);
	});
});

describe('links.next to another origin', () => {
	const elsewhere: Array<[string, () => string]> = [
		['a second server on another port', () => other.url],
		['the same port under another host name', () => mock.url.replace('127.0.0.1', 'localhost')],
		['the same host and port over https', () => mock.url.replace('http:', 'https:')],
		['a protocol-relative link', () => `//${new URL(other.url).host}`],
	];

	test.each(elsewhere)('%s: refused with an error, nothing sent there', async (_label, target) => {
		const otherBefore = other.requests.length;
		mock.handle(cursorListing(() => mock, TOTAL, (cursor) => `${target()}/public-api/resources/charge-points/v2.0?cursor=${encodeURIComponent(cursor)}`));
		const { items, error, sent } = await list(CURSOR_OP, { returnAll: true });
		expect(error).toBeDefined();
		expect(error!.message).toMatch(/refusing to follow a next-page link/);
		expect(error!.message).toContain(new URL(`${target()}/`, mock.url).origin);
		expect(items).toEqual([]);
		expect(sent).toHaveLength(1);
		expect(other.requests.length - otherBefore).toBe(0);
		expect(JSON.stringify(error)).not.toContain(TOKEN);
	});

	test('the second server works (so 0 requests above means the node did not call it)', async () => {
		const result = await runAmpeco({ tenantUrl: other.url, parameters: listParameters(CURSOR_OP, { returnAll: true }) });
		expect(ids(result.items)).toEqual(['stolen']);
		expect(other.requests.length).toBe(1);
	});
});

describe('items and pairedItem', () => {
	test('one output item per record, json is the record, pairedItem { item: 0 }', async () => {
		mock.handle(cursorListing(() => mock));
		const { items } = await list(CURSOR_OP, { returnAll: true });
		expect(items).toHaveLength(TOTAL);
		items.forEach((item, i) => {
			expect(item.json).toEqual(records[i]);
			expect(item.pairedItem).toEqual({ item: 0 });
		});
	});

	test('two input items: each lists all records, paired with its own input item', async () => {
		mock.handle(pageListing(TOTAL, true));
		const { items, sent } = await list(PAGE_OP, { returnAll: true }, [{ json: { n: 0 } }, { json: { n: 1 } }]);
		expect(sent).toHaveLength(6);
		expect(items).toHaveLength(2 * TOTAL);
		expect(items.map((item) => item.pairedItem)).toEqual([...Array(TOTAL).fill({ item: 0 }), ...Array(TOTAL).fill({ item: 1 })]);
		expect(ids(items)).toEqual([...range(1, TOTAL), ...range(1, TOTAL)]);
	});
});
