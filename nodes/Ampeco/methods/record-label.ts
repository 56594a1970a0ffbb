/**
 * How a record reads in a "From List" dropdown: its name, then what tells it apart from
 * records with the same name (its own identifier, the record it belongs to, its state) and
 * its ID: "Left · 12-A · Charge Point 12 · Available (#121)".
 */
import type { IDataObject } from 'n8n-workflow';
import { fieldLabel, optionLabel } from '../../shared/text';

/** Fields that name a record, in order of preference; a person's name comes before these. */
const NAME_KEYS = ['name', 'title', 'label', 'displayName', 'idLabel', 'rfidLabel'];
const FALLBACK_NAME_KEYS = ['email', 'code', 'key', 'uid'];

/** The record's own identifiers besides its ID: QR code, card UID, serial number, e-mail. */
const IDENTIFIER_KEYS = ['physicalReference', 'idTagUid', 'rfidTagUid', 'serialNumber', 'email', 'inviteEmail'];

/** The record it belongs to, named by its ID. */
const PARENT_KEYS = ['chargePointId', 'locationId', 'userId', 'partnerId'];

/** Its state; the hardware status says more than an EVSE's enabled/disabled. */
const STATE_KEYS = ['hardwareStatus', 'status'];

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

function nameOf(record: IDataObject): string {
	const first = (keys: string[]) => keys.map((k) => text(record[k])).find(Boolean);
	return first(NAME_KEYS) || [record.firstName, record.lastName].map(text).filter(Boolean).join(' ') || first(FALLBACK_NAME_KEYS) || '';
}

export function recordLabel(record: IDataObject): string {
	const name = nameOf(record);
	const identifiers = IDENTIFIER_KEYS.map((k) => text(record[k])).filter((v) => v && v !== name);
	const parent = PARENT_KEYS.find((k) => text(record[k]));
	const state = STATE_KEYS.map((k) => text(record[k])).find(Boolean);
	const parts = [
		name,
		...new Set(identifiers),
		parent ? `${fieldLabel(parent.replace(/Id$/, ''))} ${text(record[parent])}` : '',
		state ? optionLabel(state) : '',
	].filter(Boolean);
	const id = `#${text(record.id)}`;
	return parts.length ? `${parts.join(' · ')} (${id})` : id;
}
