#!/usr/bin/env node
/*
 * Description benchmark for n8n-nodes-ampeco (run with `npm run bench`, which builds first).
 *
 * Why: our node ships one very large generated description. The n8n editor re-runs
 * NodeHelpers.getNodeParameters() over the whole description on every parameter change,
 * so a description that is too large or too "wide" makes the editor sluggish. We compare
 * against n8n's own Notion node (the largest built-in node) as a yardstick that n8n
 * evidently considers acceptable.
 *
 * Prints:
 *   1. serialized size of our description (+ credential) and its top-level property count;
 *   2. median / p95 of getNodeParameters over every resource/operation of our node;
 *   3. the same for the Notion node, in the same process, interleaved round by round;
 *   4. ours/Notion ratios and a PASS/FAIL verdict, plus machine load and Node version;
 *   5. the same measure on parts of our description, to show what any layout of this API
 *      costs before its fields: the Resource and Operation dropdowns alone; those plus every
 *      parameter shared between operations (all but path IDs and required fields); and that
 *      plus generic, unlabelled ID locators and one resource mapper for required fields.
 *
 * Flags:
 *   --rounds N                 measured rounds (default 30); warm-up rounds are extra
 *   --json                     machine-readable output on stdout (human text suppressed)
 *   --nodes-base-version V     n8n-nodes-base version to compare with: an exact version,
 *                              or "latest" (latest 2.x). Default: the version n8n 1.123.50 uses.
 *
 * The Notion description is taken from n8n-nodes-base's dist/types/nodes.json (the same file
 * the n8n editor loads). We `npm pack` the package tarball into a cache folder outside the
 * repo and extract only that one file, so none of n8n-nodes-base's dependencies get installed.
 *
 * Exit code: 0 PASS, 1 FAIL (required ratio not met), 2 usage/setup error.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

// ---------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------

const REPO_ROOT = path.resolve(__dirname, '..');
const OUR_NODE_PATH = path.join(REPO_ROOT, 'dist/nodes/Ampeco/Ampeco.node.js');
const OUR_CREDENTIAL_PATH = path.join(REPO_ROOT, 'dist/credentials/AmpecoApi.credentials.js');
const OUR_NODE_TYPE = 'n8n-nodes-ampeco.ampeco';

// The n8n release we target; the n8n-nodes-base it depends on is our default yardstick.
const TARGET_N8N_VERSION = '1.123.50';
const NOTION_NODE_NAMES = ['n8n-nodes-base.notion', 'notion']; // nodes.json uses the short name
const NODES_JSON_IN_TARBALL = 'package/dist/types/nodes.json';

const CACHE_DIR = path.join(
	process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
	'n8n-nodes-ampeco-bench',
);

const DEFAULT_ROUNDS = 30;
// Warm-up lets V8 optimise getNodeParameters and its helpers before we record anything.
const WARMUP_ROUNDS = 5;
const REQUIRED_MEDIAN_RATIO = 1.5;
const GOAL_MEDIAN_RATIO = 1.0;
const TOP_OPERATIONS_SHOWN = 5;

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

function parseArgs(argv) {
	const options = { rounds: DEFAULT_ROUNDS, json: false, nodesBaseVersion: null };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inlineValue] = arg.split(/=(.*)/s, 2);
		const takeValue = () => {
			const value = inlineValue !== undefined ? inlineValue : argv[++i];
			if (value === undefined || value === '') fail(`Missing value for ${flag}`);
			return value;
		};
		switch (flag) {
			case '--rounds': {
				const rounds = Number(takeValue());
				if (!Number.isInteger(rounds) || rounds < 1) fail('--rounds must be a positive integer');
				options.rounds = rounds;
				break;
			}
			case '--json':
				options.json = true;
				break;
			case '--nodes-base-version':
				options.nodesBaseVersion = takeValue();
				break;
			case '--help':
			case '-h':
				process.stdout.write(
					'Usage: node scripts/bench-description.js [--rounds N] [--json] [--nodes-base-version V|latest]\n',
				);
				process.exit(0);
				break;
			default:
				fail(`Unknown argument: ${arg} (try --help)`);
		}
	}
	return options;
}

/** Expected failures (bad flag, missing build, offline...): reported without a stack trace. */
class BenchError extends Error {}

