/**
 * The workflows in examples/, run as shipped (Manual Trigger start) against the mock
 * tenant, with what each must have done.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { REPO_ROOT } from '../../scripts/n8n/config';
import { body, callSet, query, type Scenario } from './context';
import type { Workflow } from '../../scripts/n8n/workflow';

function example(file: string): Workflow {
	return JSON.parse(readFileSync(join(REPO_ROOT, 'examples', file), 'utf8'));
}

type Check = Scenario['check'];

const checks: Record<string, { title: string; check: Check }> = {
	'export-yesterdays-sessions.json': {
		title: "Example: export yesterday's sessions to CSV",
		check({ items, requests, tenant, binaryText }) {
			assert.ok(requests.length >= 1);
			const q = query(requests[0]);
			const after = q.get('filter[startedAfter]')!;
			const before = q.get('filter[startedBefore]')!;
			assert.equal(q.get('filter[status]'), 'finished');
			assert.equal(Date.parse(before) - Date.parse(after), 24 * 3600 * 1000, 'a one-day window');
			const expected = tenant.data.sessions
				.filter((s) => s.status === 'finished' && Date.parse(String(s.startedAt)) >= Date.parse(after) && Date.parse(String(s.startedAt)) < Date.parse(before))
				.map((s) => s.id);
			assert.ok(expected.length > 0, 'the tenant has sessions from yesterday');
			const rows = items('Pick columns');
			assert.deepEqual(
				rows.map((r) => r.json.sessionId),
				expected,
			);
			assert.deepEqual(Object.keys(rows[0].json), ['sessionId', 'startedAt', 'stoppedAt', 'chargePointId', 'evse', 'userId', 'energyKwh', 'amountWithTax', 'currency', 'paymentStatus']);
			const [file] = items('Sessions CSV');
			const binary = file.binary?.data;
			assert.ok(binary, 'a binary file "data"');
			assert.match(String(binary.fileName), /^sessions-\d{4}-\d{2}-\d{2}\.csv$/);
			const csv = binaryText(binary).replace(/^\uFEFF/, '').trim().split('\n');
			assert.equal(csv.length, expected.length + 1, 'a header row and one row per session');
			assert.match(csv[0], /^sessionId,startedAt,stoppedAt,chargePointId/);
			assert.ok(csv[1].startsWith(`${expected[0]},`), 'rows in listing order');
		},
	},
	'bulk-assign-tariff-group.json': {
		title: 'Example: assign a tariff group to all EVSEs of a location',
		check({ items, requests, tenant }) {
			const cps = tenant.data.chargePoints.filter((cp) => cp.locationId === 2).map((cp) => cp.id);
			const evses = tenant.data.evses.filter((e) => cps.includes(e.chargePointId as number));
			const patches = requests.filter((r) => r.method === 'PATCH');
			assert.deepEqual(callSet(patches), evses.map((e) => `PATCH /resources/evses/v2.1/${e.id}`).sort());
			for (const patch of patches) assert.deepEqual(body(patch), { tariffGroupId: 3 });
			assert.ok(evses.every((e) => e.tariffGroupId === 3), 'the tenant now has them in group 3');
			assert.equal(items('Assign tariff group').length, evses.length);
		},
	},
	'disable-id-tags-of-blocked-users.json': {
		title: 'Example: disable the ID tags of blocked users',
		check({ items, requests, tenant }) {
			const blocked = tenant.data.users.filter((u) => u.status === 'disabled').map((u) => Number(u.id));
			const tags = tenant.data.idTags.filter((t) => blocked.includes(t.userId as number));
			assert.ok(tags.length > 0);
			const patches = requests.filter((r) => r.method === 'PATCH');
			assert.deepEqual(callSet(patches), tags.map((t) => `PATCH /resources/id-tags/v2.0/${t.id}`).sort());
			for (const patch of patches) assert.deepEqual(body(patch), { status: 'disabled' });
			assert.ok(tags.every((t) => t.status === 'disabled'));
			assert.ok(
				tenant.data.idTags.filter((t) => !blocked.includes(t.userId as number)).every((t) => t.status === 'enabled'),
				'no other tag was touched',
			);
			assert.equal(items('Disable ID tag').length, tags.length);
		},
	},
	'alert-faulted-evses.json': {
		title: 'Example: alert when an EVSE is faulted',
		check({ items, tenant }) {
			const faulted = [...tenant.data.evseStatusLogs.entries()].filter(([, log]) => log.status === 'Faulted').map(([id]) => id);
			const alerts = items('Alert').map((i) => i.json);
			assert.deepEqual(
				alerts.map((a) => a.evseId),
				faulted,
			);
			for (const alert of alerts) {
				const evse = tenant.data.evses.find((e) => e.id === alert.evseId)!;
				const cp = tenant.data.chargePoints.find((c) => c.id === evse.chargePointId)!;
				assert.equal(alert.subject, `EVSE ${evse.physicalReference} at ${cp.name} is faulted`);
				assert.match(String(alert.text), /^GroundFailure since .*Ground fault/);
			}
		},
	},
};

export function exampleScenarios(): Scenario[] {
	const files = readdirSync(join(REPO_ROOT, 'examples')).filter((f) => f.endsWith('.json'));
	const unchecked = files.filter((f) => !checks[f]);
	if (unchecked.length) throw new Error(`examples without a check in test/e2e/examples.ts: ${unchecked.join(', ')}`);
	return Object.entries(checks).map(([file, { title, check }]) => ({ title, workflow: example(file), check }));
}
