/**
 * End-to-end suite: the packed package installed into real n8n the way a community
 * install does it, workflows imported and executed headlessly with `n8n execute`, against
 * the mock AMPECO tenant that validates every request against the OpenAPI spec. One
 * `n8n start` per target checks the type lists and runs the AMPECO Trigger scenarios
 * (./trigger.ts: activation, signed deliveries, deactivation through the REST API).
 *
 *   npm run test:e2e                   both targets: n8n 1.123.50 on Node 20, 2.41.1 on Node 24
 *   npm run test:e2e -- --n8n 2        one target (1 or 2, or the exact version)
 *   npm run test:e2e -- --only sessions  scenarios whose title contains the text
 *
 * n8n installs are cached in $N8N_AMPECO_CACHE (default ~/.cache/n8n-nodes-ampeco): the
 * first run installs (minutes), later runs reuse them. Prints timings for every phase and
 * closes with "N passed, N failed"; exits non-zero when anything failed.
 */
import { randomBytes } from 'crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { CACHE_DIR, CREDENTIAL_TYPE, DEMO_CREDENTIAL, NODE_TYPE, PACKAGE_NAME, REPO_ROOT, TARGETS, findTarget, type N8nTarget } from '../../scripts/n8n/config';
import { buildAndPack, installLikeCommunityPackage } from '../../scripts/n8n/community-package';
import { ensureN8n } from '../../scripts/n8n/install-n8n';
import { executeWorkflow, importCredentials, importWorkflows, n8nInstance, type N8nInstance } from '../../scripts/n8n/n8n-cli';
import { option, seconds } from '../../scripts/n8n/process';
import { startMockTenant, warmUpValidator, type MockTenantServer } from '../../scripts/mock-tenant/server';
import { contextFor, type Scenario } from './context';
import { exampleScenarios } from './examples';
import { scenarios } from './scenarios';
import { openSession, type N8nSession } from './session';
import { triggerScenarios, type TriggerScenario } from './trigger';
import { EDITOR_PLAIN, nodeProperties } from '../../nodes/Ampeco/description';

/** A recognisable token: no output of n8n may contain it. */
const TOKEN = `tok_E2E_${randomBytes(6).toString('hex')}`;

interface Outcome {
	target: string;
	title: string;
	ok: boolean;
	ms: number;
	error?: string;
}

const outcomes: Outcome[] = [];
const timings: Array<{ target: string; phase: string; ms: number }> = [];

function log(line: string): void {
	console.log(line);
}

async function timed<T>(target: string, phase: string, work: () => Promise<T>): Promise<T> {
	const started = Date.now();
	try {
		return await work();
	} finally {
		const ms = Date.now() - started;
		timings.push({ target, phase, ms });
		log(`  [${seconds(ms).padStart(6)}] ${phase}`);
	}
}

async function test(target: string, title: string, body: () => Promise<number | void>): Promise<void> {
	const started = Date.now();
	try {
		await body();
		outcomes.push({ target, title, ok: true, ms: Date.now() - started });
		log(`  ✓ ${title} (${seconds(Date.now() - started)})`);
	} catch (error) {
		const message = (error as Error).message ?? String(error);
		outcomes.push({ target, title, ok: false, ms: Date.now() - started, error: message });
		log(`  ✗ ${title} (${seconds(Date.now() - started)})\n      ${message.split('\n').join('\n      ')}`);
	}
}

/** Every node and credential the package declares (package.json "n8n"), by the names n8n gives them. */
function declaredTypes(): { nodes: string[]; credentials: string[] } {
	const { n8n } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
	const names = (files: string[], describe: (instance: any) => string) =>
		files.map((file) => {
			const exports = require(join(REPO_ROOT, file)) as Record<string, new () => unknown>;
			return Object.values(exports).map((Class) => describe(new Class()))[0];
		});
	return {
		nodes: names(n8n.nodes, (node) => `${PACKAGE_NAME}.${node.description.name}`),
		credentials: names(n8n.credentials, (credential) => credential.name),
	};
}

type ServedType = Record<string, unknown> & { name: string; properties?: Array<Record<string, unknown>> };

/**
 * The node and the credential are in the type lists the editor loads from the server
 * (they need the session of the owner account), and the node and its AI-tool variant reach
 * the editor marked plain for Vue, parameters included (see nodes/Ampeco/description).
 */
