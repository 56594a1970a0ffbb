/**
 * AMPECO's rate limit as Laravel's throttle middleware applies it: a fixed window of
 * `windowMs`, requests counted when they arrive, X-RateLimit-Limit/-Remaining on every
 * answer, and beyond the limit a 429 with Retry-After and X-RateLimit-Reset.
 */
export interface RateLimit {
	/** Requests allowed per window. */
	limit: number;
	windowMs: number;
}

export interface Admission {
	allowed: boolean;
	headers: Record<string, string>;
}

export function fixedWindow({ limit, windowMs }: RateLimit): (now: number) => Admission {
	let windowStart = 0;
	let count = 0;
	return (now) => {
		if (now - windowStart >= windowMs) {
			windowStart = now;
			count = 0;
		}
		const allowed = count < limit;
		if (allowed) count++;
		const headers: Record<string, string> = { 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': String(limit - count) };
		if (!allowed) {
			const resetMs = windowStart + windowMs;
			headers['Retry-After'] = String(Math.max(1, Math.ceil((resetMs - now) / 1000)));
			headers['X-RateLimit-Reset'] = String(Math.ceil(resetMs / 1000));
		}
		return { allowed, headers };
	};
}
