/** Runs the AMPECO node through n8n-core's engine against a tenant URL (usually a local mock). */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { AmpecoApi } from '../../credentials/AmpecoApi.credentials';
import { Ampeco } from '../../nodes/Ampeco/Ampeco.node';
import { runNode, type RunNodeResult } from '../harness/run-node';

/** A recognisable token: tests search every output and error for it. */
export const TOKEN = 'tok_SECRET_6b1f0c8e9d';

const nodeType = new Ampeco();
const credentialType = new AmpecoApi();

export function runAmpeco(options: {
	tenantUrl: string;
	parameters: INodeParameters;
	inputItems?: INodeExecutionData[];
	continueOnFail?: boolean;
}): Promise<RunNodeResult> {
	return runNode({
		nodeType,
		credentialType,
		credentials: { tenantUrl: options.tenantUrl, apiToken: TOKEN },
		parameters: options.parameters,
		inputItems: options.inputItems,
		continueOnFail: options.continueOnFail,
	});
}
