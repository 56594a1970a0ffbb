/**
 * Catalog → the node's parameter list, written to nodes/Ampeco/description/generated/.
 *
 * The editor re-checks every top-level parameter's display conditions on each change, and
 * downloads the whole description (twice: n8n derives the AI-tool variant from it) at
 * every start. So the description holds only what must be static:
 * - Resource, and one Operation list per resource (n8n's node creator builds its actions
 *   from them);
 * - one "From List" ID parameter per path parameter name, shown by a condition on the
 *   operation value (which contains the path template) instead of a list of operations;
 * - a handful of shared parameters.
 * Body fields, filters and query parameters are loaded by the editor for the selected
 * operation from the catalog (resource mappers).
 */
import type { DisplayCondition, INodeProperties, INodePropertyOptions, NodeParameterValue } from 'n8n-workflow';
import type { Catalog, OperationDef, PathParamDef } from '../../nodes/Ampeco/catalog/types';
import { CUSTOM_METHODS, CUSTOM_OPERATION, CUSTOM_RESOURCE } from '../../nodes/Ampeco/catalog/custom';
import { enumOptions } from '../../nodes/Ampeco/description/mapper-fields';
import * as names from '../../nodes/Ampeco/description/parameter-names';
import { fieldLabel, pathIdLabel } from '../../nodes/shared/text';
import { DEFAULT_RETRY } from '../../nodes/shared/transport/retry';
import { DEFAULT_CONCURRENCY } from '../../nodes/shared/transport/throttle';
import { listSearchMethodName } from './list-search-names';
import { removalNotices } from './removal-notices';

type Condition = Array<NodeParameterValue | DisplayCondition>;

function byName(a: { name: string }, b: { name: string }): number {
	return a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
}

/** Shown for exactly these operations (and, optionally, further conditions). */
function forOperations(operations: OperationDef[], extra: Record<string, Condition> = {}): INodeProperties['displayOptions'] {
	return { show: { [names.OPERATION]: operations.map((op) => op.value), ...extra } };
}

export function buildProperties(catalog: Catalog): INodeProperties[] {
	const ops = catalog.operations;
	const typed = ops.filter((op) => !op.indexOnly);
	const withFields = ops.filter((op) => op.body?.fields);
	const listings = ops.filter((op) => op.kind === 'getMany' && op.paging && !op.custom);
	const custom = ops.filter((op) => op.custom);
	return [
		resourceProperty(catalog),
		...operationProperties(catalog),
		...deprecationNotices(ops),
		...removalNotices(ops),
		notice(
			'untypedNotice',
			'AMPECO describes this endpoint only by its path (no field schema): pass the body as JSON and query parameters by name.',
			ops.filter((op) => op.indexOnly && !op.custom),
		),
		...customRequestProperties(custom),
		...pathProperties(typed.concat(ops.filter((op) => op.indexOnly && !op.custom))),
		returnAll(forOperations(listings)),
		// Return All is shown only where a limit applies, so its value alone decides.
		limit({ show: { [names.RETURN_ALL]: [false] } }),
		sendBodyAs(withFields.filter((op) => !op.typedIn), 'fields'),
		// Workflows saved while these endpoints were untyped hold their body as JSON, and n8n stores no default.
		...(withFields.some((op) => op.typedIn) ? [sendBodyAs(withFields.filter((op) => op.typedIn), 'json')] : []),
		// Send Body As is shown only for operations with body fields, so its value alone decides.
		jsonBody({ show: { [names.SEND_BODY_AS]: ['json'] } }, '{}', false),
		...[true, false].flatMap((required) =>
			['{}', '[]'].map((empty) => {
				const free = ops.filter((op) => op.body && !op.body.fields && (op.body.list ? '[]' : '{}') === empty && op.body.required === required);
				return free.length ? jsonBody(forOperations(free), empty, required) : undefined;
			}),
		).filter((p): p is INodeProperties => p !== undefined),
		...ops.filter((op) => op.body?.variants).map(variantProperty),
		resourceMapper(names.BODY_FIELDS, 'Fields', 'bodyFields', 'field', { show: { [names.SEND_BODY_AS]: ['fields'] } }, true),
		resourceMapper(names.FILTERS, 'Filters', 'filterFields', 'filter', forOperations(ops.filter((op) => op.filters?.length)), false),
		resourceMapper(names.QUERY_FIELDS, 'Query Parameters', 'queryFields', 'parameter', forOperations(ops.filter((op) => op.query.length)), false),
		includeProperty(ops.filter((op) => op.include?.length)),
		queryParametersProperty(forOperations(ops.filter((op) => op.indexOnly || op.typedIn))),
		requestOptionsProperty(),
	];
}

