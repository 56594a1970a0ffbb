/**
 * The mock AMPECO tenant as an HTTP server on loopback: the one the jest suite, the e2e
 * suite, the demo and the benchmark all use. A request goes through, in order:
 *
 * 1. `token`: when set, any other bearer token is answered 401. Without it, a tenant
 *    accepts any bearer token but wants one; scripted replies need none.
 * 2. `rateLimit`: AMPECO's fixed window (./rate-limit.ts), counted on arrival.
 * 3. `validate` (on unless scripted replies answer): the request is checked against
 *    openapi-3.110.0.json (openapi-backend/AJV); what does not conform is recorded as a
 *    violation on the logged request, so a demo shows it and a suite fails on it.
 * 4. `replies`: a test's or the benchmark's own answers, faults included (a reset
 *    connection, no answer, a delay). A request they leave (undefined) goes on to
 * 5. the tenant: a request that does not conform is refused 422 as AMPECO would, the rest
 *    is answered by ./tenant.ts (an in-memory dataset, and the spec's documented answers).
 *
 * Every answer leaves `latencyMs` (or the reply's own `delayMs`) after it was decided.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { text } from 'stream/consumers';
import { setTimeout as sleep } from 'timers/promises';
import { validateRequest, withoutOverlappingAlternatives, type RecordedRequest } from './openapi-validator';
import { fixedWindow, type Admission, type RateLimit } from './rate-limit';
import { MockTenant } from './tenant';

export interface LoggedRequest extends RecordedRequest {
	/** The status answered; 0 until then, and for a fault. */
	status: number;
	operationId?: string;
	/** Spec violations of this request; empty when it conforms or was not checked. */
	violations: string[];
	receivedAt: string;
	/** Local address and client port: which listener (IPv4/IPv6) and connection it came on. */
	via: string;
	/** Requests in flight when this one arrived, itself included. */
	inFlight: number;
}

export interface Reply {
	/** 200 unless given. */
	status?: number;
	/** Sent as JSON. */
	body?: unknown;
	/** Sent as it is (text/html unless the headers say otherwise). */
	text?: string;
	headers?: Record<string, string>;
	/** Instead of the server's latency. */
	delayMs?: number;
	/** reset: the connection is destroyed; hang: no answer ever comes. */
	fault?: 'reset' | 'hang';
}

/** Scripted answers; undefined leaves the request to the tenant. `index` counts requests since the start or the last reset(). */
export type Replies = (request: LoggedRequest, index: number) => Reply | undefined | Promise<Reply | undefined>;

export interface MockTenantOptions {
	/** 0 (the default) picks a free port. */
	port?: number;
	/** The name in `url`; 'localhost' also listens on the IPv6 loopback, where that name may resolve. */
	host?: 'localhost' | '127.0.0.1';
	token?: string;
	replies?: Replies;
	validate?: boolean;
	latencyMs?: number;
	rateLimit?: RateLimit;
	/** Called once per answered request, e.g. to print a log line. */
	onRequest?: (request: LoggedRequest) => void;
}

export interface Counters {
	requests: number;
	byStatus: Record<number, number>;
	tooManyRequests: number;
	maxInFlight: number;
}

export interface MockTenantServer {
	/** http://<host>:<port>: what a credential's Tenant URL should say. */
	url: string;
	port: number;
	tenant: MockTenant;
	/** Every request, in the order they arrived. */
	requests: LoggedRequest[];
	/** Requests with violations. */
	violations(): LoggedRequest[];
	/** What the logged requests add up to. */
	counters(): Counters;
	/** Replaces the scripted replies. */
	handle(replies: Replies | undefined): void;
	setRateLimit(limit: RateLimit | undefined): void;
	/** Empties the log and starts a new rate-limit window (between a benchmark's executions). */
	reset(): void;
	close(): Promise<void>;
}

/** Scripted replies for the first requests in turn, then `then` for every later one (undefined: the tenant's answer). */
export function inTurn(first: Array<Reply | undefined>, then?: Reply): Replies {
	let calls = 0;
	return () => {
		const index = calls++;
		return index < first.length ? first[index] : then;
	};
}

/** One line per request for a terminal: what was called, the answer, and any spec violation. */
export function logLine(request: LoggedRequest): string {
	const verdict = request.violations.length ? `SPEC VIOLATION\n    ${request.violations.join('\n    ')}` : (request.operationId ?? '');
	return `[mock tenant] ${request.method} ${request.path}${request.query ? `?${decodeURIComponent(request.query)}` : ''} → ${request.status} ${verdict}`;
}

const UNKNOWN_QUERY_PARAMETER = /^\/query must NOT have additional properties/;

/**
 * The spec uses formats AJV does not know; the validator tolerates them and AJV warns once
 * per schema, thousands of lines. Those warnings only are dropped.
 */
let quiet = false;
function quietUnknownFormatWarnings(): void {
	if (quiet) return;
	quiet = true;
	const warn = console.warn;
	console.warn = (...args: unknown[]) => {
		if (typeof args[0] === 'string' && args[0].startsWith('unknown format "')) return;
		warn(...args);
	};
}

let warm: Promise<unknown> | undefined;
/**
 * The validator loads and dereferences the spec on its first use (seconds on two cores):
 * starting that early keeps the first request of a demo or test from waiting.
 */
export function warmUpValidator(): Promise<unknown> {
	quietUnknownFormatWarnings();
	warm ??= validateRequest({ method: 'GET', path: '/public-api/resources/currencies/v2.0', query: '', headers: {}, body: '' });
	return warm;
}

async function check(request: LoggedRequest): Promise<string | undefined> {
	const verdict = await validateRequest(request);
	request.operationId = verdict.operationId;
	request.violations = verdict.operationId ? withoutOverlappingAlternatives(verdict) : verdict.errors;
	return verdict.operationId;
}

