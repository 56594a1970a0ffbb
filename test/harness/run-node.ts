/**
 * Workflow-level test harness: runs ONE node through n8n-core's real execution
 * engine (`WorkflowExecute.processRunExecutionData` on a real `Workflow`), the same
 * way the n8n CLI runs a workflow whose trigger has already produced its items.
 *
 * Workflow shape:   [Input (passthrough, start node)] --main--> [node under test]
 *
 * - The start node receives `inputItems` on the execution stack (exactly like a
 *   webhook/trigger execution in n8n) and passes them on unchanged (NoOp semantics),
 *   so the node under test gets them as regular main input, with paired-item lineage.
 * - Credentials go through a real `ICredentialsHelper` implementation: defaults of the
 *   credential type are applied, expressions in the credential data are resolved, and
 *   `authenticate` (function, or declarative `type: 'generic'`) is applied the way
 *   n8n's CLI `CredentialsHelper` does it. HTTP requests are made by n8n-core's own
 *   request helpers (`OutboundHttp` from @n8n/backend-network), i.e. real sockets.
 * - The DI container is prepared lazily, once per module registry (= once per jest
 *   test file): an isolated temporary n8n user folder (InstanceSettings writes its
 *   `config` file there, never into ~/.n8n) and a silent logger (override with
 *   N8N_LOG_LEVEL).
 */
import { Container } from '@n8n/di';
import { GlobalConfig, InstanceSettingsConfig } from '@n8n/config';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
	Credentials,
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	WorkflowExecute,
	getAdditionalKeys,
} from 'n8n-core';
import {
	ICredentialsHelper,
	NodeApiError,
	NodeConnectionTypes,
	NodeHelpers,
	NodeOperationError,
	Workflow,
	createRunExecutionData,
	deepCopy,
	isExpression,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentials,
	ICredentialsExpressionResolveValues,
	IDataObject,
	IExecuteData,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRequestOptionsSimplified,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

export interface RunNodeOptions {
	/** Instance of the node class under test, e.g. `new Ampeco()` (versioned node types work too). */
	nodeType: INodeType | IVersionedNodeType;
	/** Instance of the credential class, e.g. `new AmpecoApi()`. */
	credentialType?: ICredentialType;
	/** Decrypted credential data, e.g. `{ tenantUrl: 'http://127.0.0.1:1234', apiToken: 'secret' }`. */
	credentials?: ICredentialDataDecryptedObject;
	/** Node parameters (defaults of the node description are applied by `Workflow`, as in n8n). */
	parameters: INodeParameters;
	/** Items fed into the node under test. Defaults to one empty item `[{ json: {} }]`. */
	inputItems?: INodeExecutionData[];
	/** Sets `node.onError = 'continueRegularOutput'` (the "On Error: Continue" setting). */
	continueOnFail?: boolean;
	/** Defaults to `description.defaultVersion`, else the highest version of the description. */
	typeVersion?: number;
	/** Execution mode. Defaults to `'manual'` (what n8n's own NodeTestHarness uses). */
	mode?: WorkflowExecuteMode;
	/** Package prefix of the node type name (`<package>.<description.name>`). Defaults to `n8n-nodes-ampeco`. */
	packageName?: string;
	/** Extra node settings merged onto the INode (e.g. `{ alwaysOutputData: true, executeOnce: true }`). */
	nodeSettings?: Partial<Omit<INode, 'parameters' | 'type' | 'typeVersion' | 'name' | 'credentials'>>;
}

export interface RunNodeResult {
	/** Items of the node's first main output (what the next node would receive), as n8n recorded them. */
	items: INodeExecutionData[];
	/**
	 * The node's execution error if the run failed. This is the error instance the node
	 * (or n8n-core's request helpers) threw, e.g. a NodeApiError / NodeOperationError,
	 * i.e. the error n8n recorded in `runData[node][0].error` (n8n-core stores a plain-object
	 * copy there; the raw copy is available via `run`). Also set when the node threw
	 * and `continueOnFail` was on (n8n then passes the input items through).
	 */
	error?: Error;
	/** All main outputs of the node under test (e.g. for `onError: 'continueErrorOutput'`). */
	outputs: INodeExecutionData[][];
	/** The full IRun returned by WorkflowExecute, for advanced assertions. */
	run?: IRun;
	/** Name of the node under test inside the workflow (key into `run.data.resultData.runData`). */
	nodeName: string;
}

export const INPUT_NODE_NAME = 'Input';
export const INPUT_NODE_TYPE = 'n8n-nodes-harness.input';

export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	ensureContainer();

	const mode: WorkflowExecuteMode = options.mode ?? 'manual';
	const description = getDescription(options.nodeType, options.typeVersion);
	const typeVersion = options.typeVersion ?? defaultVersion(options.nodeType);
	const nodeTypeName = `${options.packageName ?? 'n8n-nodes-ampeco'}.${description.name}`;
	const nodeName = uniqueNodeName(description);

	const credentialType = options.credentialType;
	if (options.credentials && !credentialType) {
		throw new Error('run-node harness: `credentials` were given without a `credentialType`');
	}
	const credentialsHelper = new HarnessCredentialsHelper(
		credentialType,
		credentialType ? deepCopy(options.credentials ?? {}) : {},
	);

	const nodeTypes = new HarnessNodeTypes(nodeTypeName, options.nodeType);

	const inputNode: INode = {
		id: 'harness-input-node',
		name: INPUT_NODE_NAME,
		type: INPUT_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const nodeUnderTest: INode = {
		id: 'harness-node-under-test',
		name: nodeName,
		type: nodeTypeName,
		typeVersion,
		position: [220, 0],
		parameters: deepCopy(options.parameters),
		...(options.nodeSettings ?? {}),
		...(credentialType
			? { credentials: { [credentialType.name]: { id: HARNESS_CREDENTIAL_ID, name: credentialType.displayName } } }
			: {}),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};

	const connections = {
		[INPUT_NODE_NAME]: {
			[NodeConnectionTypes.Main]: [[{ node: nodeName, type: NodeConnectionTypes.Main, index: 0 }]],
		},
	};

	const workflow = new Workflow({
		id: 'harness-workflow',
		name: `Harness: ${description.displayName}`,
		nodes: [inputNode, nodeUnderTest],
		connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	credentialsHelper.setWorkflowContext(nodeTypes);

	const additionalData = createAdditionalData(credentialsHelper, workflow, mode);

	const inputItems = deepCopy(options.inputItems ?? [{ json: {} }]);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: workflow.getNode(INPUT_NODE_NAME)!, data: { main: [inputItems] }, source: null },
			],
		},
	});

	const workflowExecute = new WorkflowExecute(additionalData, mode, runExecutionData);
	const thrown = captureThrownErrors(workflowExecute);

	let run: IRun;
	try {
		run = await workflowExecute.processRunExecutionData(workflow);
	} catch (error) {
		// e.g. WorkflowHasIssuesError (missing required parameters / unknown node type):
		// n8n refuses to start the execution at all.
		return { items: [], outputs: [], error: asError(error), nodeName };
	}

	const { runData } = run.data.resultData;
	const taskData = runData[nodeName]?.[0];
	const outputs = (taskData?.data?.[NodeConnectionTypes.Main] ?? []).map((output) => output ?? []);
	const recordedError = taskData?.error ?? (taskData ? undefined : run.data.resultData.error);

	const result: RunNodeResult = { items: outputs[0] ?? [], outputs, run, nodeName };
	if (recordedError !== undefined) {
		const nodeThrown = thrown.get(taskData ? nodeName : (run.data.resultData.lastNodeExecuted ?? ''));
		result.error =
			nodeThrown instanceof Error && !isAxiosError(nodeThrown) ? nodeThrown : asError(recordedError);
	}
	return result;
}

