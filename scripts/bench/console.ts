/** What the benchmark scripts share on the command line: their options and their tables. */

/** `--name` flags and `--name value` options of this process's arguments. */
export function commandLine(argv = process.argv.slice(2)) {
	return {
		flag: (name: string) => argv.includes(name),
		option(name: string, fallback: string): string {
			const at = argv.indexOf(name);
			return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback;
		},
	};
}

/** Rows as aligned columns: the first left-aligned, the others right-aligned. */
export function table(rows: string[][]): string {
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
	return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   ')).join('\n');
}
