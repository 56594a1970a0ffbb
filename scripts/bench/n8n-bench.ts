/**
 * `npm run bench:n8n`: the AMPECO node against n8n's own HTTP Request node, in real n8n,
 * on the jobs users run.
 *
 *   npm run bench:n8n                     n8n 1.123.50, 5 rounds (≈4 min on 2 cores)
 *   npm run bench:n8n -- --n8n 2          n8n 2.41.1 on Node.js 24
 *   npm run bench:n8n -- --quick          1 round, smaller jobs: a smoke test (1–2 min)
 *   npm run bench:n8n -- --json           the results as JSON on stdout (progress on stderr)
 *
 *   --rounds N (5)  --latency MS (20)  --records N (10000)  --items N (1000)
 *   --concurrency N (50)  --rate-limit N|auto (auto)  --loader-rounds N (10)
 *   --cpu-prof      also write V8 CPU profiles of the executions to .work/bench-profiles/ (open them
 *                   in Chrome DevTools; profiling slows both contenders, so read its times with care)
 *
 * A mock AMPECO on 127.0.0.1 answers after `latency` ms. Each workflow runs with
 * `n8n execute --id` in a fresh n8n process; times are the measured nodes' executionTime
 * from n8n's run data (n8n's own start-up is not counted), memory is the n8n process's peak
 * RSS and V8 heap growth while those nodes ran (see measure.ts, n8n-preload.js). AMPECO and HTTP Request alternate within each
 * round, and which goes first alternates between rounds.
 *
 *   1. List 10,000 sessions (cursor pages of 100): AMPECO Get Many + Return All vs HTTP
 *      Request with pagination "Response Contains Next URL" + Split Out on `data`.
 *      Goals: time ≤ 0.8×, peak memory ≤ 1.0×.
 *   2. 1,000 × Get EVSE, one per input item, both on defaults. Goal ≤ 1.0×.
 *      Then AMPECO with Request Options → Concurrency 50 against a mock that enforces a rate
 *      limit per second, sending X-RateLimit-Limit/Remaining on every answer. Goal: ≥ 3×
 *      faster than HTTP Request's defaults, with zero 429 answers. `auto` sets the limit to
 *      4× the rate HTTP Request reached in the same round, so a 3× speed-up stays under it.
 *   3. n8n's loader on this package vs the Notion node (loader-probe.js). Goal: ours ≤ Notion's.
 *
 * The last results go to .work/bench-n8n.json. Exit code 0 whether goals hold or not (it is
 * a measurement); 1 when an execution failed.
 */
import { randomBytes } from 'crypto';
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { cpus, loadavg } from 'os';
import { join } from 'path';
import { CACHE_DIR, CREDENTIAL_TYPE, DEMO_CREDENTIAL, PACKAGE_NAME, REPO_ROOT, TARGETS, findTarget } from '../n8n/config';
import { buildAndPack, installLikeCommunityPackage } from '../n8n/community-package';
import { ensureN8n } from '../n8n/install-n8n';
import { importCredentials, importWorkflows, n8nInstance, type N8nInstance } from '../n8n/n8n-cli';
import { option, seconds } from '../n8n/process';
import { table } from './console';
import { executeMeasured, type Execution } from './execute';
import { sequentialPagesFloor } from './floor';
import { benchLoader, type LoaderResult } from './loader';
import type { Measured } from './measure';
import { median } from './statistics';
import { startMockTenant, type Counters, type MockTenantServer } from '../mock-tenant/server';
import { benchReplies } from './bench-replies';
import { benchWorkflows, httpRequestVersion, HTTP_CREDENTIAL, MEASURED, type BenchWorkflows } from './workflows';

// ---------------------------------------------------------------------------- options

const flag = (name: string) => process.argv.includes(name);
function positive(name: string, fallback: number): number {
	const value = Number(option(name) ?? fallback);
	if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
	return value;
}

