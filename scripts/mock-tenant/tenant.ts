/**
 * What the mock tenant answers. The main resources (locations, charge points, EVSEs,
 * sessions, users, ID/RFID tags, tariffs, tariff groups, currencies) are served from an
 * in-memory dataset: listings with filters and cursor paging through links.next, get by
 * ID, create/update echo and delete. Notification subscriptions (v2.0) are kept too, so
 * the AMPECO Trigger can subscribe, check and unsubscribe. Every other operation of the spec
 * is accepted and answered with its documented success status and a body generated from its schema.
 */
import OpenAPIBackend from 'openapi-backend';
import { loadSpec } from '../shared-data';
import { createDataset, type Dataset, type Row } from './data';
import { parseQuery, type QueryTree } from './query';

export interface TenantRequest {
	method: string;
	/** Path without query, e.g. /public-api/resources/sessions/v1.0. */
	path: string;
	query: string;
	body: unknown;
	/** Origin the client used (http://localhost:5681): next-page links must point there. */
	origin: string;
	/** From the OpenAPI validator: which operation of the spec this request is. */
	operationId: string;
}

export interface TenantReply {
	status: number;
	body?: unknown;
}

type CollectionName = Exclude<keyof Dataset, 'evseStatusLogs'>;

/** API path segment (with every version the mock serves) → dataset collection. */
const COLLECTIONS: Record<string, CollectionName> = {
	locations: 'locations',
	'charge-points': 'chargePoints',
	evses: 'evses',
	sessions: 'sessions',
	users: 'users',
	'id-tags': 'idTags',
	'rfid-tags': 'rfidTags',
	'tariff-groups': 'tariffGroups',
	tariffs: 'tariffs',
	currencies: 'currencies',
};

/** Date filters: filter[startedAfter] compares startedAt, and so on. */
const DATE_FILTERS: Record<string, string> = { started: 'startedAt', ended: 'stoppedAt', lastUpdated: 'lastUpdatedAt', createdAt: 'createdAt' };

const MAX_PER_PAGE = 100;

const notFound = (what: string, id: string): TenantReply => ({ status: 404, body: { message: `${what} ${id} not found.` } });

export function encodeCursor(lastId: number): string {
	// Laravel's cursor paginator encodes the last row's key the same way.
	return Buffer.from(JSON.stringify({ id: lastId, _pointsToNextItems: true })).toString('base64url');
}

