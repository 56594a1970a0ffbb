/** The canvas subtitle, evaluated by n8n's own expression engine as the editor does for every node on the canvas. */
import { Workflow, type INode, type INodeType } from 'n8n-workflow';
import { Ampeco } from '../nodes/Ampeco/Ampeco.node';
import { AmpecoTrigger } from '../nodes/AmpecoTrigger/AmpecoTrigger.node';
import { catalog } from '../nodes/Ampeco/catalog';

const node = new Ampeco();

function evaluate(type: INodeType, parameters: INode['parameters']): unknown {
	const onCanvas: INode = { id: '1', name: 'Node', type: 'n8n-nodes-ampeco.node', typeVersion: 1, position: [0, 0], parameters };
	const nodeTypes = { getByName: () => type, getByNameAndVersion: () => type, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ nodes: [onCanvas], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(onCanvas, type.description.subtitle, 'internal', {});
}

const subtitle = (resource: string, operation: string) => evaluate(node, { resource, operation });

test('every operation reads as words on the canvas: a verb, then the resource, never a path', () => {
	const shown = catalog.operations.filter((op) => !op.custom).map((op) => ({ op: op.value, subtitle: subtitle(op.resource, op.value) }));
	expect(shown).toHaveLength(544);
	const resourceName = new Map(catalog.resources.map((r) => [r.value, r.name]));
	const wrong = shown.filter(({ op, subtitle }) => {
		const resource = resourceName.get(catalog.operations.find((o) => o.value === op)!.resource)!;
		return typeof subtitle !== 'string' || /[/{}]|\b(GET|POST|PUT|PATCH|DELETE)\b/.test(subtitle) || !/^[A-Z][A-Za-z ]*: /.test(subtitle) || !subtitle.toLowerCase().endsWith(`: ${resource.toLowerCase()}`);
	});
	expect(wrong).toEqual([]);
});

test.each([
	['evse', 'PUT /resources/evses/v2.0/{evse}', 'Update: EVSE'],
	['chargePoint', 'GET /resources/charge-points/v2.0', 'Get Many: Charge Point'],
	['chargePoint', 'GET /resources/charge-points/v2.0/{chargePoint}', 'Get: Charge Point'],
	['chargePoint', 'GET /resources/charge-points/v2.0/{chargePoint}/evses/{evse}/connectors', 'Get EVSE Connectors: Charge Point'],
	['chargePoint', 'DELETE /resources/charge-points/v2.0/{chargePoint}/evses/{evse}', 'Delete EVSE: Charge Point'],
	['chargePoint', 'POST /actions/charge-point/v1.0/{chargePoint}/reset/{type}', 'Reset: Charge Point'],
	['circuit', 'PATCH /resources/circuits/v2.0/{circuit}/user-priorities/{userPriority}', 'Update User Priority: Circuit'],
	['location', 'POST /resources/locations/v2.0/{location}/notes', 'Create Note: Location'],
	['installationAndMaintenanceCompany', 'GET /resources/installation-and-maintenance-companies/v1.0', 'Get Many: Installation and Maintenance Company'],
	['customApiCall', 'customRequest', 'Custom API Call'],
])('%s / %s → "%s"', (resource, operation, expected) => {
	expect(subtitle(resource, operation)).toBe(expected);
});

test('the expression stays small: the editor evaluates it on every render', () => {
	expect(String(node.description.subtitle).length).toBeLessThan(1400);
});

test("the trigger's subtitle names its events in words", () => {
	expect(evaluate(new AmpecoTrigger(), { events: ['authorization.changed', 'SessionStartStopNotification', 'user.paymentMethod.changed'] })).toBe(
		'authorization changed, session start stop, user payment method changed',
	);
});