// Throws instead of exiting so that `finally` blocks (temp folder cleanup) still run.
function fail(message) {
	throw new BenchError(message);
}

// ---------------------------------------------------------------------------
// Loading the two node descriptions
// ---------------------------------------------------------------------------

function loadOurPackage() {
	for (const file of [OUR_NODE_PATH, OUR_CREDENTIAL_PATH]) {
		if (!fs.existsSync(file)) fail(`${path.relative(REPO_ROOT, file)} not found; run \`npm run build\` first`);
	}
	const { Ampeco } = require(OUR_NODE_PATH);
	const { AmpecoApi } = require(OUR_CREDENTIAL_PATH);
	return { description: new Ampeco().description, credential: new AmpecoApi() };
}

/** Runs npm with the repo as cwd so the project's .npmrc (registry etc.) applies. */
function npm(args) {
	try {
		return execFileSync('npm', args, {
			cwd: REPO_ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
			maxBuffer: 64 * 1024 * 1024,
		}).trim();
	} catch (error) {
		// Usually offline / registry unreachable; say so instead of dumping a stack trace.
		fail(`\`npm ${args.join(' ')}\` failed: ${String(error.stderr || error.message).trim()}`);
	}
}

/**
 * Decides which n8n-nodes-base to compare with. The answer is cached so that later runs
 * need no network at all once nodes.json has been extracted.
 */
function resolveNodesBaseVersion(requested) {
	if (requested && /^\d+\.\d+\.\d+/.test(requested)) {
		return { version: requested, source: 'given with --nodes-base-version' };
	}
	const wantLatest = requested === 'latest';
	if (requested && !wantLatest) fail(`--nodes-base-version must be an exact version or "latest"`);

	const cacheFile = path.join(CACHE_DIR, 'resolved-versions.json');
	const key = wantLatest ? 'latest' : `n8n@${TARGET_N8N_VERSION}`;
	const cached = readJsonIfExists(cacheFile) || {};
	// "latest" moves over time, so only the pinned n8n mapping is trusted from the cache.
	if (!wantLatest && cached[key]) {
		return { version: cached[key], source: `dependency of n8n@${TARGET_N8N_VERSION}, resolution cached` };
	}
	const version = wantLatest
		? npm(['view', 'n8n-nodes-base@latest', 'version'])
		: npm(['view', `n8n@${TARGET_N8N_VERSION}`, 'dependencies.n8n-nodes-base']);
	if (!/^\d+\.\d+\.\d+/.test(version)) fail(`could not resolve n8n-nodes-base version for ${key} (got "${version}")`);
	fs.mkdirSync(CACHE_DIR, { recursive: true });
	fs.writeFileSync(cacheFile, JSON.stringify({ ...cached, [key]: version }, null, 2));
	return {
		version,
		source: wantLatest ? 'latest on npm' : `dependency of n8n@${TARGET_N8N_VERSION}`,
	};
}

/**
 * Returns the path of n8n-nodes-base's nodes.json for `version`, fetching it on first use:
 * `npm pack` (tarball only, no dependency tree), then `tar` extracts just nodes.json.
 */
