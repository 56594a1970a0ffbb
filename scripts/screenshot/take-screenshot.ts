/**
 * The README's pictures, taken in the real n8n editor (n8n 1.123, headless Chromium):
 *
 *   npm run screenshot [-- output-folder]       default: docs/images/
 *
 * - ampeco-node.png: the panel of "Create charge point", its body fields filled in;
 * - ampeco-actions.png: n8n's node creator on the AMPECO node, its actions by resource;
 * - ampeco-from-list.png: "From List" of an EVSE ID, searched in the demo tenant.
 *
 * n8n runs with the packed package in a throwaway user folder (../n8n/editor.ts); the demo
 * tenant (../mock-tenant/) answers the From List search.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import type { Browser, Page } from 'playwright-core';
import { CREDENTIAL_TYPE, DEMO_CREDENTIAL, NODE_TYPE, REPO_ROOT, TARGETS } from '../n8n/config';
import { canvasNode, launchChromium, openWorkflow, signIn, startEditorServer, type EditorServer } from '../n8n/editor';
import { startMockTenant, type MockTenantServer } from '../mock-tenant/server';
import { mappedWithSchema } from '../n8n/workflow';
import { findOperation } from '../../nodes/Ampeco/catalog';
import { mapperFields } from '../../nodes/Ampeco/description/mapper-fields';

const FOLDER = resolve(process.argv[2] ?? join(REPO_ROOT, 'docs', 'images'));
const WORKFLOW_ID = 'ampecoScreenshot1';
const CREATE = 'Create charge point';
const UPDATE = 'Update EVSE';

const say = (line: string) => console.log(`[screenshot] ${line}`);
const credentials = { [CREDENTIAL_TYPE]: { id: DEMO_CREDENTIAL.id, name: DEMO_CREDENTIAL.name } };

const workflow = {
	id: WORKFLOW_ID,
	name: 'AMPECO: charge points and EVSEs',
	active: false,
	nodes: [
		{ name: 'When clicking ‘Execute workflow’', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {}, id: '3f0c2a51-0b7e-4d7e-9a55-1f3b9d2a7c01', position: [0, 0] },
		{
			name: CREATE,
			type: NODE_TYPE,
			typeVersion: 1,
			parameters: {
				resource: 'chargePoint',
				operation: 'POST /resources/charge-points/v2.0',
				bodyFields: mappedWithSchema(mapperFields(findOperation('POST /resources/charge-points/v2.0')!.body!.fields!), { name: 'Depot A – Bay 1', type: 'public', status: 'enabled' }),
			},
			credentials,
			id: '8d4e6b27-5c1a-4f3e-b0d2-6a9e7c4f1b02',
			position: [260, 0],
		},
		{
			name: UPDATE,
			type: NODE_TYPE,
			typeVersion: 1,
			parameters: { resource: 'evse', operation: 'PATCH /resources/evses/v2.1/{evse}' },
			credentials,
			id: '8d4e6b27-5c1a-4f3e-b0d2-6a9e7c4f1b03',
			position: [520, 0],
		},
	],
	connections: {
		'When clicking ‘Execute workflow’': { main: [[{ node: CREATE, type: 'main', index: 0 }]] },
		[CREATE]: { main: [[{ node: UPDATE, type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
	pinData: {},
};

async function save(page: Page, name: string): Promise<void> {
	const file = join(FOLDER, name);
	await page.screenshot({ path: file });
	say(`saved ${file} (${Math.round(statSync(file).size / 1024)} KB)`);
}

async function openPanel(page: Page, node: string): Promise<void> {
	await canvasNode(page, node).dblclick();
	await page.locator('[data-test-id="ndv"]').first().waitFor({ timeout: 30_000 });
	// Away from the fields: no hover tooltip in the picture.
	await page.mouse.move(1050, 620);
	await page.waitForTimeout(2500);
}

async function closePanel(page: Page): Promise<void> {
	await page.locator('[data-test-id="back-to-canvas"]').first().click();
	await page.locator('[data-test-id="ndv"]').first().waitFor({ state: 'hidden', timeout: 10_000 });
}

async function main(): Promise<void> {
	const userFolder = mkdtempSync(join(tmpdir(), 'ampeco-screenshot-'));
	let server: EditorServer | undefined;
	let tenant: MockTenantServer | undefined;
	let browser: Browser | undefined;
	try {
		tenant = await startMockTenant();
		server = await startEditorServer({
			target: TARGETS[0],
			userFolder,
			workflows: [workflow],
			credentials: [{ ...DEMO_CREDENTIAL, type: CREDENTIAL_TYPE, data: { tenantUrl: tenant.url, apiToken: 'demo' } }],
			say,
		});
		browser = await launchChromium();
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await signIn(page, server);
		await openWorkflow(page, server, WORKFLOW_ID, CREATE);
		await page.waitForTimeout(1500);
		mkdirSync(FOLDER, { recursive: true });

		await openPanel(page, CREATE);
		await save(page, 'ampeco-node.png');
		await closePanel(page);

		await openPanel(page, UPDATE);
		await page.locator('[data-test-id="ndv"] [data-test-id="rlc-input"]').first().click();
		await page.locator('[data-test-id="rlc-item"]').first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(1000);
		await save(page, 'ampeco-from-list.png');
		await page.keyboard.press('Escape');
		await page.waitForTimeout(500);
		await closePanel(page);

		// The node creator, searched by a resource name, then the AMPECO node's actions.
		await page.locator('[data-test-id="node-creator-plus-button"]').first().click();
		const search = page.locator('[data-test-id="node-creator"] input').first();
		await search.waitFor({ timeout: 15_000 });
		await search.fill('tariff');
		await page.locator('[data-test-id="item-iterator-item"]').filter({ hasText: 'AMPECO' }).first().click();
		await page.waitForTimeout(2000);
		await save(page, 'ampeco-actions.png');
	} finally {
		await browser?.close().catch(() => undefined);
		await server?.n8n.stop();
		await tenant?.close();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
