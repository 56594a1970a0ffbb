/**
 * n8n's node loader on this package against the Notion node, each measurement in a fresh
 * process (see loader-probe.js for exactly what is timed and why it is comparable),
 * alternating the two, with the Node.js and n8n-core of the n8n being measured.
 */
import { join } from 'path';
import type { N8nInstall } from '../n8n/install-n8n';
import { run } from '../n8n/process';
import { median } from './statistics';

export interface Probe {
	ms: number;
	heapMb: number;
	nodes: string[];
	credentials: string[];
	properties: number;
	/** Whether n8n listed the package from dist/known and dist/types instead of loading its code. */
	lazy: boolean;
}

export interface LoaderScope {
	ours: Probe[];
	notion: Probe[];
	oursMs: number;
	notionMs: number;
	ratio: number;
	oursHeapMb: number;
	notionHeapMb: number;
}

export interface LoaderResult {
	/** Whole package (AMPECO + AMPECO Trigger + credential) vs Notion + Notion Trigger + its 2 credentials. */
	package: LoaderScope;
	/** The main node alone: AMPECO vs Notion. */
	node: LoaderScope;
	/** What every n8n start pays for the installed package, used or not (ours only: n8n-nodes-base is loaded whole). */
	startup: { ours: Probe[]; oursMs: number; lazy: boolean };
}

async function probe(install: N8nInstall, subject: 'ours' | 'notion', scope: 'package' | 'node' | 'startup', packageDir: string): Promise<Probe> {
	const script = join(__dirname, 'loader-probe.js');
	const { stdout } = await run(install.node.binary, ['--expose-gc', script, install.dir, subject, scope, packageDir], { timeoutMs: 120_000 });
	return JSON.parse(stdout.trim().split('\n').pop()!) as Probe;
}

export async function benchLoader(install: N8nInstall, packageDir: string, rounds: number, log: (line: string) => void): Promise<LoaderResult> {
	const scopes = ['package', 'node'] as const;
	const samples = { package: { ours: [] as Probe[], notion: [] as Probe[] }, node: { ours: [] as Probe[], notion: [] as Probe[] } };
	const startup: Probe[] = [];
	// One unrecorded round first: the files' first read from disk is not n8n's loader.
	for (let round = 0; round <= rounds; round++) {
		for (const scope of scopes) {
			const order: Array<'ours' | 'notion'> = round % 2 ? ['notion', 'ours'] : ['ours', 'notion'];
			for (const subject of order) {
				const result = await probe(install, subject, scope, packageDir);
				if (round > 0) samples[scope][subject].push(result);
			}
		}
		const started = await probe(install, 'ours', 'startup', packageDir);
		if (round > 0) startup.push(started);
		if (round > 0) log(`  loader round ${round}/${rounds}: package ${samples.package.ours[round - 1].ms.toFixed(0)} vs ${samples.package.notion[round - 1].ms.toFixed(0)} ms, node ${samples.node.ours[round - 1].ms.toFixed(0)} vs ${samples.node.notion[round - 1].ms.toFixed(0)} ms`);
	}
	const summarise = (scope: 'package' | 'node'): LoaderScope => {
		const { ours, notion } = samples[scope];
		const oursMs = median(ours.map((p) => p.ms));
		const notionMs = median(notion.map((p) => p.ms));
		return {
			ours,
			notion,
			oursMs,
			notionMs,
			ratio: oursMs / notionMs,
			oursHeapMb: median(ours.map((p) => p.heapMb)),
			notionHeapMb: median(notion.map((p) => p.heapMb)),
		};
	};
	return {
		package: summarise('package'),
		node: summarise('node'),
		startup: { ours: startup, oursMs: median(startup.map((p) => p.ms)), lazy: startup.every((p) => p.lazy) },
	};
}
