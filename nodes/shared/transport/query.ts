/**
 * Query strings the way AMPECO (Laravel) reads them: deepObject parameters in bracket
 * notation, e.g. filter[status]=active&filter[ids][]=1&include[]=evses.
 */
export type QueryValue = string | number | boolean | null | undefined | QueryValue[] | { [key: string]: QueryValue };
export type Query = Record<string, QueryValue>;

function pairs(prefix: string, value: QueryValue, out: string[]): void {
	if (value === undefined || value === null || value === '') return;
	if (Array.isArray(value)) {
		for (const item of value) pairs(`${prefix}[]`, item, out);
	} else if (typeof value === 'object') {
		for (const [key, inner] of Object.entries(value)) pairs(`${prefix}[${key}]`, inner, out);
	} else {
		out.push(`${encodeKey(prefix)}=${encodeURIComponent(String(value))}`);
	}
}

/** Brackets stay readable; everything else is percent-encoded. */
function encodeKey(key: string): string {
	return encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']');
}

export function serializeQuery(query: Query): string {
	const out: string[] = [];
	for (const [key, value] of Object.entries(query)) pairs(key, value, out);
	return out.join('&');
}
