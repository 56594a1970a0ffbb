import { catalog } from './generated/catalog';
import type { OperationDef } from './types';

export { catalog };
export type * from './types';

/** Built once at module load: the executor looks operations up per item. */
const byValue = new Map<string, OperationDef>(catalog.operations.map((op) => [op.value, op]));

export function findOperation(value: string): OperationDef | undefined {
	return byValue.get(value);
}
