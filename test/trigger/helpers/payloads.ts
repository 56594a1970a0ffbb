/** Notification payloads as AMPECO delivers them, shared by the jest trigger tests and the e2e trigger scenario. */

/** A session.start.stop.notification payload with the fields the spec documents. */
export const SESSION_STOPPED = {
	notification: 'session.start.stop.notification',
	sessionId: 5012,
	userId: 77,
	chargePointId: 31,
	evseId: 62,
	action: 'stop',
	idTag: 'B4A63CDF',
	startedAtTimestamp: '2024-05-01T08:00:00Z',
	stoppedAtTimestamp: '2024-05-01T09:12:30Z',
	energyConsumed: 18250,
	reason: 'Local',
	lastUpdatedAt: '2024-05-01T09:12:31Z',
};
