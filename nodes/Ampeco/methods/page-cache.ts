/**
 * Listing pages fetched for "From List", kept for a short while. n8n calls the search again
 * for every change of the search text; an API that cannot search is answered from the
 * pages already fetched instead of fetching them again on each keystroke.
 */

/** Long enough for one search session in the editor, short enough to show new records soon. */
export const PAGE_TTL_MS = 60_000;
const MAX_PAGES = 50;

const pages = new Map<string, { at: number; page: Promise<unknown> }>();

/** The cached page for `key`, or the one `load` fetches; a failed load is not kept. */
export function cachedPage<T>(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
	for (const [k, entry] of pages) if (now - entry.at > PAGE_TTL_MS) pages.delete(k);
	const hit = pages.get(key);
	if (hit) return hit.page as Promise<T>;
	const page = load();
	pages.set(key, { at: now, page });
	page.catch(() => pages.delete(key));
	// Oldest first: Map keeps insertion order.
	while (pages.size > MAX_PAGES) pages.delete(pages.keys().next().value!);
	return page;
}

export function clearPageCache(): void {
	pages.clear();
}