function resourceProperty(catalog: Catalog): INodeProperties {
	return {
		displayName: 'Resource',
		name: names.RESOURCE,
		type: 'options',
		noDataExpression: true,
		options: withCustomCallLast(catalog.resources.filter((r) => r.value !== CUSTOM_RESOURCE.value).map((r) => ({ name: r.name, value: r.value })).sort(byName), {
			name: CUSTOM_RESOURCE.name,
			value: CUSTOM_RESOURCE.value,
		}),
		default: 'chargePoint',
	};
}

/**
 * The operation a resource opens on: its own listing (no parent ID, newest version), else
 * its newest Get, else the first one.
 */
export function defaultOperation(operations: OperationDef[]): OperationDef {
	const current = operations.filter((op) => !op.deprecated && !op.removedIn);
	const newest = (list: OperationDef[]) => [...list].sort((a, b) => b.version.localeCompare(a.version, 'en', { numeric: true }))[0];
	return (
		newest(current.filter((op) => op.kind === 'getMany' && op.pathParams.length === 0)) ??
		newest(current.filter((op) => op.kind === 'getMany')) ??
		newest(current.filter((op) => op.kind === 'get')) ??
		current[0] ??
		operations[0]
	);
}

/**
 * n8n appends its own "Custom API Call" (which only points to the HTTP Request node) to
 * every Resource and Operation list whose last option is not one; the node's own Custom
 * API Call, which sends the request with this credential, takes that place instead.
 */
function withCustomCallLast(options: INodePropertyOptions[], custom: INodePropertyOptions): INodePropertyOptions[] {
	return [...options, custom];
}

function operationProperties(catalog: Catalog): INodeProperties[] {
	const customCall = { name: CUSTOM_OPERATION.name, value: CUSTOM_OPERATION.value, action: CUSTOM_OPERATION.action };
	return catalog.resources.map((resource) => {
		const operations = catalog.operations.filter((op) => op.resource === resource.value);
		const sorted: INodePropertyOptions[] = operations
			// No option descriptions: the description is downloaded twice (node and AI tool), and
			// the endpoint of each operation is listed in docs/OPERATIONS.md.
			.map((op) => ({ name: op.name, value: op.value, action: op.action }))
			.sort(byName);
		const options = resource.value === CUSTOM_RESOURCE.value ? sorted : withCustomCallLast(sorted, customCall);
		return {
			displayName: 'Operation',
			name: names.OPERATION,
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { [names.RESOURCE]: [resource.value] } },
			options,
			default: resource.defaultOperation ?? defaultOperation(operations).value,
		};
	});
}

function notice(name: string, displayName: string, operations: OperationDef[]): INodeProperties {
	return { displayName, name, type: 'notice', default: '', displayOptions: forOperations(operations) };
}

/** One notice per successor, which it names: the user learns what to switch to without hovering. */
function deprecationNotices(ops: OperationDef[]): INodeProperties[] {
	const byValue = new Map(ops.map((op) => [op.value, op]));
	const groups = new Map<string, OperationDef[]>();
	for (const op of ops.filter((o) => o.deprecated)) {
		const successor = op.successor ? byValue.get(op.successor)?.name : undefined;
		const text = successor
			? `AMPECO has deprecated this operation: use “${successor}” instead. This one still works, but may be removed in a later API version.`
			: 'AMPECO has deprecated this operation. It still works, but may be removed in a later API version.';
		groups.set(text, [...(groups.get(text) ?? []), op]);
	}
	return [...groups].map(([text, group]) => notice('deprecationNotice', text, group));
}

/**
 * Path IDs. A path parameter is shown wherever the operation value (METHOD /path) holds its
 * placeholder, so the condition does not grow with the number of operations. Operations
 * whose parameter of the same name differs (type, values, listing) get their own variant.
 */
