/** `npm start` reports the time of the whole command, npm ci included, and of each step. */
import { Timeline } from '../scripts/n8n/process';

const env = { ...process.env };
afterEach(() => {
	process.env = { ...env };
	jest.restoreAllMocks();
});

test('the total counts from when bootstrap.js began, and npm ci is the first step', () => {
	const now = 1_000_000_000;
	process.env.AMPECO_STARTED_AT = String(now - 75_000);
	process.env.AMPECO_NPM_CI_MS = '70000';
	const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
	const timeline = new Timeline();
	clock.mockReturnValue(now + 20_000);
	timeline.step('build and pack');
	clock.mockReturnValue(now + 310_000);
	timeline.step('installing n8n 1.123.50');
	clock.mockReturnValue(now + 324_000);
	timeline.step('starting n8n');
	expect(timeline.summary()).toBe('6m39s in all (npm ci 1m10s, build and pack 20.0s, installing n8n 1.123.50 4m50s, starting n8n 14.0s)');
});

test('run without bootstrap.js, the total starts with the script', () => {
	delete process.env.AMPECO_STARTED_AT;
	delete process.env.AMPECO_NPM_CI_MS;
	const clock = jest.spyOn(Date, 'now').mockReturnValue(5_000);
	const timeline = new Timeline();
	clock.mockReturnValue(9_000);
	timeline.step('starting n8n');
	expect(timeline.summary()).toBe('4.0s in all (starting n8n 4.0s)');
});
