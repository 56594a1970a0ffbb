#!/usr/bin/env node
/**
 * The lint leg of n8n's verification scan (@n8n/scan-community-package), run locally:
 *   node scripts/release/scan.mjs source  <package root>
 *   node scripts/release/scan.mjs tarball <extracted npm pack output>
 * Prints the scanner's own result as JSON; exits 1 when it did not pass.
 *
 * It calls the scanner's analyzePackage with its own ESLint configuration (inline
 * eslint-disable comments and this repository's eslint.config.mjs do not count). The
 * scanner is an ES module, which jest cannot import, so the tests run this file instead.
 */
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

// The source leg lints what n8n downloads from the attested GitHub commit; for the tarball,
// analyzePackage's default (every .js, .ts and .json file) is a superset of the files the
// scanner's CLI picks from a published tarball.
const PATTERNS = { source: SOURCE_FILE_PATTERNS, tarball: undefined };

const [leg, dir] = process.argv.slice(2);
if (!(leg in PATTERNS) || !dir) {
	console.error('usage: node scripts/release/scan.mjs source|tarball <dir>');
	process.exit(2);
}
const { passed, message, details } = await analyzePackage(dir, PATTERNS[leg]);
console.log(JSON.stringify({ passed, message, details }));
process.exit(passed ? 0 : 1);
