/**
 * Screenshot of the AMPECO node's parameter panel in the real n8n editor, for the README:
 *
 *   npm run screenshot [-- output.png]
 *
 * Starts n8n 1.123 with the packed package and a workflow (Manual Trigger + AMPECO "Create
 * charge point") in a throwaway user folder (../n8n/editor.ts), signs in with headless
 * Chromium, double-clicks the AMPECO node and screenshots the open panel.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, resolve } from 'path';
import type { Browser } from 'playwright-core';
import { CREDENTIAL_TYPE, DEMO_CREDENTIAL, DEMO_TENANT_PORT, NODE_TYPE, REPO_ROOT, TARGETS } from '../n8n/config';
import { canvasNode, launchChromium, openWorkflow, signIn, startEditorServer, type EditorServer } from '../n8n/editor';

const OUTPUT = resolve(process.argv[2] ?? join(REPO_ROOT, 'docs', 'images', 'ampeco-node.png'));
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
	const userFolder = mkdtempSync(join(tmpdir(), 'ampeco-screenshot-'));
	let server: EditorServer | undefined;
	let browser: Browser | undefined;
	try {
		server = await startEditorServer({
			target: TARGETS[0],
			userFolder,
			workflows: [workflow],
			credentials: [{ ...DEMO_CREDENTIAL, type: CREDENTIAL_TYPE, data: { tenantUrl: `http://localhost:${DEMO_TENANT_PORT}`, apiToken: 'demo' } }],
			say,
		});
		browser = await launchChromium();
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await signIn(page, server);
		say('logged in');
		await openWorkflow(page, server, WORKFLOW_ID, NODE_NAME);
		await page.waitForTimeout(1500);
		await canvasNode(page, NODE_NAME).dblclick();
		await page.locator('[data-test-id="ndv"]').first().waitFor({ timeout: 30_000 });
		// Away from the fields: no hover tooltip in the picture.
		await page.mouse.move(1050, 620);
		await page.waitForTimeout(2500);
		mkdirSync(dirname(OUTPUT), { recursive: true });
		await page.screenshot({ path: OUTPUT });
		say(`saved ${OUTPUT} (${Math.round(statSync(OUTPUT).size / 1024)} KB)`);
	} finally {
		await browser?.close().catch(() => undefined);
		await server?.n8n.stop();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
