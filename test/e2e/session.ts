/**
 * A running `n8n start` with its owner account set up through the REST API and a login
 * cookie: what the checks that need the server (type lists, the AMPECO Trigger) share.
 */
import { randomBytes } from 'crypto';
import { startN8n, type N8nInstance, type RunningN8n } from '../../scripts/n8n/n8n-cli';

export interface N8nSession {
	server: RunningN8n;
	/** http://127.0.0.1:<port>: n8n listens on IPv4 loopback only. */
	base: string;
	/** fetch against `base` with the session cookie; throws on a non-2xx answer unless `allow` lists it. */
	rest<T = any>(method: string, path: string, body?: unknown, allow?: number[]): Promise<{ status: number; body: T }>;
	stop(): Promise<void>;
}

export async function openSession(instance: N8nInstance): Promise<N8nSession> {
	const server = await startN8n(instance, { listenAddress: '127.0.0.1' });
	try {
		const base = server.url.replace('localhost', '127.0.0.1');
		const headers = { 'browser-id': 'e2e', 'content-type': 'application/json' };
		const setup = await fetch(`${base}/rest/owner/setup`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ email: 'e2e@example.com', firstName: 'End', lastName: 'ToEnd', password: `E2e-${randomBytes(8).toString('hex')}` }),
		});
		if (!setup.ok) throw new Error(`POST /rest/owner/setup answered ${setup.status}: ${await setup.text()}`);
		const cookie = setup.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
		return {
			server,
			base,
			async rest(method, path, body, allow = []) {
				const response = await fetch(`${base}${path}`, { method, headers: { ...headers, cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
				const text = await response.text();
				if (!response.ok && !allow.includes(response.status)) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
				let parsed: unknown = text;
				try {
					parsed = text ? JSON.parse(text) : undefined;
				} catch {
					// not JSON: kept as text
				}
				return { status: response.status, body: parsed as any };
			},
			stop: () => server.stop(),
		};
	} catch (error) {
		await server.stop();
		throw error;
	}
}
