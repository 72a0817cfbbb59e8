// CSV downloads from the journeys: RFC 4180 fields, a few "# " lines saying what the table is
// (rule, data vintages, sources, date), and cells made safe to open in a spreadsheet. The cell
// writer and formula guard are the atlas's one CSV writer (domain/csv), re-exported for callers here.
import { csvCell, defuseCell } from '$lib/domain/csv';

export { csvCell, defuseCell, quoteField } from '$lib/domain/csv';

export interface CsvColumn<R> {
	key: keyof R & string;
	label: string;
	/** Cell value when it is not simply `row[key]` (e.g. rounding, joining a list). */
	value?: (row: R) => unknown;
}

export interface CsvOptions {
	/** Start with a UTF-8 byte order mark so Excel reads accented names correctly. Default false. */
	bom?: boolean;
}

/**
 * A comment line, "# " and the text. Readers that skip "#" lines (pandas `comment`, R `comment.char`)
 * skip it; a spreadsheet shows it as a row, so it must not break the rows below or run a formula:
 * a double quote would open a field that runs on past the line end, so it becomes a single quote,
 * and each comma-separated piece is defused like a cell.
 */
function commentLine(text: string): string {
	const pieces = text.replace(/"/g, "'").split(',');
	return `# ${[pieces[0], ...pieces.slice(1).map((p) => defuseCell(p))].join(',')}`;
}

/**
 * The CSV text of a table: comment lines, a header row of labels, then one row per record.
 * Lines end with CRLF (RFC 4180). A header line holding line breaks becomes several comment lines.
 */
export function csvWithHeader<R>(
	headerLines: readonly string[],
	columns: readonly CsvColumn<R>[],
	rows: readonly R[],
	options: CsvOptions = {}
): string {
	const out: string[] = [];
	for (const h of headerLines) for (const l of h.split(/\r\n|\r|\n/)) out.push(commentLine(l));
	out.push(columns.map((c) => csvCell(c.label)).join(','));
	for (const r of rows) out.push(columns.map((c) => csvCell(c.value ? c.value(r) : r[c.key])).join(','));
	return (options.bom ? '\uFEFF' : '') + out.join('\r\n') + '\r\n';
}
