/**
 * The mock AMPECO tenant as an HTTP server on this machine (loopback only). Every request
 * is checked against openapi-3.110.0.json by the same validator the jest suite uses
 * (openapi-backend/AJV); a request that does not conform is answered 422 and recorded as
 * a violation, so a demo shows it and the e2e suite fails on it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { text } from 'stream/consumers';
import { validateRequest, withoutOverlappingAlternatives } from './openapi-validator';
import { MockTenant } from './tenant';

export interface LoggedRequest {
	method: string;
	path: string;
	query: string;
	headers: Record<string, string | string[] | undefined>;
	/** Raw body text; '' when none was sent. */
	body: string;
	status: number;
	operationId?: string;
	/** Spec violations of this request; empty when it conforms. */
	violations: string[];
	receivedAt: string;
	/** Local address and client port: which listener (IPv4/IPv6) and connection it came on. */
	via: string;
}

export interface MockTenantServer {
	/** http://localhost:<port> — what a credential's Tenant URL should say. */
	url: string;
	port: number;
	tenant: MockTenant;
	requests: LoggedRequest[];
	/** Requests with violations, over the server's lifetime. */
	violations(): LoggedRequest[];
	close(): Promise<void>;
}

export interface MockTenantOptions {
	/** 0 picks a free port. */
	port?: number;
	/** When set, only this bearer token is accepted; otherwise any non-empty one. */
	token?: string;
	/** Called once per request, e.g. to print a log line. */
	onRequest?: (request: LoggedRequest) => void;
}

const UNKNOWN_QUERY_PARAMETER = /^\/query must NOT have additional properties/;

/**
 * The spec uses formats AJV does not know (date-time, uri, ...); the validator tolerates
 * them and AJV warns once per schema, thousands of lines. Those warnings only are dropped.
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

function send(res: ServerResponse, status: number, body?: unknown): void {
	if (body === undefined) {
		res.writeHead(status);
		res.end();
		return;
	}
	res.writeHead(status, { 'Content-Type': 'application/json' });
	res.end(JSON.stringify(body));
}

/** One line per request for a terminal: what was called, the answer, and any spec violation. */
export function logLine(request: LoggedRequest): string {
	const verdict = request.violations.length ? `SPEC VIOLATION\n    ${request.violations.join('\n    ')}` : (request.operationId ?? '');
	return `[mock tenant] ${request.method} ${request.path}${request.query ? `?${decodeURIComponent(request.query)}` : ''} → ${request.status} ${verdict}`;
}

export async function startMockTenant(options: MockTenantOptions = {}): Promise<MockTenantServer> {
	void warmUpValidator();
	const tenant = new MockTenant();
	const requests: LoggedRequest[] = [];

	async function answer(req: IncomingMessage, raw: string, logged: LoggedRequest): Promise<{ status: number; body?: unknown }> {
		const auth = String(req.headers.authorization ?? '');
		const token = /^Bearer (.+)$/.exec(auth)?.[1];
		if (!token || (options.token !== undefined && token !== options.token)) return { status: 401, body: { message: 'Unauthenticated.' } };

		const verdict = await validateRequest(logged);
		logged.operationId = verdict.operationId;
		logged.violations = verdict.operationId ? withoutOverlappingAlternatives(verdict) : verdict.errors;
		if (!verdict.operationId) return { status: 404, body: { message: `The route ${logged.path.replace(/^\//, '')} could not be found.` } };
		// Laravel ignores query parameters it does not know, so the real API answers such a request;
		// it is still recorded as a violation (the e2e suite fails on it). Anything else is refused as AMPECO would.
		if (logged.violations.some((v) => !UNKNOWN_QUERY_PARAMETER.test(v))) {
			return { status: 422, body: { message: 'The request does not match the AMPECO OpenAPI spec (mock tenant).', errors: { request: logged.violations } } };
		}
		let body: unknown;
		try {
			body = raw ? JSON.parse(raw) : undefined;
		} catch {
			body = undefined; // the validator already reported it
		}
		const host = String(req.headers.host ?? `localhost:${port}`);
		return tenant.handle({ method: logged.method, path: logged.path, query: logged.query, body, origin: `http://${host}`, operationId: verdict.operationId });
	}

	const handler = async (req: IncomingMessage, res: ServerResponse) => {
		const [path, query = ''] = (req.url ?? '/').split('?');
		// Logged on arrival, before any await, so the log keeps the order requests came in.
		const logged: LoggedRequest = { method: req.method ?? 'GET', path, query, headers: req.headers, body: '', status: 0, violations: [], receivedAt: new Date().toISOString(), via: `${req.socket.localAddress}:${req.socket.remotePort}` };
		requests.push(logged);
		const raw = await text(req);
		logged.body = raw;
		let reply: { status: number; body?: unknown };
		try {
			reply = await answer(req, raw, logged);
		} catch (error) {
			reply = { status: 500, body: { message: `mock tenant failure: ${(error as Error).message}` } };
			logged.violations.push(`mock tenant failure: ${(error as Error).stack}`);
		}
		logged.status = reply.status;
		options.onRequest?.(logged);
		send(res, reply.status, reply.body);
	};

	// Listen on IPv4 and, when the machine has it, IPv6 loopback: "localhost" may resolve to either.
	const servers: Server[] = [];
	const listen = (host: string, wanted: number) =>
		new Promise<number>((resolve, reject) => {
			const server = createServer((req, res) => void handler(req, res));
			server.once('error', reject);
			server.listen(wanted, host, () => {
				servers.push(server);
				resolve((server.address() as AddressInfo).port);
			});
		});
	const port = await listen('127.0.0.1', options.port ?? 0);
	await listen('::1', port).catch(() => undefined);

	return {
		url: `http://localhost:${port}`,
		port,
		tenant,
		requests,
		violations: () => requests.filter((r) => r.violations.length > 0),
		close: () => Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))).then(() => undefined),
	};
}
