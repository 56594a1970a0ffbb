/**
 * `npm run check`: the whole test suite, from a fresh clone — type-check, lint and jest
 * (`npm test`), then the end-to-end suite in real n8n (`npm run test:e2e`).
 * Run through scripts/n8n/bootstrap.js, which installs the dev dependencies first if needed.
 */
import { spawnSync } from 'child_process';
import { resolve } from 'path';

const root = resolve(__dirname, '..');
for (const script of ['test', 'test:e2e']) {
	const started = Date.now();
	const result = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });
	console.log(`[check] npm run ${script}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)}s`);
	if (result.status !== 0) process.exit(result.status ?? 1);
}
