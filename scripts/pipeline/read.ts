// Reading and validating the pipeline's CSV inputs.
//
// Every input goes through `readCsv`: it checks the encoding, the header, each value's type, format
// and range, and duplicate keys, and stops at the first problem with an `InputError` naming the
// file, line, column and what to do. Files are small enough (the largest, Code-Point Open, is
// ~130 MB unzipped) to read whole; rows are parsed by the atlas's one CSV reader (csv-parse, in
// src/lib/domain/csv.ts) and checked one at a time, so only the declared columns are kept.
import { basename } from 'node:path';
import { CsvSyntaxError, forEachCsvRow, parseCsv as parseCsvRows } from '../../src/lib/domain/csv';
import { readText } from './inputs/bytes';
import { InputError, REFETCH } from './inputs/error';

export { CODE } from './inputs/codeFormats';
export { InputError, REFETCH } from './inputs/error';
export { decodeInput, gunzipInput, readInputBytes, readText } from './inputs/bytes';

export type CellType = 'string' | 'number' | 'integer';

export interface ColumnSpec {
	/** Header name as published. */
	name: string;
	type?: CellType;
	/** Blank (or one of `missing`) allowed: the value becomes null. */
	optional?: boolean;
	/** Extra tokens that mean "no value" (e.g. "NA"). Only with optional. */
	missing?: string[];
	pattern?: RegExp;
	/** Human description of the pattern, for the error message. */
	patternHint?: string;
	min?: number;
	max?: number;
}

export type Cell = string | number | null;

export interface CsvSpec {
	columns: ColumnSpec[];
	/** Column (or columns together) whose values must be unique, e.g. the practice code. */
	unique?: string | string[];
	/** Keep only rows for which this returns true (applied before uniqueness). */
	where?: (row: Record<string, Cell>) => boolean;
	/** What the kept rows are, for the message when there are none (e.g. "rows for Year 2025"). */
	rowsWanted?: string;
	/** A label for messages; defaults to the path relative to data/raw. */
	label?: string;
}

/** One line's fields, or null when its quoting is malformed (unterminated or stray quotes). */
export function splitCsvLine(line: string): string[] | null {
	try {
		return parseCsvRows(line)[0] ?? [''];
	} catch {
		return null;
	}
}

function describe(spec: ColumnSpec): string {
	if (spec.patternHint) return spec.patternHint;
	if (spec.type === 'integer') return 'a whole number';
	if (spec.type === 'number') return 'a number';
	return 'text';
}

/**
 * Parse and validate CSV text. Rows come back as objects holding only the declared columns.
 * Extra columns in the file are ignored; missing ones stop the build.
 */
export function parseCsv(text: string, spec: CsvSpec, label: string): Record<string, Cell>[] {
	// (Typed by a cast so that TypeScript does not narrow it to null: onRow sets it.)
	let header = null as string[] | null;
	let indices: number[] = [];
	const rows: Record<string, Cell>[] = [];
	let dataRows = 0;
	const seen = spec.unique ? new Map<string, number>() : null;
	const onRow = (cells: string[], lineNo: number) => {
		if (!header) {
			header = cells;
			indices = headerIndices(header, spec, label);
			return;
		}
		if (cells.length === 1 && cells[0] === '') return; // a blank line
		dataRows++;
		if (cells.length < header.length) {
			throw new InputError(
				label,
				lineNo,
				null,
				`the row has ${cells.length} values but the header has ${header.length} columns (is the file truncated?)`,
				REFETCH
			);
		}
		const row: Record<string, Cell> = {};
		for (let k = 0; k < spec.columns.length; k++) {
			const c = spec.columns[k];
			row[c.name] = parseCell(cells[indices[k]].trim(), c, label, lineNo);
		}
		if (spec.where && !spec.where(row)) return;
		if (seen && spec.unique) {
			const keys = typeof spec.unique === 'string' ? [spec.unique] : spec.unique;
			const key = keys.map((k) => String(row[k])).join(' × ');
			const first = seen.get(key);
			if (first !== undefined) {
				throw new InputError(
					label,
					lineNo,
					keys.join(' × '),
					`duplicate ${keys.join(' × ')} "${key}" (first seen on line ${first})`,
					'each value must appear once: remove the duplicate row, or ' + REFETCH
				);
			}
			seen.set(key, lineNo);
		}
		rows.push(row);
	};
	try {
		forEachCsvRow(text, onRow);
	} catch (e) {
		if (!(e instanceof CsvSyntaxError)) throw e;
		const problem =
			e.line === 1
				? 'the header row has an unterminated quote'
				: e.code === 'CSV_QUOTE_NOT_CLOSED'
					? 'unterminated quoted value'
					: `malformed quoted value (${e.message})`;
		throw new InputError(label, e.line, null, problem, REFETCH, { cause: e });
	}
	if (!header) throw new InputError(label, 1, null, 'the file is empty (no header row)', REFETCH);
	// No data rows at all, or none of those a filter asks for (a streaming reader keeps none on purpose).
	if (dataRows === 0 || (spec.rowsWanted && rows.length === 0)) {
		throw new InputError(
			label,
			null,
			null,
			`the file has a header but no ${dataRows === 0 ? 'data rows' : spec.rowsWanted}`,
			'use the full published file (a cut or header-only copy cannot build the atlas), or ' + REFETCH
		);
	}
	return rows;
}

