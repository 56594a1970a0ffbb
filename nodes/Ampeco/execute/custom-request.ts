/**
 * Custom API Call: the user's method and path become an untyped operation. The path is
 * checked so that the request can only ever reach the tenant's /public-api/.
 */
import { CUSTOM_METHODS, CUSTOM_OPERATION } from '../catalog/custom';
import type { HttpMethod, OperationDef } from '../catalog/types';
import * as names from '../description/parameter-names';
import type { ParameterReader } from './build-request';
import { InputError } from './values';

const SAFE_PATH = /^\/public-api\/[A-Za-z0-9\-._~%:@/]*$/;

function checkCustomPath(raw: unknown): string {
	const path = String(raw ?? '').trim();
	if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) {
		throw new InputError(names.CUSTOM_PATH, 'must be a path such as /public-api/resources/..., not a URL: the request always goes to the tenant URL of the credential');
	}
	if (!path.startsWith('/public-api/')) throw new InputError(names.CUSTOM_PATH, `"${path}" must start with /public-api/`);
	if (/[?#]/.test(path)) throw new InputError(names.CUSTOM_PATH, 'must not contain ? or #: add them under Query Parameters');
	if (path.split('/').some((segment) => segment === '..' || segment === '.' || /%2e%2e|%2f|%5c/i.test(segment))) {
		throw new InputError(names.CUSTOM_PATH, 'must not contain "." or ".." segments or encoded slashes');
	}
	if (!SAFE_PATH.test(path) || path.includes('//')) throw new InputError(names.CUSTOM_PATH, `"${path}" contains characters that are not allowed in a path`);
	return path;
}

export function customOperation(read: ParameterReader): OperationDef {
	const method = String(read(names.CUSTOM_METHOD, 'GET')).toUpperCase() as HttpMethod;
	if (!CUSTOM_METHODS.includes(method as (typeof CUSTOM_METHODS)[number])) {
		throw new InputError(names.CUSTOM_METHOD, `"${method}" is not one of: ${CUSTOM_METHODS.join(', ')}`);
	}
	const paginate = read(names.CUSTOM_PAGINATE, false) === true;
	return {
		...CUSTOM_OPERATION,
		method,
		path: checkCustomPath(read(names.CUSTOM_PATH, '')),
		kind: paginate ? 'getMany' : 'action',
		...(paginate ? { paging: 'cursor' as const } : {}),
		// A GET carries no body, whatever the JSON field holds.
		...(method === 'GET' ? { body: undefined } : {}),
	};
}