export function decodeCursor(cursor: string): number {
	try {
		return Number(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')).id);
	} catch {
		return NaN;
	}
}

function matchesFilter(row: Row, key: string, expected: string | string[] | QueryTree): boolean {
	const dated = /^(.*?)(After|Before)$/.exec(key);
	if (dated && typeof expected === 'string') {
		const field = DATE_FILTERS[dated[1]] ?? `${dated[1]}At`;
		const value = row[field];
		if (typeof value !== 'string') return false;
		return dated[2] === 'After' ? Date.parse(value) >= Date.parse(expected) : Date.parse(value) < Date.parse(expected);
	}
	// Filters on fields the dataset does not have are ignored, as if the tenant had no such data.
	if (!(key in row) || typeof expected === 'object') return true;
	const actual = row[key];
	const wanted = Array.isArray(expected) ? expected : [expected];
	return Array.isArray(actual) ? actual.some((a) => wanted.includes(String(a))) : wanted.includes(String(actual));
}

/** A notification subscription (POST /public-api/notifications/v2.0), as the API returns it. */
export interface NotificationSubscription {
	id: number;
	via: string;
	notifications: string[];
	webhook?: { callbackUrl?: string; [key: string]: unknown };
	[key: string]: unknown;
}

export class MockTenant {
	readonly data: Dataset;

	/** Notification subscriptions by id. */
	readonly subscriptions = new Map<number, NotificationSubscription>();

	private nextSubscriptionId = 1;

	private mocker: OpenAPIBackend | undefined;

	constructor(now = new Date()) {
		this.data = createDataset(now);
	}

	/** Response bodies for the operations without a dataset, generated from the spec's schemas. */
	private async specMocker(): Promise<OpenAPIBackend> {
		if (!this.mocker) {
			this.mocker = new OpenAPIBackend({ definition: structuredClone(loadSpec()) as any, quick: true, validate: false, strict: false });
			await this.mocker.init();
		}
		return this.mocker;
	}

	async handle(request: TenantRequest): Promise<TenantReply> {
		const segments = request.path.replace(/^\/public-api\//, '').split('/').filter(Boolean);
		const query = parseQuery(request.query);
		const [area, resource, , id, sub, subId, extra] = segments;

		if (area === 'resources' && COLLECTIONS[resource]) {
			const name = COLLECTIONS[resource];
			if (id === undefined) return this.collection(request, name, query, () => true);
			if (sub === undefined) return this.record(request, name, id);
			// Nested resources the examples use: a charge point's EVSEs, an EVSE's latest hardware status.
			if (name === 'chargePoints' && sub === 'evses' && extra === undefined) {
				if (!this.find('chargePoints', id)) return notFound('Charge point', id);
				if (subId === undefined) return this.collection(request, 'evses', query, (row) => String(row.chargePointId) === id, { chargePointId: Number(id) });
				const evse = this.find('evses', subId);
				return evse && String(evse.chargePointId) === id ? this.record(request, 'evses', subId) : notFound('EVSE', subId);
			}
			if (name === 'evses' && sub === 'latest-hardware-status-log') {
				const log = this.data.evseStatusLogs.get(Number(id));
				return log ? { status: 200, body: { data: log } } : notFound('EVSE', id);
			}
		}
		if (area === 'notifications' && resource === 'v2.0') {
			const reply = this.notifications(request, segments[2]);
			if (reply) return reply;
		}
		if (area === 'actions' && resource === 'charge-point') {
			const [, , , chargePointId, action, target] = segments;
			if (!this.find('chargePoints', chargePointId)) return notFound('Charge point', chargePointId);
			if (action === 'start' && target !== undefined) return this.startSession(chargePointId, target, request.body as Record<string, unknown> | undefined);
		}
		return this.fromSpec(request);
	}

	/** Subscribe, read and unsubscribe; undefined for the other notification operations (answered from the spec). */
	private notifications(request: TenantRequest, id: string | undefined): TenantReply | undefined {
		if (id === undefined) {
			if (request.method !== 'POST') return undefined;
			const subscription = { ...(request.body as Record<string, unknown>), id: this.nextSubscriptionId++ } as NotificationSubscription;
			this.subscriptions.set(subscription.id, subscription);
			return { status: 201, body: { data: subscription } };
		}
		const subscription = this.subscriptions.get(Number(id));
		if (request.method !== 'GET' && request.method !== 'DELETE') return undefined;
		if (!subscription) return { status: 404, body: { message: 'No query results for model [Notification].' } };
		if (request.method === 'GET') return { status: 200, body: { data: subscription } };
		this.subscriptions.delete(subscription.id);
		return { status: 204 };
	}

	private rows(name: CollectionName): Row[] {
		return this.data[name];
	}

	private find(name: CollectionName, id: string): Row | undefined {
		return this.rows(name).find((row) => String(row.id) === id);
	}

	/** A listing (GET) or a create (POST) in `name`, limited to the rows `scope` accepts; `parent` fields go into created rows. */
	private collection(request: TenantRequest, name: CollectionName, query: QueryTree, scope: (row: Row) => boolean, parent: Record<string, unknown> = {}): Promise<TenantReply> | TenantReply {
		if (request.method === 'POST') return this.create(name, { ...(request.body as Record<string, unknown>), ...parent });
		if (request.method !== 'GET') return this.fromSpec(request);
		const filter = (typeof query.filter === 'object' && !Array.isArray(query.filter) ? query.filter : {}) as QueryTree;
		const rows = this.rows(name)
			.filter(scope)
			.filter((row) => Object.entries(filter).every(([key, value]) => matchesFilter(row, key, value)))
			.sort((a, b) => Number(a.id) - Number(b.id));
		return { status: 200, body: this.page(request, rows, query) };
	}

	/** One page of a listing: cursor paging unless the client asked for a page number. */
	private page(request: TenantRequest, rows: Row[], query: QueryTree): Record<string, unknown> {
		const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number(query.per_page ?? MAX_PER_PAGE) || MAX_PER_PAGE));
		const base = `${request.origin}${request.path}`;
		if (query.page !== undefined) {
			const page = Math.max(1, Number(query.page) || 1);
			const lastPage = Math.max(1, Math.ceil(rows.length / perPage));
			const data = rows.slice((page - 1) * perPage, page * perPage);
			const link = (p: number) => `${base}?page=${p}&per_page=${perPage}`;
			return {
				data,
				links: { first: link(1), last: link(lastPage), prev: page > 1 ? link(page - 1) : null, next: page < lastPage ? link(page + 1) : null },
				meta: { current_page: page, from: data.length ? (page - 1) * perPage + 1 : null, last_page: lastPage, path: base, per_page: perPage, to: data.length ? (page - 1) * perPage + data.length : null, total: rows.length },
			};
		}
		const after = typeof query.cursor === 'string' ? decodeCursor(query.cursor) : undefined;
		const start = after === undefined || Number.isNaN(after) ? 0 : rows.findIndex((row) => Number(row.id) > after);
		const data = start < 0 ? [] : rows.slice(start, start + perPage);
		const more = start >= 0 && start + perPage < rows.length;
		const nextCursor = more ? encodeCursor(Number(data[data.length - 1].id)) : null;
		return {
			data,
			links: { first: null, last: null, prev: null, next: nextCursor ? `${base}?cursor=${nextCursor}&per_page=${perPage}` : null },
			meta: { path: base, per_page: perPage, next_cursor: nextCursor, prev_cursor: null },
		};
	}

	private async record(request: TenantRequest, name: CollectionName, id: string): Promise<TenantReply> {
		const row = this.find(name, id);
		const label = name.replace(/s$/, '').replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
		if (!row) return notFound(label, id);
		switch (request.method) {
			case 'GET':
				// The spec gives a currency without the `data` envelope every other record has.
				return { status: 200, body: name === 'currencies' ? row : { data: row } };
			case 'PUT':
			case 'PATCH':
				Object.assign(row, request.body as object, { lastUpdatedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') });
				return { status: 200, body: { data: row } };
			case 'DELETE':
				this.rows(name).splice(this.rows(name).indexOf(row), 1);
				return { status: 204 };
			default:
				return this.fromSpec(request);
		}
	}

	private create(name: CollectionName, body: Record<string, unknown> = {}): TenantReply {
		const rows = this.rows(name);
		if (name === 'users' && rows.some((row) => row.email === body.email)) {
			// What AMPECO (Laravel) answers for a duplicate: 422 with field errors.
			return { status: 422, body: { message: 'The email has already been taken.', errors: { email: ['The email has already been taken.'] } } };
		}
		const nextId = Math.max(0, ...rows.map((row) => Number(row.id))) + 1;
		const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
		const { password: _secret, ...visible } = body; // never echoed, as by the real API
		const row: Row = { ...visible, id: typeof rows[0]?.id === 'string' ? String(nextId) : nextId, createdAt: now, lastUpdatedAt: now };
		rows.push(row);
		return { status: 201, body: { data: row } };
	}

	private startSession(chargePointId: string, evseId: string, body: Record<string, unknown> = {}): TenantReply {
		const evse = this.find('evses', evseId);
		if (!evse || String(evse.chargePointId) !== chargePointId) return notFound('EVSE', evseId);
		const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
		const sessionId = Math.max(...this.data.sessions.map((s) => Number(s.id))) + 1;
		const authorizationId = 700000 + (sessionId % 100000);
		this.data.sessions.push({
			id: String(sessionId),
			chargePointId: Number(chargePointId),
			evseId: Number(evseId),
			status: 'pending',
			userId: typeof body.userId === 'number' ? body.userId : null,
			authorizationId,
			startedAt: now,
			stoppedAt: null,
			energy: 0,
			energyConsumption: { total: 0, local: 0, grid: 0 },
			billingStatus: 'pending',
			currency: 'EUR',
			lastUpdatedAt: now,
		});
		return { status: 202, body: { success: true, sessionId, authorizationId } };
	}

	private async fromSpec(request: TenantRequest): Promise<TenantReply> {
		const mocker = await this.specMocker();
		const { status, mock } = mocker.mockResponseForOperation(request.operationId);
		if (status === 204) return { status };
		const operation = mocker.router.getOperation(request.operationId);
		const documented = (operation?.responses?.[String(status)] as { content?: unknown } | undefined)?.content;
		if (!documented) return { status };
		// Generated listings must not send the client to example.com for a next page.
		if (mock && typeof mock === 'object' && 'links' in mock) (mock as Record<string, unknown>).links = { first: null, last: null, prev: null, next: null };
		return { status, body: mock };
	}
}
