/**
 * What saved workflows store must never change: the resource, operation and trigger event
 * values, whose labels the naming rules write; labels may change freely.
 * test/fixtures/stored-identities.txt holds them as offered before the labels were reworded;
 * new values may be added.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { Ampeco } from '../nodes/Ampeco/Ampeco.node';
import { AmpecoTrigger } from '../nodes/AmpecoTrigger/AmpecoTrigger.node';

const FIXTURE = join(__dirname, 'fixtures', 'stored-identities.txt');

/** "<parameter>\t<value>" for each option of the named top-level parameters. */
function offered(properties: INodeProperties[], names: string[], prefix = ''): string[] {
	return properties
		.filter((p) => names.includes(p.name))
		.flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => `${prefix}${p.name}\t${String(o.value)}`));
}

const current = [
	...offered(new Ampeco().description.properties, ['resource', 'operation']),
	...offered(new AmpecoTrigger().description.properties, ['events'], 'trigger.'),
];

test('every stored value of the fixture is still offered', () => {
	const stored = readFileSync(FIXTURE, 'utf8').trim().split('\n');
	expect(stored.length).toBe(545 + 75 + 42);
	const now = new Set(current);
	expect(stored.filter((line) => !now.has(line))).toEqual([]);
});