function bearerToken(req: IncomingMessage): string | undefined {
	return /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
}

function send(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string>): void {
	const headers = { ...extraHeaders, ...reply.headers };
	const status = reply.status ?? 200;
	if (reply.text !== undefined) {
		res.writeHead(status, { 'Content-Type': 'text/html', ...headers });
		res.end(reply.text);
	} else if (reply.body === undefined) {
		res.writeHead(status, headers);
		res.end();
	} else {
		res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
		res.end(JSON.stringify(reply.body));
	}
}

export async function startMockTenant(options: MockTenantOptions = {}): Promise<MockTenantServer> {
	const tenant = new MockTenant();
	const requests: LoggedRequest[] = [];
	let replies = options.replies;
	let rateLimit = options.rateLimit;
	let limiter = rateLimit && fixedWindow(rateLimit);
	let inFlight = 0;
	const validating = () => options.validate ?? !replies;
	if (validating()) void warmUpValidator();

	function refusal(req: IncomingMessage, admission: Admission | undefined): Reply | undefined {
		const token = bearerToken(req);
		const unauthorized = options.token !== undefined ? token !== options.token : !replies && !token;
		if (unauthorized) return { status: 401, body: { message: 'Unauthenticated.' } };
		if (admission && !admission.allowed) return { status: 429, body: { message: 'Too Many Attempts.' } };
		return undefined;
	}

	async function fromTenant(logged: LoggedRequest, origin: string, checked: boolean): Promise<Reply> {
		const operationId = checked ? logged.operationId : await check(logged);
		if (!operationId) return { status: 404, body: { message: `The route ${logged.path.replace(/^\//, '')} could not be found.` } };
		// Laravel ignores query parameters it does not know, so the real API answers such a request;
		// it is still recorded as a violation. Anything else is refused as AMPECO would.
		if (logged.violations.some((v) => !UNKNOWN_QUERY_PARAMETER.test(v))) {
			return { status: 422, body: { message: 'The request does not match the AMPECO OpenAPI spec (mock tenant).', errors: { request: logged.violations } } };
		}
		let body: unknown;
		try {
			body = logged.body ? JSON.parse(logged.body) : undefined;
		} catch {
			body = undefined; // the validator already reported it
		}
		return tenant.handle({ method: logged.method, path: logged.path, query: logged.query, body, origin, operationId });
	}

	async function answer(req: IncomingMessage, logged: LoggedRequest, index: number): Promise<Reply> {
		logged.body = await text(req);
		const checked = validating();
		if (checked) await check(logged);
		const scripted = await replies?.(logged, index);
		return scripted ?? fromTenant(logged, `http://${req.headers.host ?? `localhost:${port}`}`, checked);
	}

	async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const [path, query = ''] = (req.url ?? '/').split('?');
		// Logged and counted on arrival, before any await: the log and the rate limit keep the order requests came in.
		const logged: LoggedRequest = {
			method: req.method ?? 'GET',
			path,
			query,
			headers: req.headers,
			body: '',
			status: 0,
			violations: [],
			receivedAt: new Date().toISOString(),
			via: `${req.socket.localAddress}:${req.socket.remotePort}`,
			inFlight: ++inFlight,
		};
		const index = requests.push(logged) - 1;
		const admission = limiter?.(Date.now());
		let reply: Reply;
		try {
			reply = refusal(req, admission) ?? (await answer(req, logged, index));
		} catch (error) {
			reply = { status: 500, body: { message: `mock tenant failure: ${(error as Error).message}` } };
			logged.violations.push(`mock tenant failure: ${(error as Error).stack}`);
		}
		if (reply.fault === 'hang') return;
		const delay = reply.delayMs ?? options.latencyMs ?? 0;
		if (delay > 0) await sleep(delay);
		inFlight--;
		if (reply.fault === 'reset') {
			req.socket.destroy();
			return;
		}
		logged.status = reply.status ?? 200;
		options.onRequest?.(logged);
		send(res, reply, admission?.headers ?? {});
	}

	const servers: Server[] = [];
	const listen = (host: string, wanted: number) =>
		new Promise<number>((resolve, reject) => {
			const server = createServer((req, res) => void handler(req, res));
			// Clients that keep connections alive (n8n, the benchmark's floor) reuse them across a whole run.
			server.keepAliveTimeout = 30_000;
			server.once('error', reject);
			server.listen(wanted, host, () => {
				servers.push(server);
				resolve((server.address() as AddressInfo).port);
			});
		});
	const host = options.host ?? '127.0.0.1';
	const port = await listen('127.0.0.1', options.port ?? 0);
	if (host === 'localhost') await listen('::1', port).catch(() => undefined);

	return {
		url: `http://${host}:${port}`,
		port,
		tenant,
		requests,
		violations: () => requests.filter((r) => r.violations.length > 0),
		counters() {
			const byStatus: Record<number, number> = {};
			let maxInFlight = 0;
			for (const r of requests) {
				byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
				maxInFlight = Math.max(maxInFlight, r.inFlight);
			}
			return { requests: requests.length, byStatus, tooManyRequests: byStatus[429] ?? 0, maxInFlight };
		},
		handle: (next) => (replies = next),
		setRateLimit(limit) {
			rateLimit = limit;
			limiter = limit && fixedWindow(limit);
		},
		reset() {
			requests.length = 0;
			limiter = rateLimit && fixedWindow(rateLimit);
		},
		close: () =>
			Promise.all(
				servers.map(
					(server) =>
						new Promise<void>((resolve) => {
							server.closeAllConnections();
							server.close(() => resolve());
						}),
				),
			).then(() => undefined),
	};
}
