/**
 * Node parameter names, shared by the description builder and the executor so that
 * both agree on where an operation's values live. Saved workflows store these names:
 * they depend on the API field name only, never on labels.
 */
import type { OperationDef } from '../catalog/types';

export const RESOURCE = 'resource';
export const OPERATION = 'operation';
export const RETURN_ALL = 'returnAll';
export const LIMIT = 'limit';
export const FILTERS = 'filters';
export const INCLUDE = 'include';
export const OPTIONS = 'options';
export const REQUEST_OPTIONS = 'requestOptions';
export const SEND_BODY_AS = 'sendBodyAs';
export const JSON_BODY = 'jsonBody';
export const QUERY_PARAMETERS = 'queryParameters';
export const CUSTOM_METHOD = 'method';
export const CUSTOM_PATH = 'path';
export const CUSTOM_PAGINATE = 'paginate';

const RESERVED = new Set([
	RESOURCE,
	OPERATION,
	RETURN_ALL,
	LIMIT,
	FILTERS,
	INCLUDE,
	OPTIONS,
	REQUEST_OPTIONS,
	SEND_BODY_AS,
	JSON_BODY,
	QUERY_PARAMETERS,
	'additionalFields',
	'updateFields',
]);

/** Optional body fields live in "Update Fields" for updates and "Additional Fields" otherwise. */
export function optionalBodyCollection(op: OperationDef): string {
	return op.kind === 'update' ? 'updateFields' : 'additionalFields';
}

/** Top-level name of a required body or query field; prefixed only when the API name is taken. */
export function topLevelName(where: 'body' | 'query', apiName: string, op: OperationDef): string {
	const taken = RESERVED.has(apiName) || op.pathParams.some((p) => p.name === apiName);
	const bodyClash = where === 'query' && (op.body?.fields ?? []).some((f) => f.required && f.name === apiName);
	return taken || bodyClash ? `${where}${apiName[0].toUpperCase()}${apiName.slice(1)}` : apiName;
}
