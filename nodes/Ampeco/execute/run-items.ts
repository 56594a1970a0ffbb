/**
 * The item loop: one executor for every operation. Items run concurrently (bounded, like
 * n8n's HTTP Request node), output keeps input order, and this is the one place that owns
 * Continue On Fail and pairedItem.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { findOperation, type OperationDef } from '../catalog';
import * as names from '../description/parameter-names';
import { paginate } from '../../shared/transport/paginate';
import { send, openTenant } from '../../shared/transport/request';
import { DEFAULT_RETRY, type RetrySettings } from '../../shared/transport/retry';
import { DEFAULT_CONCURRENCY, Throttle } from '../../shared/transport/throttle';
import { buildRequest, itemReader } from './build-request';
import { customOperation } from './custom-request';
import { removedOperationRefusal } from './removed-operation';
import { recordsToItems, responseToItems } from './results';
import { InputError } from './values';

interface RequestOptions {
	maxRateLimitWait?: number;
	retries?: number;
	timeout?: number;
	concurrency?: number;
}

function requestOptions(ctx: IExecuteFunctions, itemIndex: number): RequestOptions {
	return ctx.getNodeParameter(names.REQUEST_OPTIONS, itemIndex, {}) as RequestOptions;
}

/** Request Options of one item → retry settings. */
function retrySettings({ maxRateLimitWait, retries, timeout }: RequestOptions): RetrySettings {
	return {
		...DEFAULT_RETRY,
		...(maxRateLimitWait !== undefined ? { maxRateLimitWaitMs: maxRateLimitWait * 1000 } : {}),
		...(retries !== undefined ? { maxRetries: retries } : {}),
		...(timeout !== undefined ? { timeoutMs: timeout * 1000 } : {}),
	};
}

async function runItem(ctx: IExecuteFunctions, origin: string, itemIndex: number, throttle: Throttle, selected: OperationDef): Promise<IDataObject[]> {
	let op = selected;
	let request;
	try {
		const read = itemReader(ctx, itemIndex);
		if (op.custom) op = customOperation(read);
		request = buildRequest(op, read, itemIndex, ctx.getInputData()[itemIndex]?.json);
	} catch (error) {
		if (error instanceof InputError) {
			throw new NodeOperationError(ctx.getNode(), `Invalid parameter "${error.field}": ${error.problem}`, {
				itemIndex,
				description: 'Nothing was sent to AMPECO.',
			});
		}
		throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	}
	const settings = retrySettings(requestOptions(ctx, itemIndex));
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
		await paginate(ctx, origin, {
			request,
			paging: op.paging,
			limit,
			settings,
			throttle,
			onRecords: (records) => {
				for (const item of recordsToItems(records)) out.push(item);
			},
		});
		return out;
	}
	const response = await send(ctx, origin, request, settings, throttle);
	return responseToItems(op, response.status, response.body);
}

export async function executeOperations(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	if (!items.length) return [[]];
	const origin = await openTenant(ctx).catch((error: Error) => {
		throw new NodeOperationError(ctx.getNode(), `AMPECO credential: ${error.message}`);
	});
	// `operation` takes no expressions (noDataExpression): it is the same for every item.
	const value = ctx.getNodeParameter(names.OPERATION, 0) as string;
	const op = findOperation(value);
	if (!op) throw new NodeOperationError(ctx.getNode(), `Unknown operation "${value}"`);
	const refusal = removedOperationRefusal(op, findOperation);
	if (refusal) throw new NodeOperationError(ctx.getNode(), refusal.message, { description: refusal.description });
	const concurrency = Math.max(1, Math.floor(requestOptions(ctx, 0).concurrency ?? DEFAULT_CONCURRENCY));
	const throttle = new Throttle(concurrency);
	const continueOnFail = ctx.continueOnFail();
	const results: Array<IDataObject[] | Error> = new Array(items.length);
	let next = 0;
	let firstFailure = Infinity;

	// Workers take items in order; after a failure (without Continue On Fail) no new item starts.
	const worker = async () => {
		for (let i = next++; i < items.length && i < firstFailure; i = next++) {
			try {
				results[i] = await runItem(ctx, origin, i, throttle, op);
			} catch (error) {
				results[i] = error as Error;
				if (!continueOnFail) firstFailure = Math.min(firstFailure, i);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const result = results[itemIndex];
		if (result instanceof Error) {
			if (!continueOnFail) throw result;
			const description = (result as { description?: string }).description;
			output.push({ json: { error: result.message, ...(description ? { description } : {}) }, pairedItem: { item: itemIndex } });
		} else if (result) {
			for (const json of result) output.push({ json, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
