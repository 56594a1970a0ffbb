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
		// Event names in words ("authorization changed, session updated"); the editor evaluates this on every render.
		subtitle: '={{($parameter["events"] || []).map((e) => e.replace(/Notification$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[._]/g, " ").toLowerCase()).join(", ")}}',
		// n8n's node creator lists AMPECO and AMPECO Trigger as one entry and shows this description for it
		// (header and actions view), so it says what both offer.
		description: 'Manage charge points, EVSEs, sessions, tariffs, users and every other AMPECO.CHARGE resource, or start a workflow on its notifications',
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
