/**
 * `n8n execute --id=… --rawOutput` with its output in a file, sampled for memory while it runs.
 *
 * Why not n8n-cli's executeWorkflow(): it reads n8n's output through a pipe, and n8n ends
 * with process.exit() right after printing, so output beyond the pipe's buffer is lost when
 * the run data is large (10,000 items are ~20–40 MB of JSON: the document came back cut in
 * most tries). Writes to a file are synchronous in Node.js, so nothing is lost. The document
 * is parsed with n8n-cli's extractRunJson, and the process runs with the instance's env.
 */
import { spawn } from 'child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'fs';
import { loadavg } from 'os';
import { join } from 'path';
import { extractRunJson, type ExecutionResult, type N8nInstance } from '../n8n/n8n-cli';
import { MemorySampler, measure, type HeapSample, type Measured } from './measure';

/** GC at the workflow's start and heap sampling inside n8n: see n8n-preload.js. */
const PRELOAD = ['--expose-gc', '--require', join(__dirname, 'n8n-preload.js')];

export interface Execution {
	ok: boolean;
	error?: string;
	measured?: Measured;
	/** Wall clock of the whole CLI process (start-up included). */
	wallMs: number;
	/** 1-minute load average when the execution started and ended. */
	load: [number, number];
}

export async function executeMeasured(
	instance: N8nInstance,
	workflowId: string,
	nodes: readonly string[],
	outFile: string,
	/** Options for the Node.js running n8n, e.g. --cpu-prof (not allowed in NODE_OPTIONS). */
	nodeArgs: string[] = [],
): Promise<Execution> {
	const load0 = loadavg()[0];
	const started = Date.now();
	const fd = openSync(outFile, 'w');
	const heapFile = `${outFile}.heap.json`;
	rmSync(heapFile, { force: true });
	const child = spawn(instance.install.node.binary, [...PRELOAD, ...nodeArgs, instance.install.cli, 'execute', `--id=${workflowId}`, '--rawOutput'], {
		env: { ...instance.env, BENCH_HEAP_FILE: heapFile },
		stdio: ['ignore', fd, fd],
	});
	closeSync(fd);
	const sampler = new MemorySampler(child.pid!);
	const timeout = setTimeout(() => child.kill('SIGKILL'), 300_000);
	const code = await new Promise<number>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 128 : 1))));
	clearTimeout(timeout);
	const samples = sampler.stop();
	const wallMs = Date.now() - started;
	const load: [number, number] = [load0, loadavg()[0]];

	const output = readFileSync(outFile, 'utf8');
	const heap: HeapSample[] = existsSync(heapFile) ? JSON.parse(readFileSync(heapFile, 'utf8')) : [];
	rmSync(heapFile, { force: true });
	const run: ExecutionResult['run'] = extractRunJson(output);
	const runError = run?.data.resultData.error;
	if (code !== 0 || !run || runError) {
		const error = runError ? `${runError.message}${runError.description ? ` (${runError.description})` : ''}` : `exit ${code}, ${run ? '' : 'no run data in the output: '}${output.split('\n').slice(-15).join('\n')}`;
		return { ok: false, error, wallMs, load };
	}
	rmSync(outFile, { force: true }); // tens of MB; kept only after a failure
	try {
		return { ok: true, measured: measure(run.data.resultData.runData, nodes, samples, heap), wallMs, load };
	} catch (error) {
		return { ok: false, error: (error as Error).message, wallMs, load };
	}
}
