/**
 * Runs the AMPECO Trigger the way n8n does, with n8n-core's own pieces:
 *
 * - Lifecycle: a real `HookContext` (n8n-core 2.x) over a real `Workflow`, so
 *   `getNodeWebhookUrl`, `getWorkflowStaticData`, `getNodeParameter`, `getCredentials` and
 *   `helpers.httpRequestWithAuthentication` are n8n's code; requests go over real sockets
 *   (n8n-core's request helpers) to the local AMPECO mock. `activate` is n8n's
 *   `createWebhookIfNotExists` (checkExists, then create when false), `deactivate` its
 *   `deleteWebhook`. `isTest` selects the test URL as "Listen for test event" does.
 * - Deliveries: a local HTTP server stands in for n8n's webhook endpoint. Like n8n it reads
 *   the raw body into `req.rawBody`, parses JSON into `req.body`, hands the request and
 *   response to the node through a real `WebhookContext`, then applies n8n's rule
 *   (handleImmediateWebhookResponse): no `workflowData` → no execution (answered with
 *   `webhookResponse`, or not at all when the node answered itself); otherwise the items
 *   start a run of the workflow [AMPECO Trigger] → [Capture] through `WorkflowExecute`.
 *
 * Node types, credentials helper and additional data are run-node's (test/harness/run-node.ts);
 * what differs is the workflow: a trigger that n8n calls instead of an execute() node.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { buffer } from 'stream/consumers';
import { HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import { NodeConnectionTypes, Workflow, createRunExecutionData, deepCopy } from 'n8n-workflow';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { AmpecoApi } from '../../../credentials/AmpecoApi.credentials';
import { HARNESS_BASE_URL, HarnessCredentialsHelper, HarnessNodeTypes, INPUT_NODE_TYPE, createAdditionalData, ensureContainer } from '../../harness/run-node';
import { AmpecoTrigger } from '../../../nodes/AmpecoTrigger/AmpecoTrigger.node';

export const TRIGGER_TYPE = 'n8n-nodes-ampeco.ampecoTrigger';
export const TRIGGER_NAME = 'AMPECO Trigger';
export const CAPTURE_NAME = 'Capture';
export const WEBHOOK_ID = '0b5c1e9e-7f3a-4c1d-9a55-3f1e2d4c6b7a';
export const N8N_BASE = HARNESS_BASE_URL;
export const PRODUCTION_URL = `${N8N_BASE}/webhook/${WEBHOOK_ID}/webhook`;
export const TEST_URL = `${N8N_BASE}/webhook-test/${WEBHOOK_ID}/webhook`;

const triggerType = new AmpecoTrigger();
const credentialType = new AmpecoApi();

export interface TriggerSetup {
	tenantUrl: string;
	apiToken: string;
	parameters: INodeParameters;
	/** The node's static data as n8n persisted it (e.g. across a restart). */
	staticData?: IDataObject;
}

export interface TriggerWorkflow {
	workflow: Workflow;
	node: INode;
	credentialsHelper: HarnessCredentialsHelper;
	/** What n8n would persist: the trigger node's static data. */
	staticData(): IDataObject;
}

export function createTriggerWorkflow(setup: TriggerSetup): TriggerWorkflow {
	ensureContainer();
	const node: INode = {
		id: 'trigger-node',
		name: TRIGGER_NAME,
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters: deepCopy(setup.parameters),
		credentials: { ampecoApi: { id: 'credential-1', name: 'AMPECO API' } },
	};
	// run-node's passthrough: what it receives is what the workflow got.
	const capture: INode = { id: 'capture-node', name: CAPTURE_NAME, type: INPUT_NODE_TYPE, typeVersion: 1, position: [220, 0], parameters: {} };
	const nodeTypes = new HarnessNodeTypes(TRIGGER_TYPE, triggerType);
	const workflow = new Workflow({
		id: 'trigger-workflow',
		name: 'AMPECO Trigger test',
		nodes: [node, capture],
		connections: { [TRIGGER_NAME]: { main: [[{ node: CAPTURE_NAME, type: NodeConnectionTypes.Main, index: 0 }]] } },
		active: true,
		nodeTypes,
		staticData: setup.staticData ? { [`node:${TRIGGER_NAME}`]: deepCopy(setup.staticData) } : undefined,
		settings: { executionOrder: 'v1' },
	});
	const credentialsHelper = new HarnessCredentialsHelper(credentialType, { tenantUrl: setup.tenantUrl, apiToken: setup.apiToken });
	credentialsHelper.setWorkflowContext(nodeTypes);
	return {
		workflow,
		node: workflow.getNode(TRIGGER_NAME)!,
		credentialsHelper,
		staticData: () => deepCopy(workflow.getStaticData('node', workflow.getNode(TRIGGER_NAME)!)),
	};
}

function additionalDataFor(t: TriggerWorkflow, mode: WorkflowExecuteMode, extra: Partial<IWorkflowExecuteAdditionalData> = {}): IWorkflowExecuteAdditionalData {
	return { ...createAdditionalData(t.credentialsHelper, t.workflow, mode), ...extra };
}

function webhookDataFor(t: TriggerWorkflow, additionalData: IWorkflowExecuteAdditionalData, isTest: boolean): IWebhookData {
	const description = triggerType.description.webhooks![0];
	return {
		httpMethod: 'POST',
		node: TRIGGER_NAME,
		path: `${WEBHOOK_ID}/${description.path}`,
		webhookDescription: description,
		workflowId: t.workflow.id,
		workflowExecuteAdditionalData: additionalData,
		isTest,
	};
}

