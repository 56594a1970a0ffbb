/** API responses → n8n items: one item per record, AMPECO's `data` envelope removed. */
import type { IDataObject } from 'n8n-workflow';
import type { OperationDef } from '../catalog/types';

function asObject(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : { value: value as IDataObject[keyof IDataObject] };
}

export function recordsToItems(records: unknown[]): IDataObject[] {
	return records.map(asObject);
}

export function responseToItems(op: OperationDef, status: number, body: unknown): IDataObject[] {
	if (op.kind === 'delete') return [{ deleted: true }];
	if (body === undefined || body === '') return [{ success: true, status }];
	const data = body !== null && typeof body === 'object' && !Array.isArray(body) && 'data' in body ? (body as IDataObject).data : body;
	if (Array.isArray(data)) return recordsToItems(data);
	if (data === null || data === undefined) return [{ success: true, status }];
	return [asObject(data)];
}
