/**
 * The real n8n editor in headless Chromium, for the README screenshot and the editor
 * benchmark: the packed package installed as a community package into a throwaway user
 * folder, workflows and credentials imported, n8n started, the owner set up through the
 * REST API, then Chromium (Debian's `chromium`, driven by playwright-core) signed in.
 */
import { randomBytes } from 'crypto';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { N8nTarget } from './config';
import { buildAndPack, installLikeCommunityPackage } from './community-package';
import { ensureN8n, type N8nInstall } from './install-n8n';
import { importCredentials, importWorkflows, n8nInstance, startN8n, type RunningN8n } from './n8n-cli';

/** Debian's package; playwright-core downloads no browser of its own here. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

export interface EditorServer {
	install: N8nInstall;
	n8n: RunningN8n;
	/** http://127.0.0.1:<port>: the browser and this process reach n8n the same way. */
	base: string;
	owner: Owner;
	/** Where the package was installed, as n8n loads it. */
	packageDir: string;
}

export interface EditorServerOptions {
	target: N8nTarget;
	/** Throwaway n8n user folder; the caller removes it. */
	userFolder: string;
	/** Or made from the n8n install and the installed package, e.g. to use their node versions. */
	workflows: object[] | ((install: N8nInstall, packageDir: string) => object[]);
	credentials?: object[];
	say: (line: string) => void;
}

export function assertChromium(): void {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`Chromium not found at ${CHROMIUM}. Install Debian's package (apt-get install chromium) or point CHROMIUM at a Chromium binary.`);
	}
}

/** Builds and packs the package, installs it into `userFolder`, imports, starts n8n and sets up its owner. */
export async function startEditorServer(options: EditorServerOptions): Promise<EditorServer> {
	const { target, userFolder, say } = options;
	assertChromium();
	const install = await ensureN8n(target, say);
	say('building and packing the package…');
	const tarball = await buildAndPack(join(userFolder, 'pack'));
	const packageDir = await installLikeCommunityPackage(tarball, userFolder);
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
	if (options.credentials?.length) {
		writeFileSync(join(files, 'credentials.json'), JSON.stringify(options.credentials));
		await importCredentials(instance, join(files, 'credentials.json'));
	}
	const workflows = typeof options.workflows === 'function' ? options.workflows(install, packageDir) : options.workflows;
	writeFileSync(join(files, 'workflows.json'), JSON.stringify(workflows));
	await importWorkflows(instance, join(files, 'workflows.json'));

	say(`starting n8n ${target.n8nVersion}…`);
	const n8n = await startN8n(instance, { listenAddress: '127.0.0.1' });
	const base = n8n.url.replace('localhost', '127.0.0.1');
	try {
		const owner = { email: 'editor@example.com', firstName: 'Demo', lastName: 'User', password: `Editor-${randomBytes(8).toString('hex')}` };
		const setup = await fetch(`${base}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'browser-id': 'editor-script', 'content-type': 'application/json' },
			body: JSON.stringify(owner),
		});
		if (!setup.ok) throw new Error(`POST /rest/owner/setup answered ${setup.status}: ${await setup.text()}`);
		say(`n8n ready at ${base}, owner set up`);
		return { install, n8n, base, owner, packageDir };
	} catch (error) {
		await n8n.stop();
		throw error;
	}
}

/** Headless Chromium with a fresh profile (playwright-core gives each launch its own user data dir). */
export async function launchChromium(): Promise<Browser> {
	assertChromium();
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
}

export async function signIn(page: Page, server: EditorServer): Promise<void> {
	await page.goto(`${server.base}/signin`);
	await page.locator('input[type="email"], input[name="email"]').first().fill(server.owner.email);
	await page.locator('input[type="password"]').first().fill(server.owner.password);
	await page.locator('button[type="submit"], [data-test-id="form-submit-button"]').first().click();
	await page.waitForURL((url: URL) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
}

/** A node on the canvas by its name (the new canvas of 1.x and 2.x, and the old one's attribute). */
export function canvasNode(page: Page, name: string): Locator {
	return page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"], [data-name="${name}"]`).first();
}

/** Opens a workflow and waits until `nodeName` is on the canvas. */
export async function openWorkflow(page: Page, server: EditorServer, workflowId: string, nodeName: string): Promise<void> {
	await page.goto(`${server.base}/workflow/${workflowId}`);
	await canvasNode(page, nodeName).waitFor({ timeout: 60_000 });
}
