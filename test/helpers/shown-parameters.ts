/**
 * Which top-level parameters the editor shows for given values, decided by n8n's own
 * functions (the editor and the engine use the same ones), so that display conditions
 * such as `_cnd` are evaluated as n8n evaluates them.
 */
import { NodeHelpers, type INodeParameters, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

const NODE = { typeVersion: 1 };

/** The values n8n keeps after a change: the user's plus the defaults of what is shown. */
export function effectiveValues(description: INodeTypeDescription, values: INodeParameters): INodeParameters {
	return NodeHelpers.getNodeParameters(description.properties, values, true, false, NODE, description) ?? {};
}

export function shownParameters(description: INodeTypeDescription, values: INodeParameters): INodeProperties[] {
	const effective = effectiveValues(description, values);
	return description.properties.filter((p) => NodeHelpers.displayParameter(effective, p, NODE, description));
}
