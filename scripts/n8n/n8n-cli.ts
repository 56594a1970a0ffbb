/**
 * Running an installed n8n against one user folder: its CLI commands (import, execute)
 * and its server. n8n is started with the Node.js it was installed for.
 */
import { spawn, type ChildProcess } from 'child_process';
import { dirname } from 'path';
import type { N8nInstall } from './install-n8n';
import { npmEnv } from './install-n8n';
import { assertPortFree, freePort, run, stop, type RunResult } from './process';

export interface N8nInstance {
	install: N8nInstall;
	userFolder: string;
	env: NodeJS.ProcessEnv;
}

export interface InstanceOptions {
	/** Fixed key for throwaway instances; a dev instance lets n8n generate and keep its own. */
	encryptionKey?: string;
	/** Extra variables, e.g. GENERIC_TIMEZONE. */
	env?: Record<string, string>;
}

export async function n8nInstance(install: N8nInstall, userFolder: string, options: InstanceOptions = {}): Promise<N8nInstance> {
	const env = npmEnv({
		// Anything n8n spawns with `node` (task runners) gets the same Node.js.
		PATH: `${dirname(install.node.binary)}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: userFolder,
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		// n8n 2.x starts a task broker on 5679 for every command; two n8n processes must not share it.
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		// `n8n execute` prints its result through the logger at info level (N8N-RULES.md).
		N8N_LOG_LEVEL: 'info',
		...(options.encryptionKey ? { N8N_ENCRYPTION_KEY: options.encryptionKey } : {}),
		...options.env,
	});
	return { install, userFolder, env };
}

export function cli(instance: N8nInstance, args: string[], options: { allowExit?: number[]; timeoutMs?: number } = {}): Promise<RunResult> {
	return run(instance.install.node.binary, [instance.install.cli, ...args], { env: instance.env, timeoutMs: options.timeoutMs ?? 300_000, allowExit: options.allowExit });
}

export async function importCredentials(instance: N8nInstance, file: string): Promise<RunResult> {
	return cli(instance, ['import:credentials', `--input=${file}`]);
}

export async function importWorkflows(instance: N8nInstance, file: string): Promise<RunResult> {
	return cli(instance, ['import:workflow', `--input=${file}`]);
}

/** What `n8n execute --rawOutput` reports: the run (IRun) as JSON, on success and on failure alike. */
export interface ExecutionResult {
	ok: boolean;
	run?: {
		status?: string;
		data: {
			resultData: {
				runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, any>; pairedItem?: unknown }> | null> }; error?: { message: string; description?: string } }>>;
				error?: { message: string; description?: string; node?: { name: string } };
				lastNodeExecuted?: string;
			};
		};
	};
	output: string;
	ms: number;
}

/** The JSON document printed between log lines: from a line "{" to the last line "}". */
export function extractRunJson(output: string): ExecutionResult['run'] | undefined {
	const lines = output.split('\n');
	const start = lines.findIndex((line) => line === '{');
	if (start < 0) return undefined;
	for (let end = lines.length - 1; end > start; end--) {
		if (lines[end] !== '}') continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n'));
		} catch {
			// not the closing brace of that document; try an earlier one
		}
	}
	return undefined;
}

export async function executeWorkflow(instance: N8nInstance, workflowId: string): Promise<ExecutionResult> {
	const result = await cli(instance, ['execute', `--id=${workflowId}`, '--rawOutput'], { allowExit: [1] });
	const output = `${result.stdout}\n${result.stderr}`;
	const parsed = extractRunJson(result.stdout) ?? extractRunJson(output);
	const ok = result.code === 0 && parsed !== undefined && !parsed.data.resultData.error;
	return { ok, run: parsed, output, ms: result.ms };
}

export interface RunningN8n {
	url: string;
	child: ChildProcess;
	stop(): Promise<void>;
}

/**
 * `n8n start`; resolves when the REST API answers (/healthz answers earlier, before the
 * routes are mounted). Output goes to this terminal when `inherit`.
 */
export async function startN8n(instance: N8nInstance, options: { port?: number; inherit?: boolean; listenAddress?: string } = {}): Promise<RunningN8n> {
	if (options.port) await assertPortFree(options.port, 'n8n (--port)');
	const port = options.port ?? (await freePort());
	const env = { ...instance.env, N8N_PORT: String(port), ...(options.listenAddress ? { N8N_LISTEN_ADDRESS: options.listenAddress } : {}) };
	const child = spawn(instance.install.node.binary, [instance.install.cli, 'start'], { env, stdio: options.inherit ? 'inherit' : 'pipe' });
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
	const url = `http://localhost:${port}`;
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n start exited with ${child.exitCode}:\n${output.split('\n').slice(-30).join('\n')}`);
		try {
			// While starting, n8n answers every path with 200 "n8n is starting up" in plain text.
			const response = await fetch(`http://127.0.0.1:${port}/rest/settings`);
			if (response.ok && response.headers.get('content-type')?.includes('application/json')) return { url, child, stop: () => stop(child) };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	await stop(child);
	throw new Error(`n8n did not answer on ${url}/rest/settings within 180 s:\n${output.split('\n').slice(-30).join('\n')}`);
}
