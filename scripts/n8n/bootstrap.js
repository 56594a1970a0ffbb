#!/usr/bin/env node
/*
 * Entry point of `npm start`, `npm run demo`, `npm run test:e2e`, `npm run mock-tenant` and the benchmarks:
 *   node scripts/n8n/bootstrap.js <file.ts> [arguments...]
 *
 * Plain JavaScript on purpose: on a fresh clone nothing is installed yet, so this installs
 * the dev dependencies (npm ci) when they are missing, then runs the TypeScript file with
 * ts-node. The scripts are TypeScript so that the jest suite can share them (the mock
 * tenant, its OpenAPI validator) and `npm test` type-checks them.
 */
'use strict';

const { existsSync } = require('fs');
const { join, resolve } = require('path');
const { spawnSync } = require('child_process');

const root = resolve(__dirname, '..', '..');
const [script, ...rest] = process.argv.slice(2);
if (!script) {
	console.error('usage: node scripts/n8n/bootstrap.js <file.ts> [arguments...]');
	process.exit(2);
}

// The scripts report their total time from here, npm ci included.
process.env.AMPECO_STARTED_AT = process.env.AMPECO_STARTED_AT || String(Date.now());

const needed = ['ts-node', 'typescript', 'openapi-backend', 'n8n-workflow'];
if (needed.some((name) => !existsSync(join(root, 'node_modules', name, 'package.json')))) {
	console.log('Installing dev dependencies (npm ci, about a minute)…');
	const started = Date.now();
	const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status || 1);
	process.env.AMPECO_NPM_CI_MS = String(Date.now() - started);
}

require(join(root, 'node_modules', 'ts-node')).register({ transpileOnly: true, project: join(root, 'tsconfig.json') });
// The script sees its own arguments as if it had been started directly.
process.argv = [process.argv[0], resolve(root, script), ...rest];
require(resolve(root, script));