const quick = flag('--quick');
const json = flag('--json');
const settings = {
	target: findTarget(option('--n8n') ?? TARGETS[0].key),
	quick,
	rounds: positive('--rounds', quick ? 1 : 5),
	latencyMs: Number(option('--latency') ?? 20),
	records: positive('--records', quick ? 2000 : 10_000),
	items: positive('--items', quick ? 200 : 1000),
	concurrency: positive('--concurrency', 50),
	rateLimit: option('--rate-limit') ?? 'auto',
	loaderRounds: positive('--loader-rounds', quick ? 3 : 10),
	cpuProf: flag('--cpu-prof'),
};
if (!(settings.latencyMs >= 0)) throw new Error('--latency must be a number of milliseconds');
if (settings.rateLimit !== 'auto' && !(Number(settings.rateLimit) >= 1)) throw new Error('--rate-limit must be a number of requests per second, or auto');

/** Progress goes to stderr with --json, so stdout holds only the document. */
const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

// ---------------------------------------------------------------------------- types

type Contender = 'ampeco' | 'http';

/** One contender's run in one round: what measure() read, plus the run's context. */
interface Sample extends Omit<Measured, 'samplesInWindow'> {
	round: number;
	wallMs: number;
	load: [number, number];
	mock: Counters;
	/** Requests per second over the node's executionTime. */
	rate: number;
	rateLimitPerSecond?: number;
}

interface Scenario {
	title: string;
	samples: Record<Contender, Sample[]>;
}

interface Failure {
	scenario: string;
	contender: Contender;
	round: number;
	error: string;
}

// ---------------------------------------------------------------------------- running

const failures: Failure[] = [];
const loads: number[] = [];

