/**
 * OpenAPI document → the AMPECO Trigger's event list (nodes/AmpecoTrigger/generated/events.ts).
 * Pure: no I/O, deterministic order.
 *
 * Facts come from `POST /public-api/notifications/v2.0`:
 * - the values: the enum of the request body's `notifications` items (what a subscription accepts);
 * - per value, its `callbacks` entry: deprecation, payload property names, `action` values;
 * - a deprecated notification's successors: notification names the entry's text mentions,
 *   else the non-deprecated notification with the same name stem
 *   (AuthorizationNotification → authorization.changed).
 * No prose is copied: labels are built from the notification names.
 */
import { createHash } from 'crypto';
import type { NotificationEventDef, NotificationEventList } from '../../nodes/AmpecoTrigger/types';
import { sentenceCase, titleCase, words } from './naming';
import { flatten, type Schema } from './schema-to-fields';

export const SUBSCRIBE_PATH = '/public-api/notifications/v2.0';

/**
 * Labels that read badly when built from the name, worded the way users search
 * ("session stopped", "EVSE changed"). Keyed by notification value; labels are not
 * stored in workflows, so these may change freely.
 */
const LABELS: Record<string, string> = {
	'session.start.stop.notification': 'Session Started or Stopped',
	SessionStartStopNotification: 'Session Started or Stopped',
	// Its payload covers the charge point, its EVSEs and connectors (split into chargePoint.changed / evse.changed).
	ChargePointChangedNotification: 'Charge Point, EVSE or Connector Changed',
	SubOperatorChangedNotification: 'Sub-Operator Changed',
	SessionUpdateNotification: 'Session Updated',
};

/** "chargePoint.dataTransferReceived" → "Charge Point Data Transfer Received"; "SecurityEventNotification" → "Security Event". */
export function eventLabel(value: string): string {
	if (LABELS[value]) return LABELS[value];
	const parts = words(value);
	// The legacy names end in "Notification"; dropped when something is left to say.
	if (parts.length > 2 && parts[parts.length - 1] === 'notification') parts.pop();
	return titleCase(parts.join(' '));
}

/** Name stem shared by a legacy notification and its dotted successor: "authorization", "session start stop". */
function stem(value: string): string {
	const parts = words(value);
	while (parts.length > 1 && ['notification', 'changed'].includes(parts[parts.length - 1])) parts.pop();
	return parts.join(' ');
}

/** The callback operation (its single method under its single expression) of a notification. */
function callbackOf(post: Schema, value: string): Schema | undefined {
	const callback = post.callbacks?.[value];
	if (!callback || typeof callback !== 'object') return undefined;
	for (const pathItem of Object.values<Schema>(callback)) {
		for (const operation of Object.values<Schema>(pathItem ?? {})) {
			if (operation && typeof operation === 'object' && operation.requestBody) return operation;
		}
	}
	return undefined;
}

function successorsOf(value: string, text: string, candidates: string[]): string[] | undefined {
	// Names the callback's own text points to, in the order it mentions them.
	const escaped = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const mentioned = candidates
		.map((c) => ({ c, at: text.search(new RegExp(`(^|[^A-Za-z0-9.])${escaped(c)}(?![A-Za-z0-9]|\\.[A-Za-z0-9])`)) }))
		.filter(({ c, at }) => c !== value && at >= 0)
		.sort((a, b) => a.at - b.at)
		.map(({ c }) => c);
	if (mentioned.length) return mentioned;
	const sameStem = candidates.filter((c) => c !== value && stem(c) === stem(value));
	return sameStem.length ? sameStem : undefined;
}

