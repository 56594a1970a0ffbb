/**
 * The package as `npm publish` uploads it: a fresh `npm run build` and `npm pack` in a copy
 * of the working tree, so that a stale or hand-made dist/ cannot hide a problem and the
 * repository's own dist/ is left alone.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative, sep } from 'path';
import { REPO_ROOT } from '../n8n/config';
import { run } from '../n8n/process';

/** Top-level entries that are not inputs of the build (installed, generated or local). */
const NOT_COPIED = new Set(['node_modules', 'dist', '.git', '.work', 'coverage', '.cache']);

export interface PackedPackage {
	/** Scratch folder holding the copy, the tarball and `extracted/`; remove it when done. */
	workDir: string;
	/** The tarball unpacked as the scanner and n8n's installer unpack it. */
	extractedDir: string;
	/** Paths inside the tarball, as `npm pack --json` lists them. */
	files: string[];
	/** Compressed size of the tarball in bytes. */
	size: number;
	unpackedSize: number;
}

interface NpmPackReport {
	filename: string;
	size: number;
	unpackedSize: number;
	files: Array<{ path: string }>;
}

export async function packFromCleanCopy(): Promise<PackedPackage> {
	const workDir = mkdtempSync(join(tmpdir(), 'ampeco-pack-'));
	try {
		const copy = join(workDir, 'package');
		cpSync(REPO_ROOT, copy, {
			recursive: true,
			filter: (source) => {
				const top = relative(REPO_ROOT, source).split(sep)[0];
				return !NOT_COPIED.has(top) && !top.endsWith('.tgz');
			},
		});
		symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
		await run('npm', ['run', 'build', '--silent'], { cwd: copy });
		const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: copy });
		const [report] = JSON.parse(stdout) as NpmPackReport[];

		const extractedDir = join(workDir, 'extracted');
		mkdirSync(extractedDir);
		await run('tar', ['-xzf', join(workDir, report.filename), '-C', extractedDir, '--strip-components=1']);
		return { workDir, extractedDir, files: report.files.map((file) => file.path), size: report.size, unpackedSize: report.unpackedSize };
	} catch (error) {
		rmSync(workDir, { recursive: true, force: true });
		throw error;
	}
}
