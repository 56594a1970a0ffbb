/**
 * The canvas subtitle: "Update: EVSE", "Get Many: Charge Point", "Reset: Charge Point",
 * "Get Connectors: Charge Point". The editor evaluates it on every render of every AMPECO
 * node, so it is a short expression that reads the words off the operation value
 * ("PATCH /resources/evses/v2.1/{evse}") instead of a table of all operations.
 */

/** Written as plain JavaScript: it runs inside n8n's expression engine, not as compiled code. */
const SUBTITLE_FUNCTION = `(op, res) => {
	const fixed = { api: 'API', cdr: 'CDR', cdrs: 'CDRs', dlm: 'DLM', emaid: 'EMAID', evse: 'EVSE', evses: 'EVSEs', faq: 'FAQ', faqs: 'FAQs', id: 'ID', ids: 'IDs', ocpi: 'OCPI', ocpp: 'OCPP', rfid: 'RFID', soc: 'SoC', vat: 'VAT' };
	const say = (text) => String(text || '').replace(/([a-z])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/).filter(Boolean)
		.map((w, i) => fixed[w = w.toLowerCase()] || (i && /^(and|of|or|to)$/.test(w) ? w : w[0].toUpperCase() + w.slice(1))).join(' ');
	const [method, path] = String(op || '').split(' ');
	if (!path) return say(res);
	const tail = path.split('/').slice(path.split('/').findIndex((s) => /^v\\d/.test(s)) + 1);
	const literals = tail.filter((s) => s[0] !== '{');
	if (path.startsWith('/actions/')) return say(literals.pop()) + ': ' + say(res);
	const one = path.endsWith('}');
	const sub = tail.slice(tail.findIndex((s) => s[0] === '{') + 1 || tail.length).filter((s) => s[0] !== '{')
		.map((s, i, all) => (i < all.length - 1 || one || method === 'POST' ? s.replace(/ies$/, 'y').replace(/([^s])s$/, '$1') : s));
	const verb = { GET: one || sub.length ? 'Get' : 'Get Many', POST: 'Create', PUT: 'Update', PATCH: 'Update', DELETE: 'Delete' }[method];
	return [verb, say(sub.join(' '))].filter(Boolean).join(' ') + ': ' + say(res);
}`;

export const SUBTITLE = `={{(${SUBTITLE_FUNCTION.replace(/\s*\n\s*/g, ' ')})($parameter["operation"], $parameter["resource"])}}`;
