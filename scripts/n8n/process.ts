/** Child processes, ports, timings and command-line options, shared by `npm start`, the e2e runner and the benchmarks. */
import { spawn, type ChildProcess, type SpawnOptions } from 'child_process';
import { appendFileSync, readFileSync } from 'fs';
import { createServer } from 'net';

/** The value after `flag` on the command line (`--port 5680`), if any. */
export function option(flag: string): string | undefined {
	const at = process.argv.indexOf(flag);
	return at > 0 ? process.argv[at + 1] : undefined;
}

export function seconds(ms: number): string {
	return ms >= 60_000 ? `${Math.floor(ms / 60_000)}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s` : `${(ms / 1000).toFixed(1)}s`;
}

/**
 * How long a command and each of its steps took, counted from when bootstrap.js began
 * (AMPECO_STARTED_AT) so that its npm ci (AMPECO_NPM_CI_MS) is part of the total.
 */
export class Timeline {
	readonly started = Number(process.env.AMPECO_STARTED_AT) || Date.now();
	private readonly steps: string[] = [];
	private last = Date.now();

	constructor() {
		const npmCi = Number(process.env.AMPECO_NPM_CI_MS);
		if (npmCi) this.steps.push(`npm ci ${seconds(npmCi)}`);
	}

	/** Ends the step that ran since the previous call. */
	step(name: string): void {
		this.steps.push(`${name} ${seconds(Date.now() - this.last)}`);
		this.last = Date.now();
	}

	summary(): string {
		return `${seconds(Date.now() - this.started)} in all (${this.steps.join(', ')})`;
	}
}

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Output goes to this file instead of being returned; its tail is shown on failure. */
	logFile?: string;
	/** Show output live on this terminal. */
	inherit?: boolean;
	/** Exit codes other than 0 that still count as success. */
	allowExit?: number[];
	timeoutMs?: number;
}

export interface RunResult {
	code: number;
	stdout: string;
	stderr: string;
	ms: number;
}

function tail(text: string, lines = 40): string {
	return text.split('\n').slice(-lines).join('\n');
}

/** Runs a command to completion; rejects with its output's tail when it fails. */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const spawnOptions: SpawnOptions = { cwd: options.cwd, env: options.env ?? process.env, stdio: options.inherit ? 'inherit' : 'pipe' };
		const child = spawn(command, args, spawnOptions);
		let stdout = '';
		let stderr = '';
		const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), options.timeoutMs) : undefined;
		if (options.logFile) appendFileSync(options.logFile, `\n$ ${command} ${args.join(' ')}\n`);
		child.stdout?.on('data', (chunk: Buffer) => (options.logFile ? appendFileSync(options.logFile, chunk) : (stdout += chunk)));
		child.stderr?.on('data', (chunk: Buffer) => (options.logFile ? appendFileSync(options.logFile, chunk) : (stderr += chunk)));
		child.on('error', reject);
		child.on('close', (code, signal) => {
			if (timer) clearTimeout(timer);
			const result = { code: code ?? (signal ? 128 : 1), stdout, stderr, ms: Date.now() - started };
			if (result.code === 0 || options.allowExit?.includes(result.code)) return resolve(result);
			const output = options.logFile ? readFileSync(options.logFile, 'utf8') : `${stdout}\n${stderr}`;
			reject(new Error(`${command} ${args.join(' ')} failed (exit ${result.code}${signal ? `, ${signal}` : ''}) after ${seconds(result.ms)}:\n${tail(output)}`));
		});
	});
}

/** A port nobody listens on right now (n8n's own port and its 2.x task broker port). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** Fails with a clear message when something already listens on `port` (say, another n8n). */
export function assertPortFree(port: number, what: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', () => reject(new Error(`port ${port} is in use: stop what listens there or choose another port for ${what}`)));
		server.listen(port, () => server.close(() => resolve()));
	});
}

/** Stops a child and waits for it; SIGKILL when it does not end within `graceMs`. */
export function stop(child: ChildProcess, graceMs = 15_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill('SIGTERM');
	});
}
