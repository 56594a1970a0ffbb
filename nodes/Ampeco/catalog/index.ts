import { withCustomApiCall } from './custom';
import { catalog as generated } from './generated/catalog';
import type { Catalog, OperationDef } from './types';

export type * from './types';
export { generated as generatedCatalog };

/** The generated catalog plus the hand-written Custom API Call. */
export const catalog: Catalog = withCustomApiCall(generated);

/** Built once at module load: the executor looks operations up per item. */
const byValue = new Map<string, OperationDef>(catalog.operations.map((op) => [op.value, op]));

export function findOperation(value: string): OperationDef | undefined {
	return byValue.get(value);
}
