/** Label helpers shared by the catalog generator and the node description. */

const ACRONYMS: Record<string, string> = {
	evse: 'EVSE',
	evses: 'EVSEs',
	id: 'ID',
	ids: 'IDs',
	rfid: 'RFID',
	cdr: 'CDR',
	cdrs: 'CDRs',
	faq: 'FAQ',
	faqs: 'FAQs',
	ocpi: 'OCPI',
	ocpp: 'OCPP',
	cp: 'CP',
	dlm: 'DLM',
	emaid: 'EMAID',
	api: 'API',
	url: 'URL',
	vat: 'VAT',
	sms: 'SMS',
	soc: 'SoC',
	pdf: 'PDF',
};

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** "chargePointId" / "charge-point_id" → ["charge", "point", "id"]. */
export function words(text: string): string[] {
	return text
		.replace(/([a-z0-9])(?=[A-Z][a-z])/g, '$1 ')
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean)
		.map((w) => w.toLowerCase());
}

export function titleCase(text: string): string {
	return words(text)
		.map((w, i) => ACRONYMS[w] ?? (i > 0 && SMALL_WORDS.has(w) ? w : w[0].toUpperCase() + w.slice(1)))
		.join(' ');
}

/** "Get Many Charge Points" → "Get many charge points" (acronyms kept). */
export function sentenceCase(text: string): string {
	return words(text)
		.map((w, i) => ACRONYMS[w] ?? (i === 0 ? w[0].toUpperCase() + w.slice(1) : w))
		.join(' ');
}

export function camelCase(text: string): string {
	return words(text)
		.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1)))
		.join('');
}