/** Where each declared column is in the header; a blank header or a missing column stops the build. */
function headerIndices(header: string[], spec: CsvSpec, label: string): number[] {
	if (header.length === 1 && header[0].trim() === '') {
		throw new InputError(label, 1, null, 'the file is empty (no header row)', REFETCH);
	}
	const headerIndex = new Map(header.map((h, i) => [h.trim(), i]));
	return spec.columns.map((c) => {
		const idx = headerIndex.get(c.name);
		if (idx === undefined) {
			throw new InputError(
				label,
				1,
				c.name,
				`required column "${c.name}" is missing (the header has: ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''})`,
				'use the published file with its original column names, or ' + REFETCH
			);
		}
		return idx;
	});
}

/** A number written in decimal (optionally signed, with a fraction or an exponent, padded by spaces). */
export const DECIMAL = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

function parseCell(raw: string, c: ColumnSpec, label: string, lineNo: number): Cell {
	if (raw === '' || (c.missing && c.missing.includes(raw))) {
		if (c.optional) return null;
		throw new InputError(
			label,
			lineNo,
			c.name,
			`value is blank but ${c.name} is required (expected ${describe(c)})`,
			'fill in the value, or ' + REFETCH
		);
	}
	let value: Cell = raw;
	if (c.type === 'number' || c.type === 'integer') {
		// Decimal notation only: Number() would also read "0x1F" as 31, "0b11" as 3 and "Infinity".
		const n = DECIMAL.test(raw) ? Number(raw) : NaN;
		if (!Number.isFinite(n) || (c.type === 'integer' && !Number.isInteger(n))) {
			throw new InputError(label, lineNo, c.name, `"${raw}" is not ${describe(c)}`, 'correct the value, or ' + REFETCH);
		}
		if (c.min !== undefined && n < c.min) {
			throw new InputError(
				label,
				lineNo,
				c.name,
				`${raw} is below the allowed minimum ${c.min}${c.min === 0 ? ' (it cannot be negative)' : ''}`,
				'correct the value, or ' + REFETCH
			);
		}
		if (c.max !== undefined && n > c.max) {
			throw new InputError(
				label,
				lineNo,
				c.name,
				`${raw} is above the allowed maximum ${c.max}`,
				'correct the value, or ' + REFETCH
			);
		}
		value = n;
	} else if (c.pattern && !c.pattern.test(raw)) {
		throw new InputError(label, lineNo, c.name, `"${raw}" is not ${describe(c)}`, 'correct the code, or ' + REFETCH);
	}
	return value;
}

/** Read, decode and validate a CSV (optionally gzipped) file. */
export function readCsv(path: string, spec: CsvSpec): Record<string, Cell>[] {
	const label = spec.label ?? basename(path);
	return parseCsv(readText(path, label), spec, label);
}
