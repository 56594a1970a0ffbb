/**
 * Shapes of the generated catalog. The catalog is data only: it describes every
 * AMPECO endpoint; one executor runs them all.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'json';

/** One input value: a body property, a query parameter, a filter or an array element. */
export interface FieldDef {
	name: string;
	type: FieldType;
	required?: true;
	nullable?: true;
	enum?: Array<string | number>;
	/** OpenAPI format (date-time, date, email, uri, ...), kept as a hint and for validation. */
	format?: string;
	min?: number;
	max?: number;
	maxLength?: number;
	/** Element of an array field. */
	items?: FieldDef;
	/** Properties of an object field (read-only ones already removed). */
	properties?: FieldDef[];
}

export interface PathParamDef {
	name: string;
	type: 'integer' | 'string';
	enum?: string[];
	/** Value of the Get Many operation that lists the entity this ID points to ("From List" mode). */
	listOperation?: string;
}

/**
 * get: one record · getMany: a listing · create / update / delete: CRUD on a record ·
 * action: anything else (start charging, reset, sync, ...).
 */
export type OperationKind = 'get' | 'getMany' | 'create' | 'update' | 'delete' | 'action';

export type Paging = 'cursor' | 'page';

export interface BodyDef {
	required: boolean;
	/** Absent for endpoints known only from the endpoint index: the body is free JSON. */
	fields?: FieldDef[];
}

export interface OperationDef {
	/** Stable identity, stored in saved workflows: "METHOD /path" relative to /public-api. */
	value: string;
	resource: string;
	method: HttpMethod;
	/** Path template as in the spec, e.g. /public-api/resources/evses/v2.0/{evse}. */
	path: string;
	version: string;
	/** Option label, e.g. "Update EVSE (v2.0)". */
	name: string;
	/** Sentence-case action shown in n8n's actions panel, e.g. "Update an EVSE". */
	action: string;
	kind: OperationKind;
	deprecated?: true;
	/** Value of the non-deprecated operation that replaces this one. */
	successor?: string;
	/** Known only from the newer endpoint index: no schema beyond the path. */
	indexOnly?: true;
	pathParams: PathParamDef[];
	/** Query parameters other than filter, include and paging. */
	query: FieldDef[];
	filters?: FieldDef[];
	/** Values accepted by the `include` query parameter. */
	include?: string[];
	paging?: Paging;
	body?: BodyDef;
}

export interface ResourceDef {
	value: string;
	name: string;
}

export interface Catalog {
	apiVersion: string;
	indexVersion: string;
	resources: ResourceDef[];
	operations: OperationDef[];
}
