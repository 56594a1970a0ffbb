/** Items run concurrently, bounded, in input order, with Continue On Fail per item. */
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { DEFAULT_CONCURRENCY } from '../nodes/Ampeco/transport/throttle';
import { runAmpeco } from './helpers/run-ampeco';

const GET = { resource: 'evse', operation: 'GET /resources/evses/v2.1/{evse}', evse: '={{ { "__rl": true, "mode": "id", "value": String($json.id) } }}' };

interface Probe {
	url: string;
	maxInFlight: number;
	received: number[];
	/** Requests in flight when each request arrived (itself included). */
	inFlightAtArrival: number[];
	close(): Promise<void>;
}

/** Answers GET /evses/{id} after a delay that varies per id, so answers arrive out of order. */
async function probeServer(options: { fail?: (id: number) => boolean; headers?: (count: number) => Record<string, string> } = {}): Promise<Probe> {
	let inFlight = 0;
	const probe = { maxInFlight: 0, received: [] as number[], inFlightAtArrival: [] as number[] } as Probe;
	const server: Server = createServer((req, res) => {
		const id = Number(req.url!.split('?')[0].split('/').pop());
		probe.received.push(id);
		probe.maxInFlight = Math.max(probe.maxInFlight, ++inFlight);
		probe.inFlightAtArrival.push(inFlight);
		setTimeout(() => {
			inFlight--;
			const headers = { 'Content-Type': 'application/json', ...options.headers?.(probe.received.length) };
			if (options.fail?.(id)) {
				res.writeHead(404, headers);
				res.end(JSON.stringify({ message: `EVSE ${id} not found` }));
			} else {
				res.writeHead(200, headers);
				res.end(JSON.stringify({ data: { id, label: `evse-${id}` } }));
			}
			// Long enough that, on a loaded machine, the first answers do not return before the 20th request is sent.
		}, 25 + ((id * 7) % 13));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	probe.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	probe.close = () => new Promise((resolve) => server.close(() => resolve()));
	return probe;
}

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ json: { id: i + 1 } }));

test(`45 items run ${DEFAULT_CONCURRENCY} at a time by default; output keeps input order and pairing`, async () => {
	const probe = await probeServer();
	try {
		const { items: out, error } = await runAmpeco({ tenantUrl: probe.url, parameters: GET as never, inputItems: items(45) });
		expect(error).toBeUndefined();
		expect(out.map((o) => o.json.id)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
		expect(out.map((o) => o.pairedItem)).toEqual(Array.from({ length: 45 }, (_, i) => ({ item: i })));
		expect(probe.maxInFlight).toBe(DEFAULT_CONCURRENCY);
	} finally {
		await probe.close();
	}
});

test('Concurrency 1 sends one item after another', async () => {
	const probe = await probeServer();
	try {
		const { error } = await runAmpeco({ tenantUrl: probe.url, parameters: { ...GET, requestOptions: { concurrency: 1 } } as never, inputItems: items(8) });
		expect(error).toBeUndefined();
		expect(probe.maxInFlight).toBe(1);
		expect(probe.received).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
	} finally {
		await probe.close();
	}
});

test('Continue On Fail: failed items become error items in their place', async () => {
	const probe = await probeServer({ fail: (id) => id % 5 === 0 });
	try {
		const { items: out, error } = await runAmpeco({ tenantUrl: probe.url, parameters: GET as never, inputItems: items(12), continueOnFail: true });
		expect(error).toBeUndefined();
		expect(out).toHaveLength(12);
		out.forEach((o, i) => {
			expect(o.pairedItem).toEqual({ item: i });
			if ((i + 1) % 5 === 0) expect(o.json.error).toMatch(new RegExp(`HTTP 404: EVSE ${i + 1} not found`));
			else expect(o.json).toEqual({ id: i + 1, label: `evse-${i + 1}` });
		});
	} finally {
		await probe.close();
	}
});

test('without Continue On Fail the first failure stops the run and no later item starts', async () => {
	const probe = await probeServer({ fail: (id) => id === 3 });
	try {
		const { error } = await runAmpeco({ tenantUrl: probe.url, parameters: { ...GET, requestOptions: { concurrency: 2 } } as never, inputItems: items(40) });
		expect(error?.message).toContain('EVSE 3 not found');
		// Items already in flight when item 3 failed may finish; none beyond them is sent.
		expect(Math.max(...probe.received)).toBeLessThanOrEqual(3 + 2);
	} finally {
		await probe.close();
	}
});

test('when AMPECO reports its limit is near, the node slows to one request at a time', async () => {
	const probe = await probeServer({ headers: (count) => ({ 'X-RateLimit-Limit': '6000', 'X-RateLimit-Remaining': String(count < 5 ? 500 : 3) }) });
	try {
		const { error } = await runAmpeco({ tenantUrl: probe.url, parameters: { ...GET, requestOptions: { concurrency: 10 } } as never, inputItems: items(40) });
		expect(error).toBeUndefined();
		// Ten start at once; once answers say 3 requests remain, the rest go one at a time.
		expect(probe.maxInFlight).toBe(10);
		expect(Math.max(...probe.inFlightAtArrival.slice(20))).toBe(1);
	} finally {
		await probe.close();
	}
});
