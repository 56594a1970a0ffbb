/**
 * Workflow JSON as n8n stores it, for the scenarios: a Manual Trigger followed by nodes
 * connected in a line. The AMPECO node is referenced the way a community install names
 * it: `<package>.<node>` = n8n-nodes-ampeco.ampeco, typeVersion 1.
 */
import type { ResourceMapperField } from 'n8n-workflow';
import { CREDENTIAL_TYPE, DEMO_CREDENTIAL, NODE_TYPE } from './config';

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	/** Trigger nodes with webhooks: the id in their production URL, /webhook/<webhookId>/<path>. */
	webhookId?: string;
	onError?: 'continueRegularOutput' | 'continueErrorOutput' | 'stopWorkflow';
}

export interface Workflow {
	id: string;
	name: string;
	active: false;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
	settings: Record<string, unknown>;
}

type NodeSpec = Omit<WorkflowNode, 'id' | 'position'>;

export const TRIGGER = 'When clicking ‘Execute workflow’';

export function manualTrigger(): NodeSpec {
	return { name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
}

/** An AMPECO node using the credential that examples/ and the demo share. */
export function ampeco(name: string, parameters: Record<string, unknown>, options: { continueOnFail?: boolean } = {}): NodeSpec {
	return {
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		parameters,
		credentials: { [CREDENTIAL_TYPE]: DEMO_CREDENTIAL },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
}

/** A path ID as the node stores it: a resource locator in "By ID" mode. */
export function byId(value: string | number): { __rl: true; mode: 'id'; value: string } {
	return { __rl: true, mode: 'id', value: String(value) };
}

/** Fields of a resource mapper (body fields, filters, query parameters) as the node stores them. */
export function mapped(value: Record<string, unknown>): { mappingMode: 'defineBelow'; value: Record<string, unknown> } {
	return { mappingMode: 'defineBelow', value };
}

/**
 * A resource mapper's value as the editor saves it: with the field list (`schema`) it showed.
 * Without one, n8n's editor shows every optional field of a workflow saved elsewhere; with
 * it, only the fields set and the required ones, as if the user had built it.
 */
export function mappedWithSchema(fields: ResourceMapperField[], value: Record<string, unknown>) {
	const schema = fields.map((field) => ({ ...field, removed: !field.required && !(field.id in value) }));
	return { mappingMode: 'defineBelow' as const, value, matchingColumns: [], schema, attemptToConvertTypes: false, convertFieldsToString: true };
}

/** Nodes run in the order given, each feeding the next. */
export function linearWorkflow(id: string, name: string, specs: NodeSpec[]): Workflow {
	const nodes = specs.map((spec, i) => ({ ...spec, id: `${id}-n${i}`, position: [i * 220, 0] as [number, number] }));
	const connections: Workflow['connections'] = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' } };
}
