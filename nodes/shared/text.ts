/**
 * Label rules shared by the catalog generator and the node: API names and values → words
 * people read. Pure functions; labels may change, the names and values they describe never do.
 */

/** Acronyms and terms written in a fixed way, keyed by their lower-case spelling. */
const ACRONYMS: Record<string, string> = {
	ac: 'AC',
	api: 'API',
	cdr: 'CDR',
	cdrs: 'CDRs',
	cp: 'CP',
	cpo: 'CPO',
	csms: 'CSMS',
	dc: 'DC',
	dlm: 'DLM',
	emaid: 'EMAID',
	emsp: 'eMSP',
	emsps: 'eMSPs',
	ev: 'EV',
	evse: 'EVSE',
	evses: 'EVSEs',
	faq: 'FAQ',
	faqs: 'FAQs',
	iban: 'IBAN',
	id: 'ID',
	ids: 'IDs',
	ip: 'IP',
	json: 'JSON',
	mac: 'MAC',
	nacs: 'NACS',
	nema: 'NEMA',
	ocpi: 'OCPI',
	ocpp: 'OCPP',
	pdf: 'PDF',
	qrcode: 'QR Code',
	rfid: 'RFID',
	sasl: 'SASL',
	sepa: 'SEPA',
	soap: 'SOAP',
	soc: 'SoC',
	sms: 'SMS',
	tod: 'TOD',
	tou: 'TOU',
	uid: 'UID',
	url: 'URL',
	vat: 'VAT',
	wlan: 'WLAN',
	// Names spelled by their owners.
	chademo: 'CHAdeMO',
	chaoji: 'ChaoJi',
	paypal: 'PayPal',
	wifi: 'Wi-Fi',
};

/** Units as people write them; at the end of a field name they go in parentheses: "Max Power (kW)". */
const UNITS: Record<string, string> = {
	wh: 'Wh',
	kw: 'kW',
	kwh: 'kWh',
	kg: 'kg',
	cm: 'cm',
	km: 'km',
	minutes: 'Minutes',
	seconds: 'Seconds',
};

/** Words after which a unit reads inline: "Price Per kWh", "Power Below kW", "Period in Minutes". */
const UNIT_INLINE_AFTER = new Set(['per', 'below', 'above', 'exceeds', 'than', 'in', 'of']);

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** A value that is only a weekday abbreviation. */
const WEEKDAYS: Record<string, string> = {
	mon: 'Monday',
	tue: 'Tuesday',
	wed: 'Wednesday',
	thu: 'Thursday',
	fri: 'Friday',
	sat: 'Saturday',
	sun: 'Sunday',
};

/**
 * Parts of the run-together lower-case values OCPP reasons use ("emergencystop",
 * "soclimitreached"): a value made only of these parts is split into them.
 */
const COMPOUND_PARTS = new Set([
	'apple', 'by', 'command', 'credit', 'disconnected', 'emergency', 'energy', 'ev', 'fault', 'google', 'ground', 'hard',
	'immediate', 'limit', 'local', 'loss', 'of', 'out', 'overcurrent', 'pay', 'power', 'quality', 'reached', 'reset', 'soc',
	'soft', 'stop', 'stopped', 'timeout', 'unlock',
]);

/** "chargePointId" / "charge-point_id" → ["charge", "point", "id"]. Identity code (keys, parameter names) uses this. */
export function words(text: string): string[] {
	return text
		.replace(/([a-z0-9])(?=[A-Z][a-z])/g, '$1 ')
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean)
		.map((w) => w.toLowerCase());
}

/**
 * The words of a name or value as written, for labels: camel case and acronym runs split
 * ("CSMSRootCertificate" → CSMS Root Certificate), version numbers and numeric ranges kept
 * ("ocpp 1.6", "nema-5-20" → nema 5-20), "+" kept as a word.
 */
function labelTokens(text: string): string[] {
	return text
		.replace(MIXED_CASE_TERMS, (term) => ` ${term.toLowerCase()} `)
		.replace(/([a-z])(?=[A-Z])/g, '$1 ')
		.replace(/([A-Z0-9])(?=[A-Z](?!s\b)[a-z])/g, '$1 ')
		.replace(/\+/g, ' + ')
		.replace(/(?<!\d)[.-]|[.-](?!\d)/g, ' ')
		.split(/[\s_/]+/)
		.filter(Boolean);
}

/** Terms written in mixed case ("SoC", "eMSP") are not split at their capitals. */
const MIXED_CASE_TERMS = new RegExp(
	`(${Object.values(ACRONYMS)
		.filter((t) => /[a-z]/.test(t) && /[A-Z]/.test(t.slice(1)))
		.join('|')})(?![a-z])`,
	'g',
);

const hasVowel = (w: string) => /[aeiouy]/i.test(w);
const capitalise = (w: string) => w[0].toUpperCase() + w.slice(1).toLowerCase();

