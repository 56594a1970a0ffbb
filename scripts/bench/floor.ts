/**
 * The floor of the listing job: the same cursor pages fetched one after another by a bare
 * Node.js client (keep-alive, JSON.parse, nothing else), from the bench process. A cursor
 * exists only in the previous answer, so no node can go below this; its ratio to HTTP
 * Request's time is the lowest ratio any node could reach on this machine.
 */
import { Agent, get, type IncomingMessage } from 'http';
import { json } from 'stream/consumers';
import { median } from './statistics';

async function fetchJson(url: string, token: string, agent: Agent): Promise<{ links?: { next?: string | null }; data?: unknown[] }> {
	const res = await new Promise<IncomingMessage>((resolve, reject) => {
		get(url, { agent, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } }, resolve).on('error', reject);
	});
	return (await json(res)) as { links?: { next?: string | null }; data?: unknown[] };
}

/** Median time of `rounds` sequential walks through the listing at `firstUrl`; records counted to check the walk. */
export async function sequentialPagesFloor(firstUrl: string, token: string, rounds: number): Promise<{ ms: number; records: number; pages: number }> {
	const agent = new Agent({ keepAlive: true });
	const times: number[] = [];
	let records = 0;
	let pages = 0;
	try {
		for (let round = 0; round < rounds; round++) {
			records = 0;
			pages = 0;
			const started = process.hrtime.bigint();
			for (let url: string | null | undefined = firstUrl; url; ) {
				const page = await fetchJson(url, token, agent);
				records += page.data?.length ?? 0;
				pages++;
				url = page.links?.next;
			}
			times.push(Number(process.hrtime.bigint() - started) / 1e6);
		}
	} finally {
		agent.destroy();
	}
	return { ms: median(times), records, pages };
}