async function runOne(
	instance: N8nInstance,
	mock: MockTenantServer,
	scenario: Scenario,
	key: string,
	contender: Contender,
	round: number,
	workflowId: string,
	nodes: readonly string[],
	expectedItems: number,
	workDir: string,
	rateLimitPerSecond?: number,
): Promise<Sample | undefined> {
	mock.reset();
	mock.setRateLimit(rateLimitPerSecond ? { limit: rateLimitPerSecond, windowMs: 1000 } : undefined);
	const profile = settings.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${join(REPO_ROOT, '.work', 'bench-profiles')}`, `--cpu-prof-name=${key}-${contender}-round${round}.cpuprofile`] : [];
	const execution: Execution = await executeMeasured(instance, workflowId, nodes, join(workDir, `${workflowId}.out`), profile);
	const counters = mock.counters();
	loads.push(...execution.load);
	const m = execution.measured;
	let error = execution.error;
	if (!error && m && m.items !== expectedItems) error = `expected ${expectedItems} items, got ${m.items}`;
	if (error || !m) {
		failures.push({ scenario: key, contender, round, error: error ?? 'no measurement' });
		say(`    ✗ ${contender} failed: ${(error ?? '').split('\n').slice(0, 6).join('\n      ')}`);
		return undefined;
	}
	const sample: Sample = {
		round,
		ms: m.ms,
		items: m.items,
		peakRssMb: m.peakRssMb,
		growthMb: m.growthMb,
		baseRssMb: m.baseRssMb,
		exactPeak: m.exactPeak,
		heapPeakMb: m.heapPeakMb,
		heapGrowthMb: m.heapGrowthMb,
		wallMs: execution.wallMs,
		load: execution.load,
		mock: counters,
		rate: counters.requests / (m.ms / 1000),
		...(rateLimitPerSecond ? { rateLimitPerSecond } : {}),
	};
	scenario.samples[contender].push(sample);
	const memory = `${m.peakRssMb !== undefined ? `, peak RSS ${m.peakRssMb} MB` : ''}${m.heapGrowthMb !== undefined ? `, heap +${m.heapGrowthMb} MB` : ''}`;
	say(
		`    ${contender.padEnd(6)} ${(m.ms / 1000).toFixed(2).padStart(6)} s${memory}, ${counters.requests} requests, ${counters.tooManyRequests} × 429, ≤${counters.maxInFlight} in flight${rateLimitPerSecond ? `, limit ${rateLimitPerSecond}/s` : ''} [load ${execution.load[0].toFixed(2)}]`,
	);
	return sample;
}

// ---------------------------------------------------------------------------- summary

interface Comparison {
	ampecoMs: number;
	httpMs: number;
	/** AMPECO / HTTP Request time (lower is better). */
	ratio: number;
	ampecoPeakMb?: number;
	httpPeakMb?: number;
	ampecoGrowthMb?: number;
	httpGrowthMb?: number;
	/** AMPECO / HTTP Request RSS growth during the nodes (noisy: V8 reuses pages it holds). */
	memoryRatio?: number;
	/** AMPECO / HTTP Request peak RSS of the n8n process while the nodes ran (lower is better). */
	peakRatio?: number;
	ampecoHeapGrowthMb?: number;
	httpHeapGrowthMb?: number;
	/** AMPECO / HTTP Request V8 heap growth while the nodes ran (lower is better). */
	heapRatio?: number;
	ampecoRate: number;
	httpRate: number;
	tooManyRequests: { ampeco: number; http: number };
	maxInFlight: { ampeco: number; http: number };
}

const med = (samples: Sample[], pick: (s: Sample) => number | undefined) => {
	const values = samples.map(pick).filter((v): v is number => v !== undefined);
	return values.length ? median(values) : undefined;
};

function compare(ampeco: Sample[], http: Sample[]): Comparison | undefined {
	if (!ampeco.length || !http.length) return undefined;
	const ampecoMs = median(ampeco.map((s) => s.ms));
	const httpMs = median(http.map((s) => s.ms));
	const ampecoGrowthMb = med(ampeco, (s) => s.growthMb);
	const httpGrowthMb = med(http, (s) => s.growthMb);
	const ampecoPeakMb = med(ampeco, (s) => s.peakRssMb);
	const httpPeakMb = med(http, (s) => s.peakRssMb);
	const ampecoHeapGrowthMb = med(ampeco, (s) => s.heapGrowthMb);
	const httpHeapGrowthMb = med(http, (s) => s.heapGrowthMb);
	return {
		ampecoMs,
		httpMs,
		ratio: ampecoMs / httpMs,
		ampecoPeakMb,
		httpPeakMb,
		ampecoGrowthMb,
		httpGrowthMb,
		memoryRatio: ampecoGrowthMb !== undefined && httpGrowthMb ? ampecoGrowthMb / httpGrowthMb : undefined,
		peakRatio: ampecoPeakMb !== undefined && httpPeakMb ? ampecoPeakMb / httpPeakMb : undefined,
		ampecoHeapGrowthMb,
		httpHeapGrowthMb,
		heapRatio: ampecoHeapGrowthMb !== undefined && httpHeapGrowthMb ? ampecoHeapGrowthMb / httpHeapGrowthMb : undefined,
		ampecoRate: median(ampeco.map((s) => s.rate)),
		httpRate: median(http.map((s) => s.rate)),
		tooManyRequests: { ampeco: ampeco.reduce((n, s) => n + s.mock.tooManyRequests, 0), http: http.reduce((n, s) => n + s.mock.tooManyRequests, 0) },
		maxInFlight: { ampeco: Math.max(...ampeco.map((s) => s.mock.maxInFlight)), http: Math.max(...http.map((s) => s.mock.maxInFlight)) },
	};
}

interface Goal {
	name: string;
	measure: string;
	value: number;
	target: string;
	pass: boolean;
}

// ---------------------------------------------------------------------------- report

const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const fmtMb = (mb?: number) => (mb === undefined ? '—' : `${mb.toFixed(1)} MB`);
/** Median with the range over the rounds, e.g. "18.0 MB (14.4–25.4)". */
function fmtRange(samples: Sample[], pick: (s: Sample) => number | undefined, format: (v: number) => string): string {
	const values = samples.map(pick).filter((v): v is number => v !== undefined);
	if (!values.length) return '—';
	const middle = format(median(values));
	return values.length > 1 ? `${middle} (${format(Math.min(...values))}–${format(Math.max(...values))})` : middle;
}
const fmtX = (x?: number) => (x === undefined || !Number.isFinite(x) ? '—' : `${x.toFixed(2)}×`);

// ---------------------------------------------------------------------------- main

async function main(): Promise<number> {
	const started = Date.now();
	const { target } = settings;
	const loadAtStart = loadavg();
	say(
		`bench:n8n — n8n ${target.n8nVersion}, ${settings.rounds} round(s), latency ${settings.latencyMs} ms, ${settings.records} records, ${settings.items} items${quick ? ' (quick)' : ''}; ` +
			`load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`,
	);
	if (loadAtStart[0] > cpus().length / 2) say(`  note: the machine is busy (1-min load ${loadAtStart[0].toFixed(2)}): absolute times suffer, ratios less so (contenders alternate)`);

	const benchDir = join(CACHE_DIR, 'bench');
	const tarball = await timed('npm run build + npm pack', () => buildAndPack(join(benchDir, 'pack')));
	const install = await timed(`n8n ${target.n8nVersion} (cached)`, () => ensureN8n(target, (l) => say(`    ${l}`)));
	const userFolder = join(benchDir, `n8n-${target.n8nVersion}`);
	rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	const packageDir = await timed('install the tarball as a community package', () => installLikeCommunityPackage(tarball, userFolder));

	const token = `bench_${randomBytes(8).toString('hex')}`;
	const mock = await startMockTenant({ token, latencyMs: settings.latencyMs, replies: benchReplies(settings.records) });
	try {
		const instance = await n8nInstance(install, userFolder, {
			encryptionKey: randomBytes(24).toString('hex'),
			env: { N8N_PERSONALIZATION_ENABLED: 'false', N8N_TEMPLATES_ENABLED: 'false', GENERIC_TIMEZONE: 'UTC', TZ: 'UTC' },
		});
		const httpVersion = httpRequestVersion(install.dir);
		const workflows = benchWorkflows(mock.url, httpVersion, settings.items, settings.concurrency);
		const files = join(userFolder, 'import');
		mkdirSync(files, { recursive: true });
		writeFileSync(
			join(files, 'credentials.json'),
			JSON.stringify([
				{ ...DEMO_CREDENTIAL, type: CREDENTIAL_TYPE, data: { tenantUrl: mock.url, apiToken: token } },
				{ ...HTTP_CREDENTIAL, type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${token}` } },
			]),
		);
		writeFileSync(join(files, 'workflows.json'), JSON.stringify(Object.values(workflows)));
		await timed('n8n import:credentials + import:workflow', async () => {
			await importCredentials(instance, join(files, 'credentials.json'));
			await importWorkflows(instance, join(files, 'workflows.json'));
		});
		say(`  HTTP Request typeVersion ${httpVersion} (the editor's default on this n8n); mock AMPECO at ${mock.url}`);

		const scenarios = await runRounds(instance, mock, workflows, join(benchDir, 'output'));
		mock.reset();
		mock.setRateLimit(undefined);
		const floor = await timed('list floor: the same pages, one after another, bare Node.js client', () =>
			sequentialPagesFloor(`${mock.url}/public-api/resources/sessions/v1.0?per_page=100`, token, settings.rounds),
		);
		say('\n  package loader (fresh process per measurement):');
		const loader = await benchLoader(install, packageDir, settings.loaderRounds, say);
		const result = summarise(scenarios, loader, floor, install.node.version, httpVersion, loadAtStart, Date.now() - started);

		mkdirSync(join(REPO_ROOT, '.work'), { recursive: true });
		writeFileSync(join(REPO_ROOT, '.work', 'bench-n8n.json'), `${JSON.stringify(result, null, 2)}\n`);
		if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
		else say(`\n${report(result)}`);
		say(`\nresults: .work/bench-n8n.json; total ${seconds(Date.now() - started)}`);
		return failures.length ? 1 : 0;
	} finally {
		await mock.close();
	}
}

