/**
 * What the editor benchmark does with each node, as data: which node, which two operations
 * and resources it switches between, and which text and number field it types into. When
 * the AMPECO node's parameters change shape, this table is what to adapt.
 *
 * Fields are found by their label in the panel first (wherever n8n renders them: a
 * top-level parameter, a collection, a resource mapper), then by parameter name.
 * Dropdown options are chosen by value; their labels are read from the node type the
 * editor downloaded, so renamed labels need no change here.
 */
import { NODE_TYPE } from '../../n8n/config';

export type ContenderKey = 'ampeco' | 'notion' | 'http';

export interface FieldLookup {
	/** The label the user reads, e.g. "Name". */
	label: string;
	/** Parameter names to try when no label matches, e.g. ['name']. */
	names: string[];
}

export interface Switch {
	/** The dropdown parameter, e.g. 'operation'. */
	parameter: string;
	/** Value that shows `text` (a Create-like operation) / `number` (a Get Many-like operation). */
	create: string;
	getMany: string;
}

export interface ResourceSwitch {
	parameter: string;
	/** The resource of `operation`, and another one to switch to and back from. */
	home: string;
	other: string;
}

export interface NodeScenario {
	key: ContenderKey;
	title: string;
	/** The node as it sits in the workflow, on the Create-like operation. */
	node: { name: string; type: string; typeVersion: number; parameters: Record<string, unknown> };
	operation: Switch;
	resource?: ResourceSwitch;
	/** A text field shown on `operation.create`. */
	text: FieldLookup;
	/** A number field shown on `operation.getMany`. */
	number?: FieldLookup;
}

export interface NodeVersions {
	ampeco: number;
	notion: number;
	httpRequest: number;
}

export function scenarios(versions: NodeVersions): NodeScenario[] {
	return [
		{
			key: 'ampeco',
			title: 'AMPECO',
			node: {
				name: 'AMPECO',
				type: NODE_TYPE,
				typeVersion: versions.ampeco,
				parameters: { resource: 'chargePoint', operation: 'POST /resources/charge-points/v2.0' },
			},
			operation: { parameter: 'operation', create: 'POST /resources/charge-points/v2.0', getMany: 'GET /resources/charge-points/v2.0' },
			resource: { parameter: 'resource', home: 'chargePoint', other: 'location' },
			// A body field of the resource mapper: its label states the field's limit.
			text: { label: 'Name (up to 255 characters)', names: ['name'] },
			number: { label: 'Limit', names: ['limit'] },
		},
		{
			key: 'notion',
			title: `Notion v${versions.notion}`,
			node: {
				name: 'Notion',
				type: 'n8n-nodes-base.notion',
				typeVersion: versions.notion,
				parameters: { resource: 'databasePage', operation: 'create' },
			},
			operation: { parameter: 'operation', create: 'create', getMany: 'getAll' },
			resource: { parameter: 'resource', home: 'databasePage', other: 'page' },
			text: { label: 'Title', names: ['title'] },
			number: { label: 'Limit', names: ['limit'] },
		},
		{
			// For reference: a node with few parameters. Its Method stands in for an operation.
			key: 'http',
			title: `HTTP Request v${versions.httpRequest}`,
			node: {
				name: 'HTTP Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: versions.httpRequest,
				parameters: { method: 'POST', url: 'https://example.com/items', options: {} },
			},
			operation: { parameter: 'method', create: 'POST', getMany: 'GET' },
			text: { label: 'URL', names: ['url'] },
		},
	];
}

export function benchWorkflow(id: string, list: NodeScenario[]) {
	return {
		id,
		name: 'bench: editor (AMPECO, Notion, HTTP Request)',
		active: false,
		nodes: list.map((s, i) => ({ ...s.node, id: `00000000-0000-4000-8000-00000000000${i + 1}`, position: [i * 300, 0] })),
		connections: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}
