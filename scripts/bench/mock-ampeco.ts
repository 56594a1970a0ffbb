/**
 * A lean mock of the two AMPECO endpoints the benchmark calls, on 127.0.0.1 only.
 *
 * Unlike scripts/mock-tenant (which validates every request against the OpenAPI spec,
 * milliseconds of CPU per request), this one must cost next to nothing: it shares the two
 * cores with the n8n being measured. Records are serialised once at start; a request costs
 * a string join and a timer.
 *
 *   GET /public-api/resources/sessions/v1.0?per_page=N[&cursor=C]
 *       cursor pages over `records` sessions, Laravel style: { data, links: { next, … }, meta }
 *   GET /public-api/resources/evses/v2.1/{id}
 *       { data: <EVSE> } for any numeric id
 *
 * Every answer waits `latencyMs` first (a tenant's network + server time). An optional
 * fixed-window rate limit answers 429 beyond `limit` requests per window, with Retry-After
 * and X-RateLimit-Reset, and sends X-RateLimit-Limit / X-RateLimit-Remaining on every
 * answer, as AMPECO (Laravel) does. Counters say what each execution did: requests, 429s,
 * the most requests in flight at once and the busiest window.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { createDataset } from '../mock-tenant/data';

export interface RateLimit {
	/** Requests allowed per window. */
	limit: number;
	windowMs: number;
}

export interface MockOptions {
	token: string;
	/** Delay before every answer. */
	latencyMs: number;
	/** Sessions served by the listing. */
	records: number;
	rateLimit?: RateLimit;
}

export interface MockCounters {
	requests: number;
	byStatus: Record<number, number>;
	tooManyRequests: number;
	maxInFlight: number;
	/** Most requests accepted in one rate-limit window (when a limit is set). */
	busiestWindow: number;
	firstAt?: number;
	lastAt?: number;
}

export interface MockAmpeco {
	/** http://127.0.0.1:<port> */
	url: string;
	records: number;
	counters: MockCounters;
	/** Zeroes the counters and the rate-limit window (between executions). */
	reset(): void;
	setLatency(ms: number): void;
	setRateLimit(limit: RateLimit | undefined): void;
	close(): Promise<void>;
}

const SESSIONS = '/public-api/resources/sessions/v1.0';
const EVSE = /^\/public-api\/resources\/evses\/v2\.1\/(\d+)$/;

function freshCounters(): MockCounters {
	return { requests: 0, byStatus: {}, tooManyRequests: 0, maxInFlight: 0, busiestWindow: 0 };
}

const encodeCursor = (lastId: number) => Buffer.from(JSON.stringify({ id: lastId, _pointsToNextItems: true })).toString('base64url');

function decodeCursor(cursor: string | null): number {
	if (!cursor) return 0;
	try {
		return Number(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')).id) || 0;
	} catch {
		return 0;
	}
}

export async function startMockAmpeco(options: MockOptions): Promise<MockAmpeco> {
	// Realistic record shapes: the demo tenant's sessions and EVSEs, repeated with new ids.
	const dataset = createDataset(new Date('2025-06-01T00:00:00Z'));
	const sessionJson: string[] = [];
	for (let i = 0; i < options.records; i++) {
		const template = dataset.sessions[i % dataset.sessions.length];
		sessionJson.push(JSON.stringify({ ...template, id: String(100000 + i + 1) }));
	}
	const evseTemplate = JSON.stringify({ ...dataset.evses[0], id: 0 });
	const [evseHead, evseTail] = evseTemplate.split('"id":0');

	let latencyMs = options.latencyMs;
	let rateLimit = options.rateLimit;
	let counters = freshCounters();
	let inFlight = 0;
	let windowStart = 0;
	let windowCount = 0;

	function rateLimitHeaders(now: number): { allowed: boolean; headers: Record<string, string> } {
		if (!rateLimit) return { allowed: true, headers: {} };
		if (now - windowStart >= rateLimit.windowMs) {
			windowStart = now;
			windowCount = 0;
		}
		const allowed = windowCount < rateLimit.limit;
		if (allowed) windowCount++;
		counters.busiestWindow = Math.max(counters.busiestWindow, windowCount);
		const resetMs = windowStart + rateLimit.windowMs;
		const headers: Record<string, string> = {
			'X-RateLimit-Limit': String(rateLimit.limit),
			'X-RateLimit-Remaining': String(Math.max(0, rateLimit.limit - windowCount)),
		};
		if (!allowed) {
			headers['Retry-After'] = String(Math.max(1, Math.ceil((resetMs - now) / 1000)));
			headers['X-RateLimit-Reset'] = String(Math.ceil(resetMs / 1000));
		}
		return { allowed, headers };
	}

	function sessionsPage(req: IncomingMessage, url: URL): string {
		const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page')) || 15));
		const after = decodeCursor(url.searchParams.get('cursor'));
		const start = after ? after - 100000 : 0;
		const end = Math.min(sessionJson.length, start + perPage);
		const origin = `http://${req.headers.host}`;
		const next = end < sessionJson.length ? `${origin}${SESSIONS}?per_page=${perPage}&cursor=${encodeCursor(100000 + end)}` : null;
		const links = { first: null, last: null, prev: null, next };
		const meta = { path: `${origin}${SESSIONS}`, per_page: perPage, next_cursor: next ? encodeCursor(100000 + end) : null, prev_cursor: null };
		return `{"data":[${sessionJson.slice(start, end).join(',')}],"links":${JSON.stringify(links)},"meta":${JSON.stringify(meta)}}`;
	}

	function answer(req: IncomingMessage): { status: number; body: string; headers: Record<string, string> } {
		counters.requests++;
		const now = Date.now();
		counters.firstAt ??= now;
		counters.lastAt = now;
		if (req.headers.authorization !== `Bearer ${options.token}`) return { status: 401, body: '{"message":"Unauthenticated."}', headers: {} };
		const limited = rateLimitHeaders(now);
		if (!limited.allowed) return { status: 429, body: '{"message":"Too Many Attempts."}', headers: limited.headers };
		const url = new URL(req.url ?? '/', 'http://mock');
		if (req.method === 'GET' && url.pathname === SESSIONS) return { status: 200, body: sessionsPage(req, url), headers: limited.headers };
		const evse = req.method === 'GET' ? EVSE.exec(url.pathname) : null;
		if (evse) return { status: 200, body: `{"data":${evseHead}"id":${Number(evse[1])}${evseTail}}`, headers: limited.headers };
		return { status: 404, body: `{"message":"The route ${url.pathname} could not be found."}`, headers: limited.headers };
	}

	const handler = (req: IncomingMessage, res: ServerResponse) => {
		inFlight++;
		counters.maxInFlight = Math.max(counters.maxInFlight, inFlight);
		req.resume(); // no request body is read
		// The rate limit counts a request when it arrives (as Laravel's middleware does), the answer leaves after the latency.
		const reply = answer(req);
		counters.byStatus[reply.status] = (counters.byStatus[reply.status] ?? 0) + 1;
		if (reply.status === 429) counters.tooManyRequests++;
		setTimeout(() => {
			inFlight--;
			res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
			res.end(reply.body);
		}, latencyMs);
	};

	const server: Server = createServer(handler);
	// Many sockets at once (a node on defaults may open one per item).
	server.maxConnections = 10_000;
	server.keepAliveTimeout = 30_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		records: options.records,
		get counters() {
			return counters;
		},
		reset() {
			counters = freshCounters();
			windowStart = 0;
			windowCount = 0;
		},
		setLatency(ms) {
			latencyMs = ms;
		},
		setRateLimit(limit) {
			rateLimit = limit;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
