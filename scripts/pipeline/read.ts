// Reading and validating the pipeline's CSV inputs.
//
// Every input goes through `readCsv`: it checks the encoding, the header, each value's type, format
// and range, and duplicate keys, and stops at the first problem with an `InputError` naming the
// file, line, column and what to do. Files are small enough (the largest, Code-Point Open, is
// ~100 MB unzipped) to read whole, which is much faster than line streaming.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { basename } from 'node:path';

export class InputError extends Error {
	constructor(
		readonly file: string,
		readonly line: number | null,
		readonly column: string | null,
		readonly problem: string,
		readonly fix: string
	) {
		const where = [file, line === null ? null : `line ${line}`, column === null ? null : `column ${column}`]
			.filter(Boolean)
			.join(', ');
		super(`${where}: ${problem}\n  Fix: ${fix}`);
		this.name = 'InputError';
	}
}

const REFETCH = 'check the file against data/sources.json, or re-fetch it with `npm run fetch-data -- --force`';

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
	/** Column whose values must be unique (e.g. the practice code). */
	unique?: string;
	/** Keep only rows for which this returns true (applied before uniqueness). */
	where?: (row: Record<string, Cell>) => boolean;
	/** A label for messages; defaults to the path relative to data/raw. */
	label?: string;
}

/** Decode a file's bytes to text, rejecting what is not UTF-8 with a clear message. */
export function decodeInput(bytes: Uint8Array, label: string): string {
	if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
		throw new InputError(
			label,
			1,
			null,
			'the file is UTF-16 encoded (it starts with a UTF-16 byte-order mark)',
			'save it as UTF-8 CSV, or ' + REFETCH
		);
	}
	let start = 0;
	// A UTF-8 byte-order mark is a known quirk (the NHS payments file has one): skip it.
	if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
	const body = bytes.subarray(start);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(body);
	} catch {
		const lossy = new TextDecoder('utf-8').decode(body);
		const at = lossy.indexOf('\uFFFD');
		const line = at < 0 ? null : countLines(lossy, at);
		throw new InputError(
			label,
			line,
			null,
			'the file is not valid UTF-8 (perhaps Windows-1252 or Latin-1)',
			're-save it as UTF-8, or ' + REFETCH
		);
	}
}

function countLines(text: string, upTo: number): number {
	let n = 1;
	for (let i = text.indexOf('\n'); i >= 0 && i < upTo; i = text.indexOf('\n', i + 1)) n++;
	return n;
}

/** Read a file, gunzipping `.gz`, and decode it as UTF-8. */
export function readText(path: string, label = basename(path)): string {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(path);
	} catch (e) {
		throw new InputError(
			label,
			null,
			null,
			`cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? e})`,
			'run `npm run fetch-data` to fetch the inputs'
		);
	}
	if (path.endsWith('.gz')) {
		try {
			bytes = gunzipSync(bytes);
		} catch (e) {
			throw new InputError(
				label,
				null,
				null,
				`the gzip stream is damaged or truncated (${(e as Error).message})`,
				REFETCH
			);
		}
	}
	return decodeInput(bytes, label);
}

/** Split one CSV record. Quoted fields may hold commas and doubled quotes (RFC 4180). */
export function splitCsvLine(line: string): string[] | null {
	if (line.indexOf('"') < 0) return line.split(',');
	const out: string[] = [];
	let i = 0;
	const n = line.length;
	while (i <= n) {
		if (line[i] === '"') {
			let value = '';
			i++;
			for (;;) {
				const q = line.indexOf('"', i);
				if (q < 0) return null; // unterminated quote
				value += line.slice(i, q);
				if (line[q + 1] === '"') {
					value += '"';
					i = q + 2;
				} else {
					i = q + 1;
					break;
				}
			}
			out.push(value);
			if (i < n && line[i] !== ',') return null;
			i++;
		} else {
			const c = line.indexOf(',', i);
			const end = c < 0 ? n : c;
			out.push(line.slice(i, end));
			i = end + 1;
		}
	}
	return out;
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
	let pos = 0;
	let lineNo = 0;
	const nextLine = (): string | null => {
		if (pos >= text.length) return null;
		let end = text.indexOf('\n', pos);
		if (end < 0) end = text.length;
		let line = text.slice(pos, end);
		if (line.endsWith('\r')) line = line.slice(0, -1);
		pos = end + 1;
		lineNo++;
		return line;
	};
	const headerLine = nextLine();
	if (headerLine === null || headerLine.trim() === '') {
		throw new InputError(label, 1, null, 'the file is empty (no header row)', REFETCH);
	}
	const header = splitCsvLine(headerLine);
	if (!header) throw new InputError(label, 1, null, 'the header row has an unterminated quote', REFETCH);
	const headerIndex = new Map(header.map((h, i) => [h.trim(), i]));
	const indices = spec.columns.map((c) => {
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
	const rows: Record<string, Cell>[] = [];
	const seen = spec.unique ? new Map<string, number>() : null;
	for (let line = nextLine(); line !== null; line = nextLine()) {
		if (line === '') continue;
		const cells = splitCsvLine(line);
		if (!cells) throw new InputError(label, lineNo, null, 'unterminated quoted value', REFETCH);
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
			const raw = cells[indices[k]].trim();
			row[c.name] = parseCell(raw, c, label, lineNo);
		}
		if (spec.where && !spec.where(row)) continue;
		if (seen && spec.unique) {
			const key = String(row[spec.unique]);
			const first = seen.get(key);
			if (first !== undefined) {
				throw new InputError(
					label,
					lineNo,
					spec.unique,
					`duplicate ${spec.unique} "${key}" (first seen on line ${first})`,
					'each value must appear once: remove the duplicate row, or ' + REFETCH
				);
			}
			seen.set(key, lineNo);
		}
		rows.push(row);
	}
	return rows;
}

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
		const n = Number(raw);
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

// Code formats shared by the input specs.
export const CODE = {
	lsoa21: { pattern: /^E01\d{6}$/, patternHint: 'an England LSOA 2021 code like E01000001' },
	lsoa11Any: { pattern: /^[EW]01\d{6}$/, patternHint: 'an LSOA 2011 code like E01000001 or W01000001' },
	practice: { pattern: /^[A-Z]\d{5}$/, patternHint: 'an ODS practice code like A81001' },
	icb: { pattern: /^E54\d{6}$/, patternHint: 'an ICB GSS code like E54000050' },
	sicbl: { pattern: /^E38\d{6}$/, patternHint: 'a Sub-ICB GSS code like E38000247' },
	nhser: { pattern: /^E40\d{6}$/, patternHint: 'an NHS region GSS code like E40000012' },
	region: { pattern: /^E12\d{6}$/, patternHint: 'a region GSS code like E12000001' },
	lad: { pattern: /^E0[6789]\d{6}$/, patternHint: 'an England local authority code like E06000001' },
	postcode: { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, patternHint: 'a UK postcode like TS18 1HU' }
} satisfies Record<string, Pick<ColumnSpec, 'pattern' | 'patternHint'>>;
