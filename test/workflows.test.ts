/**
 * The GitHub workflows cannot run here: they are checked against GitHub's workflow schema
 * (action-validator, SchemaStore's schema) and for what the release depends on.
 */
import { validateWorkflow } from '@action-validator/core';
import { existsSync, readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..');
const WORKFLOWS = join(ROOT, '.github', 'workflows');

interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, string>;
	'working-directory'?: string;
}
interface Job {
	uses?: string;
	needs?: string | string[];
	permissions?: Record<string, string>;
	secrets?: Record<string, string>;
	steps?: Step[];
}
interface Workflow {
	on: Record<string, { branches?: string[]; tags?: string[]; secrets?: Record<string, unknown> } | null>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

function read(file: string): Workflow {
	return parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as Workflow;
}

/** Index of the first step whose command contains `text`; -1 when none does. */
function stepRunning(job: Job, text: string): number {
	return (job.steps ?? []).findIndex((step) => step.run?.includes(text));
}

describe('GitHub workflow files', () => {
	const files = readdirSync(WORKFLOWS).filter((file) => /\.ya?ml$/.test(file));

	it('are ci.yml and publish.yml', () => {
		expect(files.sort()).toEqual(['ci.yml', 'publish.yml']);
	});

	it.each(files)('%s is a valid GitHub workflow', (file) => {
		expect(validateWorkflow(readFileSync(join(WORKFLOWS, file), 'utf8')).errors).toEqual([]);
	});

	it('the validator rejects a job with a misspelt key and a wrong permission', () => {
		const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: sometimes\n    stepz:\n      - run: echo\n';
		expect(validateWorkflow(broken).errors).not.toEqual([]);
	});
});

describe('ci.yml', () => {
	const ci = read('ci.yml');
	const job = ci.jobs.check;
	const steps = job.steps ?? [];

	it('runs on every push to a branch, every pull request, and when publish.yml calls it', () => {
		expect(ci.on.push?.branches).toEqual(['**']);
		expect(ci.on).toHaveProperty('pull_request');
		expect(ci.on.workflow_call?.secrets).toHaveProperty('AMPECO_DATA_TOKEN');
	});

	it("runs .ci/run, which is npm ci and the README's test command", () => {
		const test = steps[stepRunning(job, '.ci/run')];
		expect(test.run).toBe('bash .ci/run');
		const ciRun = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
		expect(ciRun).toMatch(/^step npm ci\b/m);
		expect(ciRun).toMatch(/^step npm run check$/m);
		expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('npm run check');
	});

	it('checks out the reference data beside the package, where ../shared/ampeco points', () => {
		const checkouts = steps.filter((step) => step.uses?.startsWith('actions/checkout@'));
		const own = checkouts.find((step) => !step.with?.repository);
		const data = checkouts.find((step) => step.with?.repository);
		expect(data?.with?.path).toBe('shared');
		expect(own?.with?.path).toBeDefined();
		expect(steps[stepRunning(job, '.ci/run')]['working-directory']).toBe(own?.with?.path);
	});

	it('only reads the repository', () => {
		expect(ci.permissions).toEqual({ contents: 'read' });
	});
});

describe('publish.yml', () => {
	const publish = read('publish.yml');
	const job = publish.jobs.publish;

	it('runs on version tags only', () => {
		expect(publish.on).toEqual({ push: { tags: ['v*'] } });
	});

	it('publishes only after the whole test suite (ci.yml) passed', () => {
		const test = publish.jobs[job.needs as string];
		expect(test.uses).toBe('./.github/workflows/ci.yml');
		expect(existsSync(join(ROOT, test.uses as string))).toBe(true);
		expect(Object.keys(test.secrets ?? {})).toEqual(Object.keys(read('ci.yml').on.workflow_call?.secrets ?? {}));
	});

	it('checks the tag against package.json, builds, then publishes with provenance', () => {
		const check = stepRunning(job, 'GITHUB_REF_NAME');
		const build = stepRunning(job, 'npm run build');
		const release = stepRunning(job, 'npm publish');
		expect(check).toBeGreaterThanOrEqual(0);
		expect(build).toBeGreaterThan(check);
		expect(release).toBeGreaterThan(build);
		expect(job.steps?.[release].run).toBe('npm publish --provenance --access public');
	});

	it('may sign with its OIDC identity and only read the repository', () => {
		expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		expect(publish.permissions).toEqual({ contents: 'read' });
	});
});
