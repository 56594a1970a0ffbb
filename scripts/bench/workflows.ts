/**
 * The benchmark's workflows: the same job done by the AMPECO node and by n8n's HTTP Request
 * node, configured the way a competent user would (header-auth credential, built-in
 * pagination following links.next, Split Out for one item per record). Built with the
 * e2e suite's workflow helpers; the AMPECO node uses the demo credential id.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ampeco, byId, linearWorkflow, manualTrigger, type Workflow } from '../n8n/workflow';

export const HTTP_CREDENTIAL = { id: 'benchHttpHeaderAuth', name: 'Bench: AMPECO token as header' };

/** Names of the nodes whose executionTime is measured, per contender. */
export const MEASURED = {
	ampeco: ['AMPECO'],
	http: ['HTTP Request', 'Split Out'],
	httpGet: ['HTTP Request'],
} as const;

/** The version of a built-in node that the editor adds today on this n8n (its defaultVersion). */
export function defaultNodeVersion(n8nDir: string, nodeFile: string): number {
	const file = join(n8nDir, 'node_modules', 'n8n-nodes-base', 'dist', 'nodes', nodeFile);
	const match = /defaultVersion:\s*([\d.]+)/.exec(readFileSync(file, 'utf8'));
	if (!match) throw new Error(`no defaultVersion in ${file}`);
	return Number(match[1]);
}

export function httpRequestVersion(n8nDir: string): number {
	return defaultNodeVersion(n8nDir, 'HttpRequest/HttpRequest.node.js');
}

function httpRequest(version: number, url: string, extra: Record<string, unknown> = {}) {
	return {
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: version,
		parameters: { url, authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth', options: {}, ...extra },
		credentials: { httpHeaderAuth: HTTP_CREDENTIAL },
	};
}

/** 1,000 (or `count`) items { id: 1 … count }, made without a Code node (no task runner in n8n 2.x). */
function idItems(count: number) {
	return [
		{ name: 'IDs', type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { mode: 'raw', jsonOutput: `={{ { "ids": Array.from({ length: ${count} }, (_, i) => i + 1) } }}`, options: {} } },
		{ name: 'One item per ID', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'ids', options: { destinationFieldName: 'id' } } },
	];
}

export interface BenchWorkflows {
	listAmpeco: Workflow;
	listHttp: Workflow;
	getAmpeco: Workflow;
	getHttp: Workflow;
	getAmpecoFast: Workflow;
}

export function benchWorkflows(mockUrl: string, httpVersion: number, items: number, fastConcurrency: number): BenchWorkflows {
	const sessions = `${mockUrl}/public-api/resources/sessions/v1.0`;
	const evse = (concurrency?: number) =>
		ampeco('AMPECO', {
			resource: 'evse',
			operation: 'GET /resources/evses/v2.1/{evse}',
			evse: byId('={{ $json.id }}'),
			...(concurrency ? { requestOptions: { concurrency } } : {}),
		});
	return {
		listAmpeco: linearWorkflow('benchListAmpeco1', 'bench: list sessions, AMPECO', [
			manualTrigger(),
			ampeco('AMPECO', { resource: 'session', operation: 'GET /resources/sessions/v1.0', returnAll: true }),
		]),
		listHttp: linearWorkflow('benchListHttpReq', 'bench: list sessions, HTTP Request + Split Out', [
			manualTrigger(),
			httpRequest(httpVersion, sessions, {
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'per_page', value: '100' }] },
				options: {
					pagination: {
						pagination: {
							paginationMode: 'responseContainsNextURL',
							nextURL: '={{ $response.body.links.next }}',
							paginationCompleteWhen: 'other',
							completeExpression: '={{ !$response.body.links.next }}',
						},
					},
				},
			}),
			{ name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'data', options: {} } },
		]),
		getAmpeco: linearWorkflow('benchGetAmpeco01', 'bench: get EVSE per item, AMPECO defaults', [manualTrigger(), ...idItems(items), evse()]),
		getHttp: linearWorkflow('benchGetHttpReq1', 'bench: get EVSE per item, HTTP Request defaults', [
			manualTrigger(),
			...idItems(items),
			httpRequest(httpVersion, `=${mockUrl}/public-api/resources/evses/v2.1/{{ $json.id }}`),
		]),
		getAmpecoFast: linearWorkflow('benchGetAmpecoC1', `bench: get EVSE per item, AMPECO concurrency ${fastConcurrency}`, [
			manualTrigger(),
			...idItems(items),
			evse(fastConcurrency),
		]),
	};
}
