/**
 * `npm run bench:editor`: how the AMPECO node feels in the real n8n editor, next to n8n's
 * Notion node (and HTTP Request for reference), in headless Chromium.
 *
 *   npm run bench:editor                   n8n 1.123.50, 10 repetitions
 *   npm run bench:editor -- --n8n 2        n8n 2.41.1
 *   npm run bench:editor -- --quick        3 repetitions
 *   npm run bench:editor -- --reps N       N repetitions
 *   npm run bench:editor -- --json         the results as JSON on stdout (progress on stderr)
 *   npm run bench:editor -- --profile      also CPU profiles of one panel open, one keystroke and
 *                                          the Operation change both ways per node, in
 *                                          .work/bench-editor-profiles/
 *
 * One workflow holds the three nodes; each repetition goes through them in turn (the order
 * rotates), on each: open the panel on a Create-like operation, type into a text field,
 * switch to a Get Many-like operation, type into a number field, close and reopen the
 * panel there, switch the resource away and back, switch the operation back to Create.
 * Every action is timed in the page (page-probe.js); a first repetition warms up and is
 * not counted. The table gives medians. The last results go to .work/bench-editor.json;
 * screenshots of failed steps to .work/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { cpus, loadavg, tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { NODE_TYPE, PACKAGE_NAME, REPO_ROOT, TARGETS, findTarget } from '../../n8n/config';
import { canvasNode, launchChromium, openWorkflow, signIn, startEditorServer, type EditorServer } from '../../n8n/editor';
import { seconds } from '../../n8n/process';
import { option } from '../../n8n/process';
import { table } from '../console';
import { median, quantile, ratioInterval, verdict, type Interval, type Verdict } from '../statistics';
import { defaultNodeVersion, httpRequestVersion } from '../workflows';
import { formatSummary, profiler, summariseProfile } from './cpu-profile';
import { entryBytes, entryOf, optionLabel, watchNodeTypes, type NodeTypesDownload } from './node-types';
import { choose, closePanel, dropdownShows, focusField, openPanel, panelIsOpen, pause, PROBE_SCRIPT, type, type Timed, type Typing } from './panel';
import { benchWorkflow, scenarios, type ContenderKey, type NodeScenario } from './scenarios';

// ---------------------------------------------------------------------------- options

const flag = (name: string) => process.argv.includes(name);
const quick = flag('--quick');
const json = flag('--json');
const settings = {
	target: findTarget(option('--n8n') ?? TARGETS[0].key),
	reps: Number(option('--reps') ?? (quick ? '3' : '10')),
	/** Keystrokes per field per repetition: a character, then Backspace, so the value stays put. */
	keys: 6,
	profile: flag('--profile'),
};
if (!Number.isInteger(settings.reps) || settings.reps < 1) throw new Error('--reps must be a positive whole number');

const WORK = join(REPO_ROOT, '.work');
const PROFILES = join(WORK, 'bench-editor-profiles');
const WORKFLOW_ID = 'benchEditor00001';

const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

// ---------------------------------------------------------------------------- measures

const MEASURES = {
	openCreate: 'panel open, on Create',
	openGetMany: 'panel open, on Get Many',
	toGetMany: 'Operation change, Create → Get Many',
	toCreate: 'Operation change, Get Many → Create',
	resource: 'Resource change (away and back)',
	keyText: 'keystroke → next frame, text field',
	keyNumber: 'keystroke → next frame, number field',
} as const;
type Measure = keyof typeof MEASURES;

/** Issue 10's bounds on AMPECO / Notion. */
const BOUNDS: Record<Measure, number> = { openCreate: 1.2, openGetMany: 1.2, toGetMany: 1.5, toCreate: 1.5, resource: 1.5, keyText: 1.5, keyNumber: 1.5 };
/** Issue 10: no main-thread task over this while typing. */
const LONGEST_TASK_MS = 100;

type Samples = Record<Measure, number[]> & { longTasks: number[]; typingKeys: number };
const emptySamples = (): Samples => ({ openCreate: [], openGetMany: [], toGetMany: [], toCreate: [], resource: [], keyText: [], keyNumber: [], longTasks: [], typingKeys: 0 });

