// Data problems the atlas shows on screen: which file, what is wrong with it, and what to do. People
// reading the page get `advice` (plain words); developers get `hint` (the commands) in the console.

/** What the page tells people when data fails: no developer commands. */
export const MAP_DATA_ADVICE =
	"The map data could not be loaded. Reload the page; if it keeps happening, the site's data may need rebuilding.";
export const DATA_ADVICE =
	"Some of the atlas data could not be loaded. Reload the page; if it keeps happening, the site's data may need rebuilding.";

const isMapFile = (file: string) => file === 'map' || file.endsWith('.pmtiles');

export class DataError extends Error {
	constructor(
		/** Path under static/, e.g. "data/practices.json". */
		readonly file: string,
		readonly problem: string,
		/** For developers (logged to the console): how to rebuild the data. */
		readonly hint = 'Rebuild the atlas data with `npm run data` (or `npx tsx scripts/build.ts --force`), then reload.',
		/** For people (shown on screen). */
		readonly advice = isMapFile(file) ? MAP_DATA_ADVICE : DATA_ADVICE
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

/** The developer's version of a data problem, with the command that fixes it, in the console. */
export function logDataError(e: DataError): void {
	console.warn(`Data problem: ${e.message}. ${e.hint}`);
}