function ensureNodesJson(version) {
	const target = path.join(CACHE_DIR, `n8n-nodes-base-${version}`, 'nodes.json');
	if (fs.existsSync(target)) return { file: target, fetched: false };

	// Work in a private temp folder, then rename: an interrupted run never leaves a half file.
	fs.mkdirSync(CACHE_DIR, { recursive: true });
	const work = fs.mkdtempSync(path.join(CACHE_DIR, 'tmp-'));
	try {
		const output = npm(['pack', `n8n-nodes-base@${version}`, '--ignore-scripts', '--pack-destination', work]);
		const tarball = path.join(work, output.split('\n').pop().trim());
		if (!fs.existsSync(tarball)) fail(`npm pack did not produce the expected tarball (${tarball})`);
		execFileSync('tar', ['-xzf', tarball, '-C', work, NODES_JSON_IN_TARBALL], { stdio: 'pipe' });
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.renameSync(path.join(work, NODES_JSON_IN_TARBALL), target);
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
	return { file: target, fetched: true };
}

function readJsonIfExists(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

/** Highest version a description covers; `version` may be a number or an array of numbers. */
function maxVersion(description) {
	return Math.max(...[].concat(description.version));
}

/** Picks the latest version of the Notion node out of nodes.json. */
function loadNotionDescription(nodesJsonFile) {
	const all = JSON.parse(fs.readFileSync(nodesJsonFile, 'utf8'));
	const candidates = all.filter((d) => NOTION_NODE_NAMES.includes(d.name));
	if (candidates.length === 0) fail(`no Notion node in ${nodesJsonFile}`);
	const description = candidates.reduce((best, d) => (maxVersion(d) > maxVersion(best) ? d : best));
	return { description, typeVersion: maxVersion(description) };
}

// ---------------------------------------------------------------------------
// Workload: every resource/operation combination of a node
// ---------------------------------------------------------------------------

/** A node object shaped like the editor's INodeUi (only typeVersion matters to getNodeParameters). */
function makeNode(subject, parameters) {
	return {
		id: `bench-${subject.key}`,
		name: subject.description.displayName,
		type: subject.type,
		typeVersion: subject.typeVersion,
		position: [0, 0],
		parameters,
	};
}

/**
 * Lists {resource, operation} pairs as the editor would offer them. Visibility is decided by
 * n8n's own displayParameter, so version-gated properties (Notion has separate `operation`
 * properties for @version 1 and 2) and our one-`operation`-per-resource layout are both handled.
 */
function listOperations(subject, NodeHelpers) {
	const { properties } = subject.description;
	const visible = (parameters, property) =>
		NodeHelpers.displayParameter(parameters, property, makeNode(subject, parameters), subject.description);

	const resources = properties
		.filter((p) => p.name === 'resource' && visible({}, p))
		.flatMap((p) => p.options.map((o) => o.value));

	const seen = new Set();
	const combos = [];
	for (const resource of resources) {
		for (const property of properties) {
			if (property.name !== 'operation' || !visible({ resource }, property)) continue;
			for (const { value: operation } of property.options) {
				const id = `${resource} / ${operation}`;
				if (seen.has(id)) continue;
				seen.add(id);
				combos.push({ id, parameters: { resource, operation } });
			}
		}
	}
	if (combos.length === 0) fail(`no resource/operation combinations found for ${subject.label}`);
	return combos;
}

/**
 * Parts of our description, measured like the whole. Resource → Operation needs one Operation
 * dropdown per resource (74); path IDs and required fields are the parameters that differ
 * between operations (resource locators and `required: true`); everything else is shared.
 */
function descriptionParts(ours) {
	const part = (key, label, keep) => ({
		...ours,
		key,
		label,
		description: { ...ours.description, properties: ours.description.properties.filter(keep) },
	});
	const shared = part('shared', 'all but path IDs and required fields', (p) => p.type !== 'resourceLocator' && !p.required);
	return [
		part('dropdowns', 'Resource + Operation dropdowns only', (p) => p.name === 'resource' || p.name === 'operation'),
		shared,
		{ ...shared, key: 'generic', label: 'a layout without entity labels: that + 3 generic ID locators + 1 resource mapper', description: { ...shared.description, properties: [...shared.description.properties, ...genericLayoutExtras(ours.description.properties)] } },
	];
}

/**
 * What the smallest layout that keeps path IDs and required fields would add: "ID",
 * "Second ID" and "Third ID" locators shown by how many IDs an operation's path has (no
 * entity labels), and one resource mapper holding every operation's required body fields.
 * Built from our own parameters' display conditions, for measuring only.
 */
function genericLayoutExtras(properties) {
	const shownFor = (p) => p.displayOptions?.show?.operation ?? [];
	const idCount = new Map();
	for (const p of properties.filter((q) => q.required && (q.type === 'resourceLocator' || !q.displayOptions?.show?.sendBodyAs))) {
		for (const op of shownFor(p)) idCount.set(op, (idCount.get(op) ?? 0) + 1);
	}
	const withBodyFields = [...new Set(properties.filter((p) => p.required && p.displayOptions?.show?.sendBodyAs).flatMap(shownFor))];
	const locator = (name, displayName, position) => ({
		displayName,
		name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchId', searchable: true } },
			{ displayName: 'By ID', name: 'id', type: 'string' },
		],
		displayOptions: { show: { operation: [...idCount].filter(([, n]) => n >= position).map(([op]) => op) } },
	});
	return [
		locator('id', 'ID', 1),
		locator('secondId', 'Second ID', 2),
		locator('thirdId', 'Third ID', 3),
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'resourceMapper',
			default: { mappingMode: 'defineBelow', value: null },
			typeOptions: { loadOptionsDependsOn: ['operation'], resourceMapper: { resourceMapperMethod: 'requiredFields', mode: 'add' } },
			displayOptions: { show: { operation: withBodyFields, sendBodyAs: ['fields'] } },
		},
	];
}

