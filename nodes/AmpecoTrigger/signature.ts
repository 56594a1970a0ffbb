/**
 * Delivery checks, free of n8n: the X-Signature HMAC and the X-Timestamp age.
 *
 * AMPECO signs each delivery with HMAC-SHA256 of the raw request body, keyed with the API
 * token that created the subscription. The spec does not say how the digest is encoded, so
 * hex and base64 (standard or URL-safe, padded or not) are accepted; a `sha256=` prefix is
 * tolerated. The comparison is constant-time over the 32 digest bytes.
 */
import { createHmac, timingSafeEqual } from 'crypto';

export type CheckFailure =
	| 'missing-signature'
	| 'malformed-signature'
	| 'signature-mismatch'
	| 'missing-secret'
	| 'missing-body'
	| 'missing-timestamp'
	| 'invalid-timestamp'
	| 'timestamp-out-of-tolerance';

export const FAILURE_MESSAGES: Record<CheckFailure, string> = {
	'missing-signature': 'Missing X-Signature header',
	'malformed-signature': 'X-Signature is neither a hex nor a base64 SHA-256 digest',
	'signature-mismatch': 'X-Signature does not match the request body',
	'missing-secret': 'The AMPECO credential has no API token to verify X-Signature with',
	'missing-body': 'The raw request body is not available, so X-Signature cannot be verified',
	'missing-timestamp': 'Missing X-Timestamp header',
	'invalid-timestamp': 'X-Timestamp is not a date',
	'timestamp-out-of-tolerance': 'X-Timestamp is outside the allowed tolerance',
};

const DIGEST_BYTES = 32;

/** A header value as Node gives it: repeated headers arrive as arrays. */
export type HeaderValue = string | string[] | undefined;

function single(value: HeaderValue): string | undefined {
	if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
	return value;
}

/** The digest bytes a signature header claims, or undefined when it is not a SHA-256 digest in hex or base64. */
export function decodeSignature(header: string): Buffer | undefined {
	const text = header.trim().replace(/^sha256=/i, '');
	if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
	// 32 bytes are 43 base64 characters plus one "=" of padding; Node's decoder reads "-" and "_" too.
	if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
		const bytes = Buffer.from(text, 'base64');
		return bytes.length === DIGEST_BYTES ? bytes : undefined;
	}
	return undefined;
}

export function sign(rawBody: Buffer, secret: string): Buffer {
	return createHmac('sha256', secret).update(rawBody).digest();
}

export function checkSignature(rawBody: Buffer | undefined, header: HeaderValue, secret: string): CheckFailure | undefined {
	const value = single(header);
	if (value === undefined || value.trim() === '') return 'missing-signature';
	if (!secret) return 'missing-secret';
	if (rawBody === undefined) return 'missing-body';
	const claimed = decodeSignature(value);
	if (!claimed) return 'malformed-signature';
	return timingSafeEqual(claimed, sign(rawBody, secret)) ? undefined : 'signature-mismatch';
}

/**
 * X-Timestamp in epoch milliseconds. AMPECO documents ISO-8601 in UTC with microseconds;
 * epoch seconds and milliseconds are read too (numbers below 10^12 are seconds). An ISO
 * value without a zone is read as UTC.
 */
export function parseTimestamp(value: string): number | undefined {
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) {
		const n = Number(text);
		return n >= 1e12 ? n : n * 1000;
	}
	const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
	if (!match) return undefined;
	const [, date, time, fraction, zone] = match;
	// Date.parse reads at most milliseconds reliably: the microseconds are cut.
	const ms = Date.parse(`${date}T${time}${fraction ? `.${fraction.slice(0, 3).padEnd(3, '0')}` : ''}${zone ?? 'Z'}`);
	return Number.isNaN(ms) ? undefined : ms;
}

/** `toleranceSeconds` 0 switches the check off. */
export function checkTimestamp(header: HeaderValue, toleranceSeconds: number, now: number): CheckFailure | undefined {
	if (!(toleranceSeconds > 0)) return undefined;
	const value = single(header);
	if (value === undefined || value.trim() === '') return 'missing-timestamp';
	const at = parseTimestamp(value);
	if (at === undefined) return 'invalid-timestamp';
	return Math.abs(now - at) <= toleranceSeconds * 1000 ? undefined : 'timestamp-out-of-tolerance';
}
