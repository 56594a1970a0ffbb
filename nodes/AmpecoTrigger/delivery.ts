/**
 * One notification delivery → at most one item. Verified first (signature, then timestamp),
 * then filtered by the selected events. A rejected delivery is answered here (401/400) and
 * starts nothing; an unselected event is acknowledged (200) and starts nothing.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { CREDENTIAL_NAME } from '../shared/transport/request';
import { DEFAULT_TIMESTAMP_TOLERANCE, DELIVERY_KEY, EVENT_KEY, PARAM } from './properties';
import { FAILURE_MESSAGES, checkSignature, checkTimestamp, type CheckFailure, type HeaderValue } from './signature';

type WebhookRequest = ReturnType<IWebhookFunctions['getRequestObject']>;

/**
 * The bytes AMPECO signed. n8n reads the body into `req.rawBody` (a Buffer) before it
 * parses it, for webhooks of version-1 nodes whatever the content type; `readRawBody`
 * fills it where it has not happened yet.
 */
async function rawBodyOf(req: WebhookRequest): Promise<Buffer | undefined> {
	const r = req as unknown as { rawBody?: unknown; readRawBody?: () => Promise<void> };
	if (r.rawBody === undefined && typeof r.readRawBody === 'function') await r.readRawBody();
	if (Buffer.isBuffer(r.rawBody)) return r.rawBody;
	if (typeof r.rawBody === 'string') return Buffer.from(r.rawBody, 'utf8');
	return undefined;
}

function headerText(value: HeaderValue): string | null {
	if (Array.isArray(value)) return value.length ? value.join(', ') : null;
	return value ?? null;
}

/** Answers the request itself; `noWebhookResponse` tells n8n not to answer again, and no workflowData means no execution. */
function reject(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.writeHead(status, { 'Content-Type': 'application/json' });
	res.end(JSON.stringify({ message }));
	return { noWebhookResponse: true };
}

function refuse(ctx: IWebhookFunctions, failure: CheckFailure): IWebhookResponseData {
	return reject(ctx, 401, FAILURE_MESSAGES[failure]);
}

/** The signed body, parsed from the very bytes that were verified; n8n's parsed body when there are none. */
function parseBody(ctx: IWebhookFunctions, raw: Buffer | undefined): IDataObject | undefined {
	if (raw === undefined || raw.length === 0) return ctx.getBodyData() ?? {};
	try {
		const parsed: unknown = JSON.parse(raw.toString('utf8'));
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as IDataObject) : undefined;
	} catch {
		return undefined;
	}
}

export async function receiveNotification(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const headers = this.getHeaderData();
	const verify = this.getNodeParameter(PARAM.verifySignature, true) as boolean;
	const tolerance = Number(this.getNodeParameter(`${PARAM.options}.${PARAM.timestampTolerance}`, DEFAULT_TIMESTAMP_TOLERANCE));

	const raw = await rawBodyOf(this.getRequestObject());
	if (verify !== false) {
		const { apiToken } = await this.getCredentials(CREDENTIAL_NAME);
		const failure = checkSignature(raw, headers['x-signature'], typeof apiToken === 'string' ? apiToken : '');
		if (failure) return refuse(this, failure);
	}
	const stale = checkTimestamp(headers['x-timestamp'], tolerance, Date.now());
	if (stale) return refuse(this, stale);

	const body = parseBody(this, raw);
	if (!body) return reject(this, 400, 'The notification body is not a JSON object');

	// The name inside the (signed) body decides; the unsigned X-Webhook-Type header only when the body has none.
	const event = typeof body.notification === 'string' ? body.notification : headerText(headers['x-webhook-type']);
	const selected = this.getNodeParameter(PARAM.events, []) as string[];
	if (!event || !selected.includes(event)) {
		return { webhookResponse: { message: `Notification ${event ?? '(unnamed)'} is not selected in this trigger: ignored` } };
	}

	const delivery: IDataObject = {
		webhookId: headerText(headers['x-webhook-id']),
		type: headerText(headers['x-webhook-type']),
		tenant: headerText(headers['x-tenant']),
		timestamp: headerText(headers['x-timestamp']),
		signatureVerified: verify !== false,
	};
	return { workflowData: [[{ json: { ...body, [EVENT_KEY]: event, [DELIVERY_KEY]: delivery } }]] };
}
