/**
 * Catalog → the node's parameter list.
 *
 * n8n evaluates every top-level parameter's display conditions on each change in the
 * editor, so the cost grows with their number. Each distinct parameter is therefore
 * defined once and shown for every operation that has it, instead of once per operation.
 */
import type { INodeProperties } from 'n8n-workflow';
import type { Catalog, OperationDef } from '../catalog/types';
import { titleCase } from '../shared/text';
import { byDisplayName, enumOptions, fieldProperty } from './fields';
import { listSearchMethodName } from './list-search-names';
import * as names from './parameter-names';

type Shown = Omit<INodeProperties, 'displayOptions'>;

/** Collects parameters by content; identical ones are merged and shown for all their operations. */
class SharedProperties {
	private readonly entries = new Map<string, { property: Shown; extra: Record<string, unknown[]>; operations: string[] }>();

	add(op: OperationDef, property: Shown, extra: Record<string, unknown[]> = {}): void {
		const key = JSON.stringify([property, extra]);
		const entry = this.entries.get(key);
		if (entry) entry.operations.push(op.value);
		else this.entries.set(key, { property, extra, operations: [op.value] });
	}

	toProperties(): INodeProperties[] {
		return [...this.entries.values()].map(({ property, extra, operations }) => ({
			...property,
			displayOptions: { show: { [names.OPERATION]: operations, ...extra } },
		}));
	}
}

const FIELDS_MODE = { [names.SEND_BODY_AS]: ['fields'] };

export function buildProperties(catalog: Catalog): INodeProperties[] {
	const phases = {
		notices: new SharedProperties(),
		path: new SharedProperties(),
		query: new SharedProperties(),
		bodyMode: new SharedProperties(),
		body: new SharedProperties(),
		optionalBody: new SharedProperties(),
		paging: new SharedProperties(),
		filters: new SharedProperties(),
		options: new SharedProperties(),
	};
	const byValue = new Map(catalog.operations.map((op) => [op.value, op]));

	for (const op of catalog.operations) {
		addNotices(phases.notices, op, byValue);
		for (const param of op.pathParams) phases.path.add(op, pathProperty(param.name, param.type, param.enum, param.listOperation));
		for (const field of op.query.filter((f) => f.required)) {
			phases.query.add(op, { ...fieldProperty(field, names.topLevelName('query', field.name, op), 0), required: true });
		}
		addBody(phases, op);
		addQueryOptions(phases, op);
	}

	return [
		resourceProperty(catalog),
		...operationProperties(catalog),
		...Object.values(phases).flatMap((phase) => phase.toProperties()),
	];
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
	return catalog.resources.map((resource) => {
		const operations = catalog.operations.filter((op) => op.resource === resource.value);
		const options = operations
			.map((op) => ({ name: op.name, value: op.value, action: op.action, description: operationSummary(op) }))
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

/** Our own one-line description: the endpoint it calls, never the spec's prose. */
function operationSummary(op: OperationDef): string {
	return `${op.method} ${op.path}${op.deprecated ? ' (deprecated by AMPECO)' : ''}`;
}

function addNotices(notices: SharedProperties, op: OperationDef, byValue: Map<string, OperationDef>): void {
	if (op.deprecated) {
		const successor = op.successor ? byValue.get(op.successor) : undefined;
		const advice = successor ? ` Use "${successor.name}" (${successor.method} ${successor.path}) instead.` : '';
		notices.add(op, notice('deprecationNotice', `AMPECO has deprecated this endpoint.${advice}`));
	}
	if (op.indexOnly) {
		notices.add(
			op,
			notice(
				'untypedNotice',
				'This endpoint is described only by the AMPECO endpoint index (no field schema): pass the body as JSON and query parameters by name.',
			),
		);
	}
}

function notice(name: string, displayName: string): Shown {
	return { displayName, name, type: 'notice', default: '' };
}

export function pathProperty(name: string, type: 'integer' | 'string', values?: string[], listOperation?: string): Shown {
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
	const modes: Shown['modes'] = listOperation
		? [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					typeOptions: { searchListMethod: listSearchMethodName(listOperation), searchable: true },
				},
				byId,
			]
		: [byId];
	return {
		displayName,
		name,
		type: 'resourceLocator',
		required: true,
		default: { mode: listOperation ? 'list' : 'id', value: '' },
		modes,
	};
}

function addBody(phases: { bodyMode: SharedProperties; body: SharedProperties; optionalBody: SharedProperties }, op: OperationDef): void {
	if (!op.body) return;
	const jsonBody: Shown = {
		displayName: 'JSON Body',
		name: names.JSON_BODY,
		type: 'json',
		default: '{}',
		required: op.body.required,
	};
	if (!op.body.fields) {
		phases.bodyMode.add(op, jsonBody);
		return;
	}
	phases.bodyMode.add(op, {
		displayName: 'Send Body As',
		name: names.SEND_BODY_AS,
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Fill in the fields below' },
			{ name: 'JSON', value: 'json', description: 'Pass the whole request body as JSON, e.g. from an expression' },
		],
		default: 'fields',
	});
	phases.bodyMode.add(op, jsonBody, { [names.SEND_BODY_AS]: ['json'] });
	for (const field of op.body.fields.filter((f) => f.required)) {
		phases.body.add(op, { ...fieldProperty(field, names.topLevelName('body', field.name, op), 0), required: true }, FIELDS_MODE);
	}
	const optional = op.body.fields.filter((f) => !f.required);
	if (optional.length) {
		const name = names.optionalBodyCollection(op);
		phases.optionalBody.add(
			op,
			{
				displayName: titleCase(name),
				name,
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: optional.map((f) => fieldProperty(f, f.name, 0)).sort(byDisplayName),
			},
			FIELDS_MODE,
		);
	}
}

function addQueryOptions(phases: { paging: SharedProperties; filters: SharedProperties; options: SharedProperties }, op: OperationDef): void {
	if (op.kind === 'getMany' && op.paging) {
		phases.paging.add(op, {
			displayName: 'Return All',
			name: names.RETURN_ALL,
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		});
		phases.paging.add(
			op,
			{
				displayName: 'Limit',
				name: names.LIMIT,
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 50,
				description: 'Max number of results to return',
			},
			{ [names.RETURN_ALL]: [false] },
		);
	}
	if (op.filters?.length) {
		phases.filters.add(op, {
			displayName: 'Filters',
			name: names.FILTERS,
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: op.filters.map((f) => fieldProperty(f, f.name, 0)).sort(byDisplayName),
		});
	}
	if (op.include?.length) {
		phases.filters.add(op, {
			displayName: 'Include',
			name: names.INCLUDE,
			type: 'multiOptions',
			options: enumOptions(op.include),
			default: [],
			description: 'Related data to embed in each record',
		});
	}
	const optionalQuery = op.query.filter((f) => !f.required);
	if (optionalQuery.length) {
		phases.options.add(op, {
			displayName: 'Options',
			name: names.OPTIONS,
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: optionalQuery.map((f) => fieldProperty(f, f.name, 0)).sort(byDisplayName),
		});
	}
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
