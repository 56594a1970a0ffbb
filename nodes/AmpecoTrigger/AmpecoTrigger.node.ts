import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { receiveNotification } from './delivery';
import { triggerProperties } from './properties';
import { checkExists, create, deleteSubscription } from './subscription';

export class AmpecoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AMPECO Trigger',
		name: 'ampecoTrigger',
		icon: { light: 'file:ampeco.svg', dark: 'file:ampeco.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when AMPECO.CHARGE sends a notification (webhook subscription)',
		defaults: { name: 'AMPECO Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ampecoApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Unset, n8n (1.123 and 2.x) answers a delivery with the literal text "firstEntryJson"; empty makes it
				// answer {"message":"Workflow was started"}.
				responseData: '',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscription.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveNotification.call(this);
	}
}
