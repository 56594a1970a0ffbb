/**
 * Shapes of the generated notification event list (generated/events.ts). Data only: the
 * node description turns it into the Events options, the webhook uses the values.
 */

/** One notification type that `POST /public-api/notifications/v2.0` accepts. */
export interface NotificationEventDef {
	/** AMPECO's notification name, sent in the subscription and in each payload's `notification`. Stored in saved workflows. */
	value: string;
	/** Option label, e.g. "EVSE Changed", "Reservation Changed (Legacy)". */
	name: string;
	/** How n8n's node creator lists it, e.g. "On EVSE changed". */
	action: string;
	/** The spec's `callbacks` entry for this notification is marked deprecated. */
	deprecated?: true;
	/** Values of the non-deprecated notifications that replace a deprecated one. */
	successors?: string[];
	/** In AMPECO's older naming, beside a current event that reads the same. */
	legacy?: true;
	/** Accepted by the subscription endpoint, but the spec documents no payload for it. */
	undocumented?: true;
	/** Top-level property names of the documented payload. */
	fields?: string[];
	/** Values of the payload's `action` property, when it has an enum. */
	actions?: string[];
}

export interface NotificationEventList {
	apiVersion: string;
	/** Sorted by `name` (n8n's rule for option lists). */
	events: NotificationEventDef[];
}
