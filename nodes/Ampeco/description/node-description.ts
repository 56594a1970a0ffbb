import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import { catalog } from '../catalog';
import { CREDENTIAL_NAME } from '../transport/request';
import { buildProperties } from './properties';

/** Computed once per process: n8n reads the description of every installed node at start. */
export const nodeDescription: INodeTypeDescription = {
	displayName: 'AMPECO',
	name: 'ampeco',
	icon: { light: 'file:ampeco.svg', dark: 'file:ampeco.dark.svg' },
	group: ['transform'],
	version: 1,
	subtitle: '={{$parameter["operation"]}}',
	description: `Manage charge points, EVSEs, sessions, tariffs, users and every other resource of the AMPECO.CHARGE Public API (${catalog.apiVersion})`,
	defaults: { name: 'AMPECO' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: CREDENTIAL_NAME, required: true }],
	properties: buildProperties(catalog),
};