interface Labels {
	create: string;
	getMany: string;
	home?: string;
	other?: string;
}

interface Failure {
	node: ContenderKey;
	rep: number;
	step: string;
	error: string;
	screenshot?: string;
}
const failures: Failure[] = [];

// ---------------------------------------------------------------------------- one repetition

/** Keys that leave the field as it was: a character, Backspace, a character, Backspace… */
const textKeys = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 'Backspace' : 'x'));
/** In a number field Backspace first (50 → 5), then a digit (5 → 50): the value stays valid. */
const numberKeys = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? '0' : 'Backspace'));

const changedFields = new Set<string>();

function recordTyping(samples: Samples, into: 'keyText' | 'keyNumber', typing: Typing, what: string): void {
	if (typing.before !== typing.after && !changedFields.has(what)) {
		changedFields.add(what);
		say(`    note: typing changed ${what} from "${typing.before}" to "${typing.after}"`);
	}
	samples[into].push(...typing.keystrokes);
	samples.longTasks.push(...typing.longTasks.map((t) => t.duration));
	samples.typingKeys += typing.keystrokes.length;
}

async function repetition(page: Page, s: NodeScenario, labels: Labels, samples: Samples): Promise<void> {
	const op = s.operation.parameter;
	samples.openCreate.push((await openPanel(page, s.node.name, s.text)).ms);
	await pause(page);
	await focusField(page, s.text);
	recordTyping(samples, 'keyText', await type(page, `${s.key} ${s.text.label}`, textKeys(settings.keys)), `${s.key} ${s.text.label}`);

	samples.toGetMany.push((await choose(page, op, labels.getMany)).ms);
	await pause(page);
	if (s.number) {
		await focusField(page, s.number);
		recordTyping(samples, 'keyNumber', await type(page, `${s.key} ${s.number.label}`, numberKeys(settings.keys)), `${s.key} ${s.number.label}`);
	}

	await closePanel(page);
	await pause(page);
	samples.openGetMany.push((await openPanel(page, s.node.name, s.number ?? s.text)).ms);
	await pause(page);
	if (s.resource && labels.home && labels.other) {
		samples.resource.push((await choose(page, s.resource.parameter, labels.other)).ms);
		await pause(page);
		samples.resource.push((await choose(page, s.resource.parameter, labels.home)).ms);
		await pause(page);
		// Back on the home resource n8n selects its default operation.
		if (!(await dropdownShows(page, op, labels.getMany))) await choose(page, op, labels.getMany);
		await pause(page);
	}
	samples.toCreate.push((await choose(page, op, labels.create)).ms);
	await pause(page);
	await closePanel(page);
	await pause(page);
}

async function screenshotOnFailure(page: Page, key: ContenderKey, rep: number, step: string, error: unknown): Promise<void> {
	const file = join(WORK, `bench-editor-failure-${key}-${rep}.png`);
	const saved = await page.screenshot({ path: file }).then(() => file, () => undefined);
	const message = error instanceof Error ? error.message : String(error);
	failures.push({ node: key, rep, step, error: message, screenshot: saved });
	say(`    ✗ ${key}, repetition ${rep}: ${message.split('\n')[0]}${saved ? ` (screenshot ${saved})` : ''}`);
}

/** After a failed step: the node back on its Create-like operation, the panel closed. */
async function recover(page: Page, s: NodeScenario, labels: Labels): Promise<void> {
	await page.keyboard.press('Escape').catch(() => undefined);
	try {
		if (!(await panelIsOpen(page))) await canvasNode(page, s.node.name).dblclick();
		await page.locator(`[data-test-id="ndv"] [data-test-id="parameter-input-${s.operation.parameter}"]:visible`).waitFor({ timeout: 10_000 });
		if (s.resource && labels.home && !(await dropdownShows(page, s.resource.parameter, labels.home))) await choose(page, s.resource.parameter, labels.home);
		if (!(await dropdownShows(page, s.operation.parameter, labels.create))) await choose(page, s.operation.parameter, labels.create);
	} catch {
		// the next repetition will tell
	}
	await closePanel(page).catch(() => undefined);
}

// ---------------------------------------------------------------------------- profile

