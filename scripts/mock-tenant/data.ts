/**
 * A small, believable AMPECO tenant: locations, charge points with their EVSEs, users with
 * ID tags, tariffs and a week of charging sessions. Deterministic (seeded), with times
 * relative to `now`, so "yesterday's sessions" always exist. Field names and enums follow
 * the response schemas of openapi-3.110.0.json.
 */

export type Row = Record<string, unknown> & { id: number | string };

export interface Dataset {
	locations: Row[];
	chargePoints: Row[];
	evses: Row[];
	users: Row[];
	idTags: Row[];
	rfidTags: Row[];
	tariffGroups: Row[];
	tariffs: Row[];
	sessions: Row[];
	currencies: Row[];
	/** Latest hardware status log of each EVSE, by EVSE id. */
	evseStatusLogs: Map<number, Record<string, unknown>>;
}

/** mulberry32: a tiny seeded generator, so every run serves the same tenant. */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const translated = (text: string) => [{ locale: 'en', translation: text }];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const SITES = [
	{ name: 'Sofia Business Park', city: 'Sofia', country: 'BG', postCode: '1766', street: 'Mladost 4, Business Park Sofia', lat: 42.6245, lng: 23.3727, timezone: 'Europe/Sofia' },
	{ name: 'Plovdiv Mall Parking', city: 'Plovdiv', country: 'BG', postCode: '4000', street: 'bul. Bulgaria 126', lat: 42.1617, lng: 24.7318, timezone: 'Europe/Sofia' },
	{ name: 'Amsterdam Zuid Garage', city: 'Amsterdam', country: 'NL', postCode: '1082 MS', street: 'Gustav Mahlerlaan 10', lat: 52.3385, lng: 4.8736, timezone: 'Europe/Amsterdam' },
	{ name: 'Munich Riem Depot', city: 'München', country: 'DE', postCode: '81829', street: 'Messestraße 1', lat: 48.1351, lng: 11.6993, timezone: 'Europe/Berlin' },
];

const FIRST = ['Maria', 'Georgi', 'Elena', 'Ivan', 'Sophie', 'Lukas', 'Anna', 'Daan', 'Petya', 'Jonas', 'Emma', 'Nikolay'];
const LAST = ['Petrova', 'Dimitrov', 'Ivanova', 'Georgiev', 'de Vries', 'Müller', 'Schmidt', 'Jansen', 'Stoyanova', 'Weber', 'Bakker', 'Kolev'];

