/* eslint-disable n8n-nodes-base/node-param-default-missing --
 * The rule looks for a literal `default`; here defaults are computed from the catalog
 * (first enum value, preferred operation) and resource-locator modes need none. */
/**
 * Catalog → the node's parameter list.
 *
 * n8n evaluates every top-level parameter's display conditions on each change in the
 * editor, so the cost grows with their number. Each distinct parameter is therefore
 * defined once and shown for every operation that has it, instead of once per operation.
 */
import type { INodeProperties, NodeParameterValue } from 'n8n-workflow';
import type { Catalog, OperationDef } from '../../nodes/Ampeco/catalog/types';
import { titleCase } from '../../nodes/Ampeco/shared/text';
import { byDisplayName, enumOptions, fieldProperty } from '../../nodes/Ampeco/description/fields';
import { CUSTOM_METHODS } from '../../nodes/Ampeco/catalog/custom';
import { DEFAULT_RETRY } from '../../nodes/Ampeco/transport/retry';
import { DEFAULT_CONCURRENCY } from '../../nodes/Ampeco/transport/throttle';
import { listSearchMethodName } from './list-search-names';
import * as names from '../../nodes/Ampeco/description/parameter-names';

type Shown = Omit<INodeProperties, 'displayOptions'>;

/**
 * Collects parameters by content; identical ones are merged and shown for all their
 * operations. Nested ones (options of a collection) refer to the root `operation`
 * parameter as '/operation'.
 */
class SharedProperties {
	private readonly entries = new Map<string, { property: Shown; extra: Record<string, NodeParameterValue[]>; operations: string[] }>();

	constructor(private readonly nested = false) {}

	add(op: OperationDef, property: Shown, extra: Record<string, NodeParameterValue[]> = {}): void {
		const key = JSON.stringify([property, extra]);
		const entry = this.entries.get(key);
		if (entry) entry.operations.push(op.value);
		else this.entries.set(key, { property, extra, operations: [op.value] });
	}

	get size(): number {
		return this.entries.size;
	}

	toProperties(): INodeProperties[] {
		const operationKey = this.nested ? `/${names.OPERATION}` : names.OPERATION;
		return [...this.entries.values()].map(({ property, extra, operations }) => ({
			...property,
			displayOptions: { show: { [operationKey]: operations, ...extra } },
		}));
	}
}

/** One collection for all operations; each option is shown for the operations that have that field. */
function sharedCollection(base: Omit<INodeProperties, 'options' | 'default' | 'type'>, options: SharedProperties, extra: Record<string, NodeParameterValue[]> = {}): INodeProperties[] {
	if (!options.size) return [];
	const children = options.toProperties().sort(byDisplayName);
	const operations = [...new Set(children.flatMap((c) => c.displayOptions!.show![`/${names.OPERATION}`] as string[]))];
	return [
		{
			...base,
			type: 'collection',
			default: {},
			options: children,
			displayOptions: { show: { [names.OPERATION]: operations, ...extra } },
		},
	];
}

const FIELDS_MODE = { [names.SEND_BODY_AS]: ['fields'] };