// ---------------------------------------------------------------------------
// DI container / process-wide setup
// ---------------------------------------------------------------------------

let containerReady = false;
let executionCounter = 0;
const HARNESS_CREDENTIAL_ID = 'harness-credential';

/**
 * n8n-core 2.x resolves its services (InstanceSettings, Logger, ErrorReporter,
 * OutboundHttp, BinaryDataConfig, ExecutionContextService, Cipher, ...) from the
 * `@n8n/di` Container on demand. Everything constructs itself from env-driven config;
 * we only redirect the n8n user folder and silence the logger before first use.
 */
export function ensureContainer() {
	if (containerReady) return;

	const instanceSettingsConfig = Container.get(InstanceSettingsConfig);
	const userFolder = path.join(tmpdir(), `n8n-nodes-ampeco-harness-${process.pid}`);
	const n8nFolder = path.join(userFolder, '.n8n');
	mkdirSync(n8nFolder, { recursive: true });
	process.once('exit', () => rmSync(userFolder, { recursive: true, force: true }));
	Object.assign(instanceSettingsConfig, {
		n8nFolder,
		userHome: userFolder,
		// the settings file lives in a private temp dir, no need to chmod it
		enforceSettingsFilePermissions: false,
	});

	const globalConfig = Container.get(GlobalConfig);
	globalConfig.logging.level = (process.env.N8N_LOG_LEVEL as typeof globalConfig.logging.level) || 'silent';

	containerReady = true;
}

