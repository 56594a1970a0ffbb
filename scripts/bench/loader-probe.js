/*
 * One measurement of n8n's node loader, in a fresh process (a cold module cache, as at
 * n8n's start), run by scripts/bench/loader.ts with the Node.js of the n8n being measured:
 *
 *   node --expose-gc loader-probe.js <n8n install dir> <ours|notion> <package|node|startup> [our package dir]
 *
 * Plain JavaScript on purpose: no ts-node hooks in the process whose require() is timed.
 * n8n-core and n8n-workflow are loaded before the clock starts, because n8n has loaded them
 * long before it loads any node package. Then, with the loader class n8n itself uses:
 *
 *   ours   package  LazyPackageDirectoryLoader(<our package>).loadAll(), then getNode('ampeco'),
 *                   getNode('ampecoTrigger'), getCredential('ampecoApi'): what n8n runs at start for
 *                   the installed package (it lists the nodes from dist/known and dist/types, which
 *                   `npm run build` writes) plus what it runs the first time a workflow needs them
 *          node     loadAll() untimed, then getNode('ampeco') only
 *          startup  loadAll() only: what every n8n start pays for the package, used or not
 *   notion package  LazyPackageDirectoryLoader(n8n-nodes-base).loadAll() untimed (n8n does it at
 *                   start whatever the workflows use), then timed: getNode('notion'),
 *                   getNode('notionTrigger'), getCredential('notionApi' and 'notionOAuth2Api') —
 *                   what n8n runs the first time a workflow needs the Notion node and its trigger
 *          node     getNode('notion') only
 *
 * getNode/getCredential of the lazy loader end in the same loadNodeFromFile/loadCredentialFromFile
 * as the eager path, so both sides are measured by the same n8n code: require() of the file and
 * everything it imports, instantiation of the class, and n8n's processing of the description.
 * Prints one line of JSON: { ms, heapMb, nodes, credentials, properties }.
 */
'use strict';

const Module = require('module');
const { join } = require('path');

async function main() {
	const [n8nDir, subject, scope, ourDir] = process.argv.slice(2);
	// Resolve modules the way the n8n CLI does: from the n8n package.
	const n8nDist = join(n8nDir, 'node_modules', 'n8n', 'dist');
	const n8nRequire = Module.createRequire(join(n8nDist, 'index.js'));
	// As n8n's LoadNodesAndCredentials.init() does: packages find n8n-workflow (a peer dependency) in n8n's node_modules.
	process.env.NODE_PATH = Module._nodeModulePaths(n8nDist).join(':');
	Module._initPaths();
	n8nRequire('reflect-metadata');
	n8nRequire('n8n-workflow');
	const core = n8nRequire('n8n-core');
	const nodesBase = join(n8nDir, 'node_modules', 'n8n-nodes-base');

	const gc = global.gc ?? (() => {});
	const loader = new core.LazyPackageDirectoryLoader(subject === 'notion' ? nodesBase : ourDir);
	// n8n-nodes-base is loaded at every start whatever the workflows use; only Notion's part is ours to compare.
	if (subject === 'notion' || scope === 'node') await loader.loadAll();
	gc();
	const heapBefore = process.memoryUsage().heapUsed;
	const started = process.hrtime.bigint();

	if (subject === 'ours') {
		if (scope !== 'node') await loader.loadAll();
		if (scope !== 'startup') loader.getNode('ampeco');
		if (scope === 'package') {
			loader.getNode('ampecoTrigger');
			loader.getCredential('ampecoApi');
		}
	} else {
		loader.getNode('notion');
		if (scope === 'package') {
			loader.getNode('notionTrigger');
			loader.getCredential('notionApi');
			loader.getCredential('notionOAuth2Api');
		}
	}

	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	gc();
	const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
	const nodeTypes = Object.values(loader.nodeTypes).map(({ type }) => type);
	const descriptions = nodeTypes.flatMap((t) => ('nodeVersions' in t ? Object.values(t.nodeVersions) : [t]).map((v) => v.description));
	process.stdout.write(
		`${JSON.stringify({
			ms,
			heapMb,
			nodes: Object.keys(loader.nodeTypes),
			credentials: Object.keys(loader.credentialTypes),
			properties: descriptions.reduce((sum, d) => sum + (d.properties?.length ?? 0), 0),
			lazy: loader.isLazyLoaded,
		})}\n`,
	);
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
