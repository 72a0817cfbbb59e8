// The one CSV reader (src/lib/domain/csv.ts) as the pipeline uses it: rows with the line each starts on.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { CsvSyntaxError, forEachCsvRow } from '../src/lib/domain/csv';

const rowsOf = (text: string) => {
	const rows: [string[], number][] = [];
	forEachCsvRow(text, (cells, line) => rows.push([cells, line]));
	return rows;
};

/** What csv-parse itself gives, with each row's first line. */
const csvParseRows = (text: string) => {
	const rows: [string[], number][] = [];
	let last = 0;
	parse(text, {
		bom: true,
		relax_column_count: true,
		record_delimiter: ['\r\n', '\n', '\r'],
		on_record: (cells: string[], context: { lines: number }) => {
			rows.push([cells, last + 1]);
			last = context.lines;
			return null;
		}
	});
	return rows;
};

describe('forEachCsvRow', () => {
	it('gives rows and the line each starts on, quoted line breaks included', () => {
		expect(rowsOf('a,b\r\n1,"x\ny"\r\n\r\n"say ""hi""",3\r\n')).toEqual([
			[['a', 'b'], 1],
			[['1', 'x\ny'], 2],
			[[''], 4],
			[['say "hi"', '3'], 5]
		]);
	});

	it('a text without quotes (the short cut) reads exactly as csv-parse reads it', () => {
		// Every text of up to 10 characters over an alphabet of the characters that matter, sampled.
		const alphabet = ['a', '1', ' ', ',', ',', '\n', '\r\n', '\r', '\ufeff', 'é'];
		let seed = 12345;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		for (let n = 0; n < 5000; n++) {
			let text = '';
			for (let i = Math.floor(random() * 11); i > 0; i--) text += alphabet[Math.floor(random() * alphabet.length)];
			expect(rowsOf(text), JSON.stringify(text)).toEqual(csvParseRows(text));
		}
	});

	it('malformed quoting throws CsvSyntaxError at the line where the row starts', () => {
		let error: unknown;
		try {
			rowsOf('a,b\n1,2\n3,"4\n5,6\n');
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(CsvSyntaxError);
		expect((error as CsvSyntaxError).line).toBe(3);
		expect((error as CsvSyntaxError).code).toBe('CSV_QUOTE_NOT_CLOSED');
	});

	it("errors thrown by the caller's row handler pass through unchanged", () => {
		const mine = new RangeError('mine');
		expect(() =>
			forEachCsvRow('a\n"b"\n', () => {
				throw mine;
			})
		).toThrow(mine);
	});
});