// ---------------------------------------------------------------------------
// Measurement
// ---------------------------------------------------------------------------

/**
 * One timed call, with the arguments the editor uses when it applies a parameter change
 * (useNodeSettingsParameters.updateNodeParameter, 2nd call): returnDefaults=true so all
 * defaults of the now-visible parameters are filled in, returnNoneDisplayed=false so hidden
 * parameters are dropped (this is what triggers displayOptions evaluation of every property),
 * plus the node (its typeVersion drives @version rules) and the node type description.
 */
function timeOneCall(NodeHelpers, subject, combo) {
	// Fresh objects each call: the editor passes new objects too, and nothing can be cached.
	const parameters = { ...combo.parameters };
	const node = makeNode(subject, { ...combo.parameters });
	const start = process.hrtime.bigint();
	const result = NodeHelpers.getNodeParameters(
		subject.description.properties,
		parameters,
		true, // returnDefaults
		false, // returnNoneDisplayed
		node,
		subject.description,
	);
	const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
	if (!result || result.operation !== combo.parameters.operation) {
		fail(`getNodeParameters dropped the operation for ${subject.label} ${combo.id}`);
	}
	return elapsedMs;
}

/**
 * Runs warm-up + measured rounds. In each round both nodes run all their operations; the
 * order of the two nodes alternates per round so neither consistently benefits from a
 * freshly collected heap or a hotter cache.
 */
function runBenchmark(NodeHelpers, subjects, rounds) {
	const samples = new Map(subjects.map((s) => [s.key, { all: [], perOperation: new Map() }]));
	for (let round = 0; round < WARMUP_ROUNDS + rounds; round++) {
		const measured = round >= WARMUP_ROUNDS;
		const order = round % 2 === 0 ? subjects : [...subjects].reverse();
		for (const subject of order) {
			const bucket = samples.get(subject.key);
			for (const combo of subject.operations) {
				const ms = timeOneCall(NodeHelpers, subject, combo);
				if (!measured) continue;
				bucket.all.push(ms);
				if (!bucket.perOperation.has(combo.id)) bucket.perOperation.set(combo.id, []);
				bucket.perOperation.get(combo.id).push(ms);
			}
		}
	}
	return samples;
}

/** Nearest-rank percentile on a copy (p in 0..100). */
function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

function summarize(values) {
	return {
		calls: values.length,
		medianMs: percentile(values, 50),
		p95Ms: percentile(values, 95),
		minMs: Math.min(...values),
		maxMs: Math.max(...values),
	};
}

function topOperations(perOperation, count) {
	return [...perOperation.entries()]
		.map(([id, values]) => ({ id, medianMs: percentile(values, 50) }))
		.sort((a, b) => b.medianMs - a.medianMs)
		.slice(0, count);
}

// ---------------------------------------------------------------------------
// Static shape of a description (explains where getNodeParameters spends its time)
// ---------------------------------------------------------------------------

/**
 * getNodeParameters walks every top-level property on every call (twice: once to resolve
 * simple values for display checks, once for real), and its bookkeeping (duplicate-name
 * detection, dependency resolve order) uses Array#includes, i.e. grows with the square of
 * the number of top-level properties. Collections/fixedCollections that end up visible are
 * additionally deep-copied/recursed. These counts make that visible.
 */
