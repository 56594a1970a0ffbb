/**
 * The item loop: one executor for every operation. Owns Continue On Fail and pairedItem.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { findOperation } from '../catalog';
import * as names from '../description/parameter-names';
import { paginate } from '../transport/paginate';
import { send, tenantOrigin } from '../transport/request';
import { DEFAULT_RETRY, type RetrySettings } from '../transport/retry';
import { buildRequest, itemReader } from './build-request';
import { customOperation } from './custom-request';
import { recordsToItems, responseToItems } from './results';
import { InputError } from './values';

/** Request Options of one item → retry settings. */
function retrySettings(ctx: IExecuteFunctions, itemIndex: number): RetrySettings {
	const { maxRateLimitWait, retries, timeout } = ctx.getNodeParameter(names.REQUEST_OPTIONS, itemIndex, {}) as {
		maxRateLimitWait?: number;
		retries?: number;
		timeout?: number;
	};
	return {
		...DEFAULT_RETRY,
		...(maxRateLimitWait !== undefined ? { maxRateLimitWaitMs: maxRateLimitWait * 1000 } : {}),
		...(retries !== undefined ? { maxRetries: retries } : {}),
		...(timeout !== undefined ? { timeoutMs: timeout * 1000 } : {}),
	};
}

async function runItem(ctx: IExecuteFunctions, origin: string, itemIndex: number): Promise<IDataObject[]> {
	const value = ctx.getNodeParameter(names.OPERATION, itemIndex) as string;
	let op = findOperation(value);
	if (!op) throw new NodeOperationError(ctx.getNode(), `Unknown operation "${value}"`, { itemIndex });
	let request;
	try {
		const read = itemReader(ctx, itemIndex);
		if (op.custom) op = customOperation(read);
		request = buildRequest(op, read, itemIndex);
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
		// An expression can give 0, -1, 2.5 or text: AMPECO would get per_page=0 / -1 / NaN.
		if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
			throw new NodeOperationError(ctx.getNode(), `Invalid parameter "${names.LIMIT}": must be a whole number of at least 1, got ${JSON.stringify(limit)}`, {
				itemIndex,
				description: 'Nothing was sent to AMPECO.',
			});
		}
		const out: IDataObject[] = [];
		await paginate(ctx, origin, request, op.paging, limit, retrySettings(ctx, itemIndex), (records) => {
			for (const item of recordsToItems(records)) out.push(item);
		});
		return out;
	}
	const response = await send(ctx, origin, request, retrySettings(ctx, itemIndex));
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
