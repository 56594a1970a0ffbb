/**
 * Shared by all requests of one execution: bounds the requests in flight and slows down
 * when AMPECO signals pressure, so a bulk job finishes without running into 429s.
 */
import { sleep } from 'n8n-workflow';
import { rateLimitLimit, rateLimitRemaining, rateLimitWaitMs } from './retry';

/**
 * Requests in flight by default. n8n's HTTP Request node has no bound (17-45 in flight in
 * npm run bench:n8n); 20 keeps pace with it while staying polite to the API.
 */
export const DEFAULT_CONCURRENCY = 20;

const EXHAUSTED_PAUSE_MS = 1000;

export class Throttle {
	private inFlight = 0;
	private readonly waiting: Array<() => void> = [];
	private limit: number;
	private pauseUntil = 0;
	private nextStart = 0;
	private spacingMs = 0;

	constructor(readonly concurrency: number) {
		this.limit = concurrency;
	}

	/** Waits for a free slot and for any pause AMPECO asked for. */
	async acquire(): Promise<void> {
		while (this.inFlight >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
		this.inFlight++;
		const now = Date.now();
		const start = Math.max(now, this.pauseUntil, this.nextStart);
		this.nextStart = start + this.spacingMs;
		if (start > now) await sleep(start - now);
	}

	/** Frees the slot and reads the rate-limit headers of the answer (none after a network error). */
	release(status?: number, headers: Record<string, unknown> = {}): void {
		this.inFlight--;
		if (status !== undefined) this.observe(status, headers);
		// A woken waiter checks the limit again, so waking one too many is harmless.
		for (let free = this.limit - this.inFlight; free > 0 && this.waiting.length; free--) this.waiting.shift()!();
	}

	private observe(status: number, headers: Record<string, unknown>): void {
		const remaining = rateLimitRemaining(headers);
		const pressed = status === 429 || (remaining !== undefined && remaining <= this.concurrency);
		if (pressed) {
			// One at a time, spread over the window the API advertises (per minute, as Laravel counts).
			this.limit = 1;
			const perMinute = rateLimitLimit(headers);
			if (perMinute) this.spacingMs = Math.ceil(60_000 / perMinute);
			// Laravel sends the reset time only with the 429 itself: an exhausted window without one
			// pauses a second, then one request probes whether it has reopened.
			const wait = rateLimitWaitMs(headers) ?? (remaining === 0 ? EXHAUSTED_PAUSE_MS : undefined);
			if (wait !== undefined && (status === 429 || remaining === 0)) this.pauseUntil = Math.max(this.pauseUntil, Date.now() + wait);
		} else if (remaining !== undefined && remaining > 2 * this.concurrency) {
			this.limit = this.concurrency;
			this.spacingMs = 0;
		}
	}
}
