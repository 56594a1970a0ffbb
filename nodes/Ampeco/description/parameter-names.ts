/**
 * Node parameter names, shared by the description generator, the editor methods and the
 * executor so that all agree on where an operation's values live. Saved workflows store
 * these names: they never depend on labels.
 *
 * Path IDs are top-level parameters named after the API's path parameter (`chargePoint`,
 * `evse`, ...). Body fields, filters and query parameters are not: they live inside the
 * three resource mappers below, keyed by their API names, and the editor loads their
 * fields for the selected operation from the catalog.
 */
export const RESOURCE = 'resource';
export const OPERATION = 'operation';
export const RETURN_ALL = 'returnAll';
export const LIMIT = 'limit';
export const SEND_BODY_AS = 'sendBodyAs';
export const JSON_BODY = 'jsonBody';
/** Which alternative of a oneOf/anyOf body the fields are for (its key). */
export const BODY_VARIANT = 'bodyVariant';
/** Resource mapper: the request body's fields. */
export const BODY_FIELDS = 'bodyFields';
/** Resource mapper: AMPECO's `filter[...]` query parameters. */
export const FILTERS = 'filters';
/** Resource mapper: other query parameters of the operation. */
export const QUERY_FIELDS = 'queryFields';
/** Related records to embed (`include[]`), options loaded for the operation. */
export const INCLUDE = 'include';
export const REQUEST_OPTIONS = 'requestOptions';
/** Free name/value query parameters of untyped endpoints and the Custom API Call. */
export const QUERY_PARAMETERS = 'queryParameters';
export const CUSTOM_METHOD = 'method';
export const CUSTOM_PATH = 'path';
export const CUSTOM_PAGINATE = 'paginate';
