import { median, quantile, ratioInterval, verdict } from '../scripts/bench/statistics';

/** Values spread around `centre` by a fixed pattern (no randomness in the test itself). */
const around = (centre: number, n: number) => Array.from({ length: n }, (_, i) => centre * (1 + (((i * 7) % 11) - 5) / 25));

describe('benchmark statistics', () => {
	it('takes medians and nearest-rank quantiles', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNaN();
		expect(quantile([5, 1, 4, 2, 3], 0.9)).toBe(5);
		expect(quantile([5, 1, 4, 2, 3], 0)).toBe(1);
	});

	it('brackets the ratio of medians, and the same samples give the same interval', () => {
		const a = around(150, 10);
		const b = around(100, 10);
		const interval = ratioInterval(a, b);
		expect(interval.ratio).toBeCloseTo(median(a) / median(b), 10);
		expect(interval.low).toBeLessThanOrEqual(interval.ratio);
		expect(interval.high).toBeGreaterThanOrEqual(interval.ratio);
		expect(interval.low).toBeGreaterThan(1.2);
		expect(interval.high).toBeLessThan(1.9);
		expect(ratioInterval(a, b)).toEqual(interval);
		expect(ratioInterval(a, b, { seed: 2 })).not.toEqual(interval);
	});

	it('narrows with more samples and widens with a higher level', () => {
		const width = ({ low, high }: { low: number; high: number }) => high - low;
		const few = ratioInterval(around(120, 6), around(100, 6));
		const many = ratioInterval(around(120, 60), around(100, 60));
		expect(width(many)).toBeLessThan(width(few));
		expect(width(ratioInterval(around(120, 10), around(100, 10), { level: 0.99 }))).toBeGreaterThan(width(ratioInterval(around(120, 10), around(100, 10), { level: 0.8 })));
	});

	it('says met, missed or unsure against an upper bound', () => {
		expect(verdict({ ratio: 1.1, low: 1.0, high: 1.19 }, 1.2)).toBe('met');
		expect(verdict({ ratio: 1.1, low: 1.0, high: 1.2 }, 1.2)).toBe('met');
		expect(verdict({ ratio: 1.3, low: 1.21, high: 1.4 }, 1.2)).toBe('missed');
		expect(verdict({ ratio: 1.2, low: 1.1, high: 1.3 }, 1.2)).toBe('unsure');
	});

	it('gives no interval, and so no verdict, without enough samples', () => {
		const none = ratioInterval([], [1, 2]);
		expect(none.low).toBeNaN();
		expect(none.high).toBeNaN();
		// Three repetitions (--quick) of a clearly slower node: a ratio, but no verdict.
		const few = ratioInterval(around(300, 3), around(100, 3));
		expect(few.ratio).toBeGreaterThan(2);
		expect(few.low).toBeNaN();
		expect(verdict(few, 1.2)).toBe('unsure');
		expect(verdict(ratioInterval(around(300, 5), around(100, 5)), 1.2)).toBe('missed');
		expect(verdict(ratioInterval(around(300, 3), around(100, 3), { minSamples: 3 }), 1.2)).toBe('missed');
	});
});
