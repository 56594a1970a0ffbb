/**
 * Names derived from an endpoint's path. Resource keys and operation values come from
 * method + path only, because AMPECO renames summaries and operationIds between versions
 * and saved workflows store these values.
 */

/** Path entities that are spelled differently from the resource they belong to. Frozen: changing one breaks saved workflows. */
const RESOURCE_ALIASES: Record<string, string> = {
	'cp-models': 'chargePointModel',
	'cp-vendors': 'chargePointVendor',
	'security-events-log': 'securityEventLog',
	'terms-and-policies': 'termsAndPolicies',
	settings: 'settings',
	notifications: 'notification',
};

import { camelCase, words } from '../../nodes/shared/text';

export { camelCase, sentenceCase, titleCase, words } from '../../nodes/shared/text';

/** Path parameters whose name is not the key of the resource they identify. */
export const PATH_PARAM_RESOURCES: Record<string, string> = {
	modelId: 'chargePointModel',
	vendorId: 'chargePointVendor',
	dlmCircuit: 'circuit',
	template: 'configurationTemplate',
	evseNetworkId: 'evse',
};

/** Nouns whose plural and singular are spelled alike, or that are only used in the plural. */
const SAME_IN_SINGULAR = new Set(['series', 'stats', 'details', 'data', 'settings']);

/** Singular for identities (resource keys): frozen, saved workflows store its results. */
export function singular(word: string): string {
	if (/ies$/.test(word)) return word.replace(/ies$/, 'y');
	if (/(x|ch|sh|ss)es$/.test(word)) return word.replace(/es$/, '');
	if (/(ss|us|is)$/.test(word)) return word;
	return word.replace(/s$/, '');
}

export function plural(word: string): string {
	if (/s$/.test(word)) return word;
	if (/[^aeiou]y$/.test(word)) return word.replace(/y$/, 'ies');
	if (/(x|ch|sh)$/.test(word)) return `${word}es`;
	return `${word}s`;
}

/** Singular in a label: "series" and "details" stay as they are. */
function singularNoun(word: string): string {
	return SAME_IN_SINGULAR.has(word) ? word : singular(word);
}

/** Every word singular: "evses connectors" → "evse connector". */
export function singularPhrase(text: string): string {
	return words(text).map(singularNoun).join(' ');
}

/**
 * Last word plural, the others singular: "evses connectors" → "evse connectors". Nouns joined
 * by "and" keep their number: "terms and policies", "installation and maintenance companies".
 */
export function pluralPhrase(text: string): string {
	const all = words(text);
	const parts = all.map((w, i) => (all[i - 1] === 'and' || all[i + 1] === 'and' ? w : singularNoun(w)));
	parts[parts.length - 1] = plural(parts[parts.length - 1]);
	return parts.join(' ');
}

const ARTICLES = new Set(['a', 'an', 'the']);
const PREPOSITIONS = new Set(['to', 'from', 'with', 'without', 'for', 'on', 'in', 'of', 'by', 'into']);

/** The preposition that ties an action's object to the record it acts on; "of" unless the verb asks for another. */
const VERB_PREPOSITIONS: Record<string, string> = {
	add: 'to',
	apply: 'to',
	assign: 'to',
	attach: 'to',
	send: 'to',
	subscribe: 'to',
	detach: 'from',
	delete: 'from',
	unsubscribe: 'from',
	install: 'on',
	start: 'on',
	stop: 'on',
	trigger: 'on',
	activate: 'for',
	check: 'for',
	create: 'for',
	issue: 'for',
	redeem: 'for',
	reissue: 'for',
	resend: 'for',
	retry: 'for',
};

/**
 * An action's own name from AMPECO's summary, without what the resource already says:
 * articles, the resource's name ("Trigger Message Charge Point" → "Trigger Message",
 * "Set Circuit SoC Priority" → "Set SoC Priority") and "with <resource> ID" (the record
 * is picked by that ID anyway: "Start Charging with EVSE ID" → "Start Charging").
 */
export function actionVerb(summary: string, resource: string): string {
	const own = words(resource).join(' ');
	let text = ` ${words(summary)
		.filter((w) => !ARTICLES.has(w))
		.join(' ')} `;
	text = text.replace(` with ${own} id `, ' ');
	const first = text.trim().split(' ')[0];
	if (text.trim() !== `${first} ${own}`) {
		if (text.endsWith(` ${own} `)) text = text.slice(0, -own.length - 1);
		else if (text.startsWith(` ${first} ${own} `)) text = text.replace(` ${own} `, ' ');
	}
	return text.trim();
}

/**
 * How an action reads in n8n's actions list, the resource named where English puts it:
 * "Reset charge point", "Change availability of charge point", "Assign session to user",
 * "Move EVSEs of charge point to satellite", "Resend failed notification". An action on no
 * particular record names no record: "Validate VAT number".
 */
export function actionPhrase(verb: string, resource: string, addressesRecord: boolean): string {
	const [first, ...rest] = words(verb);
	const phrase = (parts: string[]) => parts.join(' ');
	const preposition = VERB_PREPOSITIONS[first] ?? 'of';
	const own = words(resource).join(' ');
	if (!rest.length) return phrase([first, ...(VERB_PREPOSITIONS[first] ? [preposition] : []), addressesRecord ? own : pluralPhrase(own)]);
	if (!addressesRecord) return phrase([first, ...rest]);
	if (PREPOSITIONS.has(rest[0])) return phrase([first, own, ...rest]);
	if (rest.length === 1 && rest[0].endsWith('ed')) return phrase([first, rest[0], own]);
	const at = rest.findIndex((w) => PREPOSITIONS.has(w));
	const object = at < 0 ? rest : rest.slice(0, at);
	const tail = at < 0 ? [] : rest.slice(at);
	return phrase([first, ...object, preposition, own, ...tail]);
}

export interface PathShape {
	/** "resources", "actions", "notifications" or "logs". */
	area: string;
	entity: string;
	version: string;
	/** Segments after the version. */
	tail: string[];
}

const VERSION = /^v\d+(\.\d+)*$/;

export function parsePath(path: string): PathShape {
	const segments = path.replace(/^\/public-api\//, '').split('/');
	const area = segments[0];
	const versionAt = segments.findIndex((s) => VERSION.test(s));
	if (versionAt < 1) throw new Error(`Unexpected AMPECO path (no version segment): ${path}`);
	const before = segments.slice(1, versionAt);
	// /notifications/v2.0 has no entity segment; /logs/ocpi/v1.0 names the log kind.
	const entity = area === 'logs' ? `${before.join('-')}-logs` : before.join('-') || area;
	return { area, entity, version: segments[versionAt], tail: segments.slice(versionAt + 1) };
}

export function isParam(segment: string): boolean {
	return segment.startsWith('{') && segment.endsWith('}');
}

export function resourceKeyOf(shape: PathShape): string {
	return RESOURCE_ALIASES[shape.entity] ?? camelCase(words(shape.entity).map(singular).join(' '));
}

/** The stable identity of an endpoint. */
export function operationValue(method: string, path: string): string {
	return `${method.toUpperCase()} ${path.replace(/^\/public-api/, '')}`;
}