function pathProperties(ops: OperationDef[]): INodeProperties[] {
	const variants = new Map<string, { param: PathParamDef; listable: boolean; operations: OperationDef[] }[]>();
	for (const op of ops) {
		for (const param of op.pathParams) {
			const listable = param.listOperation !== undefined;
			const shape = { ...param, listOperation: undefined };
			const list = variants.get(param.name) ?? [];
			const same = list.find((v) => v.listable === listable && JSON.stringify({ ...v.param, listOperation: undefined }) === JSON.stringify(shape));
			if (same) same.operations.push(op);
			else list.push({ param, listable, operations: [op] });
			variants.set(param.name, list);
		}
	}
	return [...variants.values()].flatMap((list) => {
		const [main, ...others] = [...list].sort((a, b) => b.operations.length - a.operations.length);
		const placeholder: DisplayCondition = { _cnd: { includes: `{${main.param.name}}` } };
		const mainDisplay = {
			show: { [names.OPERATION]: [placeholder] },
			...(others.length ? { hide: { [names.OPERATION]: others.flatMap((v) => v.operations.map((op) => op.value)) } } : {}),
		};
		return [
			pathProperty(main.param, main.listable, mainDisplay),
			...others.map((v) => pathProperty(v.param, v.listable, forOperations(v.operations))),
		];
	});
}

function pathProperty(param: PathParamDef, listable: boolean, displayOptions: INodeProperties['displayOptions']): INodeProperties {
	const displayName = pathIdLabel(param.name);
	if (param.enum) {
		return { displayName, name: param.name, type: 'options', required: true, options: enumOptions(param.enum), default: param.enum[0], displayOptions };
	}
	const byId = {
		displayName: 'By ID',
		name: 'id',
		type: 'string' as const,
		placeholder: param.type === 'integer' ? 'e.g. 42' : param.format === 'date' ? 'e.g. 2025-01-31' : 'e.g. ABC-1',
		...(param.type === 'integer' ? { validation: [{ type: 'regex' as const, properties: { regex: '^[0-9]+$', errorMessage: 'Must be a number' } }] } : {}),
	};
	const list = { displayName: 'From List', name: 'list', type: 'list' as const, typeOptions: { searchListMethod: listSearchMethodName(param.name), searchable: true } };
	return {
		displayName,
		name: param.name,
		type: 'resourceLocator',
		required: true,
		default: { mode: listable ? 'list' : 'id', value: '' },
		modes: listable ? [list, byId] : [byId],
		displayOptions,
	};
}

function returnAll(displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Return All',
		name: names.RETURN_ALL,
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions,
	};
}

function limit(displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Limit',
		name: names.LIMIT,
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions,
	};
}

function sendBodyAs(operations: OperationDef[], byDefault: 'fields' | 'json'): INodeProperties {
	return {
		displayName: 'Send Body As',
		name: names.SEND_BODY_AS,
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Fields', value: 'fields', description: 'Fill in the fields of the request body one by one' },
			{ name: 'JSON', value: 'json', description: 'Pass the whole request body as JSON, e.g. from an expression' },
		],
		default: byDefault,
		displayOptions: forOperations(operations),
	};
}

function jsonBody(displayOptions: INodeProperties['displayOptions'], empty: string, required: boolean): INodeProperties {
	return { displayName: 'JSON Body', name: names.JSON_BODY, type: 'json', default: empty, required, displayOptions };
}

/**
 * Include: one list of every related record AMPECO can embed, each value shown for the
 * operations that offer it. Static, not loaded per operation: n8n 2.x waits for a loaded
 * list at each Operation change (to a listing: 1.9× Notion's time with it, 1.45× without).
 */
function includeProperty(operations: OperationDef[]): INodeProperties {
	const offeredBy = new Map<string, string[]>();
	for (const op of operations) for (const value of op.include!) offeredBy.set(value, [...(offeredBy.get(value) ?? []), op.value]);
	return {
		displayName: 'Include',
		name: names.INCLUDE,
		type: 'multiOptions',
		options: enumOptions([...offeredBy.keys()]).map((option) => ({
			...option,
			displayOptions: { show: { [names.OPERATION]: offeredBy.get(option.value as string)! } },
		})),
		default: [],
		description: 'Related records to embed in each result',
		displayOptions: forOperations(operations),
	};
}

