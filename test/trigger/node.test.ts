/** n8n's rules for a trigger node, the package entry, and what the shipped trigger code may import. */
import { existsSync, readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { NodeHelpers, Workflow, type INodeParameters, type INodeType } from 'n8n-workflow';
import { AmpecoTrigger } from '../../nodes/AmpecoTrigger/AmpecoTrigger.node';

const ROOT = join(__dirname, '..', '..');
const node = new AmpecoTrigger();
const { description } = node;

test('a trigger as n8n expects it: name, inputs, no tool use, webhook lifecycle, credential', () => {
	expect(AmpecoTrigger.name).toMatch(/Trigger$/);
	expect(description.name).toBe('ampecoTrigger');
	expect(description.displayName).toContain('Trigger');
	expect(description.inputs).toEqual([]);
	expect(description.outputs).toEqual(['main']);
	expect(description.group).toEqual(['trigger']);
	expect('usableAsTool' in description).toBe(false);
	expect(description.credentials).toEqual([{ name: 'ampecoApi', required: true }]);
	expect(description.webhooks).toEqual([{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' }]);
	for (const method of ['checkExists', 'create', 'delete'] as const) expect(typeof node.webhookMethods.default[method]).toBe('function');
	expect(typeof node.webhook).toBe('function');
	expect(description.icon).toEqual({ light: 'file:ampeco.svg', dark: 'file:ampeco.dark.svg' });
	for (const icon of ['ampeco.svg', 'ampeco.dark.svg']) expect(existsSync(join(ROOT, 'nodes/AmpecoTrigger', icon))).toBe(true);
});

test('n8n answers an accepted delivery with {"message":"Workflow was started"}, not its "firstEntryJson" default', () => {
	// n8n's onReceived answer: the evaluated responseData when truthy, else that message (webhook-on-received-response-extractor).
	const nodeTypes = { getByName: () => node, getByNameAndVersion: () => node as INodeType, getKnownTypes: () => ({}) };
	const triggerNode = { id: '1', name: 'T', type: 'x.ampecoTrigger', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const workflow = new Workflow({ nodes: [triggerNode], connections: {}, active: false, nodeTypes });
	const responseData = workflow.expression.getComplexParameterValue(triggerNode, description.webhooks![0].responseData, 'webhook', {}, undefined, 'firstEntryJson');
	expect(responseData).toBeFalsy();
});

test('the package lists the trigger and its codex names it', () => {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
	expect(pkg.n8n.nodes).toContain('dist/nodes/AmpecoTrigger/AmpecoTrigger.node.js');
	const codex = JSON.parse(readFileSync(join(ROOT, 'nodes/AmpecoTrigger/AmpecoTrigger.node.json'), 'utf8'));
	expect(codex.node).toBe(`${pkg.name}.ampecoTrigger`);
});

function shown(parameters: INodeParameters): string[] {
	return description.properties.filter((p) => NodeHelpers.displayParameter(parameters, p, null, description)).map((p) => p.name);
}

test('verification is on by default; switching it off shows a warning notice', () => {
	const defaults = NodeHelpers.getNodeParameters(description.properties, {}, true, false, null, description) as INodeParameters;
	expect(defaults.verifySignature).toBe(true);
	expect(shown(defaults)).not.toContain('signatureOffNotice');
	expect(shown({ ...defaults, verifySignature: false })).toContain('signatureOffNotice');
	const notice = description.properties.find((p) => p.name === 'signatureOffNotice')!;
	expect(notice.type).toBe('notice');
	const tolerance = (description.properties.find((p) => p.name === 'options')!.options as Array<{ name: string; default: unknown }>).find((o) => o.name === 'timestampTolerance');
	expect(tolerance?.default).toBe(300);
});

/** Every module the shipped trigger loads, following relative imports from the node file. */
function shippedModules(entry: string): Map<string, string[]> {
	const seen = new Map<string, string[]>();
	const visit = (file: string) => {
		if (seen.has(file)) return;
		const source = readFileSync(file, 'utf8');
		const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g)].map((m) => m[1]);
		seen.set(file, specifiers);
		for (const s of specifiers.filter((x) => x.startsWith('.'))) visit(resolve(dirname(file), `${s}.ts`));
	};
	visit(entry);
	return seen;
}

test('shipped trigger code imports only relative paths, n8n-workflow and crypto, and uses no forbidden globals', () => {
	const modules = shippedModules(join(ROOT, 'nodes/AmpecoTrigger/AmpecoTrigger.node.ts'));
	expect(modules.size).toBeGreaterThan(5);
	for (const [file, specifiers] of modules) {
		const outside = specifiers.filter((s) => !s.startsWith('.') && s !== 'n8n-workflow' && s !== 'crypto');
		expect({ file, outside }).toEqual({ file, outside: [] });
		const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
		expect({ file, forbidden: code.match(/\b(process\.|console\.|setTimeout|setInterval|require\(|__dirname)/g) }).toEqual({ file, forbidden: null });
	}
});
