/** Operation names and actions: built by rules from AMPECO's summaries and paths, read as English. */
import { generatedCatalog as catalog } from '../nodes/Ampeco/catalog';
import { words } from '../nodes/shared/text';
import { actionPhrase, actionVerb, pluralPhrase, singularPhrase } from '../scripts/catalog/naming';

test.each([
	['Trigger Message Charge Point', 'chargePoint', 'trigger message'],
	['Set Circuit SoC Priority', 'circuit', 'set soc priority'],
	['Start Charging with EVSE ID', 'evse', 'start charging'],
	['Reissue an EMAID', 'idTag', 'reissue emaid'],
	['Attach Charge Point', 'circuit', 'attach charge point'],
	['Reset', 'chargePoint', 'reset'],
])('the action name of "%s" (%s) drops what the resource says: %s', (summary, resource, verb) => {
	expect(actionVerb(summary, resource)).toBe(verb);
});

test.each([
	['Reset', 'chargePoint', true, 'reset charge point'],
	['Change Availability', 'chargePoint', true, 'change availability of charge point'],
	['Assign to User', 'session', true, 'assign session to user'],
	['Attach Charge Point', 'circuit', true, 'attach charge point to circuit'],
	['Detach Charge Point', 'circuit', true, 'detach charge point from circuit'],
	['Move EVSEs to Satellite', 'chargePoint', true, 'move evses of charge point to satellite'],
	['Start Charging Session Without EVSE', 'chargePoint', true, 'start charging session on charge point without evse'],
	['Resend Failed', 'notification', true, 'resend failed notification'],
	['Subscribe', 'notification', false, 'subscribe to notifications'],
	['Validate VAT Number', 'tax', false, 'validate vat number'],
])('"%s" on %s (a record: %s) reads "%s"', (verb, resource, addressesRecord, phrase) => {
	expect(actionPhrase(verb, resource, addressesRecord)).toBe(phrase);
});

test('plural and singular phrases keep nouns joined by "and" and nouns without a singular', () => {
	expect(pluralPhrase('terms and policies')).toBe('terms and policies');
	expect(pluralPhrase('installation and maintenance company')).toBe('installation and maintenance companies');
	expect(pluralPhrase('evses connectors')).toBe('evse connectors');
	expect(pluralPhrase('time series forecast')).toBe('time series forecasts');
	expect(singularPhrase('consumption stats')).toBe('consumption stats');
});

test('no operation label or action contains a path, a method or brackets', () => {
	const labels = catalog.operations.flatMap((op) => [op.name, op.action]);
	expect(labels).toHaveLength(2 * 544);
	expect(labels.filter((label) => /[/{}[\]]|\b(GET|POST|PUT|PATCH|DELETE)\b/.test(label))).toEqual([]);
});

test('every action names its resource once at most, and the named ones read right', () => {
	const repeated = catalog.operations.filter((op) => ` ${words(op.action).join(' ')} `.split(` ${words(op.resource).join(' ')} `).length > 2);
	expect(repeated.map((op) => op.action)).toEqual([]);
	const action = (value: string) => catalog.operations.find((op) => op.value === value)!.action;
	expect(action('POST /actions/evse/v1.0/{evse}/start')).toBe('Start charging on EVSE');
	expect(action('POST /actions/evse/v1.0/{evse}/trigger-message')).toBe('Trigger message on EVSE');
	expect(action('POST /actions/charge-point/v1.0/{chargePoint}/trigger-message')).toBe('Trigger message on charge point');
	expect(action('POST /actions/session/v1.0/{session}/assign-user')).toBe('Assign session to user');
});
