/**
 * Which endpoints exist: the spec and the endpoint index each list the endpoints of one API
 * version, and the newer of the two decides (at the same version, either one suffices).
 * The spec still gives the schemas of what it describes. So an older spec cannot revive an
 * endpoint a newer index dropped, and a stale index cannot keep one a newer spec dropped.
 */
import { compareVersions, type IndexEntry } from '../catalog/build-catalog';
import { operationValue } from '../catalog/naming';
import type { Schema } from '../catalog/schema-to-fields';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Compares API versions such as 3.110.0 and 3.168.0. */
export function compareApiVersions(a: string, b: string): number {
	return compareVersions(`v${a}`, `v${b}`);
}

/** The version whose endpoint list is authoritative; removed operations are labelled with it. */
export function newestVersion(apiVersion: string, indexVersion: string): string {
	return compareApiVersions(indexVersion, apiVersion) > 0 ? indexVersion : apiVersion;
}

export function existingEndpoints(spec: Schema, index: IndexEntry[], indexVersion: string): { spec: Schema; index: IndexEntry[] } {
	const order = compareApiVersions(indexVersion, spec.info.version);
	if (order === 0) return { spec, index };
	if (order < 0) {
		const described = new Set(Object.entries<Schema>(spec.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => operationValue(m, path))));
		return { spec, index: index.filter((e) => described.has(operationValue(e.method, e.path))) };
	}
	const listed = new Set(index.map((e) => operationValue(e.method, e.path)));
	const paths: Schema = {};
	for (const [path, item] of Object.entries<Schema>(spec.paths)) {
		const kept = Object.fromEntries(Object.entries(item).filter(([key]) => !METHODS.includes(key) || listed.has(operationValue(key, path))));
		if (METHODS.some((m) => kept[m])) paths[path] = kept;
	}
	return { spec: { ...spec, paths }, index };
}
