/**
 * The item loop: one executor for every operation. Owns Continue On Fail and pairedItem.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { findOperation } from '../catalog';
import * as names from '../description/parameter-names';
import { paginate } from '../transport/paginate';
import { send, tenantOrigin } from '../transport/request';
import { buildRequest, itemReader } from './build-request';
import { recordsToItems, responseToItems } from './results';
import { InputError } from './values';

async function runItem(ctx: IExecuteFunctions, origin: string, itemIndex: number): Promise<IDataObject[]> {
	const value = ctx.getNodeParameter(names.OPERATION, itemIndex) as string;
	const op = findOperation(value);
	if (!op) throw new NodeOperationError(ctx.getNode(), `Unknown operation "${value}"`, { itemIndex });
	let request;
	try {
		request = buildRequest(op, itemReader(ctx, itemIndex), itemIndex);
	} catch (error) {
		if (error instanceof InputError) {
			throw new NodeOperationError(ctx.getNode(), `Invalid parameter "${error.field}": ${error.message.slice(error.field.length + 2)}`, {
				itemIndex,
				description: 'Nothing was sent to AMPECO.',
			});
		}
		throw error;
	}
	if (op.kind === 'getMany' && op.paging) {
		const returnAll = ctx.getNodeParameter(names.RETURN_ALL, itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (ctx.getNodeParameter(names.LIMIT, itemIndex, 50) as number);
		const out: IDataObject[] = [];
		await paginate(ctx, origin, request, op.paging, limit, (records) => {
			for (const item of recordsToItems(records)) out.push(item);
		});
		return out;
	}
	const response = await send(ctx, origin, request);
	return responseToItems(op, response.status, response.body);
}

export async function executeOperations(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const origin = await tenantOrigin(ctx).catch((error: Error) => {
		throw new NodeOperationError(ctx.getNode(), `AMPECO credential: ${error.message}`);
	});
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const results = await runItem(ctx, origin, itemIndex);
			for (const json of results) output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (!ctx.continueOnFail()) throw error;
			const description = (error as { description?: string }).description;
			output.push({
				json: { error: (error as Error).message, ...(description ? { description } : {}) },
				pairedItem: { item: itemIndex },
			});
		}
	}
	return [output];
}