/** One word in Title Case, or its fixed spelling. `shouted` tells that the whole text was upper case. */
function wordLabel(token: string, shouted: boolean): string {
	const lower = token.toLowerCase();
	if (ACRONYMS[lower]) return ACRONYMS[lower];
	// Letters and a number: "type1" → Type 1, "ccs1" → CCS1, "ocpp2.0.1" is handled by ACRONYMS + number below.
	const lettersNumber = /^([a-z]+)(\d[\d.]*)$/i.exec(token);
	if (lettersNumber) {
		const [, letters, number] = lettersNumber;
		if (ACRONYMS[letters.toLowerCase()]) return `${ACRONYMS[letters.toLowerCase()]} ${number}`;
		return letters.length <= 3 ? token.toUpperCase() : `${capitalise(letters)} ${number}`;
	}
	// Written in capitals inside mixed case ("CSMS", "V2G"), or with no vowel ("rst", "http"): an abbreviation.
	if (!shouted && /[A-Z]/.test(token) && token === token.toUpperCase() && token.length > 1) return token;
	if (/^[a-z]{2,}$/i.test(token) && !hasVowel(token)) return token.toUpperCase();
	return /^\d/.test(token) ? token : capitalise(token);
}

/** Splits a run-together lower-case value into known parts, fewest parts first; undefined when it is not one. */
function splitCompound(token: string): string[] | undefined {
	if (!/^[a-z]+$/.test(token) || COMPOUND_PARTS.has(token)) return undefined;
	const best: Array<string[] | undefined> = [[]];
	for (let end = 1; end <= token.length; end++) {
		for (let start = 0; start < end; start++) {
			const head = best[start];
			const part = token.slice(start, end);
			if (head && COMPOUND_PARTS.has(part) && (!best[end] || best[end]!.length > head.length + 1)) best[end] = [...head, part];
		}
	}
	const parts = best[token.length];
	return parts && parts.length > 1 ? parts : undefined;
}

interface CaseOptions {
	/** Trailing units in parentheses ("Max Power (kW)"). */
	units?: boolean;
	/** Only the first word capitalised (acronyms kept). */
	sentence?: boolean;
}

function caseTokens(tokens: string[], { units = false, sentence = false }: CaseOptions = {}): string {
	// All in capitals ("AD_HOC_PAYMENT", "AIRPORT"): the capitals say nothing about abbreviations.
	const shouted = tokens.join('').length > 3 && tokens.every((t) => t === t.toUpperCase());
	const last = tokens.length - 1;
	return tokens
		.map((token, i) => {
			const lower = token.toLowerCase();
			if (UNITS[lower] && i > 0 && token !== token.toUpperCase()) {
				const unit = UNITS[lower];
				return units && i === last && !UNIT_INLINE_AFTER.has(tokens[i - 1].toLowerCase()) ? `(${unit})` : unit;
			}
			if (ACRONYMS[lower]) return ACRONYMS[lower];
			if (sentence && i > 0 && /^[a-z]+[,;:]?$/i.test(token) && (shouted || token !== token.toUpperCase() || token.length === 1)) return lower;
			if (i > 0 && i < last && SMALL_WORDS.has(lower)) return lower;
			return wordLabel(token, shouted);
		})
		.join(' ');
}

/** "chargePointId" → "Charge Point ID"; "Get Many EVSEs" stays. First and last words capitalised, small words not. */
export function titleCase(text: string): string {
	return caseTokens(labelTokens(text));
}

/** "Get Many Charge Points" → "Get many charge points" (acronyms kept). */
export function sentenceCase(text: string): string {
	return caseTokens(labelTokens(text), { sentence: true });
}

/** A field's label from its API name: "maxPowerKw" → "Max Power (kW)", "pricePerKwh" → "Price Per kWh", "currentL1" → "Current L1". */
export function fieldLabel(apiName: string): string {
	return caseTokens(labelTokens(apiName), { units: true });
}

/** A path ID parameter's label: the entity it points to ("chargePointId" → "Charge Point"), "ID" kept for identifiers of another kind ("evseNetworkId"). */
export function pathIdLabel(apiName: string): string {
	return /NetworkId$/.test(apiName) ? fieldLabel(apiName) : fieldLabel(apiName.replace(/Id$/, ''));
}

/**
 * An option's label from the raw API value: "ac" → "AC", "out of order" → "Out of Order",
 * "single_phase" → "Single Phase", "mon" → "Monday", "emergencystop" → "Emergency Stop",
 * "ocpp 1.6" → "OCPP 1.6". Codes written in capitals ("EUR", "BG", "SCRAM-SHA-256") stay as they are.
 */
export function optionLabel(apiValue: string | number | boolean): string {
	const value = String(apiValue);
	if (/^[A-Z0-9-]+$/.test(value) && (value.length <= 3 || /\d/.test(value) || !hasVowel(value))) return value;
	const lower = value.toLowerCase();
	if (WEEKDAYS[lower]) return WEEKDAYS[lower];
	const tokens = labelTokens(value).flatMap((t) => splitCompound(t) ?? [t]);
	return tokens.length ? caseTokens(tokens) : value;
}

export function camelCase(text: string): string {
	return words(text)
		.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1)))
		.join('');
}
