/**
 * What the mock tenant answers the benchmark, as scripted replies. They must cost next to
 * nothing (the mock shares the two cores with the n8n being measured), so nothing is
 * checked against the spec and records are serialised once: a request costs a string join.
 * The records are the demo tenant's sessions and EVSEs, repeated with new ids.
 *
 *   GET /public-api/resources/sessions/v1.0?per_page=N[&cursor=C]
 *       cursor pages over `records` sessions, as the tenant pages them
 *   GET /public-api/resources/evses/v2.1/{id}
 *       { data: <EVSE> } for any numeric id
 */
import { createDataset } from '../mock-tenant/data';
import type { LoggedRequest, Replies, Reply } from '../mock-tenant/server';
import { decodeCursor, encodeCursor } from '../mock-tenant/tenant';

const SESSIONS = '/public-api/resources/sessions/v1.0';
const EVSE = /^\/public-api\/resources\/evses\/v2\.1\/(\d+)$/;
const FIRST_ID = 100_000;

const json = (text: string): Reply => ({ text, headers: { 'Content-Type': 'application/json' } });

export function benchReplies(records: number): Replies {
	const dataset = createDataset(new Date('2025-06-01T00:00:00Z'));
	const sessionJson = Array.from({ length: records }, (_, i) => JSON.stringify({ ...dataset.sessions[i % dataset.sessions.length], id: String(FIRST_ID + i + 1) }));
	const [evseHead, evseTail] = JSON.stringify({ ...dataset.evses[0], id: 0 }).split('"id":0');

	function sessionsPage(request: LoggedRequest): string {
		const query = new URLSearchParams(request.query);
		const perPage = Math.min(100, Math.max(1, Number(query.get('per_page')) || 15));
		const cursor = query.get('cursor');
		const start = cursor ? decodeCursor(cursor) - FIRST_ID || 0 : 0;
		const end = Math.min(records, start + perPage);
		const base = `http://${request.headers.host}${SESSIONS}`;
		const nextCursor = end < records ? encodeCursor(FIRST_ID + end) : null;
		const links = { first: null, last: null, prev: null, next: nextCursor && `${base}?per_page=${perPage}&cursor=${nextCursor}` };
		const meta = { path: base, per_page: perPage, next_cursor: nextCursor, prev_cursor: null };
		return `{"data":[${sessionJson.slice(start, end).join(',')}],"links":${JSON.stringify(links)},"meta":${JSON.stringify(meta)}}`;
	}

	return (request) => {
		const evse = EVSE.exec(request.path);
		if (request.method === 'GET' && request.path === SESSIONS) return json(sessionsPage(request));
		if (request.method === 'GET' && evse) return json(`{"data":${evseHead}"id":${Number(evse[1])}${evseTail}}`);
		return { status: 404, body: { message: `The route ${request.path} could not be found.` } };
	};
}
