/**
 * `npm start`: build, pack and install the package into a local n8n (SQLite, user folder
 * in .work/), then run n8n at http://localhost:5678 with the AMPECO node and credential.
 *
 *   npm start                      n8n 1.123.50 on this machine's Node.js
 *   npm start -- --n8n 2           n8n 2.41.1 on Node.js 24 (own user folder: .work/n8n-2)
 *   npm start -- --demo            also a mock AMPECO tenant on http://localhost:5681, a
 *   npm run demo                   credential "AMPECO demo tenant" pointing at it, and the
 *                                  workflows of examples/ imported (first run only)
 *   --port 5678 / --tenant-port 5681   other ports
 *
 * The package is reinstalled from a fresh `npm pack` on every start, so a restart picks up
 * code changes. Ctrl+C stops n8n (and the mock tenant).
 */
import { existsSync, writeFileSync } from 'fs';
import { join } from 'path';
import { CREDENTIAL_TYPE, DEMO_CREDENTIAL, DEMO_TENANT_PORT, DEV_USER_FOLDER, REPO_ROOT, TARGETS, findTarget } from './config';
import { buildAndPack, installLikeCommunityPackage } from './community-package';
import { ensureN8n, n8nInstallDir } from './install-n8n';
import { cli, importCredentials, n8nInstance, startN8n } from './n8n-cli';
import { logLine, startMockTenant, type MockTenantServer } from '../mock-tenant/server';
import { Timeline, assertPortFree, option } from './process';

const say = (line: string) => console.log(`[npm start] ${line}`);

/** The demo tenant, a credential pointing at it and, once, the example workflows. */
async function prepareDemo(instance: Awaited<ReturnType<typeof n8nInstance>>, tenantPort: number): Promise<MockTenantServer> {
	const mock = await startMockTenant({ port: tenantPort, host: 'localhost', onRequest: (r) => console.log(logLine(r)) });
	const file = join(instance.userFolder, 'demo-credential.json');
	writeFileSync(file, JSON.stringify([{ ...DEMO_CREDENTIAL, type: CREDENTIAL_TYPE, data: { tenantUrl: mock.url, apiToken: 'demo-token' } }], null, 2));
	await importCredentials(instance, file);
	say(`credential "${DEMO_CREDENTIAL.name}" → ${mock.url}`);
	const marker = join(instance.userFolder, '.examples-imported');
	if (!existsSync(marker)) {
		// Only once: a later import would overwrite the user's edits of the same workflows.
		await cli(instance, ['import:workflow', '--separate', `--input=${join(REPO_ROOT, 'examples')}`]);
		writeFileSync(marker, new Date().toISOString());
		say('imported the example workflows of examples/');
	}
	return mock;
}

async function main(): Promise<void> {
	const timeline = new Timeline();
	const target = findTarget(option('--n8n') ?? TARGETS[0].key);
	const demo = process.argv.includes('--demo');
	const port = Number(option('--port') ?? 5678);
	// Separate user folders: a database migrated by n8n 2.x cannot be opened by 1.x.
	const userFolder = target.key === TARGETS[0].key ? DEV_USER_FOLDER : `${DEV_USER_FOLDER}-${target.key}`;

	// Checked before minutes of building: a second n8n or demo tenant would fail only at the end.
	await assertPortFree(port, 'n8n (--port)');
	if (demo) await assertPortFree(Number(option('--tenant-port') ?? DEMO_TENANT_PORT), 'the demo tenant (--tenant-port)');

	const coldInstall = !existsSync(n8nInstallDir(target));
	say(
		`still to do: build and pack the package (about 30 s)${coldInstall ? `, install n8n ${target.n8nVersion} (first run only, about 5 minutes)` : ''}, start n8n (about 20 s)`,
	);
	say('building and packing the package…');
	const tarball = await buildAndPack(join(REPO_ROOT, '.work', 'pack'));
	timeline.step('build and pack');
	const install = await ensureN8n(target, say);
	if (install.installed) timeline.step(`installing n8n ${target.n8nVersion}`);
	await installLikeCommunityPackage(tarball, userFolder);
	say(`installed ${tarball.split('/').pop()} into ${userFolder}/.n8n/nodes (as a community package)`);

	const instance = await n8nInstance(install, userFolder);
	const mock = demo ? await prepareDemo(instance, Number(option('--tenant-port') ?? DEMO_TENANT_PORT)) : undefined;

	say(`starting n8n ${target.n8nVersion} on Node.js ${install.node.version}…`);
	const n8n = await startN8n(instance, { port, inherit: true });
	timeline.step('starting n8n');
	say(`ready after ${timeline.summary()}: open ${n8n.url}`);
	say(`the first page load takes a few seconds more, and the first visit asks for an owner account (kept in ${userFolder})`);
	say('the node is "AMPECO" in the nodes panel; its credential type is "AMPECO API"');
	if (mock) say(`demo: use the credential "${DEMO_CREDENTIAL.name}" (${mock.url}); the example workflows are under Overview`);
	else say('no tenant yet? `npm run demo` adds a mock AMPECO tenant and the example workflows');

	const shutdown = async () => {
		await n8n.stop();
		await mock?.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown());
	process.on('SIGTERM', () => void shutdown());
	n8n.child.on('exit', (code) => {
		void mock?.close();
		process.exit(code ?? 0);
	});
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
