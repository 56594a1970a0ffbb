/**
 * The node types the editor downloads when it starts (n8n 1.x: /types/nodes.json): the
 * download is found by watching the page's responses for the JSON array that lists this
 * package's node, so another path on another n8n line needs no change here.
 */
import type { Page, Response } from 'playwright-core';
import { PACKAGE_NAME } from '../../n8n/config';

export interface NodeTypeEntry {
	name: string;
	version: number | number[];
	defaultVersion?: number;
	properties: Array<{ name: string; options?: Array<{ name: string; value: unknown }>; displayOptions?: { show?: Record<string, unknown[]> } }>;
}

export interface NodeTypesDownload {
	url: string;
	bytes: number;
	entries: NodeTypeEntry[];
}

/**
 * Chrome keeps no copy of a body larger than its network buffer: a large GET is downloaded
 * again, with the page's own headers (n8n ties its session cookie to the browser-id header
 * and ends a session that is used without it).
 */
async function downloadAgain(response: Response): Promise<Buffer | undefined> {
	const request = response.request();
	if (request.method() !== 'GET' || response.status() !== 200) return undefined;
	const again = await response.frame().page().context().request.get(response.url(), { headers: await request.allHeaders() });
	return again.ok() ? again.body() : undefined;
}

/** Collects the JSON arrays of node types the page downloads from now on. */
export function watchNodeTypes(page: Page): () => Promise<NodeTypesDownload> {
	const seen: Array<Promise<NodeTypesDownload | undefined>> = [];
	const read = async (response: Response): Promise<NodeTypesDownload | undefined> => {
		try {
			const body = await response.body().catch(() => downloadAgain(response));
			if (!body) return undefined;
			if (!body.includes(`"${PACKAGE_NAME}.`)) return undefined;
			const json = JSON.parse(body.toString('utf8'));
			const entries = Array.isArray(json) ? json : Array.isArray(json?.data) ? json.data : undefined;
			const listsPackage = entries?.some((e: { name?: unknown }) => typeof e?.name === 'string' && e.name.startsWith(`${PACKAGE_NAME}.`));
			return listsPackage ? { url: new URL(response.url()).pathname, bytes: body.length, entries } : undefined;
		} catch {
			return undefined;
		}
	};
	page.on('response', (response) => {
		const json = /json/.test(response.headers()['content-type'] ?? '') || /\.json($|\?)/.test(response.url());
		if (json) seen.push(read(response));
	});
	return async () => {
		const found = (await Promise.all(seen)).filter((d): d is NodeTypesDownload => d !== undefined);
		if (!found.length) throw new Error('the editor downloaded no node types that list this package');
		return found.sort((a, b) => b.bytes - a.bytes)[0];
	};
}

const versions = (entry: NodeTypeEntry) => (Array.isArray(entry.version) ? entry.version : [entry.version]);

/** The entry that describes `type` at `version` (a versioned node has one entry per group of versions). */
export function entryOf(download: NodeTypesDownload, type: string, version?: number): NodeTypeEntry | undefined {
	const all = download.entries.filter((e) => e.name === type);
	if (version === undefined) return all.sort((a, b) => Math.max(...versions(b)) - Math.max(...versions(a)))[0];
	return all.find((e) => versions(e).includes(version));
}

export const entryBytes = (entry: NodeTypeEntry | undefined) => (entry ? Buffer.byteLength(JSON.stringify(entry)) : undefined);

/** The label of a dropdown option as the editor shows it; prefers the parameter shown for `resource`. */
export function optionLabel(entry: NodeTypeEntry, parameter: string, value: string, resource?: { parameter: string; value: string }): string {
	const candidates = entry.properties.filter((p) => p.name === parameter && p.options?.some((o) => o.value === value));
	const shownFor = resource && candidates.find((p) => p.displayOptions?.show?.[resource.parameter]?.includes(resource.value));
	const property = shownFor ?? candidates[0];
	const label = property?.options?.find((o) => o.value === value)?.name;
	if (!label) throw new Error(`${entry.name}: no option ${value} in parameter ${parameter}`);
	return label;
}
