/**
 * Deliveries as AMPECO makes them, to the trigger's webhook() as n8n hands it the HTTP
 * request (raw body on req.rawBody, parsed JSON on req.body), and what the workflow gets.
 */
import { createHmac } from 'crypto';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import {
	TRIGGER_NAME,
	createTriggerWorkflow,
	deliver,
	itemsOf,
	startWebhookEndpoint,
	type WebhookEndpoint,
} from './helpers/trigger-harness';
import { SESSION_STOPPED } from './helpers/payloads';

const TOKEN = 'tok_TRIGGER_5f2a9c';
const EVENTS = ['session.start.stop.notification', 'evse.changed'];

/**
 * The exact bytes sent: not how JSON.stringify would write them (spacing, key order, an
 * escaped "é"), so only a check over the raw body can succeed.
 */
function rawOf(payload: IDataObject): string {
	const entries = Object.entries(payload).map(([k, v]) => `  "${k}" : ${JSON.stringify(v)}`);
	return `{\n${entries.join(',\n')},\n  "externalAppData" : {"note": "caf\\u00e9"}\n}\n`;
}

function hmac(raw: string, token = TOKEN): Buffer {
	return createHmac('sha256', token).update(raw).digest();
}

/** AMPECO's documented format: ISO-8601, UTC, microseconds. */
function isoMicro(at = new Date()): string {
	return at.toISOString().replace('Z', '123Z');
}

