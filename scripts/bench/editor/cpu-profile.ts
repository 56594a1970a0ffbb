/**
 * Chrome DevTools CPU profiles over CDP (Profiler.start/stop), and what they say: the
 * functions with the most self time and the most inclusive time. The files open in
 * Chrome DevTools (Performance panel → Load profile) or in VS Code.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface CpuProfile {
	nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>;
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

export interface Profiler {
	record<T>(work: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }>;
}

/** Samples every 100 µs: a keystroke's few hundred milliseconds give thousands of samples. */
export async function profiler(page: Page): Promise<Profiler> {
	const session: CDPSession = await page.context().newCDPSession(page);
	await session.send('Profiler.enable');
	await session.send('Profiler.setSamplingInterval', { interval: 100 });
	return {
		async record(work) {
			await session.send('Profiler.start');
			try {
				const result = await work();
				const { profile } = await session.send('Profiler.stop');
				return { result, profile: profile as unknown as CpuProfile };
			} catch (error) {
				await session.send('Profiler.stop').catch(() => undefined);
				throw error;
			}
		},
	};
}

export interface FunctionTime {
	name: string;
	/** Script path (no origin) with 1-based line and column, as DevTools shows it. */
	where: string;
	selfMs: number;
	totalMs: number;
}

export interface ProfileSummary {
	/** Sampled time, idle excluded. */
	busyMs: number;
	bySelf: FunctionTime[];
	byTotal: FunctionTime[];
}

function location(frame: CpuProfile['nodes'][number]['callFrame']): string {
	if (!frame.url) return '';
	let path = frame.url;
	try {
		path = new URL(frame.url).pathname;
	} catch {
		// not a URL: keep it
	}
	return `${path}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
}

/** Self and inclusive time per function; a function on the stack twice counts once per sample. */
export function summariseProfile(profile: CpuProfile, top = 25): ProfileSummary {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const keyOf = (id: number) => {
		const frame = byId.get(id)!.callFrame;
		return `${frame.functionName || '(anonymous)'}\u0000${location(frame)}`;
	};
	const self = new Map<string, number>();
	const total = new Map<string, number>();
	let busyUs = 0;
	profile.samples.forEach((id, i) => {
		// A sample stands for the time until the next one.
		const us = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0;
		if (byId.get(id)!.callFrame.functionName === '(idle)') return;
		busyUs += us;
		const leaf = keyOf(id);
		self.set(leaf, (self.get(leaf) ?? 0) + us);
		const onStack = new Set<string>();
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const name = byId.get(at)!.callFrame.functionName;
			if (name === '(root)') continue;
			onStack.add(keyOf(at));
		}
		for (const key of onStack) total.set(key, (total.get(key) ?? 0) + us);
	});
	const rows = (map: Map<string, number>) =>
		[...map.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([key]) => {
				const [name, where] = key.split('\u0000');
				return { name, where, selfMs: (self.get(key) ?? 0) / 1000, totalMs: (total.get(key) ?? 0) / 1000 };
			});
	return { busyMs: busyUs / 1000, bySelf: rows(self), byTotal: rows(total) };
}

export function formatSummary(title: string, summary: ProfileSummary): string {
	const line = (f: FunctionTime) => `  ${f.selfMs.toFixed(1).padStart(8)} ${f.totalMs.toFixed(1).padStart(8)}  ${f.name.slice(0, 48).padEnd(48)} ${f.where}`;
	const head = `  ${'self ms'.padStart(8)} ${'total ms'.padStart(8)}  ${'function'.padEnd(48)} script:line:column`;
	return [
		`${title}: ${summary.busyMs.toFixed(1)} ms on the main thread (idle excluded)`,
		' by self time:',
		head,
		...summary.bySelf.map(line),
		' by total (inclusive) time:',
		head,
		...summary.byTotal.map(line),
	].join('\n');
}
