/**
 * The trigger's parameters: the generated event list → the Events options, plus the
 * delivery checks. Parameter names are public API (saved workflows store them).
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { notificationEvents } from './generated/events';
import type { NotificationEventDef } from './types';

/** The parameter names below, for the code that reads them. */
export const PARAM = {
	events: 'events',
	verifySignature: 'verifySignature',
	options: 'options',
	timestampTolerance: 'timestampTolerance',
} as const;

/** Seconds an X-Timestamp may differ from n8n's clock. */
export const DEFAULT_TIMESTAMP_TOLERANCE = 300;

/** The item key that holds the event name; `delivery` holds the delivery headers. */
export const EVENT_KEY = 'event';
export const DELIVERY_KEY = 'delivery';

const byValue = new Map(notificationEvents.events.map((e) => [e.value, e]));

function list(values: string[]): string {
	return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

function eventDescription(event: NotificationEventDef): string {
	const parts: string[] = [`Event name: ${event.value}${event.legacy ? " (AMPECO's older naming)" : ''}.`];
	if (event.deprecated) {
		const successors = (event.successors ?? []).map((v) => byValue.get(v)?.name ?? v);
		parts.push(successors.length ? `Deprecated by AMPECO: use ${list(successors)} instead.` : 'Deprecated by AMPECO.');
	}
	if (event.undocumented) parts.push(`AMPECO documents no payload for this notification (API ${notificationEvents.apiVersion}).`);
	if (event.actions) parts.push(`Action: ${list(event.actions)}.`);
	if (event.fields) parts.push(`Payload: ${event.fields.join(', ')}.`);
	return parts.join(' ');
}

const eventOptions: INodePropertyOptions[] = notificationEvents.events.map((event) => ({
	name: event.name,
	value: event.value,
	action: event.action,
	description: eventDescription(event),
}));

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		options: eventOptions,
		description:
			'Notifications to subscribe to. Each one received starts the workflow with one item: the notification body, its name under "event" and the delivery headers under "delivery".',
	},
	{
		displayName: 'Verify Signature',
		name: 'verifySignature',
		type: 'boolean',
		default: true,
		description:
			'Whether to accept only deliveries whose X-Signature is the HMAC-SHA256 of the body keyed with the credential\'s API token. Unsigned or altered deliveries are answered 401 and start nothing.',
	},
	{
		displayName:
			'Signature verification is off: anyone who knows this webhook URL can start the workflow with any data. Turn it off only to diagnose deliveries.',
		name: 'signatureOffNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { verifySignature: [false] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Timestamp Tolerance (Seconds)',
				name: 'timestampTolerance',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_TIMESTAMP_TOLERANCE,
				description:
					'Reject deliveries whose X-Timestamp differs from the current time by more than this, against replays. 0 turns the check off.',
			},
		],
	},
];
