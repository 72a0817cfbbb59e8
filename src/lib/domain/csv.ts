// The one CSV reader and the one CSV writer of the atlas, shared by the pipeline and the app.
// Reading uses csv-parse (RFC 4180: quoted fields, doubled quotes, CRLF, a byte order mark);
// writing quotes per RFC 4180 and defuses cells a spreadsheet would run as formulas.
// The browser build: csv-parse's default ESM build uses Node's global Buffer, which a page lacks.
import { CsvError, parse } from 'csv-parse/browser/esm/sync';

const READ_OPTIONS = { bom: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] };

/** Every row as an array of strings (ragged rows allowed; the caller checks widths). */
export function parseCsv(text: string): string[][] {
	return parse(text, READ_OPTIONS) as string[][];
}

/** Malformed CSV quoting; `line` is where the row that could not be read starts (1-based). */
export class CsvSyntaxError extends Error {
	constructor(
		readonly line: number,
		/** csv-parse's code, e.g. CSV_QUOTE_NOT_CLOSED. */
		readonly code: string,
		message: string,
		options?: ErrorOptions
	) {
		super(message, options);
		this.name = 'CsvSyntaxError';
	}
}

/**
 * Hand each row to `onRow` with the line it starts on (1-based), holding no rows in memory: for
 * large inputs (Code-Point Open has 1.7 million rows) and for messages that name a line. A blank
 * line is a row of one empty cell. Malformed quoting throws CsvSyntaxError; errors thrown by
 * `onRow` pass through unchanged.
 */
export function forEachCsvRow(text: string, onRow: (cells: string[], line: number) => void): void {
	if (!text.includes('"') && !LONE_CR.test(text)) return forEachUnquotedRow(text, onRow);
	let lastLine = 0;
	try {
		parse(text, {
			...READ_OPTIONS,
			on_record: (cells: string[], context: { lines: number }) => {
				// A quoted field may span lines: a row starts just after the previous one ends.
				const line = lastLine + 1;
				lastLine = context.lines;
				onRow(cells, line);
				return null;
			}
		});
	} catch (e) {
		if (e instanceof CsvError) throw new CsvSyntaxError(lastLine + 1, e.code, e.message, { cause: e });
		throw e;
	}
}

/** A carriage return that does not start a CRLF: a line break csv-parse knows and the short cut does not. */
const LONE_CR = /\r(?!\n)/;

/**
 * The same rows as csv-parse for a text without a quote character, which has no quoting to interpret:
 * each line split at its commas. About six times faster than csv-parse on the two largest inputs
 * (Code-Point Open, 1.7 million rows, and the registrations, 0.9 million), which have no quotes.
 */
function forEachUnquotedRow(text: string, onRow: (cells: string[], line: number) => void): void {
	let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	for (let line = 1; pos < text.length; line++) {
		let end = text.indexOf('\n', pos);
		if (end < 0) end = text.length;
		const stop = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
		onRow(text.slice(pos, stop).split(','), line);
		pos = end + 1;
	}
}

/** Rows as objects keyed by the header row; blank lines are skipped. */
export function csvRecords(text: string): Record<string, string>[] {
	const [header, ...rows] = parseCsv(text);
	if (!header) return [];
	return rows
		.filter((r) => r.length > 1 || (r[0] ?? '') !== '')
		.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Characters that make a spreadsheet read a cell as a formula (or, for tab/CR, hide its start). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number, which is safe to leave as it is even when it begins with "-" or "+". */
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Text of a cell a spreadsheet will show as text: a leading = + - @ tab or CR gets an apostrophe
 * (OWASP's advice against formula injection), unless the cell is a plain number like -1.5.
 */
export function defuseCell(text: string): string {
	return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling its quotes. */
export function quoteField(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One value as CSV text: empty for null/undefined/NaN/±Infinity; numbers as JavaScript prints them,
 * rounded to `dp` decimal places when given; text defused and quoted.
 */
export function csvCell(value: unknown, dp?: number): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return '';
		return dp === undefined ? String(value) : String(Math.round(value * 10 ** dp) / 10 ** dp);
	}
	return quoteField(defuseCell(String(value)));
}

/** One CSV line (no line ending) from cell values. */
export function csvRow(values: readonly unknown[]): string {
	return values.map((v) => csvCell(v)).join(',');
}

/** One line of a line-oriented CSV file (a list typed or saved by hand), with its 1-based line number. */
export interface CsvLine {
	line: number;
	cells: string[];
}

const lineOptions = (delimiter: string) => ({
	bom: true,
	delimiter,
	relax_quotes: true,
	relax_column_count: true,
	trim: true,
	record_delimiter: ['\r\n', '\n', '\r']
});

/**
 * Every line of a hand-made list as trimmed cells, blank lines included (as one empty cell), with
 * `delimiter` (",", ";" or tab). Quotes are honoured within a line but never across lines: a stray
 * quote must not swallow the rest of the file, so a quote left open is closed at the line's end, and a
 * line csv-parse cannot read even then is one cell. Records must fit on a line for this reader.
 */
export function parseCsvLines(text: string, delimiter = ','): CsvLine[] {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
	try {
		// Fast path: the whole text at once. Kept when it gave one record per line and none ran over a
		// line break, so record i is line i + 1 (csv-parse's own line info would cost four times as much).
		const rows = parse(text, lineOptions(delimiter)) as string[][];
		if (rows.length === lines.length && rows.every((r) => r.every((c) => !/[\r\n]/.test(c))))
			return rows.map((r, i) => ({ line: i + 1, cells: r.map((c) => c.trim()) }));
	} catch {
		// A quote left open, or text after a closing quote: read line by line below.
	}
	return lines.map((l, i) => ({ line: i + 1, cells: lineCells(l, delimiter) }));
}

function lineCells(line: string, delimiter: string): string[] {
	for (const attempt of [line, `${line}"`]) {
		try {
			const [cells] = parse(attempt, lineOptions(delimiter)) as string[][];
			return cells ? cells.map((c) => c.trim()) : [''];
		} catch {
			// Try closing an open quote, then give up on splitting the line.
		}
	}
	return [line.trim()];
}
