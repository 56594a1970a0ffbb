/**
 * Small statistics for the benchmarks: medians, quantiles, and how sure a ratio of two
 * medians is. Browser timings on a shared 2-core machine vary by ±30% between runs, so a
 * single ratio cannot say whether a target is met; its bootstrap interval can.
 */

export function median(values: number[]): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The value below which a share `q` of the values lie (nearest rank). */
export function quantile(values: number[], q: number): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** A seeded generator (mulberry32): the same samples give the same interval on every run. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function resample(values: number[], next: () => number): number[] {
	return values.map(() => values[Math.floor(next() * values.length)]);
}

export interface Interval {
	ratio: number;
	low: number;
	high: number;
}

/**
 * median(a) / median(b) with a percentile bootstrap interval: both samples are resampled
 * with replacement `resamples` times, and the interval holds the central `level` of the
 * resampled ratios. Below `minSamples` values on either side there is no interval (NaN):
 * resampling one or three values gives a point or a guess, not a measure of spread.
 */
export function ratioInterval(a: number[], b: number[], options: { level?: number; resamples?: number; seed?: number; minSamples?: number } = {}): Interval {
	const { level = 0.95, resamples = 4000, seed = 1, minSamples = 5 } = options;
	const ratio = median(a) / median(b);
	if (Math.min(a.length, b.length) < minSamples) return { ratio, low: NaN, high: NaN };
	const next = random(seed);
	const ratios: number[] = [];
	for (let i = 0; i < resamples; i++) ratios.push(median(resample(a, next)) / median(resample(b, next)));
	const tail = (1 - level) / 2;
	return { ratio, low: quantile(ratios, tail), high: quantile(ratios, 1 - tail) };
}

export type Verdict = 'met' | 'missed' | 'unsure';

/**
 * Against an upper bound: met when the whole interval is at or under it, missed when all of
 * it is above; without an interval, unsure.
 */
export function verdict(interval: Interval, atMost: number): Verdict {
	if (interval.high <= atMost) return 'met';
	if (interval.low > atMost) return 'missed';
	return 'unsure';
}
