/**
 * Screenshot of the AMPECO node's parameter panel in the real n8n editor, for the README:
 *
 *   node scripts/n8n/bootstrap.js scripts/screenshot/take-screenshot.ts [output.png]
 *
 * Builds and packs the package, installs it as a community package into a throwaway user
 * folder under the OS temp folder, imports a workflow (Manual Trigger + AMPECO "Create
 * charge point") and a credential, starts n8n on a free port, sets up the owner through the
 * REST API, then drives headless Chromium with playwright-core: log in, open the workflow,
 * double-click the AMPECO node and screenshot the open panel. n8n is stopped and the user
 * folder removed afterwards.
 *
 * Not a dependency of this repo: playwright-core is loaded from $PLAYWRIGHT_DIR (default
 * /tmp/pw; `mkdir -p /tmp/pw && cd /tmp/pw && npm i playwright-core`), Chromium from
 * $CHROMIUM (default /usr/bin/chromium, Debian's `apt-get install chromium`).
 */
import { randomBytes } from 'crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, resolve } from 'path';
import { CREDENTIAL_TYPE, DEMO_CREDENTIAL, DEMO_TENANT_PORT, NODE_TYPE, REPO_ROOT, TARGETS } from '../n8n/config';
import { buildAndPack, installLikeCommunityPackage } from '../n8n/community-package';
import { ensureN8n } from '../n8n/install-n8n';
import { importCredentials, importWorkflows, n8nInstance, startN8n, type RunningN8n } from '../n8n/n8n-cli';

const OUTPUT = resolve(process.argv[2] ?? join(REPO_ROOT, 'docs', 'images', 'ampeco-node.png'));
const PLAYWRIGHT_DIR = process.env.PLAYWRIGHT_DIR ?? '/tmp/pw';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const WORKFLOW_ID = 'ampecoScreenshot1';
const NODE_NAME = 'Create charge point';

const say = (line: string) => console.log(`[screenshot] ${line}`);

const workflow = {
	id: WORKFLOW_ID,
	name: 'AMPECO: create a charge point',
	active: false,
	nodes: [
		{
			name: 'When clicking ‘Execute workflow’',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			parameters: {},
			id: '3f0c2a51-0b7e-4d7e-9a55-1f3b9d2a7c01',
			position: [0, 0],
		},
		{
			name: NODE_NAME,
			type: NODE_TYPE,
			typeVersion: 1,
			parameters: { resource: 'chargePoint', operation: 'POST /resources/charge-points/v2.0', name: 'Depot A – Bay 1' },
			credentials: { [CREDENTIAL_TYPE]: { id: DEMO_CREDENTIAL.id, name: DEMO_CREDENTIAL.name } },
			id: '8d4e6b27-5c1a-4f3e-b0d2-6a9e7c4f1b02',
			position: [260, 0],
		},
	],
	connections: {
		'When clicking ‘Execute workflow’': { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
	pinData: {},
};

async function main(): Promise<void> {
	// eslint-disable-next-line @typescript-eslint/no-var-requires
	const { chromium } = require(require.resolve('playwright-core', { paths: [PLAYWRIGHT_DIR] })) as { chromium: any };
	const userFolder = mkdtempSync(join(tmpdir(), 'ampeco-screenshot-'));
	let n8n: RunningN8n | undefined;
	let browser: any;
	try {
		const target = TARGETS[0];
		const install = await ensureN8n(target, say);
		say('building and packing the package…');
		const tarball = await buildAndPack(join(userFolder, 'pack'));
		await installLikeCommunityPackage(tarball, userFolder);
		const instance = await n8nInstance(install, userFolder, {
			encryptionKey: randomBytes(24).toString('hex'),
			env: {
				N8N_PERSONALIZATION_ENABLED: 'false',
				N8N_TEMPLATES_ENABLED: 'false',
				N8N_SECURE_COOKIE: 'false',
				N8N_LOG_LEVEL: 'warn',
			},
		});
		const files = join(userFolder, 'import');
		mkdirSync(files, { recursive: true });
		writeFileSync(join(files, 'credentials.json'), JSON.stringify([{ ...DEMO_CREDENTIAL, type: CREDENTIAL_TYPE, data: { tenantUrl: `http://localhost:${DEMO_TENANT_PORT}`, apiToken: 'demo' } }]));
		writeFileSync(join(files, 'workflows.json'), JSON.stringify([workflow]));
		await importCredentials(instance, join(files, 'credentials.json'));
		await importWorkflows(instance, join(files, 'workflows.json'));

		say(`starting n8n ${target.n8nVersion}…`);
		n8n = await startN8n(instance, { listenAddress: '127.0.0.1' });
		const base = n8n.url.replace('localhost', '127.0.0.1');
		const owner = { email: 'screenshot@example.com', firstName: 'Demo', lastName: 'User', password: `Shot-${randomBytes(8).toString('hex')}` };
		const setup = await fetch(`${base}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'browser-id': 'screenshot', 'content-type': 'application/json' },
			body: JSON.stringify(owner),
		});
		if (!setup.ok) throw new Error(`POST /rest/owner/setup answered ${setup.status}: ${await setup.text()}`);
		say(`n8n ready at ${base}, owner set up`);

		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
		});
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await page.goto(`${base}/signin`);
		await page.locator('input[type="email"], input[name="email"]').first().fill(owner.email);
		await page.locator('input[type="password"]').first().fill(owner.password);
		await page.locator('button[type="submit"], [data-test-id="form-submit-button"]').first().click();
		await page.waitForURL((url: URL) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
		say('logged in');

		await page.goto(`${base}/workflow/${WORKFLOW_ID}`);
		const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${NODE_NAME}"], [data-name="${NODE_NAME}"]`).first();
		await node.waitFor({ timeout: 60_000 });
		await page.waitForTimeout(1500);
		await node.dblclick();
		await page.locator('[data-test-id="ndv"]').first().waitFor({ timeout: 30_000 });
		// Away from the fields: no hover tooltip in the picture.
		await page.mouse.move(1050, 620);
		await page.waitForTimeout(2500);
		mkdirSync(dirname(OUTPUT), { recursive: true });
		await page.screenshot({ path: OUTPUT });
		say(`saved ${OUTPUT} (${Math.round(statSync(OUTPUT).size / 1024)} KB)`);
	} finally {
		await browser?.close().catch(() => undefined);
		await n8n?.stop();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
