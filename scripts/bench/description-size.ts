/**
 * `npm run bench`: how much the package adds to what n8n's editor downloads and parses at
 * every start (/types/nodes.json), next to n8n's Notion node, without starting n8n.
 *
 *   npm run bench                 against the Notion node of n8n 1.123.50
 *   npm run bench -- --n8n 2      against that of n8n 2.41.1
 *   npm run bench -- --json       the figures as JSON
 *
 * Our entries are those of dist/types/nodes.json, which `npm run build` writes and n8n
 * serves as they are; for a node usable as a tool n8n adds a `<name>Tool` entry with the
 * same description, so the main node counts twice. Notion's come from the n8n-nodes-base
 * of the cached n8n install (`npm start` or `npm run test:e2e` makes it). What the editor
 * does with them is measured in a browser by the editor benchmark.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { REPO_ROOT, TARGETS, findTarget } from '../n8n/config';
import { n8nInstallDir } from '../n8n/install-n8n';
import { option } from '../n8n/process';

interface Description {
	name: string;
	version: number | number[];
	properties: unknown[];
	usableAsTool?: boolean;
}

interface Entry {
	name: string;
	version: number;
	kb: number;
	topLevelParameters: number;
	/** n8n lists the node a second time, as `<name>Tool`. */
	alsoAsTool: boolean;
}

const latest = (d: Description) => Math.max(...[d.version].flat());

function entries(file: string, keep: (d: Description) => boolean): Entry[] {
	const all = (JSON.parse(readFileSync(file, 'utf8')) as Description[]).filter(keep);
	// n8n-nodes-base lists older versions of a node too; the editor offers the latest.
	const newest = all.filter((d) => !all.some((o) => o.name === d.name && latest(o) > latest(d)));
	return newest.map((d) => ({ name: d.name, version: latest(d), kb: Buffer.byteLength(JSON.stringify(d)) / 1000, topLevelParameters: d.properties.length, alsoAsTool: d.usableAsTool === true }));
}

const total = (list: Entry[]) => list.reduce((kb, e) => kb + e.kb * (e.alsoAsTool ? 2 : 1), 0);

function main(): void {
	const target = findTarget(option('--n8n') ?? TARGETS[0].key);
	const ourFile = join(REPO_ROOT, 'dist', 'types', 'nodes.json');
	if (!existsSync(ourFile)) throw new Error('dist/types/nodes.json is missing: run `npm run build` first');
	const notionFile = join(n8nInstallDir(target), 'node_modules', 'n8n-nodes-base', 'dist', 'types', 'nodes.json');
	const ours = entries(ourFile, () => true);
	const notion = existsSync(notionFile) ? entries(notionFile, (d) => /^notion(Trigger)?$/.test(d.name)) : undefined;
	const result = { n8n: target.n8nVersion, ours, oursKb: total(ours), notion, notionKb: notion && total(notion) };

	if (process.argv.includes('--json')) {
		process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
		return;
	}
	const line = (e: Entry) => `  ${`${e.name} v${e.version}`.padEnd(20)} ${e.kb.toFixed(1).padStart(7)} kB  ${String(e.topLevelParameters).padStart(4)} top-level parameters${e.alsoAsTool ? '  (again as a tool)' : ''}`;
	console.log(`What n8n's editor downloads at start (/types/nodes.json):\n\n n8n-nodes-ampeco, ${result.oursKb.toFixed(1)} kB in all`);
	ours.forEach((e) => console.log(line(e)));
	if (!notion) {
		console.log(`\n n8n ${target.n8nVersion} is not in the cache yet (npm start installs it): Notion left out.`);
		return;
	}
	console.log(`\n Notion, in n8n ${target.n8nVersion}: ${result.notionKb!.toFixed(1)} kB in all`);
	notion.forEach((e) => console.log(line(e)));
}

try {
	main();
} catch (error) {
	console.error(`bench: ${(error as Error).message}`);
	process.exit(1);
}
