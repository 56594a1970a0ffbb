/**
 * The compatibility record: every identity a workflow saved with the last release can
 * hold (scripts/description/identities.ts), committed beside the generator and rewritten
 * by each generation. A regeneration that would lose one of them is refused: the gate.
 * It also names the input files, which a plain `npm run generate` reads again.
 */
import type { Identities, ScalarDefault } from '../description/identities';

/** Where the record lives, relative to the repository root. */
export const RECORD_PATH = 'scripts/upgrade/generated/identities.json';

export interface IdentityRecord extends Identities {
	inputs: { spec: string; index: string };
	apiVersion: string;
	indexVersion: string;
	inputSha256: string;
}

/** Shown first in the file; the gate reads none of it. */
const HEADER = {
	generated: 'GENERATED — DO NOT EDIT. Rewritten by `npm run generate`, which refuses to drop anything listed here.',
	generator: 'scripts/generate-catalog.ts (scripts/upgrade/identity-record.ts over scripts/description/identities.ts)',
	purpose: 'What workflows saved with the last release may hold: resource and operation values, per operation the parameter names, resource-mapper keys and defaults.',
};

/** One operation per line: a regeneration's diff shows what each operation gained. */
export function renderRecord(record: IdentityRecord): string {
	const { operations, ...rest } = record;
	const line = (key: string, value: unknown) => `\t${JSON.stringify(key)}: ${JSON.stringify(value)}`;
	return [
		'{',
		[...Object.entries(HEADER), ...Object.entries(rest)].map(([k, v]) => `${line(k, v)},`).join('\n'),
		'\t"operations": {',
		Object.entries(operations)
			.sort(([a], [b]) => (a < b ? -1 : 1))
			.map(([value, identity]) => `\t${line(value, identity)}`)
			.join(',\n'),
		'\t}',
		'}',
		'',
	].join('\n');
}

export function parseRecord(text: string): IdentityRecord {
	const { generated: _g, generator: _n, purpose: _p, ...record } = JSON.parse(text);
	return record as IdentityRecord;
}

const show = (value: ScalarDefault | undefined) => JSON.stringify(value);

/** What a workflow saved with the recorded release holds and `current` would no longer accept, in words. */
export function compatibilityBreaks(recorded: Identities, current: Identities): string[] {
	const breaks: string[] = [];
	const resources = new Set(current.resources);
	for (const resource of recorded.resources) if (!resources.has(resource)) breaks.push(`resource "${resource}" would disappear`);
	if (recorded.defaultResource !== current.defaultResource) {
		breaks.push(`the default resource would change from "${recorded.defaultResource}" to "${current.defaultResource}"`);
	}
	for (const [resource, operation] of Object.entries(recorded.defaultOperations)) {
		const now = current.defaultOperations[resource];
		if (now !== undefined && now !== operation) breaks.push(`resource "${resource}": the default operation would change from "${operation}" to "${now}"`);
	}
	for (const [value, before] of Object.entries(recorded.operations)) {
		const after = current.operations[value];
		if (!after) {
			breaks.push(`operation "${value}" would disappear`);
			continue;
		}
		if (after.resource !== before.resource) breaks.push(`operation "${value}" would move from resource "${before.resource}" to "${after.resource}"`);
		const kept = new Set(after.parameters);
		for (const name of before.parameters) if (!kept.has(name)) breaks.push(`operation "${value}": parameter "${name}" would disappear`);
		for (const [name, was] of Object.entries(before.defaults)) {
			if (kept.has(name) && after.defaults[name] !== was) {
				breaks.push(`operation "${value}": the default of "${name}" would change from ${show(was)} to ${show(after.defaults[name])}`);
			}
		}
	}
	return breaks;
}
