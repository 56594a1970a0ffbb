/**
 * Laravel-style query strings as AMPECO reads them: filter[status]=active,
 * filter[ids][]=1&filter[ids][]=2, include[]=evses. Only what the mock needs to answer;
 * conformance of the query is checked by the OpenAPI validator, not here.
 */
export type QueryTree = { [key: string]: string | string[] | QueryTree };

export function parseQuery(query: string): QueryTree {
	const tree: QueryTree = {};
	for (const [rawKey, value] of new URLSearchParams(query)) {
		const [head, ...rest] = rawKey.split('[').map((part, i) => (i === 0 ? part : part.replace(/\]$/, '')));
		let node: QueryTree = tree;
		const keys = [head, ...rest];
		for (let i = 0; i < keys.length; i++) {
			const key = keys[i];
			const last = i === keys.length - 1;
			const isList = !last && keys[i + 1] === '' && i + 1 === keys.length - 1;
			if (isList) {
				const list = Array.isArray(node[key]) ? (node[key] as string[]) : [];
				list.push(value);
				node[key] = list;
				break;
			}
			if (last) {
				node[key] = value;
			} else {
				if (typeof node[key] !== 'object' || Array.isArray(node[key])) node[key] = {};
				node = node[key] as QueryTree;
			}
		}
	}
	return tree;
}
