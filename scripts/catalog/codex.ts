/**
 * The AMPECO node's codex (nodes/Ampeco/Ampeco.node.json): n8n's node creator finds a node by
 * its display name and by each `alias`, so every resource name is an alias and "session",
 * "tariff" or "ID tag" lead to the node. The generator rewrites only `alias`; the rest of
 * the file (categories, documentation links) is kept as written.
 */
import type { Catalog } from '../../nodes/Ampeco/catalog/types';

/** Words people search for that are not resource names. */
const DOMAIN_ALIASES = ['EV', 'charging', 'charge point', 'EVSE', 'OCPP', 'e-mobility'];

export function codexAliases(catalog: Catalog): string[] {
	const seen = new Set<string>();
	return [...DOMAIN_ALIASES, ...catalog.resources.map((r) => r.name).sort()].filter((alias) => {
		const key = alias.toLowerCase();
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** The codex file with its alias list replaced: one key per line, one alias per line. */
export function renderCodex(codexText: string, catalog: Catalog): string {
	const codex = { ...(JSON.parse(codexText) as Record<string, unknown>), alias: codexAliases(catalog) };
	const line = ([key, value]: [string, unknown]) =>
		`\t${JSON.stringify(key)}: ${key === 'alias' ? `[\n${codex.alias.map((a) => `\t\t${JSON.stringify(a)}`).join(',\n')}\n\t]` : JSON.stringify(value)}`;
	return `{\n${Object.entries(codex).map(line).join(',\n')}\n}\n`;
}