const RETURN_ALL_PROPERTY: Shown = {
	displayName: 'Return All',
	name: names.RETURN_ALL,
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

const LIMIT_PROPERTY: Shown = {
	displayName: 'Limit',
	name: names.LIMIT,
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
};

interface Phases {
	/** Top level, in the order the editor shows them; parameters others depend on come first. */
	modes: SharedProperties;
	notices: SharedProperties;
	path: SharedProperties;
	query: SharedProperties;
	body: SharedProperties;
	/** Options of the shared collections. */
	additionalFields: SharedProperties;
	updateFields: SharedProperties;
	filters: SharedProperties;
	options: SharedProperties;
}

export function buildProperties(catalog: Catalog): INodeProperties[] {
	const phases: Phases = {
		modes: new SharedProperties(),
		notices: new SharedProperties(),
		path: new SharedProperties(),
		query: new SharedProperties(),
		body: new SharedProperties(),
		additionalFields: new SharedProperties(true),
		updateFields: new SharedProperties(true),
		filters: new SharedProperties(true),
		options: new SharedProperties(true),
	};
	for (const op of catalog.operations) {
		if (op.custom) addCustomRequest(phases.modes, op);
		addNotices(phases.notices, op);
		for (const param of op.pathParams) phases.path.add(op, pathProperty(param.name, param.type, param.enum, param.listOperation !== undefined));
		for (const field of op.query.filter((f) => f.required)) {
			phases.query.add(op, { ...fieldProperty(field, names.topLevelName('query', field.name, op), 0), required: true });
		}
		addBody(phases, op);
		addQueryOptions(phases, op);
	}
	return [
		resourceProperty(catalog),
		...operationProperties(catalog),
		...phases.modes.toProperties(),
		...phases.notices.toProperties(),
		...phases.path.toProperties(),
		...phases.query.toProperties(),
		...phases.body.toProperties(),
		...sharedCollection({ displayName: 'Additional Fields', name: 'additionalFields', placeholder: 'Add Field' }, phases.additionalFields, FIELDS_MODE),
		...sharedCollection({ displayName: 'Update Fields', name: 'updateFields', placeholder: 'Add Field' }, phases.updateFields, FIELDS_MODE),
		...sharedCollection({ displayName: 'Filters', name: names.FILTERS, placeholder: 'Add Filter' }, phases.filters),
		...sharedCollection({ displayName: 'Options', name: names.OPTIONS, placeholder: 'Add Option' }, phases.options),
		requestOptionsProperty(),
	];
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
				displayName: 'Max Rate-Limit Wait (Seconds)',
				name: 'maxRateLimitWait',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_RETRY.maxRateLimitWaitMs / 1000,
				description: 'Longest time to wait, in total per request, when AMPECO answers 429 Too Many Requests. Beyond it the item fails.',
			},
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 50, numberPrecision: 0 },
				default: DEFAULT_CONCURRENCY,
				description: 'How many requests AMPECO receives at the same time: one per input item, and the pages of a page-numbered listing once its first page told how many there are. Output keeps the input order; the node slows down by itself when AMPECO reports its rate limit is near.',
			},
			{
				displayName: 'Retries on Server Errors',
				name: 'retries',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 },
				default: DEFAULT_RETRY.maxRetries,
				description: 'How often a GET, PUT or DELETE is repeated after a 5xx answer, a reset connection or a timeout. POST and PATCH requests are never repeated after those, so an action such as Start Charging Session cannot run twice.',
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

function resourceProperty(catalog: Catalog): INodeProperties {
	return {
		displayName: 'Resource',
		name: names.RESOURCE,
		type: 'options',
		noDataExpression: true,
		options: [...catalog.resources].sort(byDisplayNameOf).map((r) => ({ name: r.name, value: r.value })),
		default: 'chargePoint',
	};
}

function byDisplayNameOf(a: { name: string }, b: { name: string }): number {
	return a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0;
}

function operationProperties(catalog: Catalog): INodeProperties[] {
	const byValue = new Map(catalog.operations.map((op) => [op.value, op]));
	return catalog.resources.map((resource) => {
		const operations = catalog.operations.filter((op) => op.resource === resource.value);
		const options = operations
			.map((op) => ({ name: op.name, value: op.value, action: op.action, description: operationSummary(op, byValue) }))
			.sort(byDisplayNameOf);
		const preferred = operations.find((op) => op.kind === 'getMany' && !op.deprecated) ?? operations[0];
		return {
			displayName: 'Operation',
			name: names.OPERATION,
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { [names.RESOURCE]: [resource.value] } },
			options,
			default: preferred.value,
		};
	});
}

/** Our own one-line description: the endpoint it calls and, when deprecated, its successor. */
function operationSummary(op: OperationDef, byValue: Map<string, OperationDef>): string {
	const successor = op.successor ? byValue.get(op.successor) : undefined;
	const replacement = successor ? ` Use "${successor.name}" instead.` : '';
	return `${op.method} ${op.path}${op.deprecated ? `. Deprecated by AMPECO.${replacement}` : ''}`;
}

/**
 * One notice per kind rather than per operation: every top-level parameter costs the editor
 * time on each change. The successor is named in the operation's description.
 */
function addNotices(notices: SharedProperties, op: OperationDef): void {
	if (op.deprecated) {
		const advice = op.successor ? ' Its successor is named in the Operation list (hover the option).' : '';
		notices.add(op, notice('deprecationNotice', `AMPECO has deprecated this operation; it still works, but may be removed in a future API version.${advice}`));
	}
	if (op.indexOnly && !op.custom) {
		notices.add(
			op,
			notice(
				'untypedNotice',
				'This endpoint is described only by the AMPECO endpoint index (no field schema): pass the body as JSON and query parameters by name.',
			),
		);
	}
}