async function checkRegistered(session: N8nSession): Promise<void> {
	const types = async (kind: string) => (await session.rest('GET', `/types/${kind}.json`)).body as ServedType[];
	const [nodeTypes, credentialTypes] = await Promise.all([types('nodes'), types('credentials')]);
	const [nodes, credentials] = [nodeTypes.map((t) => t.name), credentialTypes.map((t) => t.name)];
	// The tool variant also holds the parameters n8n adds for agents (its tool description): not ours.
	const ours = new Set(nodeProperties.map((property) => property.name));
	for (const served of nodeTypes.filter((t) => t.name === NODE_TYPE || t.name === `${NODE_TYPE}Tool`)) {
		const parameters = (served.properties ?? []).filter((property) => ours.has(property.name as string));
		const unmarked = [served, ...parameters].filter((entry) => entry[EDITOR_PLAIN] !== true).length;
		if (parameters.length < nodeProperties.length || unmarked) {
			throw new Error(`${served.name}: ${parameters.length} of our ${nodeProperties.length} parameters served; ${unmarked} of them and the description without ${EDITOR_PLAIN}`);
		}
	}
	const declared = declaredTypes();
	const missing = [
		// usableAsTool: n8n adds the AI-agent variant of the node, "<type>Tool".
		...[NODE_TYPE, `${NODE_TYPE}Tool`, ...declared.nodes].filter((name) => !nodes.includes(name)).map((name) => `node type ${name}`),
		...[CREDENTIAL_TYPE, ...declared.credentials].filter((name) => !credentials.includes(name)).map((name) => `credential type ${name}`),
	];
	if (missing.length) throw new Error(`not registered: ${[...new Set(missing)].join(', ')} (${nodes.length} node types, ${credentials.length} credential types loaded)`);
}

function describeFailure(result: Awaited<ReturnType<typeof executeWorkflow>>): string {
	const error = result.run?.data.resultData.error;
	if (error) return `execution failed: ${error.message}${error.description ? ` (${error.description})` : ''}`;
	return `execution failed without a result:\n${result.output.split('\n').slice(-25).join('\n')}`;
}

async function runScenario(instance: N8nInstance, mock: MockTenantServer, scenario: Scenario): Promise<void> {
	const before = mock.requests.length;
	const result = await executeWorkflow(instance, scenario.workflow.id);
	const requests = mock.requests.slice(before);
	// Kept for a look after a failure: what n8n printed and what the tenant received.
	const saved = join(instance.userFolder, 'output');
	mkdirSync(saved, { recursive: true });
	writeFileSync(join(saved, `${scenario.workflow.id}.log`), result.output);
	const redacted = requests.map((r) => ({ ...r, headers: { ...r.headers, authorization: r.headers.authorization ? 'Bearer <e2e token>' : undefined } }));
	writeFileSync(join(saved, `${scenario.workflow.id}.requests.json`), JSON.stringify(redacted, null, 2));
	const violations = requests.filter((r) => r.violations.length);
	if (violations.length) {
		throw new Error(`requests that do not conform to the OpenAPI spec:\n${violations.map((r) => `${r.method} ${r.path}?${r.query}\n  ${r.violations.join('\n  ')}`).join('\n')}`);
	}
	if (result.output.includes(TOKEN)) throw new Error('the API token appears in n8n output');
	if (!scenario.expectError && !result.ok) throw new Error(describeFailure(result));
	if (scenario.expectError && result.ok) throw new Error('the execution succeeded; an error was expected');
	scenario.check(contextFor(result, requests, mock.tenant, instance.userFolder));
}

