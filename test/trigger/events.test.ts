/**
 * The generated event list: reproducible, equal to what the spec accepts, labelled so users
 * find events, deprecated ones pointing to their successors, and no prose copied.
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { EVENTS_FILE } from '../../scripts/generate-catalog';
import { generateNotificationEvents } from '../../scripts/catalog/notification-events';
import { triggerProperties } from '../../nodes/AmpecoTrigger/properties';
import { notificationEvents } from '../../nodes/AmpecoTrigger/generated/events';
import { SPEC_PATH } from '../../scripts/shared-data';

/** Read here, independently of the generator. */
const specText = readFileSync(SPEC_PATH, 'utf8');
const spec = JSON.parse(specText);
const subscribe = spec.paths['/public-api/notifications/v2.0'].post;
const specEnum: string[] = subscribe.requestBody.content['application/json'].schema.properties.notifications.items.enum;

const eventsProperty = triggerProperties.find((p) => p.name === 'events')!;
const options = eventsProperty.options as Array<{ name: string; value: string; description: string }>;

function callbackOperation(name: string): Record<string, any> | undefined {
	const callback = subscribe.callbacks[name];
	return callback && (Object.values(Object.values(callback)[0] as object)[0] as Record<string, any>);
}

test('the committed events file is exactly what the generator writes (run `npm run generate`)', () => {
	const dir = mkdtempSync(join(tmpdir(), 'ampeco-events-'));
	execFileSync(
		process.execPath,
		[require.resolve('ts-node/dist/bin'), '--transpile-only', 'scripts/generate-catalog.ts', '--out', join(dir, 'catalog.ts'), '--events-out', join(dir, 'events.ts')],
		{ cwd: join(__dirname, '..', '..') },
	);
	try {
		expect(readFileSync(join(dir, 'events.ts'), 'utf8')).toBe(readFileSync(EVENTS_FILE, 'utf8'));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('generating twice from the same input gives the same bytes', () => {
	expect(generateNotificationEvents(specText, 'openapi-3.110.0.json').source).toBe(generateNotificationEvents(specText, 'openapi-3.110.0.json').source);
});

test('the header names generator, input, API version and input hash, and forbids edits', () => {
	const header = /\/\*\*[\s\S]*?\*\//.exec(readFileSync(EVENTS_FILE, 'utf8'))![0];
	expect(header).toMatch(/GENERATED — DO NOT EDIT/);
	expect(header).toContain('generator: scripts/generate-catalog.ts');
	expect(header).toContain('openapi-3.110.0.json (API 3.110.0)');
	expect(header).toContain(`input sha256: ${createHash('sha256').update(specText).digest('hex')}`);
});

test('the Events options are exactly the enum of `notifications` in POST /public-api/notifications/v2.0', () => {
	expect(specEnum.length).toBeGreaterThan(30);
	expect(options.map((o) => o.value).sort()).toEqual([...specEnum].sort());
	expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
	expect(notificationEvents.apiVersion).toBe(spec.info.version);
});

test('options are sorted alphabetically by name, and names are unique', () => {
	const names = options.map((o) => o.name);
	expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
	expect(new Set(names).size).toBe(names.length);
});

test('deprecation follows the spec’s callbacks, and each deprecated event points to its successor', () => {
	for (const event of notificationEvents.events) {
		expect({ value: event.value, deprecated: event.deprecated === true }).toEqual({ value: event.value, deprecated: callbackOperation(event.value)?.deprecated === true });
	}
	const deprecated = Object.fromEntries(notificationEvents.events.filter((e) => e.deprecated).map((e) => [e.value, e.successors]));
	expect(deprecated).toEqual({
		AuthorizationNotification: ['authorization.changed'],
		ChargePointChangedNotification: ['chargePoint.changed', 'evse.changed'],
		SessionStartStopNotification: ['session.start.stop.notification'],
		'user.subscriptionChanged': ['user.subscription.changed'],
	});
	const option = (value: string) => options.find((o) => o.value === value)!;
	expect(option('AuthorizationNotification').name).toMatch(/Deprecated/);
	expect(option('AuthorizationNotification').description).toMatch(/^Event name: AuthorizationNotification\. Deprecated by AMPECO: use Authorization Changed instead\./);
	expect(option('authorization.changed').name).not.toMatch(/Deprecated/);
});

test('events the API accepts without a documented payload say so', () => {
	const undocumented = notificationEvents.events.filter((e) => e.undocumented).map((e) => e.value);
	expect(undocumented.sort()).toEqual(specEnum.filter((v) => !subscribe.callbacks[v]).sort());
	for (const value of undocumented) expect(options.find((o) => o.value === value)!.description).toMatch(/no payload/);
});

/** What a user types in the dropdown: every word must appear in the option's label. */
function search(query: string) {
	const words = query.toLowerCase().split(/\s+/);
	return options.filter((o) => words.every((w) => o.name.toLowerCase().includes(w))).map((o) => o.value);
}

test('users find "session stopped" and "EVSE changed" by the words they would type', () => {
	expect(search('session stopped')).toEqual(expect.arrayContaining(['session.start.stop.notification']));
	expect(search('session stopped').filter((v) => !options.find((o) => o.value === v)!.name.includes('Deprecated'))).toEqual(['session.start.stop.notification']);
	expect(search('EVSE changed')).toEqual(expect.arrayContaining(['evse.changed']));
	expect(options.find((o) => o.value === 'evse.changed')!.name).toBe('EVSE Changed');
	expect(options.find((o) => o.value === 'session.start.stop.notification')!.description).toMatch(/Action: start or stop\./);
});

test('payload fields in the descriptions come from the callbacks', () => {
	const evse = options.find((o) => o.value === 'evse.changed')!;
	const documented = Object.keys(callbackOperation('evse.changed')!.requestBody.content['application/json'].schema.properties);
	expect(evse.description).toBe(`Event name: evse.changed. Action: created, updated or deleted. Payload: ${documented.join(', ')}.`);
});

/** n8n's node creator lists each event as its action, or as "On " + the label in lower case without punctuation. */
test('in the node creator every event reads "On <event>", once, and the ones that would read alike are told apart', () => {
	const actions = options.map((o) => (o as { action?: string }).action);
	expect(actions.every((a) => typeof a === 'string' && /^On [a-zA-Z]/.test(a))).toBe(true);
	expect(new Set(actions).size).toBe(actions.length);
	const plain = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
	for (const o of options) {
		// The label, not the label and the raw name again ("On authorization changed authorization changed").
		expect(plain((o as { action?: string }).action!)).toBe(plain(`On ${o.name}`));
		expect(o.name).not.toContain(o.value);
	}
	const action = (value: string) => (options.find((o) => o.value === value) as { action?: string }).action;
	expect(action('authorization.changed')).toBe('On authorization changed');
	expect(action('reservation.changed')).toBe('On reservation changed');
	expect(action('ReservationChangedNotification')).toBe('On reservation changed (legacy)');
	expect(action('SessionStartStopNotification')).toBe('On session started or stopped (deprecated)');
	expect(option('PartnerInviteChangedNotification').name).toBe('Partner Invite Changed (Legacy)');
	expect(option('PartnerInviteChangedNotification').description).toMatch(/^Event name: PartnerInviteChangedNotification \(AMPECO's older naming\)\./);
});

function option(value: string) {
	return options.find((o) => o.value === value)!;
}

test('no prose from the spec is copied into the generated file or the option descriptions', () => {
	const texts = new Set<string>();
	// Descriptions, as the catalog's test does; summaries are titles that a label built from the name may equal.
	JSON.stringify(subscribe, (key, value) => {
		if (key === 'description' && typeof value === 'string' && value.length > 40) texts.add(value);
		return value;
	});
	expect(texts.size).toBeGreaterThan(10);
	const generated = readFileSync(EVENTS_FILE, 'utf8');
	const shown = options.map((o) => `${o.name} ${o.description}`).join('\n');
	expect([...texts].filter((t) => generated.includes(t) || shown.includes(t) || generated.includes(JSON.stringify(t).slice(1, -1)))).toEqual([]);
});

test('no documented payload has a top-level "event" or "delivery" key that the item’s own keys would hide', () => {
	for (const event of notificationEvents.events) {
		expect(event.fields ?? []).not.toContain('event');
		expect(event.fields ?? []).not.toContain('delivery');
	}
});
