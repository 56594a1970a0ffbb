/**
 * What one execution measured: per-node time from n8n's own run data, and the n8n
 * process's resident memory while the measured nodes ran.
 *
 * Memory method. `n8n execute` is a fresh process per execution. While it runs, this
 * process reads /proc/<pid>/status every few milliseconds and keeps (time, VmRSS, VmHWM).
 * The measured window is [first measured node's startTime, last one's startTime +
 * executionTime], both from the run data (epoch ms, same clock). The peak in the window is
 * exact when VmHWM (the kernel's high-water mark of RSS) grew during the window — the
 * high-water mark was then set inside it — otherwise it is the largest sampled VmRSS.
 * "Growth" is that peak minus the RSS sampled just before the window: what running the
 * nodes added to an n8n that had already started, loaded its nodes and read the workflow.
 * Excluded on purpose: n8n's start-up, and the printing of the run data that follows the
 * execution (`--rawOutput`), which is n8n's cost and not the node's.
 *
 * RSS alone says little about the nodes: V8 keeps the pages it once used, so a node that
 * allocates 20 MB can leave the RSS flat when start-up garbage was collected just before.
 * Hence also the V8 heap (used + external), sampled inside n8n (n8n-preload.js, which also
 * collects the start-up garbage before the first node): its peak in the window minus its
 * value just before is what the nodes' data and garbage took.
 */
import { readFileSync } from 'fs';
import type { ExecutionResult } from '../n8n/n8n-cli';

/** [epoch ms, V8 used heap + external bytes], sampled inside n8n by n8n-preload.js. */
export type HeapSample = [number, number];

export interface MemorySample {
	at: number;
	rssKb: number;
	hwmKb: number;
}

function readStatus(pid: number): MemorySample | undefined {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const rss = /VmRSS:\s+(\d+) kB/.exec(status);
		const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
		if (!rss || !hwm) return undefined;
		return { at: Date.now(), rssKb: Number(rss[1]), hwmKb: Number(hwm[1]) };
	} catch {
		return undefined; // exited
	}
}

export class MemorySampler {
	readonly samples: MemorySample[] = [];
	private timer: NodeJS.Timeout;

	/** Reads /proc/<pid>/status every `everyMs` until stopped (or the process is gone). */
	constructor(pid: number, everyMs = 5) {
		this.timer = setInterval(() => {
			const sample = readStatus(pid);
			if (sample) this.samples.push(sample);
		}, everyMs);
	}

	stop(): MemorySample[] {
		clearInterval(this.timer);
		return this.samples;
	}
}

export interface NodeRun {
	startTime: number;
	executionTime: number;
	items: number;
}

type RunData = NonNullable<ExecutionResult['run']>['data']['resultData']['runData'];

export function nodeRun(runData: RunData, node: string): NodeRun {
	const runs = runData[node] as unknown as Array<{ startTime: number; executionTime: number; data?: { main: Array<unknown[] | null> } }> | undefined;
	if (!runs?.length) throw new Error(`node "${node}" did not run`);
	const last = runs[runs.length - 1];
	return { startTime: last.startTime, executionTime: last.executionTime, items: last.data?.main[0]?.length ?? 0 };
}

export interface Measured {
	/** Sum of the measured nodes' executionTime. */
	ms: number;
	/** Items the last measured node put out. */
	items: number;
	/** Peak RSS of the n8n process while the measured nodes ran, and its growth over the RSS just before. */
	peakRssMb?: number;
	growthMb?: number;
	/** RSS just before the window. */
	baseRssMb?: number;
	/** Whether the peak is the kernel's exact high-water mark (else the largest sample). */
	exactPeak?: boolean;
	samplesInWindow?: number;
	/** V8 heap (used + external): peak while the nodes ran, and its growth over the heap just before. */
	heapPeakMb?: number;
	heapGrowthMb?: number;
}

const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;

export function measure(runData: RunData, nodes: readonly string[], samples: MemorySample[], heap: HeapSample[] = []): Measured {
	const runs = nodes.map((n) => nodeRun(runData, n));
	const ms = runs.reduce((sum, r) => sum + r.executionTime, 0);
	const items = runs[runs.length - 1].items;
	const from = Math.min(...runs.map((r) => r.startTime));
	const to = Math.max(...runs.map((r) => r.startTime + r.executionTime));
	const heapBefore = heap.filter(([at]) => at < from);
	const heapInside = heap.filter(([at]) => at >= from && at <= to);
	const heapMeasure =
		heapBefore.length && heapInside.length
			? {
					heapPeakMb: mb(Math.max(...heapInside.map(([, bytes]) => bytes)) / 1024),
					heapGrowthMb: mb((Math.max(...heapInside.map(([, bytes]) => bytes)) - heapBefore[heapBefore.length - 1][1]) / 1024),
				}
			: {};
	const before = samples.filter((s) => s.at < from);
	// Only samples inside the window: right after it n8n serialises the run data for printing.
	const inside = samples.filter((s) => s.at >= from && s.at <= to);
	if (!before.length || !inside.length) return { ms, items, ...heapMeasure };
	const base = before[before.length - 1];
	const end = inside[inside.length - 1];
	const sampledPeak = Math.max(...inside.map((s) => s.rssKb));
	const exactPeak = end.hwmKb > base.hwmKb;
	const peak = exactPeak ? Math.max(end.hwmKb, sampledPeak) : sampledPeak;
	return { ms, items, peakRssMb: mb(peak), growthMb: mb(peak - base.rssKb), baseRssMb: mb(base.rssKb), exactPeak, samplesInWindow: inside.length, ...heapMeasure };
}
