/** Notices of operations AMPECO removed (kept for saved workflows): one per text, naming the replacement. */
import type { INodeProperties } from 'n8n-workflow';
import type { OperationDef } from '../../nodes/Ampeco/catalog/types';
import * as names from '../../nodes/Ampeco/description/parameter-names';

export function removalNotices(ops: OperationDef[]): INodeProperties[] {
	const byValue = new Map(ops.map((op) => [op.value, op]));
	const groups = new Map<string, string[]>();
	for (const op of ops.filter((o) => o.removedIn)) {
		const successor = op.successor ? byValue.get(op.successor)?.name : undefined;
		const instead = successor ? `use “${successor}” instead` : 'AMPECO names no replacement (Custom API Call can send any request)';
		const text = `AMPECO removed this operation from its API in ${op.removedIn}: ${instead}. It stays here so that saved workflows still open; running it fails.`;
		groups.set(text, [...(groups.get(text) ?? []), op.value]);
	}
	return [...groups].map(([displayName, operations]) => ({
		displayName,
		name: 'removalNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { [names.OPERATION]: operations } },
	}));
}
