/**
 * The node's behaviours that only a real n8n proves: parameters as a saved workflow
 * stores them, n8n's credential injection and HTTP helpers, paging, bodies, errors and
 * Continue On Fail. Each scenario is one workflow; its check reads the items n8n produced
 * and the requests the mock tenant received (each already validated against the spec).
 */
import assert from 'node:assert/strict';
import { body, callSet, calls, plain, query, type Scenario } from './context';
import { ampeco, byId, linearWorkflow, manualTrigger, mapped } from '../../scripts/n8n/workflow';

const NODE = 'AMPECO';
/** EVSE → Update (v2.0): required and optional fields, entered in Body Fields and sent as the body. */
const EVSE_UPDATE = { physicalReference: '17-B', type: 'ac', networkId: '2', status: 'active', allowsReservation: true, maxVoltage: '230', phases: 'three_phase', tariffGroupId: 3, maxPowerKw: 22 };

export const scenarios: Scenario[] = [
	{
		title: 'Get Many with Return All follows links.next over several pages',
		workflow: linearWorkflow('e2eGetManyAll01', 'e2e: sessions, return all', [
			manualTrigger(),
			ampeco(NODE, { resource: 'session', operation: 'GET /resources/sessions/v1.0', returnAll: true }),
		]),
		check({ items, requests, tenant }) {
			const expected = tenant.data.sessions.map((s) => s.id);
			assert.deepEqual(
				items(NODE).map((i) => i.json.id),
				expected,
				'every session, in order',
			);
			assert.equal(requests.length, Math.ceil(expected.length / 100), 'one request per page of 100');
			assert.ok(requests.length >= 3, 'several pages');
			requests.forEach((r, i) => {
				assert.equal(query(r).get('per_page'), '100');
				assert.equal(query(r).has('cursor'), i > 0, `request ${i + 1} carries the cursor from links.next`);
			});
		},
	},
	{
		title: 'Get Many with Limit and a filter',
		workflow: linearWorkflow('e2eGetManyLim01', 'e2e: charge points, limit + filter', [
			manualTrigger(),
			ampeco(NODE, { resource: 'chargePoint', operation: 'GET /resources/charge-points/v2.0', returnAll: false, limit: 2, filters: mapped({ locationId: '2' }) }),
		]),
		check({ items, requests, tenant }) {
			const atLocation = tenant.data.chargePoints.filter((cp) => cp.locationId === 2).map((cp) => cp.id);
			assert.deepEqual(
				items(NODE).map((i) => i.json.id),
				atLocation.slice(0, 2),
			);
			assert.equal(requests.length, 1);
			assert.equal(query(requests[0]).get('per_page'), '2');
			assert.equal(query(requests[0]).get('filter[locationId]'), '2');
		},
	},
	{
		title: 'Get by ID (resource locator, By ID)',
		workflow: linearWorkflow('e2eGetById00001', 'e2e: charge point by ID', [
			manualTrigger(),
			ampeco(NODE, { resource: 'chargePoint', operation: 'GET /resources/charge-points/v2.0/{chargePoint}', chargePoint: byId(17) }),
		]),
		check({ items, requests, tenant }) {
			assert.deepEqual(calls(requests), ['GET /resources/charge-points/v2.0/17']);
			assert.deepEqual(
				items(NODE).map((i) => i.json),
				[plain(tenant.data.chargePoints.find((cp) => cp.id === 17))],
			);
		},
	},
	{
		title: 'Create with body fields (the resource mapper: required and optional fields, JSON for objects and lists)',
		workflow: linearWorkflow('e2eCreateForm01', 'e2e: create charge point from fields', [
			manualTrigger(),
			ampeco(NODE, {
				resource: 'chargePoint',
				operation: 'POST /resources/charge-points/v2.0',
				bodyFields: mapped({
					name: 'E2E-AC-001',
					type: 'public',
					status: 'enabled',
					locationId: 2,
					externalId: 'E2E-1',
					managedByOperator: true,
					tags: '["e2e", "ac"]',
					network: '{ "protocol": "ocpp 1.6", "id": "E2E0001" }',
				}),
			}),
		]),
		check({ items, requests }) {
			assert.deepEqual(calls(requests), ['POST /resources/charge-points/v2.0']);
			const sent = {
				name: 'E2E-AC-001',
				type: 'public',
				status: 'enabled',
				locationId: 2,
				externalId: 'E2E-1',
				managedByOperator: true,
				tags: ['e2e', 'ac'],
				network: { protocol: 'ocpp 1.6', id: 'E2E0001' },
			};
			assert.deepEqual(body(requests[0]), sent);
			assert.equal(requests[0].headers['content-type'], 'application/json');
			const [created] = items(NODE);
			assert.equal(typeof created.json.id, 'number');
			assert.deepEqual({ ...created.json, id: undefined, createdAt: undefined, lastUpdatedAt: undefined }, { ...sent, id: undefined, createdAt: undefined, lastUpdatedAt: undefined });
		},
	},
	{
		title: 'Create with Send Body As: JSON',
		workflow: linearWorkflow('e2eCreateJson01', 'e2e: create user from JSON', [
			manualTrigger(),
			ampeco(NODE, {
				resource: 'user',
				operation: 'POST /resources/users/v1.0',
				sendBodyAs: 'json',
				jsonBody: '{ "email": "new.driver@example.com", "password": "S3cret-pass!", "first_name": "New", "last_name": "Driver", "locale": "en", "userGroupIds": [1] }',
			}),
		]),
		check({ items, requests }) {
			assert.deepEqual(calls(requests), ['POST /resources/users/v1.0']);
			assert.deepEqual(body(requests[0]), { email: 'new.driver@example.com', password: 'S3cret-pass!', first_name: 'New', last_name: 'Driver', locale: 'en', userGroupIds: [1] });
			const [user] = items(NODE);
			assert.equal(user.json.email, 'new.driver@example.com');
			assert.equal(user.json.password, undefined, 'the tenant does not echo passwords');
		},
	},
	{
		title: 'Action: Start Charging Session',
		workflow: linearWorkflow('e2eActionStart1', 'e2e: start charging session', [
			manualTrigger(),
			ampeco(NODE, {
				resource: 'chargePoint',
				operation: 'POST /actions/charge-point/v1.0/{chargePoint}/start/{evse}',
				chargePoint: byId(17),
				evse: byId(171),
				bodyFields: mapped({ userId: 1005 }),
			}),
		]),
		check({ items, requests, tenant }) {
			assert.deepEqual(calls(requests), ['POST /actions/charge-point/v1.0/17/start/171']);
			assert.deepEqual(body(requests[0]), { userId: 1005 });
			const [started] = items(NODE);
			assert.equal(started.json.success, true);
			const session = tenant.data.sessions.find((s) => Number(s.id) === started.json.sessionId);
			assert.ok(session, 'the returned sessionId exists on the tenant');
			assert.equal(session.evseId, 171);
		},
	},
	{
		title: 'EVSE Update (v2.0, Deprecated): PUT with required and optional fields',
		workflow: linearWorkflow('e2eEvseUpdate01', 'e2e: EVSE update v2.0', [
			manualTrigger(),
			ampeco(NODE, { resource: 'evse', operation: 'PUT /resources/evses/v2.0/{evse}', evse: byId(172), bodyFields: mapped(EVSE_UPDATE) }),
		]),
		check({ items, requests }) {
			assert.deepEqual(calls(requests), ['PUT /resources/evses/v2.0/172']);
			assert.deepEqual(body(requests[0]), EVSE_UPDATE);
			const [evse] = items(NODE);
			assert.equal(evse.json.id, 172);
			assert.equal(evse.json.tariffGroupId, 3);
		},
	},
	{
		title: 'Update with no field set sends {} (the API requires a body)',
		workflow: linearWorkflow('e2eEmptyUpdate1', 'e2e: update with empty body', [
			manualTrigger(),
			ampeco(NODE, { resource: 'chargePoint', operation: 'PATCH /resources/charge-points/v2.0/{chargePoint}', chargePoint: byId(17), bodyFields: mapped({}) }),
		]),
		check({ items, requests }) {
			assert.deepEqual(calls(requests), ['PATCH /resources/charge-points/v2.0/17']);
			assert.equal(requests[0].body, '{}');
			assert.equal(requests[0].headers['content-type'], 'application/json');
			assert.equal(items(NODE)[0].json.id, 17);
		},
	},
	{
		title: 'Error with Continue On Fail: 404 becomes an error item paired with its input',
		workflow: linearWorkflow('e2eContinueFail', 'e2e: continue on fail', [
			manualTrigger(),
			{ name: 'IDs', type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { mode: 'raw', jsonOutput: '{ "ids": [17, 999999, 12] }', options: {} } },
			{ name: 'One item per ID', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'ids', options: {} } },
			ampeco(NODE, { resource: 'chargePoint', operation: 'GET /resources/charge-points/v2.0/{chargePoint}', chargePoint: byId('={{ $json.ids }}') }, { continueOnFail: true }),
		]),
		check({ items, requests }) {
			assert.deepEqual(callSet(requests), ['GET /resources/charge-points/v2.0/12', 'GET /resources/charge-points/v2.0/17', 'GET /resources/charge-points/v2.0/999999']);
			const out = items(NODE);
			assert.equal(out.length, 3);
			assert.equal(out[0].json.id, 17);
			assert.match(String(out[1].json.error), /failed with HTTP 404/);
			assert.equal(out[2].json.id, 12);
			assert.deepEqual(
				out.map((i) => i.pairedItem),
				[{ item: 0 }, { item: 1 }, { item: 2 }],
			);
		},
	},
	{
		title: 'Error with Continue On Fail: 422 field errors are described',
		workflow: linearWorkflow('e2eFieldErrors1', 'e2e: 422 field errors', [
			manualTrigger(),
			ampeco(
				NODE,
				{ resource: 'user', operation: 'POST /resources/users/v1.0', bodyFields: mapped({ email: 'maria.petrova.1001@example.com', password: 'another-pass-1' }) },
				{ continueOnFail: true },
			),
		]),
		check({ items, requests }) {
			assert.deepEqual(calls(requests), ['POST /resources/users/v1.0']);
			const [failed] = items(NODE);
			assert.match(String(failed.json.error), /failed with HTTP 422: The email has already been taken/);
			assert.match(String(failed.json.description), /email: The email has already been taken\./);
		},
	},
	{
		title: 'Error without Continue On Fail stops the execution with the API error',
		expectError: true,
		workflow: linearWorkflow('e2eErrorStops01', 'e2e: error stops the workflow', [
			manualTrigger(),
			ampeco(NODE, { resource: 'chargePoint', operation: 'GET /resources/charge-points/v2.0/{chargePoint}', chargePoint: byId(999999) }),
		]),
		check({ result, requests }) {
			assert.deepEqual(calls(requests), ['GET /resources/charge-points/v2.0/999999']);
			const error = result.run?.data.resultData.error;
			assert.ok(error, 'the run reports an error');
			assert.match(error.message, /failed with HTTP 404/);
		},
	},
];
