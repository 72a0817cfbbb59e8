// The one CSV reader and the one CSV writer of the atlas, shared by the pipeline and the app.
// Reading uses csv-parse (RFC 4180: quoted fields, doubled quotes, CRLF, a byte order mark);
// writing quotes per RFC 4180 and defuses cells a spreadsheet would run as formulas.
// The browser build: csv-parse's default ESM build uses Node's global Buffer, which a page lacks.
import { parse } from 'csv-parse/browser/esm/sync';

/** Every row as an array of strings (ragged rows allowed; the caller checks widths). */
export function parseCsv(text: string): string[][] {
	return parse(text, {
		bom: true,
		relax_column_count: true,
		record_delimiter: ['\r\n', '\n', '\r']
	}) as string[][];
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
