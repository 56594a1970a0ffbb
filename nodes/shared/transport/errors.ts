/**
 * The one place where an HTTP failure becomes a NodeApiError: status, AMPECO's message and,
 * for 422, the field errors. The request (with its Authorization header) is never attached.
 */
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

interface FailedResponse {
	status: number;
	body: unknown;
}

const STATUS_HINTS: Record<number, string> = {
	401: 'The API token was rejected: check the AMPECO credential',
	403: 'The API token is not allowed to do this',
	404: 'Not found: check the IDs',
	422: 'AMPECO rejected the input',
	429: 'Rate limit reached',
};

/** AMPECO answers `{ message, errors: { field: [messages] } }`; anything else is shown as text. */
export function describeFailure(body: unknown): { message?: string; fieldErrors?: Record<string, string[]> } {
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const { message, errors } = body as { message?: unknown; errors?: unknown };
		const fieldErrors =
			errors && typeof errors === 'object' && !Array.isArray(errors)
				? Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, (Array.isArray(v) ? v : [v]).map(String)]))
				: undefined;
		return { message: typeof message === 'string' ? message : undefined, fieldErrors };
	}
	if (typeof body === 'string' && body.trim()) {
		const text = /<html|<!doctype/i.test(body) ? stripHtml(body) : body;
		return { message: text.slice(0, 300) };
	}
	return {};
}

function stripHtml(html: string): string {
	const title = html.match(/<title[^>]*>([^<]*)<\/title>/i)?.[1];
	return (title ?? html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
}

export function toNodeApiError(node: INode, operationLabel: string, failure: FailedResponse, itemIndex?: number): NodeApiError {
	const { message, fieldErrors } = describeFailure(failure.body);
	const headline = `${operationLabel} failed with HTTP ${failure.status}${message ? `: ${message}` : ''}`;
	const details = fieldErrors
		? Object.entries(fieldErrors)
				.map(([field, messages]) => `${field}: ${messages.join(' ')}`)
				.join('\n')
		: undefined;
	const errorBody: JsonObject = { status: failure.status, message: message ?? null };
	if (fieldErrors) errorBody.errors = fieldErrors;
	return new NodeApiError(node, errorBody, {
		message: headline,
		description: details ?? STATUS_HINTS[failure.status],
		httpCode: String(failure.status),
		itemIndex,
	});
}

const NETWORK_FAULTS: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ECONNREFUSED: 'the connection was refused',
	ECONNABORTED: 'the request timed out',
	ETIMEDOUT: 'the request timed out',
	ENOTFOUND: 'the tenant host was not found',
	EAI_AGAIN: 'the tenant host could not be resolved',
};

/**
 * A request that got no HTTP answer (reset, refused, timed out). The error code stays out
 * of the message: n8n would swap a message naming one for its own generic text.
 */
export function transportError(node: INode, request: { label: string; itemIndex?: number }, error: NodeJS.ErrnoException): NodeApiError {
	// n8n's request helper throws its own NodeApiError: the socket's code is on its cause (an AxiosError).
	const code = error.code ?? (error as { cause?: NodeJS.ErrnoException }).cause?.code ?? (/timeout/i.test(error.message ?? '') ? 'ETIMEDOUT' : 'ECONNRESET');
	const what = NETWORK_FAULTS[code] ?? 'a network error occurred';
	return new NodeApiError(
		node,
		{ message: `No response from AMPECO: ${what}` },
		{
			message: `${request.label} failed: no response from AMPECO, ${what}`,
			description: `Network error ${code}. GET, PUT and DELETE requests are retried (Request Options → Retries on Server Errors); POST and PATCH are not, so an action never runs twice.`,
			itemIndex: request.itemIndex,
		},
	);
}

/** A 429 that would make us wait longer than the user allows. */
export function rateLimitError(node: INode, request: { label: string; itemIndex?: number }, failure: FailedResponse, neededMs: number, maxMs: number): NodeApiError {
	const { message } = describeFailure(failure.body);
	return new NodeApiError(
		node,
		{ status: 429, message: message ?? null },
		{
			message: `${request.label} failed with HTTP 429: rate limit reached${message ? ` (${message})` : ''}`,
			description: `Waiting as AMPECO asks would take ${Math.ceil(neededMs / 1000)} s in total, more than the ${Math.round(maxMs / 1000)} s allowed by Options → Max Rate-Limit Wait.`,
			httpCode: '429',
			itemIndex: request.itemIndex,
		},
	);
}

/** A success status with a body that is not JSON. */
export function unexpectedBodyError(node: INode, operationLabel: string, response: FailedResponse, itemIndex?: number): NodeApiError {
	const { message } = describeFailure(response.body);
	return new NodeApiError(
		node,
		{ status: response.status, message: message ?? null },
		{
			message: `${operationLabel}: AMPECO answered HTTP ${response.status} with a body that is not JSON${message ? `: ${message}` : ''}`,
			description: 'Check the tenant URL of the credential: a proxy or login page may be answering instead of the AMPECO API.',
			httpCode: String(response.status),
			itemIndex,
		},
	);
}
