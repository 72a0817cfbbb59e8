// static/data/columns.json: the data dictionary of the open CSV tables, one list of columns per file,
// written from the same column lists that write the CSV headers (scripts/pipeline/tables.ts).

/** Bump when the shape changes. */
export const COLUMNS_FORMAT_VERSION = 1;

export const CSV_TABLES = ['practices.csv', 'lsoa.csv', 'areas.csv', 'inverse-care.csv'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export interface ColumnDefinition {
	name: string;
	description: string;
}

export type ColumnsFile = Record<CsvTable, ColumnDefinition[]>;

/** The file's text (indented one space: people read it). */
export const encodeColumns = (doc: ColumnsFile): string =>
	JSON.stringify(Object.fromEntries(CSV_TABLES.map((t) => [t, doc[t]])), null, 1);

/** The dictionary checked: every table present with named columns; null when it is not one. */
export function decodeColumns(doc: unknown): ColumnsFile | null {
	const d = doc as Record<string, unknown> | null;
	if (!d || typeof d !== 'object') return null;
	for (const t of CSV_TABLES) {
		const cols = d[t];
		if (!Array.isArray(cols) || cols.some((c) => typeof c?.name !== 'string' || typeof c?.description !== 'string'))
			return null;
	}
	return d as ColumnsFile;
}
