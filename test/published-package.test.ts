/**
 * What n8n checks before it verifies a community package: the lint leg of
 * @n8n/scan-community-package over the source and over the tarball, and what the tarball holds.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { REPO_ROOT } from '../scripts/n8n/config';
import { run } from '../scripts/n8n/process';
import { packFromCleanCopy, type PackedPackage } from '../scripts/release/packed-package';

jest.setTimeout(180_000);

interface ScanResult {
	passed: boolean;
	message?: string;
	/** ESLint's report of every violation. */
	details?: string;
}

let scratch: string;

async function scan(leg: 'source' | 'tarball', dir: string): Promise<ScanResult> {
	// The scanner makes a temporary folder when it loads: keep it inside ours. Jest sets
	// NODE_ENV=test, under which eslint-plugin-n8n-nodes-base checks fixed test file names.
	const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: scratch };
	delete env.NODE_ENV;
	const { stdout } = await run(process.execPath, [join(REPO_ROOT, 'scripts/release/scan.mjs'), leg, dir], { env, allowExit: [1] });
	return JSON.parse(stdout) as ScanResult;
}

function expectClean(result: ScanResult): void {
	// Details first: on failure jest shows the scanner's list of violations.
	expect(result.details).toBeUndefined();
	// "No files found to analyze" also passes: that would be a scan of nothing.
	expect(result.message).toBeUndefined();
	expect(result.passed).toBe(true);
}

beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), 'ampeco-scan-'));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("n8n's verification scan", () => {
	it('finds no error in the source (package.json, nodes/, credentials/)', async () => {
		expectClean(await scan('source', REPO_ROOT));
	});

	it('fails a package that breaks its rules, naming the rules', async () => {
		const bad = join(scratch, 'bad-package');
		mkdirSync(join(bad, 'nodes', 'Bad'), { recursive: true });
		writeFileSync(join(bad, 'package.json'), readFileSync(join(REPO_ROOT, 'package.json')));
		writeFileSync(
			join(bad, 'nodes', 'Bad', 'helper.ts'),
			'export function parse(text: string): unknown {\n\ttry {\n\t\treturn JSON.parse(text);\n\t} catch (error) {\n\t\tconsole.log(error);\n\t\tthrow new Error("bad JSON");\n\t}\n}\n',
		);
		const result = await scan('source', bad);
		expect(result.passed).toBe(false);
		expect(result.details).toMatch(/no-console/);
		expect(result.details).toMatch(/require-node-api-error/);
	});
});

describe('the published tarball (fresh build, npm pack)', () => {
	let packed: PackedPackage;

	beforeAll(async () => {
		packed = await packFromCleanCopy();
	});

	afterAll(() => packed && rmSync(packed.workDir, { recursive: true, force: true }));

	it("passes n8n's verification scan", async () => {
		expectClean(await scan('tarball', packed.extractedDir));
	});

	it('holds only dist/, README.md, LICENSE and package.json', () => {
		const outsideDist = packed.files.filter((file) => !file.startsWith('dist/')).sort();
		expect(outsideDist).toEqual(['LICENSE', 'README.md', 'package.json']);
	});

	it('ships no TypeScript sources, declaration files, source maps or tests', () => {
		const unwanted = packed.files.filter((file) => /\.(ts|map|tsbuildinfo)$/.test(file) || /(^|\/)(test|__tests__)\/|\.test\.js$/.test(file));
		expect(unwanted).toEqual([]);
	});

	it('holds every node and credential that package.json declares, and their icons', () => {
		const { n8n } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
		const entryPoints = [...n8n.nodes, ...n8n.credentials];
		expect(entryPoints.length).toBeGreaterThan(0);
		expect(packed.files).toEqual(expect.arrayContaining(entryPoints));
		expect(packed.files.filter((file) => file.endsWith('.svg')).length).toBeGreaterThan(0);
	});
});
