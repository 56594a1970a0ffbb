/** The listSearch method that backs "From List" for IDs listed by a Get Many operation. */
export function listSearchMethodName(listOperation: string): string {
	return `search_${listOperation.replace(/[^A-Za-z0-9]+/g, '_')}`;
}
