import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { nodeProperties, plainInEditor } from './description';
import { listSearch } from './methods/list-search';
import { resourceMapping } from './methods/operation-fields';
import { SUBTITLE } from './description/subtitle';

export class Ampeco implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AMPECO',
		name: 'ampeco',
		icon: { light: 'file:ampeco.svg', dark: 'file:ampeco.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: SUBTITLE,
		description: 'Manage charge points, EVSEs, sessions, tariffs, users and every other resource of the AMPECO.CHARGE Public API',
		defaults: { name: 'AMPECO' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ampecoApi', required: true }],
		properties: nodeProperties,
	};

	methods = { listSearch, resourceMapping };

	constructor() {
		plainInEditor(this.description);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// Loaded on first execution: n8n loads every installed package at start, most never run.
		const { executeOperations } = await import('./execute/run-items');
		return executeOperations(this);
	}
}
