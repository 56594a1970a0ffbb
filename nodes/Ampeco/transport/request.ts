/**
 * The only code that talks HTTP. Every request goes to the tenant origin from the
 * credential, authenticated by n8n with the credential's bearer block.
 */
import type { IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';
import type { HttpMethod } from '../catalog/types';
import { normalizeTenantUrl } from '../shared/tenant-url';
import { toNodeApiError, transportError } from './errors';
import { serializeQuery, type Query } from './query';

export const CREDENTIAL_NAME = 'ampecoApi';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

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

export interface ApiResponse {
	status: number;
	body: unknown;
	headers: Record<string, unknown>;
}

const REQUEST_TIMEOUT_MS = 60_000;

export async function tenantOrigin(ctx: RequestContext): Promise<string> {
	const credentials = await ctx.getCredentials(CREDENTIAL_NAME);
	return normalizeTenantUrl(credentials.tenantUrl);
}

export function buildUrl(origin: string, path: string, query: Query = {}): string {
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

export async function send(ctx: RequestContext, origin: string, request: ApiRequest): Promise<ApiResponse> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: buildUrl(origin, request.path, request.query),
		headers: { Accept: 'application/json' },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		encoding: 'text',
		json: false,
		timeout: REQUEST_TIMEOUT_MS,
	};
	if (request.body !== undefined) {
		// A serialised body: n8n drops an empty object, and AMPECO then answers "Body parameter is required".
		options.body = JSON.stringify(request.body);
		options.headers!['Content-Type'] = 'application/json';
	}
	let response: { statusCode: number; body: unknown; headers: Record<string, unknown> };
	try {
		response = await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_NAME, options);
	} catch (error) {
		// Connection failures: n8n's error carries the request config (and so the token); keep only what helps.
		throw transportError(ctx.getNode(), request, error as NodeJS.ErrnoException);
	}
	const result = { status: response.statusCode, body: parseBody(response.body), headers: response.headers ?? {} };
	if (result.status >= 400) throw toNodeApiError(ctx.getNode(), request.label, result, request.itemIndex);
	return result;
}