async function profileNode(page: Page, s: NodeScenario, labels: Labels): Promise<string[]> {
	const record = await profiler(page);
	const out: string[] = [];
	// Each action recorded until the work it started has settled.
	const profiled = (act: () => Promise<Timed>) =>
		record.record(async () => {
			const t = await act();
			await pause(page, 300);
			return t.ms;
		});
	const open = await profiled(() => openPanel(page, s.node.name, s.text));
	await pause(page, 500);
	await focusField(page, s.text);
	const keystroke = await record.record(async () => {
		const typing = await type(page, `${s.key} ${s.text.label} (profiled)`, ['x']);
		return typing.keystrokes[0];
	});
	await page.keyboard.press('Backspace');
	await pause(page, 500);
	const change = await profiled(() => choose(page, s.operation.parameter, labels.getMany));
	await pause(page, 500);
	const back = await profiled(() => choose(page, s.operation.parameter, labels.create));
	await closePanel(page);
	const runs = [
		['panel-open', open],
		['keystroke', keystroke],
		['operation-change', change],
		['operation-change-back', back],
	] as const;
	for (const [what, run] of runs) {
		const file = join(PROFILES, `${settings.target.n8nVersion}-${s.key}-${what}.cpuprofile`);
		writeFileSync(file, JSON.stringify(run.profile));
		out.push(formatSummary(`${s.title}, ${what} (${run.result.toFixed(0)} ms to the frame) — ${file.replace(`${REPO_ROOT}/`, '')}`, summariseProfile(run.profile)));
	}
	return out;
}

// ---------------------------------------------------------------------------- report

const ms = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(1)} ms`);
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || !b ? '—' : `${(a / b).toFixed(2)}×`);
const kb = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / 1024).toFixed(0)} KB`);

function summarise(all: Record<ContenderKey, Samples>) {
	const medians = (s: Samples) => ({
		...Object.fromEntries((Object.keys(MEASURES) as Measure[]).map((m) => [m, s[m].length ? median(s[m]) : undefined])),
		keyTextP90: s.keyText.length ? quantile(s.keyText, 0.9) : undefined,
		keyNumberP90: s.keyNumber.length ? quantile(s.keyNumber, 0.9) : undefined,
		longTasksWhileTyping: s.longTasks.length,
		keystrokesTyped: s.typingKeys,
		longestTaskWhileTyping: s.longTasks.length ? Math.max(...s.longTasks) : 0,
	});
	return { ampeco: medians(all.ampeco), notion: medians(all.notion), http: medians(all.http) } as Record<ContenderKey, Record<string, number | undefined>>;
}

type Judged = Interval & { target: number; verdict: Verdict };

/**
 * AMPECO / Notion per measure, with its 95% bootstrap interval and where it stands against
 * the target; and AMPECO's longest task while typing against its bound (a single value).
 */
function judge(all: Record<ContenderKey, Samples>, summary: ReturnType<typeof summarise>) {
	const ratios: Partial<Record<Measure, Judged>> = {};
	for (const m of Object.keys(MEASURES) as Measure[]) {
		if (!all.ampeco[m].length || !all.notion[m].length) continue;
		const interval = ratioInterval(all.ampeco[m], all.notion[m]);
		ratios[m] = { ...interval, target: BOUNDS[m], verdict: verdict(interval, BOUNDS[m]) };
	}
	const longest = summary.ampeco.longestTaskWhileTyping ?? 0;
	const longestTask = { ms: longest, targetMs: LONGEST_TASK_MS, verdict: longest <= LONGEST_TASK_MS ? 'met' : 'missed' };
	return { ratios, longestTask };
}