function describeShape(subject, NodeHelpers) {
	const { properties } = subject.description;
	const names = properties.map((p) => p.name);
	const uniqueNames = new Set(names).size;
	const visibleCounts = subject.operations.map((combo) => {
		const node = makeNode(subject, combo.parameters);
		return properties.filter((p) =>
			NodeHelpers.displayParameter(combo.parameters, p, node, subject.description),
		).length;
	});
	return {
		topLevelProperties: properties.length,
		uniqueTopLevelNames: uniqueNames,
		propertiesSharingAName: properties.length - uniqueNames,
		withDisplayOptions: properties.filter((p) => p.displayOptions).length,
		collections: properties.filter((p) => p.type === 'collection' || p.type === 'fixedCollection').length,
		operations: subject.operations.length,
		visiblePerOperationAvg: visibleCounts.reduce((a, b) => a + b, 0) / visibleCounts.length,
		visiblePerOperationMax: Math.max(...visibleCounts),
	};
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

const fmtMs = (ms) => `${ms.toFixed(3)} ms`;
const fmtRatio = (r) => `${r.toFixed(2)}x`;
const fmtKb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function printHuman(report) {
	const { environment: env, ours, notion, ratios, verdict } = report;
	const lines = [];
	const add = (line = '') => lines.push(line);

	add('=== n8n-nodes-ampeco description benchmark ===');
	add(`Node ${env.node} on ${env.platform}, ${env.cpus} CPUs, load avg ${env.loadavg.map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min)`);
	add(`n8n-workflow ${env.n8nWorkflow}; rounds: ${env.rounds} measured + ${env.warmupRounds} warm-up`);
	add(`Compared with n8n-nodes-base ${notion.nodesBase.version} (${notion.nodesBase.source})`);
	add(`Call: NodeHelpers.getNodeParameters(description.properties, {resource, operation}, true, false, node, description)`);
	add();

	add('1. Description size');
	add(`   ours: ${ours.size.bytes} bytes (${fmtKb(ours.size.bytes)}) = description ${ours.size.descriptionBytes} + credential ${ours.size.credentialBytes}`);
	add(`         ${ours.shape.topLevelProperties} top-level properties`);
	add(`   Notion v${notion.typeVersion}: ${notion.size.bytes} bytes (${fmtKb(notion.size.bytes)}), ${notion.shape.topLevelProperties} top-level properties (for reference)`);
	add();

	for (const [title, subject] of [['2. Ours', ours], ['3. Notion', notion]]) {
		const t = subject.timing;
		add(`${title} - ${subject.label}: getNodeParameters over ${subject.shape.operations} operations, ${t.calls} timed calls`);
		add(`   median ${fmtMs(t.medianMs)}   p95 ${fmtMs(t.p95Ms)}   (min ${fmtMs(t.minMs)}, max ${fmtMs(t.maxMs)})`);
		add(`   shape: ${subject.shape.uniqueTopLevelNames} unique names, ${subject.shape.propertiesSharingAName} properties share a name, ` +
			`${subject.shape.collections} (fixed)collections, visible per operation avg ${subject.shape.visiblePerOperationAvg.toFixed(1)} / max ${subject.shape.visiblePerOperationMax}`);
		add(`   slowest operations (median): ${subject.slowest.map((o) => `${o.id} ${fmtMs(o.medianMs)}`).join('; ')}`);
		add();
	}

	add('4. Ours / Notion');
	add(`   median ratio ${fmtRatio(ratios.median)}   p95 ratio ${fmtRatio(ratios.p95)}`);
	add(`   ${verdict.pass ? 'PASS' : 'FAIL'}: median ratio ${fmtRatio(ratios.median)} (required <= ${REQUIRED_MEDIAN_RATIO}, goal <= ${GOAL_MEDIAN_RATIO}: ${verdict.goalMet ? 'met' : 'not met'})`);
	add();
	add('5. Parts of ours / Notion (same call, same rounds)');
	for (const part of report.parts) {
		add(`   ${part.label}: ${part.topLevelProperties} top-level properties, median ${fmtMs(part.timing.medianMs)} = ${fmtRatio(part.medianRatio)}`);
	}
	process.stdout.write(lines.join('\n') + '\n');
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

function main() {
	const options = parseArgs(process.argv.slice(2));
	// Resolve n8n-workflow from the repo, i.e. the version this package builds against.
	const { NodeHelpers } = require(require.resolve('n8n-workflow', { paths: [REPO_ROOT] }));
	const n8nWorkflowVersion = require(require.resolve('n8n-workflow/package.json', { paths: [REPO_ROOT] })).version;

	const ourPackage = loadOurPackage();
	const nodesBase = resolveNodesBaseVersion(options.nodesBaseVersion);
	const nodesJson = ensureNodesJson(nodesBase.version);
	const notionLoaded = loadNotionDescription(nodesJson.file);

	const ours = {
		key: 'ours',
		label: `${ourPackage.description.name} v${maxVersion(ourPackage.description)}`,
		type: OUR_NODE_TYPE,
		description: ourPackage.description,
		typeVersion: maxVersion(ourPackage.description),
	};
	const notion = {
		key: 'notion',
		label: `Notion v${notionLoaded.typeVersion}`,
		type: 'n8n-nodes-base.notion',
		description: notionLoaded.description,
		typeVersion: notionLoaded.typeVersion,
	};
	const parts = descriptionParts(ours);
	for (const subject of [ours, notion, ...parts]) subject.operations = listOperations(subject, NodeHelpers);

	const samples = runBenchmark(NodeHelpers, [ours, notion, ...parts], options.rounds);

	const subjectReport = (subject) => ({
		label: subject.label,
		typeVersion: subject.typeVersion,
		shape: describeShape(subject, NodeHelpers),
		timing: summarize(samples.get(subject.key).all),
		slowest: topOperations(samples.get(subject.key).perOperation, TOP_OPERATIONS_SHOWN),
	});

	const descriptionBytes = Buffer.byteLength(JSON.stringify(ours.description));
	const credentialBytes = Buffer.byteLength(JSON.stringify(ourPackage.credential));
	const oursReport = {
		...subjectReport(ours),
		size: { bytes: descriptionBytes + credentialBytes, descriptionBytes, credentialBytes },
	};
	const notionReport = {
		...subjectReport(notion),
		size: { bytes: Buffer.byteLength(JSON.stringify(notion.description)) },
		nodesBase: { ...nodesBase, nodesJson: nodesJson.file, fetchedThisRun: nodesJson.fetched },
	};
	const ratios = {
		median: oursReport.timing.medianMs / notionReport.timing.medianMs,
		p95: oursReport.timing.p95Ms / notionReport.timing.p95Ms,
	};
	const verdict = {
		pass: ratios.median <= REQUIRED_MEDIAN_RATIO,
		goalMet: ratios.median <= GOAL_MEDIAN_RATIO,
		requiredMedianRatio: REQUIRED_MEDIAN_RATIO,
		goalMedianRatio: GOAL_MEDIAN_RATIO,
	};
	const report = {
		environment: {
			node: process.version,
			platform: `${process.platform}-${process.arch}`,
			cpus: os.cpus().length,
			loadavg: os.loadavg(),
			n8nWorkflow: n8nWorkflowVersion,
			rounds: options.rounds,
			warmupRounds: WARMUP_ROUNDS,
		},
		call: {
			function: 'NodeHelpers.getNodeParameters',
			args: ['description.properties', '{ resource, operation }', 'returnDefaults=true', 'returnNoneDisplayed=false', 'node', 'description'],
		},
		ours: oursReport,
		notion: notionReport,
		ratios,
		verdict,
		parts: parts.map((part) => {
			const timing = summarize(samples.get(part.key).all);
			return { label: part.label, topLevelProperties: part.description.properties.length, timing, medianRatio: timing.medianMs / notionReport.timing.medianMs };
		}),
	};

	if (options.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
	else printHuman(report);
	if (!verdict.pass) process.exitCode = 1;
}

try {
	main();
} catch (error) {
	process.stderr.write(`bench-description: ${error instanceof BenchError ? error.message : error.stack}\n`);
	process.exitCode = 2;
}
