/**
 * The generator's two inputs: an OpenAPI spec and an endpoint index (a TSV of AMPECO's
 * newer endpoints). Versions come from the files themselves: the spec's `info.version`,
 * the index's from its file name unless given. Without arguments the generator reads the
 * files the last generation used, from ../shared/ampeco, so that a plain
 * `npm run generate` reproduces what is committed.
 */
import { readFileSync } from 'fs';
import { basename, dirname, resolve } from 'path';

export const DEFAULT_SHARED = resolve(__dirname, '..', '..', '..', 'shared', 'ampeco');

export function sharedDir(): string {
	return process.env.AMPECO_SHARED_DIR ?? DEFAULT_SHARED;
}

export interface InputFiles {
	spec: string;
	index: string;
	/** For an index whose file name holds no version. */
	indexVersion?: string;
}

export interface Inputs {
	specText: string;
	indexText: string;
	/** How headers name the files: `../shared/ampeco/<file>` for the shared folder, else the file name. */
	specName: string;
	indexName: string;
	indexVersion: string;
}

export function versionInName(file: string): string | undefined {
	return /(\d+\.\d+\.\d+)/.exec(basename(file))?.[1];
}

function shownName(file: string): string {
	return resolve(dirname(file)) === resolve(sharedDir()) ? `../shared/ampeco/${basename(file)}` : basename(file);
}

function read(file: string, what: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		throw new Error(`${what} ${file} not found: put it in ../shared/ampeco/ or pass its path`);
	}
}

export function readInputFiles(files: InputFiles): Inputs {
	const indexVersion = files.indexVersion ?? versionInName(files.index);
	if (!indexVersion) throw new Error(`no API version in the index file name ${basename(files.index)}: pass --index-version X.Y.Z`);
	return {
		specText: read(files.spec, 'spec (--spec)'),
		indexText: read(files.index, 'endpoint index (--index)'),
		specName: shownName(files.spec),
		indexName: shownName(files.index),
		indexVersion,
	};
}

/** The files the last generation recorded (by name), looked up in the shared folder. */
export function recordedInputFiles(recorded: { spec: string; index: string }): InputFiles {
	return { spec: resolve(sharedDir(), basename(recorded.spec)), index: resolve(sharedDir(), basename(recorded.index)) };
}

/** `--spec FILE --index FILE --index-version X.Y.Z --out FILE --events-out FILE --root DIR` */
export function parseArguments(argv: string[]): Record<string, string> {
	const options: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const name = /^--([a-z-]+)$/.exec(argv[i])?.[1];
		if (!name || argv[i + 1] === undefined) throw new Error(`unexpected argument "${argv[i]}": see the header of scripts/generate-catalog.ts`);
		options[name] = argv[++i];
	}
	return options;
}
