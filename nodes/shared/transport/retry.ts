/**
 * When to try a request again, and how long to wait first. Pure functions: the request
 * loop in request.ts applies them.
 */
import type { HttpMethod } from './request';

export interface RetrySettings {
	/** Longest total wait for rate limits before the item fails. */
	maxRateLimitWaitMs: number;
	/** Retries after a 5xx, reset or timeout (idempotent requests only). */
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	timeoutMs: number;
}

export const DEFAULT_RETRY: RetrySettings = {
	maxRateLimitWaitMs: 60_000,
	maxRetries: 3,
	baseDelayMs: 500,
	maxDelayMs: 8_000,
	timeoutMs: 60_000,
};

/**
 * A POST may have started a charging session before the connection dropped: repeating it
 * could start another. Only methods that mean the same thing twice are retried on faults.
 */
export function isIdempotent(method: HttpMethod): boolean {
	return method !== 'POST' && method !== 'PATCH';
}

/** Capped exponential backoff with full jitter. */
export function backoffMs(attempt: number, settings: RetrySettings, random = Math.random): number {
	const cap = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** attempt);
	return Math.round(cap / 2 + (random() * cap) / 2);
}

function header(headers: Record<string, unknown>, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
}

/**
 * How long a 429 asks us to wait: Retry-After (seconds or HTTP date), else X-RateLimit-Reset
 * (epoch seconds, or seconds from now when small). Undefined when the response does not say.
 */
export function rateLimitWaitMs(headers: Record<string, unknown>, now = Date.now()): number | undefined {
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined) {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(retryAfter);
		if (Number.isFinite(date)) return Math.max(0, date - now);
	}
	const reset = Number(header(headers, 'x-ratelimit-reset'));
	if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset > 1e9 ? reset * 1000 - now : reset * 1000);
	return undefined;
}

/** Requests allowed per window, when the API says (Laravel: per minute). */
export function rateLimitLimit(headers: Record<string, unknown>): number | undefined {
	const value = Number(header(headers, 'x-ratelimit-limit'));
	return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Remaining requests in the window, when the API says. */
export function rateLimitRemaining(headers: Record<string, unknown>): number | undefined {
	const value = Number(header(headers, 'x-ratelimit-remaining'));
	return Number.isFinite(value) ? value : undefined;
}

export function isTransientStatus(status: number): boolean {
	return status >= 500 && status !== 501;
}