function headersFor(raw: string, overrides: Record<string, string | undefined> = {}): Record<string, string> {
	const headers: Record<string, string | undefined> = {
		'X-Signature': hmac(raw).toString('hex'),
		'X-Timestamp': isoMicro(),
		'X-Tenant': 'tenant-42',
		'X-Webhook-Id': '100',
		'X-Webhook-Type': 'session.start.stop.notification',
		...overrides,
	};
	return Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

let endpoint: WebhookEndpoint;

async function listen(parameters: INodeParameters = { events: EVENTS }) {
	const t = createTriggerWorkflow({ tenantUrl: 'cp.example.com', apiToken: TOKEN, parameters });
	endpoint = await startWebhookEndpoint(t);
	return t;
}

afterEach(async () => {
	await endpoint?.close();
});

test('a signed notification starts one execution: one item with the body, "event" and "delivery"', async () => {
	await listen();
	const raw = rawOf(SESSION_STOPPED);
	expect(JSON.stringify(JSON.parse(raw))).not.toBe(raw.trim());
	const timestamp = isoMicro();

	const response = await deliver(endpoint, raw, headersFor(raw, { 'X-Timestamp': timestamp }));

	expect(response).toEqual({ status: 200, body: { message: 'Workflow was started' } });
	expect(endpoint.executions).toHaveLength(1);
	const run = endpoint.executions[0];
	expect(run.data.resultData.error).toBeUndefined();
	const { trigger, capture } = itemsOf(run);
	const expected = {
		...SESSION_STOPPED,
		externalAppData: { note: 'café' },
		event: 'session.start.stop.notification',
		delivery: { webhookId: '100', type: 'session.start.stop.notification', tenant: 'tenant-42', timestamp, signatureVerified: true },
	};
	expect(trigger.map((i) => i.json)).toEqual([expected]);
	expect(capture.map((i) => i.json)).toEqual([expected]);
});

test.each([
	['hex, upper case', (raw: string) => hmac(raw).toString('hex').toUpperCase()],
	['base64', (raw: string) => hmac(raw).toString('base64')],
	['base64url without padding', (raw: string) => hmac(raw).toString('base64url')],
])('the signature is accepted as %s', async (_label, encode) => {
	await listen();
	const raw = rawOf(SESSION_STOPPED);
	const response = await deliver(endpoint, raw, headersFor(raw, { 'X-Signature': encode(raw) }));
	expect(response.status).toBe(200);
	expect(endpoint.executions).toHaveLength(1);
});

test('an event that is not selected is acknowledged with 200 and starts nothing', async () => {
	await listen({ events: ['evse.changed'] });
	const raw = rawOf(SESSION_STOPPED);
	const response = await deliver(endpoint, raw, headersFor(raw));
	expect(response.status).toBe(200);
	expect(response.body).toEqual({ message: expect.stringContaining('not selected') });
	expect(endpoint.executions).toHaveLength(0);
});

test('the event name comes from the signed body, not from the unsigned X-Webhook-Type header', async () => {
	await listen({ events: ['evse.changed'] });
	const raw = rawOf(SESSION_STOPPED);
	const response = await deliver(endpoint, raw, headersFor(raw, { 'X-Webhook-Type': 'evse.changed' }));
	expect(response.status).toBe(200);
	expect(endpoint.executions).toHaveLength(0);
});

describe('verification failures answer 401 and start nothing', () => {
	const raw = rawOf(SESSION_STOPPED);
	test.each([
		['a wrong signature (another token)', raw, () => headersFor(raw, { 'X-Signature': hmac(raw, 'tok_OTHER').toString('hex') })],
		['a missing signature', raw, () => headersFor(raw, { 'X-Signature': undefined })],
		['an empty signature', raw, () => headersFor(raw, { 'X-Signature': '' })],
		['a signature that is no digest', raw, () => headersFor(raw, { 'X-Signature': 'not-a-signature' })],
		['a body altered after signing', raw.replace('18250', '1'), () => headersFor(raw)],
		['a body re-serialised after signing', JSON.stringify(JSON.parse(raw)), () => headersFor(raw)],
		['a timestamp outside the tolerance', raw, () => headersFor(raw, { 'X-Timestamp': isoMicro(new Date(Date.now() - 301_000)) })],
		['a missing timestamp', raw, () => headersFor(raw, { 'X-Timestamp': undefined })],
		['a timestamp that is no date', raw, () => headersFor(raw, { 'X-Timestamp': 'yesterday' })],
	])('%s', async (_label, sent, headers) => {
		await listen();
		const response = await deliver(endpoint, sent, headers());
		expect(response.status).toBe(401);
		expect(response.body).toEqual({ message: expect.any(String) });
		expect(endpoint.executions).toHaveLength(0);
		expect(endpoint.results).toEqual([{ noWebhookResponse: true }]);
	});
});

test('the timestamp is read as epoch seconds or milliseconds too', async () => {
	await listen();
	const raw = rawOf(SESSION_STOPPED);
	expect((await deliver(endpoint, raw, headersFor(raw, { 'X-Timestamp': String(Math.floor(Date.now() / 1000)) }))).status).toBe(200);
	expect((await deliver(endpoint, raw, headersFor(raw, { 'X-Timestamp': String(Date.now()) }))).status).toBe(200);
	expect(endpoint.executions).toHaveLength(2);
});

test('tolerance 0 turns the timestamp check off; the signature is still checked', async () => {
	await listen({ events: EVENTS, options: { timestampTolerance: 0 } });
	const raw = rawOf(SESSION_STOPPED);
	expect((await deliver(endpoint, raw, headersFor(raw, { 'X-Timestamp': '2020-01-01T00:00:00.000000Z' }))).status).toBe(200);
	expect((await deliver(endpoint, raw, headersFor(raw, { 'X-Signature': undefined }))).status).toBe(401);
	expect(endpoint.executions).toHaveLength(1);
});

test('with verification switched off, unsigned deliveries start the workflow and say so', async () => {
	await listen({ events: EVENTS, verifySignature: false });
	const raw = rawOf(SESSION_STOPPED);
	const response = await deliver(endpoint, raw, headersFor(raw, { 'X-Signature': undefined }));
	expect(response.status).toBe(200);
	expect(itemsOf(endpoint.executions[0]).capture[0].json.delivery).toMatchObject({ signatureVerified: false });
});

test('a signed body that is not a JSON object is refused with 400', async () => {
	await listen();
	const raw = '[1, 2, 3]';
	const response = await deliver(endpoint, raw, headersFor(raw));
	expect(response.status).toBe(400);
	expect(endpoint.executions).toHaveLength(0);
});

test('deliveries need nothing in memory: a workflow rebuilt from its saved parameters (a restart) accepts them', async () => {
	const before = await listen();
	await endpoint.close();
	const afterRestart = await listen(before.node.parameters);
	expect(afterRestart).not.toBe(before);
	const raw = rawOf({ notification: 'evse.changed', evseId: 62, action: 'updated', lastUpdatedAt: '2024-05-01T09:12:31Z' });
	const response = await deliver(endpoint, raw, headersFor(raw, { 'X-Webhook-Type': 'evse.changed' }));
	expect(response.status).toBe(200);
	expect(itemsOf(endpoint.executions[0]).capture[0].json).toMatchObject({ event: 'evse.changed', evseId: 62 });
	expect(endpoint.executions[0].data.resultData.runData[TRIGGER_NAME]).toHaveLength(1);
});
