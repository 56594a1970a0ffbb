/** A local AMPECO stand-in on 127.0.0.1: records every request, answers as the test says. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { text } from 'stream/consumers';
import type { RecordedRequest } from '../../scripts/mock-tenant/openapi-validator';

export interface Reply {
	status?: number;
	body?: unknown;
	/** Raw text instead of JSON. */
	text?: string;
	headers?: Record<string, string>;
}

export type Handler = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

export interface MockAmpeco {
	url: string;
	requests: RecordedRequest[];
	handle(handler: Handler): void;
	close(): Promise<void>;
}

/** Listings get one record and no next page; deletes get 204; everything else one record. */
export const defaultHandler: Handler = (request) => {
	if (request.method === 'DELETE') return { status: 204 };
	return { body: { data: { id: 1 } } };
};

export async function startMockAmpeco(handler: Handler = defaultHandler): Promise<MockAmpeco> {
	let current = handler;
	const requests: RecordedRequest[] = [];
	const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
		const [path, query = ''] = (req.url ?? '/').split('?');
		const recorded: RecordedRequest = { method: req.method ?? 'GET', path, query, headers: req.headers, body: await text(req) };
		requests.push(recorded);
		try {
			const reply = await current(recorded, requests.length - 1);
			const status = reply.status ?? 200;
			if (reply.text !== undefined) {
				res.writeHead(status, { 'Content-Type': 'text/html', ...reply.headers });
				res.end(reply.text);
			} else if (reply.body === undefined) {
				res.writeHead(status, reply.headers);
				res.end();
			} else {
				res.writeHead(status, { 'Content-Type': 'application/json', ...reply.headers });
				res.end(JSON.stringify(reply.body));
			}
		} catch (error) {
			res.writeHead(500, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ message: `mock failure: ${(error as Error).message}` }));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		handle: (next) => (current = next),
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