function report(result: ReturnType<typeof summarise>, judged: ReturnType<typeof judge>, list: NodeScenario[]): string {
	const [a, n, h] = [result.ampeco, result.notion, result.http];
	const title = (key: ContenderKey) => list.find((s) => s.key === key)!.title;
	const rows: string[][] = [['median', title('ampeco'), title('notion'), title('http'), 'AMPECO / Notion', '95% interval', 'target', 'verdict', 'AMPECO / HTTP']];
	const row = (label: string, key: string, judgement?: Judged) =>
		rows.push([
			label,
			ms(a[key]),
			ms(n[key]),
			ms(h[key]),
			ratio(a[key], n[key]),
			judgement ? (Number.isFinite(judgement.low) ? `${judgement.low.toFixed(2)}–${judgement.high.toFixed(2)}×` : 'too few samples') : '',
			judgement ? `≤ ${judgement.target}×` : '',
			judgement?.verdict ?? '',
			ratio(a[key], h[key]),
		]);
	for (const m of Object.keys(MEASURES) as Measure[]) row(MEASURES[m], m, judged.ratios[m]);
	row('keystroke, text field, p90', 'keyTextP90');
	row('keystroke, number field, p90', 'keyNumberP90');
	const count = (v: number | undefined) => (v === undefined ? '—' : String(v));
	rows.push(['long tasks while typing (count / keys)', `${count(a.longTasksWhileTyping)} / ${count(a.keystrokesTyped)}`, `${count(n.longTasksWhileTyping)} / ${count(n.keystrokesTyped)}`, `${count(h.longTasksWhileTyping)} / ${count(h.keystrokesTyped)}`, '', '', '', '', '']);
	const { longestTask } = judged;
	rows.push(['longest task while typing', ms(a.longestTaskWhileTyping), ms(n.longestTaskWhileTyping), ms(h.longestTaskWhileTyping), '', '', `≤ ${longestTask.targetMs} ms`, longestTask.verdict, '']);
	return table(rows);
}

function sizes(download: NodeTypesDownload, notionVersion: number) {
	const entry = (type: string, version?: number) => entryBytes(entryOf(download, type, version));
	return {
		download: download.url,
		downloadBytes: download.bytes,
		ampeco: entry(NODE_TYPE),
		ampecoTool: entry(`${NODE_TYPE}Tool`),
		ampecoTrigger: entry(`${PACKAGE_NAME}.ampecoTrigger`),
		notion: entry('n8n-nodes-base.notion', notionVersion),
		notionTool: entry('n8n-nodes-base.notionTool', notionVersion),
	};
}

// ---------------------------------------------------------------------------- main

/** The AMPECO node's newest version, from the node types the installed package ships. */
function packagedVersion(packageDir: string): number {
	const types = JSON.parse(readFileSync(join(packageDir, 'dist', 'types', 'nodes.json'), 'utf8')) as Array<{ name: string; version: number | number[] }>;
	const entry = types.find((t) => `${PACKAGE_NAME}.${t.name}` === NODE_TYPE || t.name === NODE_TYPE);
	if (!entry) throw new Error(`${packageDir}/dist/types/nodes.json does not list ${NODE_TYPE}`);
	return Array.isArray(entry.version) ? Math.max(...entry.version) : entry.version;
}