async function timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
	const t = Date.now();
	const value = await work();
	say(`  [${seconds(Date.now() - t).padStart(6)}] ${phase}`);
	return value;
}

async function runRounds(instance: N8nInstance, mock: MockTenantServer, wf: BenchWorkflows, workDir: string): Promise<Record<'list' | 'get' | 'getLimited', Scenario>> {
	mkdirSync(workDir, { recursive: true });
	const scenarios = {
		list: { title: `List ${settings.records} sessions (cursor pages of 100)`, samples: { ampeco: [], http: [] } } as Scenario,
		get: { title: `${settings.items} × Get EVSE, defaults`, samples: { ampeco: [], http: [] } } as Scenario,
		getLimited: { title: `${settings.items} × Get EVSE, AMPECO concurrency ${settings.concurrency}, rate-limited mock`, samples: { ampeco: [], http: [] } } as Scenario,
	};
	for (let round = 1; round <= settings.rounds; round++) {
		const order: Contender[] = round % 2 ? ['ampeco', 'http'] : ['http', 'ampeco'];
		say(`\n  round ${round}/${settings.rounds} (${order.join(' first, then ')})`);

		say(`   1. ${scenarios.list.title}`);
		for (const c of order) {
			await runOne(instance, mock, scenarios.list, 'list', c, round, c === 'ampeco' ? wf.listAmpeco.id : wf.listHttp.id, c === 'ampeco' ? MEASURED.ampeco : MEASURED.http, settings.records, workDir);
		}

		say(`   2. ${scenarios.get.title}`);
		let http: Sample | undefined;
		for (const c of order) {
			const sample = await runOne(instance, mock, scenarios.get, 'get', c, round, c === 'ampeco' ? wf.getAmpeco.id : wf.getHttp.id, c === 'ampeco' ? MEASURED.ampeco : MEASURED.httpGet, settings.items, workDir);
			if (c === 'http') http = sample;
		}

		// HTTP Request's defaults are the yardstick: its run of step 2 in this same round.
		const limit = settings.rateLimit === 'auto' ? (http ? Math.ceil((4 * http.rate) / 50) * 50 : 1000) : Number(settings.rateLimit);
		say(`   2b. AMPECO, Request Options → Concurrency ${settings.concurrency}, mock limited to ${limit} requests/s${settings.rateLimit === 'auto' ? ' (4× HTTP Request’s rate this round)' : ''}`);
		await runOne(instance, mock, scenarios.getLimited, 'getLimited', 'ampeco', round, wf.getAmpecoFast.id, MEASURED.ampeco, settings.items, workDir, limit);
		if (http) scenarios.getLimited.samples.http.push(http);
	}
	return scenarios;
}