export interface HookOptions {
	/** "Listen for test event": n8n registers the test URL (mode manual, activation manual). */
	isTest?: boolean;
	activation?: WorkflowActivateMode;
}

export type WebhookMethod = 'checkExists' | 'create' | 'delete';

/** One webhook method through a real n8n-core HookContext, as n8n's WebhookService.runWebhookMethod does. */
export async function runWebhookMethod(t: TriggerWorkflow, method: WebhookMethod, options: HookOptions = {}): Promise<boolean> {
	const mode: WorkflowExecuteMode = options.isTest ? 'manual' : 'trigger';
	const additionalData = additionalDataFor(t, mode);
	const context = new HookContext(t.workflow, t.node, additionalData, mode, options.activation ?? (options.isTest ? 'manual' : 'activate'), webhookDataFor(t, additionalData, options.isTest === true));
	return await triggerType.webhookMethods!.default![method]!.call(context);
}

/** n8n's createWebhookIfNotExists: checkExists, then create when it answers false. */
export async function activate(t: TriggerWorkflow, options: HookOptions = {}): Promise<{ existed: boolean }> {
	const existed = await runWebhookMethod(t, 'checkExists', options);
	if (!existed) await runWebhookMethod(t, 'create', options);
	return { existed };
}

export async function deactivate(t: TriggerWorkflow, options: HookOptions = {}): Promise<boolean> {
	return await runWebhookMethod(t, 'delete', { activation: 'update', ...options });
}

// ---------------------------------------------------------------------------
// Deliveries
// ---------------------------------------------------------------------------

export interface Delivery {
	status: number;
	body: unknown;
}

export interface WebhookEndpoint {
	url: string;
	/** Every run the deliveries started, in order. */
	executions: IRun[];
	/** What the node returned for each delivery. */
	results: IWebhookResponseData[];
	close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
	res.writeHead(status, { 'Content-Type': 'application/json' });
	res.end(JSON.stringify(body));
}

async function handleDelivery(t: TriggerWorkflow, endpoint: WebhookEndpoint, req: IncomingMessage, res: ServerResponse) {
	const raw = await buffer(req);
	// n8n's rawBodyReader + parseBody: the Buffer on req.rawBody, JSON parsed into req.body.
	const request = req as IncomingMessage & { rawBody: Buffer; body: unknown; params: object; query: object };
	request.rawBody = raw;
	const contentType = String(req.headers['content-type'] ?? '').split(';')[0].trim();
	try {
		request.body = contentType === 'application/json' && raw.length ? JSON.parse(raw.toString('utf8')) : {};
	} catch {
		return sendJson(res, 422, { message: 'Failed to parse request body' });
	}
	request.params = {};
	request.query = {};

	const additionalData = additionalDataFor(t, 'webhook', { httpRequest: request as never, httpResponse: res as never });
	const context = new WebhookContext(t.workflow, t.node, additionalData, 'webhook', webhookDataFor(t, additionalData, false), [], null);
	let result: IWebhookResponseData;
	try {
		result = await triggerType.webhook!.call(context);
	} catch (error) {
		return sendJson(res, 500, { message: 'Workflow Webhook Error: Workflow could not be started!', cause: (error as Error).message });
	}
	endpoint.results.push(result);
	if (result.workflowData === undefined) {
		if (result.noWebhookResponse !== true) sendJson(res, 200, result.webhookResponse ?? { message: 'Webhook call received' });
		return;
	}
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: t.node, data: { main: result.workflowData }, source: null }] },
	});
	const run = await new WorkflowExecute(additionalDataFor(t, 'webhook'), 'webhook', runExecutionData).processRunExecutionData(t.workflow);
	endpoint.executions.push(run);
	sendJson(res, 200, { message: 'Workflow was started' });
}

/** n8n's production webhook endpoint for this workflow, on 127.0.0.1. */
export async function startWebhookEndpoint(t: TriggerWorkflow): Promise<WebhookEndpoint> {
	let server: Server | undefined;
	const endpoint: WebhookEndpoint = {
		url: '',
		executions: [],
		results: [],
		close: () => new Promise((resolve) => (server ? server.close(() => resolve()) : resolve())),
	};
	server = createServer((req, res) => {
		handleDelivery(t, endpoint, req, res).catch((error) => sendJson(res, 500, { message: (error as Error).message }));
	});
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/${WEBHOOK_ID}/webhook`;
	return endpoint;
}

/** POSTs exactly these bytes with these headers, as AMPECO would. */
export async function deliver(endpoint: WebhookEndpoint, rawBody: string, headers: Record<string, string>): Promise<Delivery> {
	const response = await fetch(endpoint.url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: rawBody });
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// not JSON: kept as text
	}
	return { status: response.status, body };
}

/** The items the trigger emitted in a run, and what the next node received. */
export function itemsOf(run: IRun): { trigger: INodeExecutionData[]; capture: INodeExecutionData[] } {
	const { runData } = run.data.resultData;
	return {
		trigger: runData[TRIGGER_NAME]?.[0]?.data?.main?.[0] ?? [],
		capture: runData[CAPTURE_NAME]?.[0]?.data?.main?.[0] ?? [],
	};
}
