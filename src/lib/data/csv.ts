// The app's CSV reader is the atlas's one reader (src/lib/domain/csv.ts, csv-parse); this module keeps
// the old import path and names an unclosed quote in plain words.
import { csvRecords as recordsOf, parseCsv as parseRows } from '$lib/domain/csv';

/** Rewrite csv-parse's unclosed-quote error ("Quote Not Closed: ...") in the words the app shows. */
function plainError(e: unknown): unknown {
	return (e as { code?: string })?.code === 'CSV_QUOTE_NOT_CLOSED'
		? new Error('unterminated quoted field at end of file', { cause: e })
		: e;
}

export function parseCsv(text: string): string[][] {
	try {
		return parseRows(text);
	} catch (e) {
		throw plainError(e);
	}
}

/** Rows as objects keyed by the header row. */
export function csvRecords(text: string): Record<string, string>[] {
	try {
		return recordsOf(text);
	} catch (e) {
		throw plainError(e);
	}
}
