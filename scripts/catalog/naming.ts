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

import { camelCase, words } from '../../nodes/Ampeco/shared/text';

export { camelCase, sentenceCase, titleCase, words } from '../../nodes/Ampeco/shared/text';

/** Path parameters whose name is not the key of the resource they identify. */
export const PATH_PARAM_RESOURCES: Record<string, string> = {
	modelId: 'chargePointModel',
	vendorId: 'chargePointVendor',
	dlmCircuit: 'circuit',
	template: 'configurationTemplate',
	evseNetworkId: 'evse',
};

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

/** Every word singular: "evses connectors" → "evse connector". */
export function singularPhrase(text: string): string {
	return words(text).map(singular).join(' ');
}

/** Last word plural, the others singular: "evses connectors" → "evse connectors". */
export function pluralPhrase(text: string): string {
	const parts = words(text).map(singular);
	parts[parts.length - 1] = plural(parts[parts.length - 1]);
	return parts.join(' ');
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
	return RESOURCE_ALIASES[shape.entity] ?? camelCase(singularPhrase(shape.entity));
}

/** The stable identity of an endpoint. */
export function operationValue(method: string, path: string): string {
	return `${method.toUpperCase()} ${path.replace(/^\/public-api/, '')}`;
}
