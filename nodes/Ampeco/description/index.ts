import type { INodeProperties } from 'n8n-workflow';
import { catalog } from '../catalog';
import { buildProperties } from './properties';

/** Computed once per process: n8n reads the description of every installed node at start. */
export const nodeProperties: INodeProperties[] = buildProperties(catalog);