async function main(): Promise<number> {
	const started = Date.now();
	const { target } = settings;
	const loadAtStart = loadavg();
	say(`bench:editor — n8n ${target.n8nVersion}, ${settings.reps} repetition(s) + 1 warm-up, ${settings.keys} keystrokes per field each; load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`);
	mkdirSync(WORK, { recursive: true });

	const userFolder = mkdtempSync(join(tmpdir(), 'ampeco-bench-editor-'));
	let server: EditorServer | undefined;
	let browser: Browser | undefined;
	let list: NodeScenario[] = [];
	try {
		server = await startEditorServer({
			target,
			userFolder,
			workflows: (install, packageDir) => {
				list = scenarios({
					ampeco: packagedVersion(packageDir),
					notion: defaultNodeVersion(install.dir, 'Notion/Notion.node.js'),
					httpRequest: httpRequestVersion(install.dir),
				});
				return [benchWorkflow(WORKFLOW_ID, list)];
			},
			say,
		});
		browser = await launchChromium();
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		await page.addInitScript({ path: PROBE_SCRIPT });
		const nodeTypes = watchNodeTypes(page);
		try {
			await signIn(page, server);
			await openWorkflow(page, server, WORKFLOW_ID, list[0].node.name);
		} catch (error) {
			await page.screenshot({ path: join(WORK, 'bench-editor-failure-start.png') }).catch(() => undefined);
			throw error;
		}
		const download = await nodeTypes();
		await pause(page, 2000);

		const labels = Object.fromEntries(
			list.map((s) => {
				const entry = entryOf(download, s.node.type, s.node.typeVersion);
				if (!entry) throw new Error(`${download.url} has no ${s.node.type} v${s.node.typeVersion}`);
				const home = s.resource && { parameter: s.resource.parameter, value: s.resource.home };
				const label = (parameter: string, value: string) => optionLabel(entry, parameter, value, home);
				return [
					s.key,
					{
						create: label(s.operation.parameter, s.operation.create),
						getMany: label(s.operation.parameter, s.operation.getMany),
						...(s.resource ? { home: label(s.resource.parameter, s.resource.home), other: label(s.resource.parameter, s.resource.other) } : {}),
					},
				];
			}),
		) as Record<ContenderKey, Labels>;

		const samples: Record<ContenderKey, Samples> = { ampeco: emptySamples(), notion: emptySamples(), http: emptySamples() };
		for (let rep = 0; rep <= settings.reps; rep++) {
			// The order rotates, so no node always follows the same one.
			const order = list.map((_, i) => list[(i + rep) % list.length]);
			say(`  ${rep ? `repetition ${rep}/${settings.reps}` : 'warm-up'}: ${order.map((s) => s.key).join(', ')} [load ${loadavg()[0].toFixed(2)}]`);
			for (const s of order) {
				const into = rep ? samples[s.key] : emptySamples();
				try {
					await repetition(page, s, labels[s.key], into);
				} catch (error) {
					await screenshotOnFailure(page, s.key, rep, 'repetition', error);
					await recover(page, s, labels[s.key]);
				}
			}
		}

		const profiles: string[] = [];
		if (settings.profile) {
			mkdirSync(PROFILES, { recursive: true });
			for (const s of list.filter((x) => x.key !== 'http')) {
				say(`  profiling ${s.title}: panel open, one keystroke in ${s.text.label}, Operation change both ways`);
				profiles.push(...(await profileNode(page, s, labels[s.key])));
			}
			writeFileSync(join(PROFILES, `${target.n8nVersion}-summary.txt`), `${profiles.join('\n\n')}\n`);
		}

		const loadAtEnd = loadavg();
		const medians = summarise(samples);
		const judged = judge(samples, medians);
		const result = {
			meta: { package: PACKAGE_NAME, n8n: target.n8nVersion, chromium: browser.version(), date: new Date().toISOString(), cores: cpus().length, loadAtStart, loadAtEnd, reps: settings.reps, keysPerField: settings.keys },
			nodes: Object.fromEntries(list.map((s) => [s.key, { title: s.title, type: s.node.type, typeVersion: s.node.typeVersion, labels: labels[s.key] }])),
			sizes: sizes(download, list.find((s) => s.key === 'notion')!.node.typeVersion),
			medians,
			...judged,
			samples,
			failures,
		};
		writeFileSync(join(WORK, 'bench-editor.json'), `${JSON.stringify(result, null, 2)}\n`);
		if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
		else {
			say(`\n${report(medians, judged, list)}`);
			const z = result.sizes;
			say(
				`\nnode types the editor downloads at start (${z.download}, ${kb(z.downloadBytes)} in all): ` +
					`ampeco ${kb(z.ampeco)}, ampecoTool ${kb(z.ampecoTool)}, ampecoTrigger ${kb(z.ampecoTrigger)}; Notion v${result.nodes.notion.typeVersion} ${kb(z.notion)}, notionTool ${kb(z.notionTool)}`,
			);
			if (profiles.length) say(`\n${profiles.join('\n\n')}`);
		}
		say(`\nload average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at start, ${loadAtEnd.map((l) => l.toFixed(2)).join(' ')} at the end (${cpus().length} cores)`);
		if (failures.length) say(`${failures.length} step(s) failed; screenshots in .work/`);
		say(`results: .work/bench-editor.json; total ${seconds(Date.now() - started)}`);
		return failures.length ? 1 : 0;
	} finally {
		await browser?.close().catch(() => undefined);
		await server?.n8n.stop();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error instanceof Error ? error.stack ?? error.message : error);
		process.exit(1);
	},
);
