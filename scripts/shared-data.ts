/** Paths of the AMPECO reference data beside the checkout (never copied into the repo). */
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { RECORD_PATH, parseRecord } from './upgrade/identity-record';
import { sharedDir } from './upgrade/inputs';

export const SHARED_DIR = sharedDir();
/** The spec and index the committed catalog was generated from, as its identity record names them. */
const { inputs } = parseRecord(readFileSync(resolve(__dirname, '..', RECORD_PATH), 'utf8'));
export const SPEC_PATH = join(SHARED_DIR, inputs.spec);
export const INDEX_PATH = join(SHARED_DIR, inputs.index);
export const SEED_PATH = join(SHARED_DIR, 'seed-operations-3.65.0.tsv');

let spec: Record<string, any> | undefined;
/** A fresh parse each call would cost ~100 ms; callers only read it. */
export function loadSpec(): Record<string, any> {
	spec ??= JSON.parse(readFileSync(SPEC_PATH, 'utf8'));
	return spec!;
}