async function runTarget(target: N8nTarget, tarball: string, all: Scenario[], triggers: TriggerScenario[]): Promise<void> {
	const name = `n8n ${target.n8nVersion}`;
	log(`\n== ${name} on Node.js ${target.node === 'system' ? process.version : `v${target.node}`} ==`);
	const install = await ensureN8n(target, (line) => log(`    ${line}`));
	const phase = install.installed ? 'install Node.js + n8n: cold' : 'install Node.js + n8n: warm (cache hit)';
	timings.push({ target: name, phase, ms: install.ms });
	log(`  [${seconds(install.ms).padStart(6)}] ${phase}`);

	const userFolder = join(CACHE_DIR, 'e2e', `n8n-${target.n8nVersion}`);
	rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	await timed(name, 'install the tarball as a community package', () => installLikeCommunityPackage(tarball, userFolder));
	const instance = await n8nInstance(install, userFolder, {
		encryptionKey: randomBytes(24).toString('hex'),
		// The examples use $today: one time zone for n8n and the checks.
		env: { GENERIC_TIMEZONE: 'UTC', TZ: 'UTC', N8N_PERSONALIZATION_ENABLED: 'false', N8N_TEMPLATES_ENABLED: 'false', N8N_SECURE_COOKIE: 'false' },
	});

	const mock = await startMockTenant({ host: 'localhost', token: TOKEN });
	try {
		const files = join(userFolder, 'import');
		mkdirSync(files, { recursive: true });
		writeFileSync(join(files, 'credentials.json'), JSON.stringify([{ ...DEMO_CREDENTIAL, type: CREDENTIAL_TYPE, data: { tenantUrl: mock.url, apiToken: TOKEN } }], null, 2));
		// Before the server starts: the running n8n (trigger scenarios) uses the credential too.
		await timed(name, 'n8n import:credentials', () => importCredentials(instance, join(files, 'credentials.json')));

		// One `n8n start` for everything that needs the server; stopped before `n8n execute` uses the database.
		let session: N8nSession | undefined;
		try {
			await test(name, `n8n registers ${NODE_TYPE}, ${CREDENTIAL_TYPE} and every type the package declares, marked plain for the editor`, () =>
				timed(name, 'n8n start + owner setup + GET /types/*.json', async () => {
					session = await openSession(instance);
					await checkRegistered(session);
				}),
			);
			for (const scenario of triggers) {
				await test(name, scenario.title, () => {
					if (!session) throw new Error('n8n did not start');
					return timed(name, 'trigger: activate, deliver, deactivate', () => scenario.run({ instance, session: session!, mock, token: TOKEN }));
				});
			}
		} finally {
			await session?.stop();
		}

		writeFileSync(join(files, 'workflows.json'), JSON.stringify(all.map((s) => s.workflow), null, 2));
		await timed(name, `n8n import:workflow (${all.length} workflows)`, () => importWorkflows(instance, join(files, 'workflows.json')));

		const started = Date.now();
		for (const scenario of all) await test(name, scenario.title, () => runScenario(instance, mock, scenario));
		timings.push({ target: name, phase: `n8n execute × ${all.length}`, ms: Date.now() - started });
		log(`  [${seconds(Date.now() - started).padStart(6)}] n8n execute × ${all.length}`);
	} finally {
		await mock.close();
	}
}

async function main(): Promise<number> {
	const started = Date.now();
	const targets = option('--n8n') ? option('--n8n')!.split(',').map(findTarget) : TARGETS;
	const only = option('--only')?.toLowerCase();
	const all = [...scenarios, ...exampleScenarios()].filter((s) => !only || s.title.toLowerCase().includes(only));
	const triggers = triggerScenarios.filter((s) => !only || s.title.toLowerCase().includes(only));
	log(`e2e: ${all.length} workflows + ${triggers.length} trigger scenarios × ${targets.map((t) => `n8n ${t.n8nVersion}`).join(', ')}; cache ${CACHE_DIR}`);

	// The validator compiles every operation's schemas on first use (tens of seconds on 2 cores): start it now.
	const warmUp = warmUpValidator();
	const tarball = await timed('all', 'npm run build + npm pack', () => buildAndPack(join(CACHE_DIR, 'e2e', 'pack')));
	await timed('all', 'OpenAPI validator ready', () => warmUp);

	for (const target of targets) {
		try {
			await runTarget(target, tarball, all, triggers);
		} catch (error) {
			outcomes.push({ target: `n8n ${target.n8nVersion}`, title: 'setup', ok: false, ms: 0, error: (error as Error).message });
			log(`  ✗ setup failed: ${(error as Error).message}`);
		}
	}

	log('\n== timings ==');
	for (const t of timings) log(`  ${t.target.padEnd(15)} ${t.phase.padEnd(48)} ${seconds(t.ms).padStart(7)}`);
	log(`  ${'total'.padEnd(15)} ${''.padEnd(48)} ${seconds(Date.now() - started).padStart(7)}`);
	const failed = outcomes.filter((o) => !o.ok);
	if (failed.length) {
		log('\n== failures ==');
		for (const f of failed) log(`  ${f.target}: ${f.title}\n      ${(f.error ?? '').split('\n').slice(0, 12).join('\n      ')}`);
	}
	log(`\n${outcomes.length - failed.length} passed, ${failed.length} failed`);
	return failed.length ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
