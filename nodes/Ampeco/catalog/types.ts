/**
 * Shapes of the generated catalog. The catalog is data only: it describes every
 * AMPECO endpoint; one executor runs them all.
 */

import type { HttpMethod } from '../../shared/transport/request';
import type { Paging } from '../../shared/transport/paginate';

export type { HttpMethod, Paging };

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
	/** The bound itself is excluded (OpenAPI 3.0's boolean exclusiveMinimum/Maximum). */
	exclusiveMin?: true;
	exclusiveMax?: true;
	multipleOf?: number;
	minLength?: number;
	maxLength?: number;
	minItems?: number;
	maxItems?: number;
	pattern?: string;
	/** Element of an array field. */
	items?: FieldDef;
	/** Properties of an object field (read-only ones already removed). */
	properties?: FieldDef[];
	/** For an object declared as oneOf/anyOf: the alternatives (properties then hold their union). */
	variants?: BodyVariant[];
	/**
	 * API version that dropped this field. Saved workflows may still hold it, so it stays
	 * accepted and is sent as before (AMPECO ignores fields it does not know).
	 */
	removedIn?: string;
}

export interface PathParamDef {
	name: string;
	type: 'integer' | 'string';
	/** e.g. date: the ID is a calendar day. */
	format?: string;
	enum?: string[];
	/** Value of the Get Many operation that lists the entity this ID points to ("From List" mode). */
	listOperation?: string;
}

/**
 * get: one record · getMany: a listing · create / update / delete: CRUD on a record ·
 * action: anything else (start charging, reset, sync, ...).
 */
export type OperationKind = 'get' | 'getMany' | 'create' | 'update' | 'delete' | 'action';


/** One alternative of a body declared as oneOf/anyOf: what it requires and the values that select it. */
export interface BodyVariant {
	/** Stable identity, stored in saved workflows: the selecting value, else the names it requires. */
	value: string;
	/** How the user recognises it, e.g. "User Controlled Schedule" or "With Key Name". */
	label: string;
	/** The field whose value names this alternative (type, mode, ...), when one does. */
	selector?: string;
	required: string[];
	when?: Record<string, Array<string | number>>;
	/** Writable properties of this alternative. */
	properties: string[];
	/** The alternative allows no properties beyond its own. */
	closed?: true;
	/** Its own fields: a property may have another shape in each alternative. */
	fields: FieldDef[];
}

export interface BodyDef {
	required: boolean;
	/** Object bodies. Absent for endpoints known only from the endpoint index: the body is free JSON. */
	fields?: FieldDef[];
	/** Alternatives the object body must match one of (fields then hold the union of all properties). */
	variants?: BodyVariant[];
	/** Array bodies: entered as JSON, checked against this field. */
	list?: FieldDef;
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
	/**
	 * API version that first described this once index-only endpoint. Workflows saved before
	 * hold a JSON body and free query parameters, which it still takes.
	 */
	typedIn?: string;
	/**
	 * API version whose spec no longer has this endpoint. The operation stays selectable so
	 * that saved workflows still open; running it fails, naming the successor if any.
	 */
	removedIn?: string;
	/** The Custom API Call: method and path come from the user. */
	custom?: true;
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
	/**
	 * The operation the resource opens on, pinned when a newer API would change it: n8n does
	 * not store a value equal to its default, so saved workflows rely on it.
	 */
	defaultOperation?: string;
}

export interface Catalog {
	apiVersion: string;
	indexVersion: string;
	resources: ResourceDef[];
	operations: OperationDef[];
}
