/**
 * The only code that talks HTTP, through n8n's request helpers. Every request goes to the
 * tenant origin from the credential, with the credential's token as bearer.
 */
import { sleep, type IExecuteFunctions, type IHookFunctions, type IHttpRequestOptions, type ILoadOptionsFunctions } from 'n8n-workflow';
import { normalizeTenantUrl } from '../tenant-url';
import { rateLimitError, toNodeApiError, transportError, unexpectedBodyError } from './errors';
import type { Throttle } from './throttle';
import { DEFAULT_RETRY, backoffMs, isIdempotent, isTransientStatus, rateLimitWaitMs, type RetrySettings } from './retry';
import { serializeQuery, type Query } from './query';

/** The methods AMPECO's Public API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const CREDENTIAL_NAME = 'ampecoApi';

/** IHookFunctions: the AMPECO Trigger's webhook lifecycle (subscribe, check, unsubscribe) uses this transport too. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

export interface ApiRequest {
	method: HttpMethod;
	/** Path with parameters already substituted and encoded, starting with /public-api/. */
	path: string;
	query?: Query;
	/** JSON body; `undefined` sends none. */
	body?: unknown;
	/** For error messages, e.g. "EVSE / Update (v2.0)". */
	label: string;
	itemIndex?: number;
}

interface ApiResponse {
	status: number;
	body: unknown;
	headers: Record<string, unknown>;
}

/**
 * The API token as read once per execution (or editor request). Without it n8n reads and
 * decrypts the credential again for every request (and every page), a large share of a
 * bulk job.
 */
const tokenOf = new WeakMap<object, string>();

/**
 * Reads the credential and returns the tenant's origin; send() takes the token from what
 * was read here. Call it before sending.
 */
export async function openTenant(ctx: RequestContext): Promise<string> {
	const data = await ctx.getCredentials(CREDENTIAL_NAME);
	const origin = normalizeTenantUrl(data.tenantUrl);
	tokenOf.set(ctx, String(data.apiToken ?? ''));
	return origin;
}

function buildUrl(origin: string, path: string, query: Query = {}): string {
	const qs = serializeQuery(query);
	return `${origin}${path}${qs ? `?${qs}` : ''}`;
}

function parseBody(raw: unknown): unknown {
	if (typeof raw !== 'string') return raw;
	if (raw.trim() === '') return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

interface RawResponse {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

/**
 * Sends one request. A 429 is waited out (any method: the API did not process it) within
 * `maxRateLimitWaitMs`; 5xx, resets and timeouts are retried with backoff only for
 * idempotent methods. Throws NodeApiError for every failure.
 */
export async function send(
	ctx: RequestContext,
	origin: string,
	request: ApiRequest,
	settings: RetrySettings = DEFAULT_RETRY,
	throttle?: Throttle,
): Promise<ApiResponse> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: buildUrl(origin, request.path, request.query),
		headers: { Accept: 'application/json' },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		encoding: 'text',
		json: false,
		timeout: settings.timeoutMs,
	};
	if (request.body !== undefined) {
		// A serialised body: n8n drops an empty object, and AMPECO then answers "Body parameter is required".
		options.body = JSON.stringify(request.body);
		options.headers!['Content-Type'] = 'application/json';
	}
	// The same header as the credential's `authenticate`, which n8n would resolve through its
	// expression engine on every request (6-13% of a bulk job's time in npm run bench:n8n).
	// n8n still uses `authenticate` for the credential test; tests check what AMPECO receives.
	const token = tokenOf.get(ctx);
	if (token !== undefined) options.headers!.Authorization = `Bearer ${token}`;
	const retryFaults = isIdempotent(request.method);
	let rateLimitWaited = 0;
	for (let attempt = 0; ; attempt++) {
		let response: RawResponse;
		await throttle?.acquire();
		try {
			response = token !== undefined ? await ctx.helpers.httpRequest(options) : await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_NAME, options);
			throttle?.release(response.statusCode, response.headers ?? {});
		} catch (error) {
			throttle?.release();
			if (retryFaults && attempt < settings.maxRetries) {
				await sleep(backoffMs(attempt, settings));
				continue;
			}
			// n8n's error carries the request config (and so the token); keep only what helps.
			throw transportError(ctx.getNode(), request, error as NodeJS.ErrnoException);
		}
		const result = { status: response.statusCode, body: parseBody(response.body), headers: response.headers ?? {} };
		if (result.status === 429) {
			const wait = rateLimitWaitMs(result.headers) ?? backoffMs(attempt, settings);
			if (rateLimitWaited + wait > settings.maxRateLimitWaitMs) {
				throw rateLimitError(ctx.getNode(), request, result, rateLimitWaited + wait, settings.maxRateLimitWaitMs);
			}
			rateLimitWaited += wait;
			await sleep(wait);
			continue;
		}
		if (isTransientStatus(result.status) && retryFaults && attempt < settings.maxRetries) {
			await sleep(backoffMs(attempt, settings));
			continue;
		}
		if (result.status >= 400) throw toNodeApiError(ctx.getNode(), request.label, result, request.itemIndex);
		// Every AMPECO answer is JSON: text here is a proxy page or a broken response, not data.
		if (typeof result.body === 'string') throw unexpectedBodyError(ctx.getNode(), request.label, result, request.itemIndex);
		return result;
	}
}
