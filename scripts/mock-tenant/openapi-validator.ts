/**
 * Third-party validation of the requests the node sends: openapi-backend (AJV) against
 * the real AMPECO OpenAPI document.
 */
import addFormats from 'ajv-formats';
import OpenAPIBackend from 'openapi-backend';
import { loadSpec } from '../shared-data';

export interface RecordedRequest {
	method: string;
	path: string;
	query: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export interface Verdict {
	operationId?: string;
	errors: string[];
	/** The same errors as AJV reports them. */
	details: Array<{ instancePath: string; schemaPath: string; keyword: string; params: Record<string, unknown>; message?: string }>;
}

/**
 * A few bodies are oneOf alternatives that overlap (open schemas sharing their required
 * fields), so no body can match exactly one. Matching two or more is the best any client
 * can do: that error, and the errors of the alternatives that did not match, are set aside.
 * Matching none still fails.
 */
export function withoutOverlappingAlternatives(verdict: Verdict): string[] {
	const overlaps = verdict.details.filter((d) => d.keyword === 'oneOf' && Array.isArray(d.params.passingSchemas) && d.params.passingSchemas.length > 1);
	const inside = (d: Verdict['details'][number]) => overlaps.some((o) => d.schemaPath.startsWith(`${o.schemaPath}/`));
	return verdict.details.filter((d) => !overlaps.includes(d) && !inside(d)).map(format);
}

function format(e: Verdict['details'][number]): string {
	return `${e.instancePath || e.schemaPath} ${e.message ?? ''} ${JSON.stringify(e.params)}`;
}

let backend: Promise<OpenAPIBackend> | undefined;

/**
 * OpenAPI 3.0: "If a property is readOnly and in the required list, the requirement applies
 * to responses only." AJV does not know that rule, so request schemas get it applied here.
 */
function dropReadOnlyRequirements(schema: any): void {
	if (!schema || typeof schema !== 'object') return;
	if (Array.isArray(schema)) return schema.forEach(dropReadOnlyRequirements);
	if (Array.isArray(schema.required) && schema.properties) {
		schema.required = schema.required.filter((name: string) => !schema.properties[name]?.readOnly);
	}
	Object.values(schema).forEach(dropReadOnlyRequirements);
}

function requestDefinition(): any {
	const definition = structuredClone(loadSpec());
	for (const item of Object.values<any>(definition.paths)) {
		for (const op of Object.values<any>(item)) dropReadOnlyRequirements(op?.requestBody);
	}
	return definition;
}

function getBackend(): Promise<OpenAPIBackend> {
	backend ??= (async () => {
		const api = new OpenAPIBackend({
			definition: requestDefinition(),
			strict: false,
			// Validators compile on first use: the 452 response validators are never needed here.
			quick: true,
			validate: true,
			// The spec uses a few non-standard formats ("datetime", "integer"); AJV must not reject the document for them.
			customizeAjv: (ajv) => {
				// Without ajv-formats AJV ignores date-time, email, uri, ...: the values we send would go unchecked.
				addFormats(ajv as never);
				// Formats the spec uses that are not standard ("datetime" is a misspelling of date-time,
				// "integer"/"boolean" describe digits in a string): known, not checked.
				for (const format of ['datetime', 'datatime', 'decimal', 'integer', 'boolean', 'number']) {
					ajv.addFormat(format, true);
				}
				return ajv;
			},
		});
		await api.init();
		return api;
	})();
	return backend;
}

export async function validateRequest(request: RecordedRequest): Promise<Verdict> {
	const api = await getBackend();
	const path = request.path.replace(/^https?:\/\/[^/]+/, '');
	const operation = api.router.matchOperation({ method: request.method, path, headers: {}, query: request.query });
	if (!operation) return { errors: [`no operation in the spec matches ${request.method} ${path}`], details: [] };
	let body: unknown = undefined;
	if (request.body) {
		try {
			body = JSON.parse(request.body);
		} catch {
			return { operationId: operation.operationId, errors: ['body is not JSON'], details: [] };
		}
	}
	const result = api.validator.validateRequest(
		{ method: request.method, path, query: request.query, headers: request.headers as Record<string, string>, body },
		operation,
	);
	const details = (result.errors ?? []).map(({ instancePath, schemaPath, keyword, params, message }) => ({
		instancePath,
		schemaPath,
		keyword,
		params: params as Record<string, unknown>,
		message,
	}));
	return { operationId: operation.operationId, errors: details.map(format), details };
}