/** The n8n instance the harness pretends to be; webhook URLs are built on it. */
export const HARNESS_BASE_URL = 'http://localhost:5678';

/** What n8n hands one execution of `workflow`: its lifecycle hooks, credentials and URLs. */
export function createAdditionalData(
	credentialsHelper: ICredentialsHelper,
	workflow: Workflow,
	mode: WorkflowExecuteMode,
): IWorkflowExecuteAdditionalData {
	const executionId = String(++executionCounter);
	const workflowId = workflow.id;
	const workflowData: IWorkflowBase = {
		id: workflowId,
		name: workflow.name ?? '',
		active: workflow.active,
		isArchived: false,
		activeVersionId: null,
		nodes: Object.values(workflow.nodes),
		connections: workflow.connectionsBySourceNode,
		settings: workflow.settings,
		createdAt: new Date(),
		updatedAt: new Date(),
	};
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const base = HARNESS_BASE_URL;
	const unsupported = (what: string) => async () => {
		throw new Error(`run-node harness: ${what} is not supported`);
	};
	return {
		credentialsHelper,
		hooks,
		executionId,
		workflowId,
		userId: 'harness-user',
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		externalSecretsProxy: Container.get(ExternalSecretsProxy),
		executeWorkflow: unsupported('executeWorkflow (sub-workflows)'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: unsupported('startRunnerTask (task runners / Code node)'),
	};
}

// ---------------------------------------------------------------------------
// Node types
// ---------------------------------------------------------------------------

/** Passthrough start node (same semantics as n8n-nodes-base.noOp). */
class HarnessInputNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Input',
		name: 'input',
		group: ['input'],
		version: 1,
		description: 'Emits the items the harness puts on the execution stack',
		defaults: { name: INPUT_NODE_NAME },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** Also the node credential expressions are resolved against (see HarnessCredentialsHelper). */
const harnessInputNode = new HarnessInputNode();

/** The node under test (or trigger) by its type name, and the passthrough input node. */
export class HarnessNodeTypes implements INodeTypes {
	constructor(
		private readonly nodeTypeName: string,
		private readonly nodeType: INodeType | IVersionedNodeType,
	) {}

	getByName(type: string): INodeType | IVersionedNodeType {
		if (type === INPUT_NODE_TYPE) return harnessInputNode;
		if (type === this.nodeTypeName) return this.nodeType;
		throw new Error(`run-node harness: unknown node type "${type}"`);
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

function getDescription(nodeType: INodeType | IVersionedNodeType, version?: number): INodeTypeDescription {
	return NodeHelpers.getVersionedNodeType(nodeType, version).description;
}

function defaultVersion(nodeType: INodeType | IVersionedNodeType): number {
	const { description } = nodeType;
	if ('defaultVersion' in description && typeof description.defaultVersion === 'number') {
		return description.defaultVersion;
	}
	const version = (description as INodeTypeDescription).version;
	return Array.isArray(version) ? Math.max(...version) : (version ?? 1);
}

function uniqueNodeName(description: INodeTypeDescription): string {
	const name = (description.defaults?.name as string | undefined) || description.displayName || 'Node';
	return name === INPUT_NODE_NAME ? `${name} 1` : name;
}

// ---------------------------------------------------------------------------
// Credentials helper (minimal but faithful port of n8n CLI's CredentialsHelper)
// ---------------------------------------------------------------------------

export class HarnessCredentialsHelper extends ICredentialsHelper {
	private nodeTypes: INodeTypes | undefined;

	constructor(
		private readonly credentialType: ICredentialType | undefined,
		private data: ICredentialDataDecryptedObject,
	) {
		super();
	}

	setWorkflowContext(nodeTypes: INodeTypes) {
		this.nodeTypes = nodeTypes;
	}

	private getType(typeName: string): ICredentialType {
		if (!this.credentialType || this.credentialType.name !== typeName) {
			throw new Error(`run-node harness: unknown credential type "${typeName}"`);
		}
		return this.credentialType;
	}

	getParentTypes(typeName: string): string[] {
		// Only direct parents are known to the harness (OAuth parents route to n8n's OAuth helpers).
		return this.credentialType?.name === typeName ? [...(this.credentialType.extends ?? [])] : [];
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.credentialType;
		if (!type || type.name !== credentialType || !type.restrictToSupportedNodes) return true;
		return (type.supportedNodes ?? []).some((n) => n === nodeType || nodeType.endsWith(`.${n}`));
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.getType(typeName);
		if (!authenticate) return requestOptions;

		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}

		if (!workflow || !node) {
			throw new Error('Workflow and node are required for declarative credential authentication');
		}
		if (requestOptions.headers === undefined) requestOptions.headers = {};

		if (authenticate.type === 'generic') {
			const target = requestOptions as unknown as Record<string, Record<string, unknown> | undefined>;
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, unknown>)) {
					const keyResolved = resolveValue(key, { $credentials: credentials }, workflow, node);
					const valueResolved = resolveValue(value as string, { $credentials: credentials }, workflow, node);
					target[outerKey] ??= {};
					target[outerKey]![keyResolved] = valueResolved;
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.getType(typeName);
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (expirable?.name === undefined || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		// n8n persists the refreshed token on the credential; keep it for this run.
		this.data = { ...this.data, ...(output as ICredentialDataDecryptedObject) };
		return Object.assign(credentials, output as ICredentialDataDecryptedObject);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.getType(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		return (output as ICredentialDataDecryptedObject | undefined) ?? undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const credentials = new Credentials({ id: nodeCredentials.id, name: nodeCredentials.name }, type);
		await credentials.setData(this.data);
		return credentials;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const original = deepCopy(this.data);
		if (raw === true) return original;

		// applyDefaultsAndOverwrites() of n8n's CLI CredentialsHelper (minus overwrites).
		let decrypted = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			original as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (original.oauthTokenData !== undefined) decrypted.oauthTokenData = original.oauthTokenData;

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		if (expressionResolveValues) {
			try {
				decrypted = expressionResolveValues.workflow.expression.getParameterValue(
					decrypted as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decrypted,
				) as ICredentialDataDecryptedObject;
			} catch (e) {
				(e as Error).message += ' [Error resolving credentials]';
				throw e;
			}
		} else if (this.nodeTypes) {
			const mockNode: INode = {
				id: 'harness-credential-mock',
				name: '',
				type: INPUT_NODE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			};
			const workflow = new Workflow({ nodes: [mockNode], connections: {}, active: false, nodeTypes: this.nodeTypes });
			decrypted = workflow.expression.getComplexParameterValue(
				mockNode,
				decrypted as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				decrypted,
			) as ICredentialDataDecryptedObject;
		}
		return decrypted;
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.data = deepCopy(data);
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.data = { ...this.data, oauthTokenData: data.oauthTokenData };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.getType(type).properties;
	}
}

/** Same as CredentialsHelper.resolveValue in n8n's CLI. */
function resolveValue(
	parameterValue: string,
	additionalKeys: IWorkflowDataProxyAdditionalKeys,
	workflow: Workflow,
	node: INode,
): string {
	if (!isExpression(parameterValue)) return parameterValue;
	const returnValue = workflow.expression.getSimpleParameterValue(
		node,
		parameterValue,
		'internal',
		additionalKeys,
		undefined,
		'',
	);
	if (!returnValue) return '';
	return returnValue.toString();
}

// ---------------------------------------------------------------------------
// Error capture
// ---------------------------------------------------------------------------

type ErrorReporterFn = (error: unknown, node: INode, workflow: Workflow) => unknown;

/**
 * WorkflowExecute records a node failure as a plain-object copy (`{ ...error, message, stack }`)
 * in runData, losing the class. Observe the original instance right where n8n-core records it
 * (its internal `reportNodeExecutionError`); fall back to the recorded copy if that hook is absent.
 */
function captureThrownErrors(workflowExecute: WorkflowExecute): Map<string, unknown> {
	const thrown = new Map<string, unknown>();
	const engine = workflowExecute as unknown as { reportNodeExecutionError?: ErrorReporterFn };
	const original = engine.reportNodeExecutionError;
	if (typeof original === 'function') {
		engine.reportNodeExecutionError = function (this: unknown, error, node, workflow) {
			thrown.set(node.name, error);
			return original.call(this, error, node, workflow);
		};
	}
	return thrown;
}

function isAxiosError(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true;
}

/** Error classes whose recorded plain-object copies are re-hydrated in the fallback path. */
const REHYDRATABLE: Record<string, { prototype: Error }> = {
	NodeApiError,
	NodeOperationError,
};

function asError(value: unknown): Error {
	if (value instanceof Error) return value;
	if (typeof value === 'object' && value !== null) {
		const record = value as { message?: unknown; name?: unknown };
		const error = new Error(typeof record.message === 'string' ? record.message : 'Unknown error');
		Object.assign(error, value);
		const cls = typeof record.name === 'string' ? REHYDRATABLE[record.name] : undefined;
		if (cls) Object.setPrototypeOf(error, cls.prototype);
		return error;
	}
	return new Error(String(value));
}