export function createDataset(now = new Date()): Dataset {
	const rnd = random(20240611);
	const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
	const t0 = now.getTime();
	const created = iso(t0 - 400 * DAY);

	const locations: Row[] = SITES.map((site, i) => ({
		id: i + 1,
		externalId: `SITE-${String(i + 1).padStart(3, '0')}`,
		name: translated(site.name),
		description: translated(`${site.name}: public charging, open 24/7.`),
		geoposition: { latitude: site.lat, longitude: site.lng },
		address: translated(site.street),
		city: site.city,
		region: null,
		country: site.country,
		postCode: site.postCode,
		timezone: site.timezone,
		parkingType: i === 2 ? 'PARKING_GARAGE' : 'PARKING_LOT',
		roamingOperatorId: 1,
		tags: ['demo'],
		status: 'enabled',
		lastUpdatedAt: iso(t0 - (30 + i) * DAY),
	}));

	const tariffs: Row[] = [
		{ id: 1, name: 'Standard AC', type: 'energy tou', pricing: { pricePerKwh: 0.39, connectionFee: 0 }, lastUpdatedAt: iso(t0 - 90 * DAY) },
		{ id: 2, name: 'Fast DC', type: 'duration+energy', pricing: { pricePerKwh: 0.59, pricePeriodInMinutes: 1, pricePerPeriod: 0.05 }, lastUpdatedAt: iso(t0 - 90 * DAY) },
		{ id: 3, name: 'Fleet', type: 'flat rate', pricing: { pricePerKwh: 0.29 }, lastUpdatedAt: iso(t0 - 60 * DAY) },
		{ id: 4, name: 'Free for staff', type: 'free', pricing: {}, lastUpdatedAt: iso(t0 - 60 * DAY) },
	];
	const tariffGroups: Row[] = [
		{ id: 1, name: 'Public AC', tariffIds: [1], partnerId: null, lastUpdatedAt: iso(t0 - 80 * DAY) },
		{ id: 2, name: 'Public DC', tariffIds: [2], partnerId: null, lastUpdatedAt: iso(t0 - 80 * DAY) },
		{ id: 3, name: 'Fleet customers', tariffIds: [3, 4], partnerId: null, lastUpdatedAt: iso(t0 - 20 * DAY) },
	];

	// 12 charge points, 3 per location; two of them are faulted (see the alert example).
	const chargePoints: Row[] = [];
	const evses: Row[] = [];
	const evseStatusLogs = new Map<number, Record<string, unknown>>();
	for (let i = 0; i < 12; i++) {
		const id = 11 + i;
		const locationId = (i % 4) + 1;
		const dc = i % 3 === 2;
		const faulted = id === 14 || id === 19;
		const vendor = dc ? pick(['Alpitronic', 'Kempower', 'ABB']) : pick(['Alfen', 'Wallbox', 'ABB', 'Ekoenergetika']);
		chargePoints.push({
			id,
			name: `${SITES[locationId - 1].city.slice(0, 3).toUpperCase()}-${dc ? 'DC' : 'AC'}-${String(id).padStart(3, '0')}`,
			type: 'public',
			locationId,
			networkType: pick(['cellular', 'ethernet']),
			status: 'enabled',
			managedByOperator: true,
			externalId: `CP${id}`,
			network: { id: `AMP${1000 + id}`, protocol: 'ocpp 1.6' },
			capabilities: ['remote_start_stop_capable', 'meter_values'],
			autoStartWithoutAuthorization: false,
			disableAutoStartEmulation: false,
			enableAutoFaultRecovery: true,
			communicationMode: 'direct_ocpp',
			security: { desiredProfile: 1, currentProfile: 1, hardwareEnabledProfile: 2, desiredProfileStatus: 'applied' },
			lastBootNotification: {
				model: dc ? 'HYC150' : 'Eve Double Pro',
				vendor,
				chargePointSerialNumber: `SN${100000 + id * 37}`,
				firmwareVersion: dc ? '2.4.1' : '6.3.2',
				lastUpdatedAt: iso(t0 - (i + 1) * 3 * HOUR),
			},
			networkStatus: faulted && id === 19 ? 'temporarily_unavailable' : 'available',
			hardwareStatus: faulted ? 'faulted' : 'available',
			vendorErrorCode: faulted ? 'E-0x21' : '',
			tags: [dc ? 'dc' : 'ac'],
			usesRenewableEnergy: locationId === 3,
			createdAt: created,
			lastUpdatedAt: iso(t0 - (i + 2) * HOUR),
		});
		for (let n = 1; n <= 2; n++) {
			const evseId = id * 10 + n;
			const evseFaulted = faulted && n === 1;
			evses.push({
				id: evseId,
				chargePointId: id,
				physicalReference: `${id}-${n === 1 ? 'A' : 'B'}`,
				label: n === 1 ? 'Left' : 'Right',
				currentType: dc ? 'dc' : 'ac',
				networkId: String(n),
				status: 'enabled',
				tariffGroupId: dc ? 2 : 1,
				allowsReservation: !dc,
				bookingEnabled: false,
				powerOptions: { maxPower: dc ? 150000 : 22000, maxVoltage: dc ? '400' : '230', maxAmperage: dc ? 375 : 32, phases: 'three_phase' },
				externalId: `EVSE${evseId}`,
				roamingOperatorId: 1,
				hardwareStatus: evseFaulted ? 'unavailable' : pick(['available', 'available', 'charging', 'preparing']),
				connectors: [{ id: evseId * 10 + 1, type: dc ? 'ccs2' : 'type2', format: dc ? 'cable' : 'socket', status: 'enabled' }],
				createdAt: created,
				lastUpdatedAt: iso(t0 - (i + n) * HOUR),
			});
			evseStatusLogs.set(evseId, {
				status: evseFaulted ? 'Faulted' : 'Available',
				timestamp: iso(t0 - (evseFaulted ? 95 : 600) * 60_000),
				errorCode: evseFaulted ? 'GroundFailure' : 'NoError',
				vendorId: vendor,
				info: evseFaulted ? 'Residual current detected' : '',
				vendorErrorCode: evseFaulted ? 'E-0x21' : '',
				errorCodeDescription: evseFaulted ? 'Ground fault circuit interrupter has been activated.' : '',
				errorCodeCustomerAction: evseFaulted ? 'Unplug the vehicle and try another connector.' : '',
			});
		}
	}

	// 40 users; every 8th is disabled (blocked), each user has one or two ID tags.
	const users: Row[] = [];
	const idTags: Row[] = [];
	for (let i = 0; i < 40; i++) {
		const id = 1001 + i;
		const first = FIRST[i % FIRST.length];
		const last = LAST[(i * 5) % LAST.length];
		users.push({
			id: String(id),
			email: `${first}.${last}.${id}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
			emailVerified: iso(t0 - (200 - i) * DAY),
			requirePasswordReset: false,
			firstName: first,
			lastName: last,
			phone: `+359888${String(100000 + id).slice(-6)}`,
			country: i % 3 === 0 ? 'NL' : 'BG',
			city: i % 3 === 0 ? 'Amsterdam' : 'Sofia',
			locale: i % 3 === 0 ? 'nl' : 'bg',
			balance: Math.round(rnd() * 50) + 0.5,
			status: i % 8 === 5 ? 'disabled' : 'enabled',
			userGroupIds: i % 4 === 0 ? [2] : [1],
			externalId: null,
			options: { sessionsAllowed: 'single_session' },
			receiveNewsAndPromotions: i % 2 === 0,
			createdAt: iso(t0 - (300 - i) * DAY),
			createdBy: 'mobile_app',
			lastUpdatedAt: iso(t0 - (i % 20) * DAY),
		});
		for (let k = 0; k < (i % 3 === 0 ? 2 : 1); k++) {
			const tagId = 5001 + idTags.length;
			const uid = `04${(0xa1b2c3 + tagId * 7919).toString(16).toUpperCase().padStart(8, '0')}`;
			idTags.push({
				id: tagId,
				idTagUid: uid,
				idLabel: `${first}'s ${k === 0 ? 'card' : 'key fob'}`,
				expireAt: null,
				createdAt: iso(t0 - (250 - i) * DAY),
				status: 'enabled',
				type: 'rfid',
				userId: id,
				externalId: null,
				partnerId: null,
				lastUpdatedAt: iso(t0 - (i % 30) * DAY),
			});
		}
	}

	// The older RFID tag resource: the same tags under its own field names.
	const rfidTags: Row[] = idTags.map(({ idTagUid, idLabel, type: _type, externalId: _externalId, partnerId: _partnerId, ...tag }) => ({ ...tag, rfidTagUid: idTagUid, rfidLabel: idLabel }));

	// 250 sessions over the last 7 days (enough for three pages of 100); the newest few are still charging.
	const sessions: Row[] = [];
	const startOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
	for (let i = 0; i < 250; i++) {
		const evse = evses[Math.floor(rnd() * evses.length)];
		const dc = evse.currentType === 'dc';
		const user = users[Math.floor(rnd() * users.length)];
		const day = 6 - Math.floor(i / 36); // 36 sessions a day, oldest first
		const startedMs = Math.min(startOfToday - day * DAY + Math.floor(rnd() * DAY), t0 - 5 * 60_000);
		const minutes = dc ? 15 + Math.floor(rnd() * 40) : 45 + Math.floor(rnd() * 300);
		const active = i >= 246;
		const energy = Math.round((dc ? 80 : 7) * (minutes / 60) * 1000 * (0.6 + rnd() * 0.4)); // Wh
		const price = dc ? 0.59 : 0.39;
		const withoutTax = Math.round((energy / 1000) * price * 100) / 100;
		const tag = idTags.find((t) => t.userId === Number(user.id))!;
		sessions.push({
			id: String(880001 + i),
			chargePointId: evse.chargePointId,
			evseId: evse.id,
			connectorId: (evse.connectors as Array<{ id: number }>)[0].id,
			status: active ? 'active' : 'finished',
			reason: active ? null : 'standard_stop',
			userId: Number(user.id),
			authorizationId: 600001 + i,
			startedAt: iso(startedMs),
			stoppedAt: active ? null : iso(startedMs + minutes * 60_000),
			energy,
			energyConsumption: { total: energy, local: 0, grid: energy },
			billingStatus: active ? 'pending' : 'completed',
			powerKw: active ? (dc ? 92.4 : 10.8) : 0,
			socPercent: dc ? 20 + Math.floor(rnd() * 70) : 0,
			amount: withoutTax,
			totalAmount: { withTax: Math.round(withoutTax * 120) / 100, withoutTax },
			tax: { taxId: 1, taxPercentage: 20 },
			currency: 'EUR',
			paymentType: pick(['tokenized', 'balance', 'subscription', 'corporate']),
			paymentStatus: active ? 'pending' : 'paid',
			idTag: tag.idTagUid,
			idTagLabel: tag.idLabel,
			evsePhysicalReference: evse.physicalReference,
			lastUpdatedAt: iso(active ? t0 - 60_000 : startedMs + minutes * 60_000),
		});
	}

	const currencies: Row[] = [
		{ id: 1, name: 'EUR (Euro)', alphabeticCode: 'EUR', numericCode: '978', prefix: '€', suffix: null, decimal: 2, enableUseOfMinorCurrencyUnit: true, minorUnitSign: 'c' },
		{ id: 2, name: 'BGN (Bulgarian lev)', alphabeticCode: 'BGN', numericCode: '975', prefix: null, suffix: 'лв', decimal: 2, enableUseOfMinorCurrencyUnit: true, minorUnitSign: 'ст' },
	];

	return { locations, chargePoints, evses, users, idTags, rfidTags, tariffGroups, tariffs, sessions, currencies, evseStatusLogs };
}