function summarise(
	scenarios: Record<'list' | 'get' | 'getLimited', Scenario>,
	loader: LoaderResult,
	floor: { ms: number; records: number; pages: number },
	nodeVersion: string, httpVersion: number, loadAtStart: number[], totalMs: number) {
	const list = compare(scenarios.list.samples.ampeco, scenarios.list.samples.http);
	const get = compare(scenarios.get.samples.ampeco, scenarios.get.samples.http);
	const limited = compare(scenarios.getLimited.samples.ampeco, scenarios.getLimited.samples.http);
	const goals: Goal[] = [];
	if (list) {
		goals.push({ name: '1. list: time', measure: 'AMPECO / (HTTP Request + Split Out) executionTime, median', value: list.ratio, target: '≤ 0.80', pass: list.ratio <= 0.8 });
		if (list.peakRatio !== undefined) {
			goals.push({ name: '1. list: peak memory (RSS)', measure: 'AMPECO / HTTP Request + Split Out: peak RSS of n8n while the nodes ran, median', value: list.peakRatio, target: '≤ 1.00', pass: list.peakRatio <= 1 });
		}
		if (list.ampecoGrowthMb !== undefined && list.httpGrowthMb !== undefined) {
			// The absolute peak is mostly n8n's own RSS before the nodes start, which lands at one of two
			// levels from run to run (about 245 or 285 MB on n8n 1.123): what the job adds over it is the node's.
			const added = list.ampecoGrowthMb - list.httpGrowthMb;
			goals.push({ name: '1. list: peak RSS added by the job', measure: 'AMPECO − HTTP Request + Split Out: peak RSS minus RSS just before the nodes, medians, MB', value: added, target: '≤ 0 MB', pass: added <= 0 });
		}
		if (list.heapRatio !== undefined) {
			goals.push({ name: '1. list: memory the nodes took (heap)', measure: 'AMPECO / HTTP Request + Split Out: V8 heap growth while the nodes ran, median', value: list.heapRatio, target: '≤ 1.00', pass: list.heapRatio <= 1 });
		}
	}
	if (get) goals.push({ name: '2. get × items, defaults', measure: 'AMPECO / HTTP Request executionTime, median', value: get.ratio, target: '≤ 1.00', pass: get.ratio <= 1 });
	if (limited) {
		const speedup = limited.httpMs / limited.ampecoMs;
		goals.push({ name: `2b. concurrency ${settings.concurrency}, rate-limited`, measure: 'HTTP Request (defaults) / AMPECO executionTime, median: speed-up', value: speedup, target: '≥ 3.00', pass: speedup >= 3 });
		goals.push({ name: '2b. 429 answers to AMPECO', measure: 'counted by the mock, all rounds', value: limited.tooManyRequests.ampeco, target: '= 0', pass: limited.tooManyRequests.ampeco === 0 });
	}
	goals.push({ name: '3. loader: package', measure: 'our package (start + first use of node, trigger, credential) / Notion node + trigger + 2 credentials, median', value: loader.package.ratio, target: '≤ 1.00', pass: loader.package.ratio <= 1 });
	goals.push({ name: '3. loader: node', measure: 'AMPECO node / Notion node, median', value: loader.node.ratio, target: '≤ 1.00', pass: loader.node.ratio <= 1 });

	return {
		meta: {
			package: PACKAGE_NAME,
			n8n: settings.target.n8nVersion,
			node: nodeVersion,
			httpRequestTypeVersion: httpVersion,
			date: new Date().toISOString(),
			cores: cpus().length,
			...settings,
			target: settings.target.key,
			loadAverageAtStart: loadAtStart,
			loadAverageWhileMeasuring: { median: median(loads), max: Math.max(...loads) },
			totalMs,
		},
		goals,
		comparisons: { list, get, getLimited: limited },
		/** The listing's floor: no node can page a cursor listing faster than one round trip per page. */
		listFloor: { ...floor, ratioToHttp: list ? floor.ms / list.httpMs : undefined },
		loader,
		scenarios,
		failures,
	};
}

