/**
 * Labels people read: API names and values become words, units and acronyms are written
 * the way people write them, and the values saved workflows store stay untouched.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { Ampeco } from '../nodes/Ampeco/Ampeco.node';
import { AmpecoTrigger } from '../nodes/AmpecoTrigger/AmpecoTrigger.node';
import { catalog } from '../nodes/Ampeco/catalog';
import { mapperFields } from '../nodes/Ampeco/description/mapper-fields';
import { fieldLabel, optionLabel, pathIdLabel, sentenceCase, titleCase } from '../nodes/shared/text';

test.each([
	['maxPowerKw', 'Max Power (kW)'],
	['pricePerKwh', 'Price Per kWh'],
	['stopWhenEnergyExceedsKwh', 'Stop When Energy Exceeds kWh'],
	['feePerKwhAc', 'Fee Per kWh AC'],
	['vehicleWeightKg', 'Vehicle Weight (kg)'],
	['timeLimitMinutes', 'Time Limit (Minutes)'],
	['pricePeriodInMinutes', 'Price Period in Minutes'],
	['chargePointId', 'Charge Point ID'],
	['webhookUrl', 'Webhook URL'],
	['ocppVersion', 'OCPP Version'],
	['vatNo', 'VAT No'],
	['currentL1', 'Current L1'],
	['highSoCPriority', 'High SoC Priority'],
	['idTagUid', 'ID Tag UID'],
	['cpoQrcodePrefix', 'CPO QR Code Prefix'],
	['createdAt', 'Created At'],
])('field %s is labelled %s', (name, label) => {
	expect(fieldLabel(name)).toBe(label);
});

test.each([
	['ac', 'AC'],
	['out of order', 'Out of Order'],
	['single_phase', 'Single Phase'],
	['mon', 'Monday'],
	['fri', 'Friday'],
	['hard', 'Hard'],
	['AD_HOC_PAYMENT', 'Ad Hoc Payment'],
	['AIRPORT', 'Airport'],
	['SASL_SSL', 'SASL SSL'],
	['CSMSRootCertificate', 'CSMS Root Certificate'],
	['suspendedEVSE', 'Suspended EVSE'],
	['ocpp 1.6 soap', 'OCPP 1.6 SOAP'],
	['ocpp2.0.1', 'OCPP 2.0.1'],
	['nema-5-20', 'NEMA 5-20'],
	['type2', 'Type 2'],
	['ccs1', 'CCS1'],
	['emergencystop', 'Emergency Stop'],
	['soclimitreached', 'SoC Limit Reached'],
	['stoppedbyev', 'Stopped by EV'],
	['duration+energy', 'Duration + Energy'],
	['rst', 'RST'],
	['chargePoints', 'Charge Points'],
	['authorization.changed', 'Authorization Changed'],
])('option value %s is labelled %s', (value, label) => {
	expect(optionLabel(value)).toBe(label);
});

test.each(['EUR', 'BG', 'SCRAM-SHA-256', '110-130', '15'])('a code written in capitals or digits keeps its spelling: %s', (value) => {
	expect(optionLabel(value)).toBe(value);
});

test('path ID labels name the entity, and keep ID for identifiers of another kind', () => {
	expect(pathIdLabel('chargePoint')).toBe('Charge Point');
	expect(pathIdLabel('paymentMethodId')).toBe('Payment Method');
	expect(pathIdLabel('evseNetworkId')).toBe('EVSE Network ID');
});

test('title and sentence case keep acronyms, plurals of acronyms and mixed-case terms', () => {
	expect(titleCase('Move EVSEs to Satellite')).toBe('Move EVSEs to Satellite');
	expect(titleCase('Get Installed Certificate IDs')).toBe('Get Installed Certificate IDs');
	expect(titleCase('Set Circuit SoC Priority')).toBe('Set Circuit SoC Priority');
	expect(sentenceCase('Send Custom OCPP Command')).toBe('Send custom OCPP command');
});

interface Labelled {
	parameter: string;
	label: string;
	value?: unknown;
}

/** Every label of a node's parameters: display names, option names and the values they stand for. */
function labelsOf(properties: INodeProperties[]): Labelled[] {
	const out: Labelled[] = [];
	const walk = (list: Array<INodeProperties | INodePropertyOptions>, parameter: string) => {
		for (const item of list) {
			if ('displayName' in item && item.displayName) out.push({ parameter: item.name, label: item.displayName });
			if ('value' in item && 'name' in item && !('type' in item)) out.push({ parameter, label: item.name, value: item.value });
			const nested = ('options' in item && item.options) || ('values' in item && (item as { values: INodeProperties[] }).values);
			if (Array.isArray(nested)) walk(nested as INodeProperties[], item.name);
		}
	};
	walk(properties, '');
	return out;
}

/** The option lists the editor shows: the description's (Include's among them), and those it loads per operation (fields of the resource mappers). */
const optionLists: Array<{ parameter: string; options: INodePropertyOptions[] }> = [
	...[new Ampeco().description, new AmpecoTrigger().description].flatMap((d) =>
		d.properties.filter((p) => (p.type === 'options' || p.type === 'multiOptions') && Array.isArray(p.options)).map((p) => ({ parameter: p.name, options: p.options as INodePropertyOptions[] })),
	),
	...catalog.operations.flatMap((op) => [
		...mapperFields([...(op.body?.fields ?? []), ...(op.filters ?? []), ...op.query])
			.filter((f) => f.options)
			.map((f) => ({ parameter: `${op.value} ${f.id}`, options: f.options! })),
	]),
];

const labels: Labelled[] = [
	...labelsOf(new Ampeco().description.properties),
	...labelsOf(new AmpecoTrigger().description.properties),
	...catalog.operations.flatMap((op) => mapperFields([...(op.body?.fields ?? []), ...(op.filters ?? []), ...op.query]).map((f) => ({ parameter: f.id, label: f.displayName }))),
	...optionLists.flatMap(({ parameter, options }) => options.map((o) => ({ parameter, label: o.name, value: o.value }))),
];

test('no option is labelled with a raw lower-case or snake_case API value', () => {
	const options = labels.filter((l) => l.value !== undefined);
	expect(options.length).toBeGreaterThan(4000);
	const raw = options.filter((o) => typeof o.value === 'string' && /^[a-z]|_/.test(o.value) && o.label === o.value);
	expect(raw).toEqual([]);
	expect(options.filter((o) => o.label.includes('_'))).toEqual([]);
});

test('units and acronyms are written as people write them in every label', () => {
	const miswritten = labels.filter((l) => /\b(Kw|Kwh|Id|Ids|Url|Evse|Evses|Ocpp|Ocpi|Vat|Ac|Dc|Soc|Iban|Ip|Cpo)\b/.test(l.label));
	expect(miswritten).toEqual([]);
});

test('options of one parameter never read the same', () => {
	for (const { options } of optionLists) expect(new Set(options.map((o) => o.name)).size).toBe(options.length);
});
