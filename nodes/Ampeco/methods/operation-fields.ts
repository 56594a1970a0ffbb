/**
 * What the editor loads for the selected operation: the fields of the three resource
 * mappers and the values of Include. Read from the catalog inside the package; nothing
 * is requested from AMPECO.
 */
import type { ILoadOptionsFunctions, INodePropertyOptions, ResourceMapperFields } from 'n8n-workflow';
import type { FieldDef, OperationDef } from '../catalog/types';
import { enumOptions, mapperFields } from '../description/mapper-fields';
import * as names from '../description/parameter-names';

async function selectedOperation(ctx: ILoadOptionsFunctions): Promise<OperationDef | undefined> {
	// The catalog is loaded on first use, not when n8n loads the package.
	const { findOperation } = await import('../catalog');
	return findOperation(String(ctx.getCurrentNodeParameter(names.OPERATION) ?? ''));
}

function fieldsOf(pick: (op: OperationDef) => FieldDef[] | undefined, empty: string) {
	return async function (this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
		const op = await selectedOperation(this);
		const fields = (op && pick(op)) ?? [];
		return fields.length ? { fields: mapperFields(fields) } : { fields: [], emptyFieldsNotice: empty };
	};
}

export const resourceMapping = {
	bodyFields: fieldsOf((op) => op.body?.fields, 'This operation has no body fields'),
	filterFields: fieldsOf((op) => op.filters, 'This operation has no filters'),
	queryFields: fieldsOf((op) => op.query, 'This operation has no query parameters'),
};

export const loadOptions = {
	async includeOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return enumOptions((await selectedOperation(this))?.include ?? []);
	},
};
