/**
 * Where things live and which n8n versions we run. Everything large (n8n installs, the
 * Node.js 24 binary, e2e user folders) goes to a cache folder outside the repository so
 * that a clone stays small and a second run does not reinstall anything.
 */
import { homedir } from 'os';
import { join, resolve } from 'path';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Override with N8N_AMPECO_CACHE, e.g. to share one cache between clones. */
export const CACHE_DIR = process.env.N8N_AMPECO_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-ampeco');

/** The dev instance of `npm start`: inside the repo's ignored working folder. */
export const DEV_USER_FOLDER = join(REPO_ROOT, '.work', 'n8n');

export const PACKAGE_NAME = 'n8n-nodes-ampeco';
export const NODE_TYPE = `${PACKAGE_NAME}.ampeco`;
export const CREDENTIAL_TYPE = 'ampecoApi';

export interface N8nTarget {
	/** Short name used on the command line: `--n8n 1` or `--n8n 2`. */
	key: string;
	n8nVersion: string;
	/** 'system': the Node.js running this script; otherwise a version of the npm package `node`. */
	node: 'system' | string;
	/** Native modules that must be compiled after an install with --ignore-scripts. */
	rebuild: string[];
}

/**
 * 1.123.50 is the newest 1.123.x that installs on Node 20 (later ones need isolated-vm 6);
 * 2.41.1 needs Node 24 (2.41.3 pins a dependency that the registry here does not have).
 * See ../shared/N8N-RULES.md.
 */
export const TARGETS: N8nTarget[] = [
	{ key: '1', n8nVersion: '1.123.50', node: 'system', rebuild: ['sqlite3'] },
	{ key: '2', n8nVersion: '2.41.1', node: '24.21.0', rebuild: ['sqlite3', 'isolated-vm'] },
];

export function findTarget(key: string): N8nTarget {
	const target = TARGETS.find((t) => t.key === key || t.n8nVersion === key);
	if (!target) throw new Error(`Unknown n8n target "${key}"; use one of: ${TARGETS.map((t) => `${t.key} (${t.n8nVersion})`).join(', ')}`);
	return target;
}

/** The credential id that examples/ and the demo mode share, so examples run as imported. */
export const DEMO_CREDENTIAL = { id: 'ampecoDemoCred1', name: 'AMPECO demo tenant' };

/** Default port of the demo mock tenant (n8n itself uses 5678 and, in 2.x, 5679). */
export const DEMO_TENANT_PORT = 5681;
