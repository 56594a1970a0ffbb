/** Paths of the AMPECO reference data beside the checkout (never copied into the repo). */
import { readFileSync } from 'fs';
import { join, resolve } from 'path';

export const SHARED_DIR = process.env.AMPECO_SHARED_DIR ?? resolve(__dirname, '..', '..', 'shared', 'ampeco');
export const SPEC_PATH = join(SHARED_DIR, 'openapi-3.110.0.json');
export const INDEX_PATH = join(SHARED_DIR, 'endpoints-3.168.0.tsv');
export const SEED_PATH = join(SHARED_DIR, 'seed-operations-3.65.0.tsv');

let spec: Record<string, any> | undefined;
/** A fresh parse each call would cost ~100 ms; callers only read it. */
export function loadSpec(): Record<string, any> {
	spec ??= JSON.parse(readFileSync(SPEC_PATH, 'utf8'));
	return spec!;
}