/** Method, path and paging of the Custom API Call; query and body use the untyped inputs. */
function addCustomRequest(modes: SharedProperties, op: OperationDef): void {
	modes.add(op, {
		displayName: 'Method',
		name: names.CUSTOM_METHOD,
		type: 'options',
		options: CUSTOM_METHODS.map((m) => ({ name: m, value: m })),
		default: 'GET',
	});
	modes.add(op, {
		displayName: 'Path',
		name: names.CUSTOM_PATH,
		type: 'string',
		required: true,
		default: '/public-api/',
		placeholder: '/public-api/resources/charge-points/v2.0',
		description: 'Path under /public-api/ on your tenant. The credential is only ever sent to the tenant URL.',
	});
	modes.add(op, {
		displayName: 'Follow Pagination',
		name: names.CUSTOM_PAGINATE,
		type: 'boolean',
		default: false,
		description: 'Whether to request every page of a listing (following links.next) and return one item per record',
	});
	modes.add(op, RETURN_ALL_PROPERTY, { [names.CUSTOM_PAGINATE]: [true] });
	modes.add(op, LIMIT_PROPERTY, { [names.CUSTOM_PAGINATE]: [true], [names.RETURN_ALL]: [false] });
}

function notice(name: string, displayName: string): Shown {
	return { displayName, name, type: 'notice', default: '' };
}

/** Path IDs: one parameter per API name; "From List" finds the listing from the selected operation. */
export function pathProperty(name: string, type: 'integer' | 'string', values: string[] | undefined, listable: boolean): Shown {
	const displayName = titleCase(name.replace(/Id$/, ''));
	if (values) {
		return { displayName, name, type: 'options', required: true, options: enumOptions(values), default: values[0] };
	}
	const byId = {
		displayName: 'By ID',
		name: 'id',
		type: 'string' as const,
		placeholder: type === 'integer' ? 'e.g. 42' : 'e.g. ABC-1',
		validation: type === 'integer' ? [{ type: 'regex' as const, properties: { regex: '^[0-9]+$', errorMessage: 'Must be a number' } }] : [],
	};
	const modes: Shown['modes'] = listable
		? [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					typeOptions: { searchListMethod: listSearchMethodName(name), searchable: true },
				},
				byId,
			]
		: [byId];
	return {
		displayName,
		name,
		type: 'resourceLocator',
		required: true,
		default: { mode: listable ? 'list' : 'id', value: '' },
		modes,
	};
}

function addBody(phases: Phases, op: OperationDef): void {
	if (!op.body) return;
	const jsonBody: Shown = {
		displayName: 'JSON Body',
		name: names.JSON_BODY,
		type: 'json',
		default: op.body.list ? '[]' : '{}',
		required: op.body.required,
	};
	if (!op.body.fields) {
		phases.modes.add(op, jsonBody);
		return;
	}
	phases.modes.add(op, {
		displayName: 'Send Body As',
		name: names.SEND_BODY_AS,
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Fill in the fields below' },
			{ name: 'JSON', value: 'json', description: 'Pass the whole request body as JSON, e.g. from an expression' },
		],
		default: 'fields',
	});
	phases.modes.add(op, jsonBody, { [names.SEND_BODY_AS]: ['json'] });
	for (const field of op.body.fields.filter((f) => f.required)) {
		phases.body.add(op, { ...fieldProperty(field, names.topLevelName('body', field.name, op), 0), required: true }, FIELDS_MODE);
	}
	const collection = names.optionalBodyCollection(op) === 'updateFields' ? phases.updateFields : phases.additionalFields;
	for (const field of op.body.fields.filter((f) => !f.required)) collection.add(op, fieldProperty(field, field.name, 0));
}

function addQueryOptions(phases: Phases, op: OperationDef): void {
	if (op.kind === 'getMany' && op.paging) {
		phases.modes.add(op, RETURN_ALL_PROPERTY);
		phases.modes.add(op, LIMIT_PROPERTY, { [names.RETURN_ALL]: [false] });
	}
	for (const field of op.filters ?? []) phases.filters.add(op, fieldProperty(field, field.name, 0));
	if (op.include?.length) {
		phases.options.add(op, {
			displayName: 'Include',
			name: names.INCLUDE,
			type: 'multiOptions',
			options: enumOptions(op.include),
			default: [],
			description: 'Related data to embed in each record',
		});
	}
	for (const field of op.query.filter((f) => !f.required)) phases.options.add(op, fieldProperty(field, field.name, 0));
	if (op.indexOnly) {
		phases.options.add(op, {
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
		});
	}
}