function resourceMapper(name: string, displayName: string, method: string, word: string, displayOptions: INodeProperties['displayOptions'], autoMap: boolean): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		typeOptions: {
			loadOptionsDependsOn: [names.OPERATION, names.BODY_VARIANT],
			resourceMapper: {
				resourceMapperMethod: method,
				mode: 'add',
				// The editor shows this label, not the parameter's displayName.
				valuesLabel: displayName,
				fieldWords: { singular: word, plural: `${word}s` },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: autoMap,
			},
		},
		displayOptions,
	};
}

/**
 * The alternative of a oneOf/anyOf body the fields are for, named by the field that selects
 * it (Type, Mode, ...) where there is one. One per operation: only a few have alternatives.
 */
function variantProperty(op: OperationDef): INodeProperties {
	const variants = op.body!.variants!;
	const selector = variants.find((v) => v.selector)?.selector;
	return {
		displayName: selector ? fieldLabel(selector) : 'Body Variant',
		name: names.BODY_VARIANT,
		type: 'options',
		noDataExpression: true,
		options: variants.map((v) => ({ name: v.label, value: v.value })),
		default: variants[0].value,
		description: 'Which form of the request body to send; the fields below follow it',
		displayOptions: forOperations([op], { [names.SEND_BODY_AS]: ['fields'] }),
	};
}

/** Method, path and paging of the Custom API Call; query and body use the untyped inputs. */
function customRequestProperties(custom: OperationDef[]): INodeProperties[] {
	const paginate = { [names.CUSTOM_PAGINATE]: [true] };
	return [
		{
			displayName: 'Method',
			name: names.CUSTOM_METHOD,
			type: 'options',
			options: CUSTOM_METHODS.map((m) => ({ name: m, value: m })),
			default: 'GET',
			displayOptions: forOperations(custom),
		},
		{
			displayName: 'Path',
			name: names.CUSTOM_PATH,
			type: 'string',
			required: true,
			default: '/public-api/',
			placeholder: '/public-api/resources/charge-points/v2.0',
			description: 'Path under /public-api/ on your tenant. The credential is only ever sent to the tenant URL.',
			displayOptions: forOperations(custom),
		},
		{
			displayName: 'Follow Pagination',
			name: names.CUSTOM_PAGINATE,
			type: 'boolean',
			default: false,
			description: 'Whether to request every page of a listing (following links.next) and return one item per record',
			displayOptions: forOperations(custom),
		},
		returnAll(forOperations(custom, paginate)),
	];
}

function queryParametersProperty(displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Query Parameters',
		name: names.QUERY_PARAMETERS,
		type: 'fixedCollection',
		placeholder: 'Add Parameter',
		typeOptions: { multipleValues: true },
		default: {},
		options: [
			{
				name: 'parameters',
				displayName: 'Parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
		displayOptions,
	};
}

/** How requests are sent; the same for every operation, so the collection has no display conditions. */
function requestOptionsProperty(): INodeProperties {
	return {
		displayName: 'Request Options',
		name: names.REQUEST_OPTIONS,
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 50, numberPrecision: 0 },
				default: DEFAULT_CONCURRENCY,
				description:
					'How many requests AMPECO receives at the same time: one per input item, and the pages of a page-numbered listing once its first page told how many there are. Output keeps the input order; the node slows down by itself when AMPECO reports its rate limit is near.',
			},
			{
				displayName: 'Max Rate-Limit Wait (Seconds)',
				name: 'maxRateLimitWait',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_RETRY.maxRateLimitWaitMs / 1000,
				description: 'Longest time to wait, in total per request, when AMPECO answers 429 Too Many Requests. Beyond it the item fails.',
			},
			{
				displayName: 'Retries on Server Errors',
				name: 'retries',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 },
				default: DEFAULT_RETRY.maxRetries,
				description:
					'How often a GET, PUT or DELETE is repeated after a 5xx answer, a reset connection or a timeout. POST and PATCH requests are never repeated after those, so an action such as Start Charging Session cannot run twice.',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_RETRY.timeoutMs / 1000,
				description: 'How long to wait for an answer to one request',
			},
		],
	};
}