/** Case-insensitive order of labels, then values: n8n's lint wants options sorted by name. */
export function compareByName(a: { name: string; value: string }, b: { name: string; value: string }): number {
	const x = a.name.toLowerCase();
	const y = b.name.toLowerCase();
	if (x !== y) return x < y ? -1 : 1;
	return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/** AMPECO's older naming: "ReservationChangedNotification" rather than "reservation.changed". */
const isLegacyName = (value: string) => /^[A-Z][A-Za-z]*Notification$/.test(value);

/**
 * Tells apart events that would read the same, and writes the action n8n's node creator
 * shows ("On reservation changed"; without it n8n shows the label lower-cased after "On").
 * A deprecated event says so; of two that remain, the one in AMPECO's older naming is
 * marked "Legacy". The notification's own name is in the description, not the label.
 */
function markLabels(events: NotificationEventDef[]): void {
	const byLabel = new Map<string, NotificationEventDef[]>();
	for (const e of events) byLabel.set(e.name, [...(byLabel.get(e.name) ?? []), e]);
	for (const e of events) {
		const twins = byLabel.get(e.name)!.filter((t) => t !== e && !t.deprecated);
		const mark = e.deprecated ? 'Deprecated' : twins.length && isLegacyName(e.value) && !twins.every((t) => isLegacyName(t.value)) ? 'Legacy' : '';
		e.action = `${sentenceCase(`On ${e.name}`)}${mark ? ` (${mark.toLowerCase()})` : ''}`;
		if (mark) e.name = `${e.name} (${mark})`;
		if (mark === 'Legacy') e.legacy = true;
	}
}

export function buildNotificationEvents(spec: Schema): NotificationEventList {
	const post = spec.paths?.[SUBSCRIBE_PATH]?.post;
	const values: unknown = post?.requestBody?.content?.['application/json']?.schema?.properties?.notifications?.items?.enum;
	if (!Array.isArray(values) || !values.length || !values.every((v) => typeof v === 'string')) {
		throw new Error(`The spec has no enum of notifications in the request body of POST ${SUBSCRIBE_PATH}`);
	}
	if (new Set(values).size !== values.length) throw new Error(`Duplicate notification names in POST ${SUBSCRIBE_PATH}`);

	const callbacks = new Map(values.map((v) => [v, callbackOf(post, v)] as const));
	const current = values.filter((v) => callbacks.get(v) && !callbacks.get(v)!.deprecated);

	const events = values.map((value): NotificationEventDef => {
		const callback = callbacks.get(value);
		const event: NotificationEventDef = { value, name: eventLabel(value), action: '' };
		if (!callback) {
			event.undocumented = true;
		} else {
			if (callback.deprecated) {
				event.deprecated = true;
				const text = [callback.summary, callback.description].filter((t) => typeof t === 'string').join('\n');
				const successors = successorsOf(value, text, current);
				if (successors) event.successors = successors;
			}
			const payload = flatten(callback.requestBody?.content?.['application/json']?.schema ?? {});
			const fields = Object.keys(payload.properties ?? {});
			if (fields.length) event.fields = fields;
			const actions = payload.properties?.action?.enum;
			if (Array.isArray(actions) && actions.length) event.actions = actions.filter((a: unknown) => typeof a === 'string');
		}
		return event;
	});
	markLabels(events);
	return { apiVersion: String(spec.info?.version ?? ''), events: events.sort(compareByName) };
}

/** The generated module, with the header every generated file carries. */
export function renderNotificationEvents(list: NotificationEventList, specText: string, specFile: string): string {
	const hash = createHash('sha256').update(specText).digest('hex');
	const deprecated = list.events.filter((e) => e.deprecated).length;
	const undocumented = list.events.filter((e) => e.undocumented).length;
	const lines = [
		'/**',
		' * GENERATED — DO NOT EDIT. Regenerate with `npm run generate`.',
		' * generator: scripts/generate-catalog.ts (scripts/catalog/notification-events.ts)',
		` * inputs: ../shared/ampeco/${specFile} (API ${list.apiVersion}): POST ${SUBSCRIBE_PATH}, request body enum \`notifications\` and \`callbacks\``,
		` * input sha256: ${hash}`,
		` * events: ${list.events.length} (${deprecated} deprecated, ${undocumented} without a documented payload)`,
		' */',
		"import type { NotificationEventList } from '../types';",
		'',
		'export const notificationEvents: NotificationEventList = {',
		`\tapiVersion: ${JSON.stringify(list.apiVersion)},`,
		'\tevents: [',
		...list.events.map((e) => `\t\t${JSON.stringify(e)},`),
		'\t],',
		'};',
		'',
	];
	return lines.join('\n');
}

export function generateNotificationEvents(specText: string, specFile: string): { events: NotificationEventList; source: string } {
	const events = buildNotificationEvents(JSON.parse(specText));
	return { events, source: renderNotificationEvents(events, specText, specFile) };
}
