import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { nodeDescription } from './description/node-description';
import { executeOperations } from './execute/router';
import { listSearch } from './methods/list-search';

export class Ampeco implements INodeType {
	description: INodeTypeDescription = nodeDescription;

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return executeOperations(this);
	}
}
