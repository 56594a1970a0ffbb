/** The listSearch method behind "From List" of a path ID parameter. */
export function listSearchMethodName(pathParam: string): string {
	return `search${pathParam[0].toUpperCase()}${pathParam.slice(1)}`;
}
