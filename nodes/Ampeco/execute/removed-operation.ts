/**
 * An operation AMPECO removed stays in the node so that saved workflows still open and show
 * what they did; running one sends nothing and says what to use instead.
 */
import type { OperationDef } from '../catalog/types';

export interface Refusal {
	message: string;
	description: string;
}

export function removedOperationRefusal(op: OperationDef, find: (value: string) => OperationDef | undefined): Refusal | undefined {
	if (!op.removedIn) return undefined;
	const successor = op.successor ? find(op.successor) : undefined;
	const instead = successor
		? `Select “${successor.name}” (${successor.method} ${successor.path}) as this node's operation instead.`
		: 'AMPECO names no replacement: remove this node, or send the request you need with Custom API Call.';
	return {
		message: `The operation “${op.name}” (${op.method} ${op.path}) was removed from the AMPECO API in ${op.removedIn}`,
		description: `${instead} Nothing was sent to AMPECO.`,
	};
}
