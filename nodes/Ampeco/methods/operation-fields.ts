/**
 * What the editor loads for the selected operation: the fields of the three resource
 * mappers. Read from the catalog inside the package; nothing is requested from AMPECO.
 */
import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';
import type { FieldDef, OperationDef } from '../catalog/types';
import { mapperFields, variantFields } from '../description/mapper-fields';
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

/** The body's fields; for a body with alternatives, those of the alternative chosen. */
async function bodyFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const body = (await selectedOperation(this))?.body;
	const key = body?.variants ? this.getCurrentNodeParameter(names.BODY_VARIANT) : undefined;
	const variant = body?.variants?.find((v) => v.value === key) ?? body?.variants?.[0];
	const fields = variant ? variantFields(variant) : body?.fields ?? [];
	return fields.length ? { fields: mapperFields(fields) } : { fields: [], emptyFieldsNotice: 'Nothing to fill in: this sends an empty body' };
}

export const resourceMapping = {
	bodyFields,
	filterFields: fieldsOf((op) => op.filters, 'This operation has no filters'),
	queryFields: fieldsOf((op) => op.query, 'This operation has no query parameters'),
};
