import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/lib/data/csv';
import { csvCell, csvWithHeader, defuseCell, quoteField, type CsvColumn } from '../src/lib/journeys/exportCsv';

interface Row {
	code: string;
	name: string;
	value: number | null;
	note: string | null;
}

const columns: CsvColumn<Row>[] = [
	{ key: 'code', label: 'code' },
	{ key: 'name', label: 'name' },
	{ key: 'value', label: 'GP FTE per 10,000 weighted' },
	{ key: 'note', label: 'note' }
];

describe('csvWithHeader', () => {
	it('comment lines, a header row of labels, CRLF line ends', () => {
		const out = csvWithHeader(['Rule: top 10%', 'Generated 2025-11-23'], columns, [
			{ code: 'A81001', name: 'THE DENSHAM SURGERY', value: 4.5249, note: null },
			{ code: 'A81002', name: 'QUEENS PARK, STOCKTON', value: -1.5, note: 'said "hello"' }
		]);
		expect(out).toBe(
			'# Rule: top 10%\r\n' +
				'# Generated 2025-11-23\r\n' +
				'code,name,"GP FTE per 10,000 weighted",note\r\n' +
				'A81001,THE DENSHAM SURGERY,4.5249,\r\n' +
				'A81002,"QUEENS PARK, STOCKTON",-1.5,"said ""hello"""\r\n'
		);
	});

	it('a header line with line breaks becomes several comment lines; quotes in comments become single quotes', () => {
		const out = csvWithHeader(['Sources:\nNHS Digital\r\nONS "IMD 2025"'], [{ key: 'code', label: 'code' }], []);
		expect(out).toBe("# Sources:\r\n# NHS Digital\r\n# ONS 'IMD 2025'\r\ncode\r\n");
	});

	it('comment lines cannot smuggle a formula into a cell after a comma', () => {
		const out = csvWithHeader(
			['Group: Our Deep End,=HYPERLINK("http://x"), +1 ok,@SUM(A1)'],
			[{ key: 'code', label: 'code' }],
			[]
		);
		expect(out.split('\r\n')[0]).toBe("# Group: Our Deep End,'=HYPERLINK('http://x'), +1 ok,'@SUM(A1)");
	});

	it('a value function for computed cells, and a BOM on request', () => {
		const out = csvWithHeader(
			[],
			[
				{
					key: 'value',
					label: 'rounded',
					value: (r: Row) => (r.value === null ? null : Math.round(r.value * 100) / 100)
				}
			],
			[
				{ code: 'x', name: 'x', value: 4.5249, note: null },
				{ code: 'y', name: 'y', value: null, note: null }
			],
			{ bom: true }
		);
		expect(out).toBe('\uFEFFrounded\r\n4.52\r\n\r\n');
	});

	it('round trip through parseCsv: comment lines aside, every cell comes back (injection-guarded cells with their apostrophe)', () => {
		const rows: Row[] = [
			{ code: 'A81001', name: 'Line one\nline two', value: 0, note: '=1+1' },
			{ code: 'B82001', name: 'Comma, and "quote"', value: -0.25, note: '-' },
			{ code: 'C83001', name: 'Ünïcödé Surgery', value: 1e21, note: '@home' },
			{ code: 'D84001', name: '', value: null, note: '\tTabbed' },
			{ code: 'E85001', name: 'CR\rinside', value: 12, note: '+44 113 000' }
		];
		const text = csvWithHeader(['Rule: share15, top 10%', 'Data: IMD 2025; GP workforce Sep 2025'], columns, rows);
		const parsed = parseCsv(text).filter((r) => !r[0].startsWith('#'));
		expect(parsed[0]).toEqual(columns.map((c) => c.label));
		expect(parsed.slice(1)).toEqual([
			['A81001', 'Line one\nline two', '0', "'=1+1"],
			['B82001', 'Comma, and "quote"', '-0.25', "'-"],
			['C83001', 'Ünïcödé Surgery', '1e+21', "'@home"],
			['D84001', '', '', "'\tTabbed"],
			['E85001', 'CR\rinside', '12', "'+44 113 000"]
		]);
		// The comment lines come back whole when their cells are joined again.
		const comments = parseCsv(text)
			.filter((r) => r[0].startsWith('#'))
			.map((r) => r.join(','));
		expect(comments).toEqual(['# Rule: share15, top 10%', '# Data: IMD 2025; GP workforce Sep 2025']);
	});

	it('no rows: just the comments and the header row', () => {
		expect(csvWithHeader([], columns, [])).toBe('code,name,"GP FTE per 10,000 weighted",note\r\n');
	});
});

describe('cells', () => {
	it('defuseCell: formula starts get an apostrophe, plain numbers do not', () => {
		expect(
			[
				'=A1',
				'+A1',
				'-A1',
				'@A1',
				'\tA1',
				'\rA1',
				'-',
				'+',
				'-1.5',
				'+2',
				'-.5',
				'-1e-3',
				'-1,5',
				'1-2',
				'A=1',
				''
			].map(defuseCell)
		).toEqual([
			"'=A1",
			"'+A1",
			"'-A1",
			"'@A1",
			"'\tA1",
			"'\rA1",
			"'-",
			"'+",
			'-1.5',
			'+2',
			'-.5',
			'-1e-3',
			"'-1,5",
			'1-2',
			'A=1',
			''
		]);
	});
	it('quoteField: only when needed', () => {
		expect(['plain', 'a,b', 'say "x"', 'a\nb', 'a\rb', ' spaced '].map(quoteField)).toEqual([
			'plain',
			'"a,b"',
			'"say ""x"""',
			'"a\nb"',
			'"a\rb"',
			' spaced '
		]);
	});
	it('csvCell: null, undefined, NaN and Infinity are empty; booleans and numbers as text', () => {
		expect([null, undefined, NaN, Infinity, -Infinity, true, 0, -0.5, 'x'].map((v) => csvCell(v))).toEqual([
			'',
			'',
			'',
			'',
			'',
			'true',
			'0',
			'-0.5',
			'x'
		]);
	});
});