function report(result: ReturnType<typeof summarise>): string {
	const { list, get, getLimited } = result.comparisons;
	const { meta, loader, scenarios } = result;
	const mbRange = (scenario: Scenario, c: Contender, pick: (s: Sample) => number | undefined) => fmtRange(scenario.samples[c], pick, (v) => v.toFixed(1)) + ' MB';
	const sRange = (scenario: Scenario, c: Contender) => fmtRange(scenario.samples[c], (s) => s.ms, (v) => (v / 1000).toFixed(2)) + ' s';
	const rows: string[][] = [['', 'AMPECO', 'HTTP Request', 'ratio (AMPECO/HTTP)']];
	if (list) {
		rows.push([`1. list ${settings.records} sessions: time`, sRange(scenarios.list, 'ampeco'), `${sRange(scenarios.list, 'http')} (+ Split Out)`, fmtX(list.ratio)]);
		rows.push(['   peak RSS of n8n while the nodes ran', mbRange(scenarios.list, 'ampeco', (s) => s.peakRssMb), mbRange(scenarios.list, 'http', (s) => s.peakRssMb), fmtX(list.peakRatio)]);
		rows.push(['   peak RSS added over the RSS just before the nodes', mbRange(scenarios.list, 'ampeco', (s) => s.growthMb), mbRange(scenarios.list, 'http', (s) => s.growthMb), '']);
		rows.push(['   V8 heap growth while the nodes ran', mbRange(scenarios.list, 'ampeco', (s) => s.heapGrowthMb), mbRange(scenarios.list, 'http', (s) => s.heapGrowthMb), fmtX(list.heapRatio)]);
		const { listFloor } = result;
		rows.push([`   floor: ${listFloor.pages} pages in turn, bare Node.js client (no n8n)`, fmtS(listFloor.ms), '', `${fmtX(listFloor.ratioToHttp)} (lowest reachable)`]);
	}
	if (get) {
		rows.push([`2. ${settings.items} × get EVSE, defaults: time`, sRange(scenarios.get, 'ampeco'), sRange(scenarios.get, 'http'), fmtX(get.ratio)]);
		rows.push(['   requests/s, most in flight', `${get.ampecoRate.toFixed(0)}/s, ${get.maxInFlight.ampeco}`, `${get.httpRate.toFixed(0)}/s, ${get.maxInFlight.http}`, '']);
	}
	if (getLimited) {
		const limits = result.scenarios.getLimited.samples.ampeco.map((s) => s.rateLimitPerSecond);
		rows.push([`2b. AMPECO concurrency ${settings.concurrency}, limit ${[...new Set(limits)].join('/')} req/s`, sRange(scenarios.getLimited, 'ampeco'), `${fmtS(getLimited.httpMs)} (defaults)`, `${fmtX(getLimited.ratio)}, speed-up ${(getLimited.httpMs / getLimited.ampecoMs).toFixed(2)}×`]);
		rows.push(['   requests/s, most in flight, 429s', `${getLimited.ampecoRate.toFixed(0)}/s, ${getLimited.maxInFlight.ampeco}, ${getLimited.tooManyRequests.ampeco}`, '', '']);
	}
	rows.push(['3. loader: package (AMPECO+Trigger+cred vs Notion+Trigger+2 creds)', `${loader.package.oursMs.toFixed(0)} ms`, `Notion ${loader.package.notionMs.toFixed(0)} ms`, fmtX(loader.package.ratio)]);
	rows.push([`   loader: at n8n start, package unused (${loader.startup.lazy ? 'listed from dist/known + dist/types' : 'code loaded'})`, `${loader.startup.oursMs.toFixed(1)} ms`, '', '']);
	rows.push(['   loader: main node only', `${loader.node.oursMs.toFixed(0)} ms`, `Notion ${loader.node.notionMs.toFixed(0)} ms`, fmtX(loader.node.ratio)]);
	rows.push(['   heap retained by the package', fmtMb(loader.package.oursHeapMb), `Notion ${fmtMb(loader.package.notionHeapMb)}`, '']);

	const goals = table([['goal', 'value', 'target', ''], ...result.goals.map((g) => [g.name, g.name.includes('429') ? String(g.value) : g.value.toFixed(2), g.target, g.pass ? 'holds' : 'MISSED'])]);
	const load = `load average (1 min): ${meta.loadAverageAtStart[0].toFixed(2)} at start, median ${meta.loadAverageWhileMeasuring.median.toFixed(2)} / max ${meta.loadAverageWhileMeasuring.max.toFixed(2)} while measuring, ${meta.cores} cores`;
	return [
		`== n8n ${meta.n8n} on Node.js ${meta.node}: medians of ${meta.rounds} round(s), latency ${meta.latencyMs} ms, HTTP Request v${meta.httpRequestTypeVersion} ==`,
		table(rows),
		'',
		goals,
		'',
		load,
		...(failures.length ? ['', `${failures.length} execution(s) failed:`, ...failures.map((f) => `  ${f.scenario}/${f.contender} round ${f.round}: ${f.error.split('\n')[0]}`)] : []),
	].join('\n');
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error instanceof Error ? (error.stack ?? error.message) : error);
		process.exit(1);
	},
);
