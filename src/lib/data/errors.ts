// Data problems the atlas shows on screen: which file, what is wrong with it, and what to do.

export class DataError extends Error {
	constructor(
		/** Path under static/, e.g. "data/practices.json". */
		readonly file: string,
		readonly problem: string,
		readonly hint = 'Rebuild the atlas data with `npm run data` (or `npx tsx scripts/build.ts --force`), then reload.'
	) {
		super(`${file}: ${problem}`);
		this.name = 'DataError';
	}
}

export function asDataError(file: string, e: unknown): DataError {
	if (e instanceof DataError) return e;
	const message = e instanceof Error ? e.message : String(e);
	return new DataError(file, message);
}
