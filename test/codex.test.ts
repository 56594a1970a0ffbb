/** The node creator finds the AMPECO node by any resource name: the codex aliases follow the catalog. */
import { readFileSync } from 'fs';
import { CODEX_FILE } from '../scripts/generate-catalog';
import { renderCodex } from '../scripts/catalog/codex';
import { generatedCatalog as catalog } from '../nodes/Ampeco/catalog';

const committed = readFileSync(CODEX_FILE, 'utf8');
const codex = JSON.parse(committed) as { node: string; alias: string[]; categories: string[] };

test('the committed codex is what the generator writes (run `npm run generate`)', () => {
	expect(renderCodex(committed, catalog)).toBe(committed);
	expect(codex.node).toBe('n8n-nodes-ampeco.ampeco');
	expect(codex.categories).toEqual(['Development', 'Utility']);
});

test('every resource name is an alias, so searching "session", "tariff" or "ID tag" finds the node', () => {
	const aliases = new Set(codex.alias.map((a) => a.toLowerCase()));
	expect(catalog.resources.filter((r) => !aliases.has(r.name.toLowerCase())).map((r) => r.name)).toEqual([]);
	for (const word of ['session', 'tariff', 'location', 'user', 'id tag', 'evse', 'charge point']) expect(aliases).toContain(word);
	expect(new Set(codex.alias).size).toBe(codex.alias.length);
});
