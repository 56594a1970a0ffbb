/**
 * The package as users get it: `npm pack` of the built repo, then installed into an n8n
 * user folder the way n8n's community-package installer does it
 * (CommunityPackagesService.downloadPackage in n8n 1.123 and 2.41): unpack the tarball
 * into <user folder>/.n8n/nodes/node_modules/<name>, drop dev/peer/optional dependencies
 * from its package.json, `npm install` its runtime dependencies with install scripts off,
 * and record it in nodes/package.json. Nothing is linked from the source tree.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { PACKAGE_NAME, REPO_ROOT } from './config';
import { npmEnv } from './install-n8n';
import { run } from './process';

/** Builds dist/ and packs it; returns the tarball's path inside `destination`. */
export async function buildAndPack(destination: string): Promise<string> {
	mkdirSync(destination, { recursive: true });
	await run('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT });
	const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination], { cwd: REPO_ROOT });
	const [{ filename }] = JSON.parse(stdout) as Array<{ filename: string }>;
	return join(destination, filename);
}

/** The arguments n8n passes to `npm install` for a community package (NPM_COMMON_ARGS + NPM_INSTALL_ARGS). */
const N8N_NPM_INSTALL_ARGS = ['--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'];

export async function installLikeCommunityPackage(tarball: string, userFolder: string): Promise<string> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const packageDir = join(nodesDir, 'node_modules', PACKAGE_NAME);
	const manifest = join(nodesDir, 'package.json');
	mkdirSync(nodesDir, { recursive: true });
	if (!existsSync(manifest)) {
		writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	}
	rmSync(packageDir, { recursive: true, force: true });
	mkdirSync(packageDir, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);

	const packageJsonPath = join(packageDir, 'package.json');
	const { devDependencies: _dev, peerDependencies: _peer, optionalDependencies: _optional, ...packageJson } = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
	writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2));
	await run('npm', ['install', ...N8N_NPM_INSTALL_ARGS], { cwd: packageDir, env: npmEnv() });

	const installed = JSON.parse(readFileSync(manifest, 'utf8'));
	installed.dependencies = { ...installed.dependencies, [PACKAGE_NAME]: packageJson.version };
	writeFileSync(manifest, JSON.stringify(installed, null, 2));
	return packageDir;
}
