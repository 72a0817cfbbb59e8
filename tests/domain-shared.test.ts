// The shared domain modules, on hand-worked examples: the CSV reader and writer, the code patterns,
// bounding boxes and the nearest-point index.
import { describe, expect, it } from 'vitest';
import { boundsOf, boundsOfLocated } from '../src/lib/domain/bbox';
import { AREA_CODE, isPracticeCode, LSOA_CODE, PRACTICE_CODE } from '../src/lib/domain/codes';
import { csvCell, csvRecords, csvRow, defuseCell, parseCsv, parseCsvLines, quoteField } from '../src/lib/domain/csv';
import { NearestIndex } from '../src/lib/domain/nearest';

describe('parseCsv and csvRecords', () => {
	it('quoted fields keep commas and line breaks; doubled quotes are one quote', () => {
		expect(parseCsv('a,"b,c","say ""hi"""\n"x\ny",z')).toEqual([
			['a', 'b,c', 'say "hi"'],
			['x\ny', 'z']
		]);
	});
	it('CRLF, LF and CR line ends mixed in one file', () => {
		expect(parseCsv('a,b\r\nc,d\ne,f\rg,h')).toEqual([
			['a', 'b'],
			['c', 'd'],
			['e', 'f'],
			['g', 'h']
		]);
	});
	it('a byte order mark is not part of the first header', () => {
		const [header] = parseCsv('\uFEFFcode,name\nA81001,X');
		expect(header).toEqual(['code', 'name']);
		expect(csvRecords('\uFEFFcode,name\nA81001,X')).toEqual([{ code: 'A81001', name: 'X' }]);
	});
	it('records keyed by the header; blank lines skipped; short rows filled with ""', () => {
		expect(csvRecords('code,name\r\nA81001,"DENSHAM, THE"\r\n\r\nB82001\n')).toEqual([
			{ code: 'A81001', name: 'DENSHAM, THE' },
			{ code: 'B82001', name: '' }
		]);
		expect(csvRecords('')).toEqual([]);
	});
});

describe('parseCsvLines (hand-made lists)', () => {
	it('each line with its number; blank lines kept; cells trimmed', () => {
		expect(parseCsvLines('code\r\n a81001 \n\n"B82001" ,x')).toEqual([
			{ line: 1, cells: ['code'] },
			{ line: 2, cells: ['a81001'] },
			{ line: 3, cells: [''] },
			{ line: 4, cells: ['B82001', 'x'] }
		]);
	});
	it('another delimiter; quotes in the middle of a cell are text', () => {
		expect(parseCsvLines('a;"b;c"\n=HYPERLINK("x");d', ';')).toEqual([
			{ line: 1, cells: ['a', 'b;c'] },
			{ line: 2, cells: ['=HYPERLINK("x")', 'd'] }
		]);
	});
	it('a quote left open ends at its line; an unreadable line is one cell', () => {
		expect(parseCsvLines('"A81001\nA81002\n"x"y,z\n')).toEqual([
			{ line: 1, cells: ['A81001'] },
			{ line: 2, cells: ['A81002'] },
			{ line: 3, cells: ['"x"y,z'] }
		]);
		// A quoted line break is not followed: each line stands alone, CR-only line ends included.
		expect(parseCsvLines('x,"a\nb",c\rd')).toEqual([
			{ line: 1, cells: ['x', 'a'] },
			{ line: 2, cells: ['b"', 'c'] },
			{ line: 3, cells: ['d'] }
		]);
	});
});

describe('CSV writing: the formula guard and quoting', () => {
	it('cells a spreadsheet would run get an apostrophe', () => {
		expect(['=SUM(A1)', '+A1', '-A1', '@cmd', '\tx', '\rx', '+1-2', '-'].map((t) => defuseCell(t))).toEqual([
			"'=SUM(A1)",
			"'+A1",
			"'-A1",
			"'@cmd",
			"'\tx",
			"'\rx",
			"'+1-2",
			"'-"
		]);
	});
	it('plain numbers, negative ones included, and ordinary text are left alone', () => {
		expect(['-1.5', '+44', '-2e3', '-.5', '0', 'plain', 'a=b'].map((t) => defuseCell(t))).toEqual([
			'-1.5',
			'+44',
			'-2e3',
			'-.5',
			'0',
			'plain',
			'a=b'
		]);
	});
	it('RFC 4180 quoting of commas, quotes and line breaks only', () => {
		expect(['plain', 'a,b', 'say "x"', 'a\nb', 'a\r\nb'].map((t) => quoteField(t))).toEqual([
			'plain',
			'"a,b"',
			'"say ""x"""',
			'"a\nb"',
			'"a\r\nb"'
		]);
	});
	it('cells: empty for missing numbers, rounding when asked, text defused then quoted', () => {
		expect([null, undefined, NaN, Infinity].map((v) => csvCell(v))).toEqual(['', '', '', '']);
		expect(csvCell(-0.5)).toBe('-0.5');
		// 1.23456 to 2 dp: round(123.456) / 100 = 1.23; 2.5 to 0 dp: round(2.5) = 3.
		expect(csvCell(1.23456, 2)).toBe('1.23');
		expect(csvCell(2.5, 0)).toBe('3');
		expect(csvCell('=1+1,2')).toBe(`"'=1+1,2"`);
		expect(csvRow([1, 'a,b', null, '-3', '-x'])).toBe(`1,"a,b",,-3,'-x`);
	});
	it('what is written reads back the same (apart from the guard apostrophe)', () => {
		const cells = ['a,b', 'say "x"', 'two\nlines', '-1.5'];
		expect(parseCsv(csvRow(cells))).toEqual([cells]);
	});
});

describe('codes', () => {
	it('practice codes: a capital letter and five digits', () => {
		expect(['A81001', 'Y03303', 'W91016'].every((c) => PRACTICE_CODE.test(c))).toBe(true);
		expect(['a81001', 'A8100', 'A810011', 'AB1234', ' A81001', 'U12345 '].some((c) => isPracticeCode(c))).toBe(false);
	});
	it('LSOA codes: E01 and six digits', () => {
		expect(LSOA_CODE.test('E01000001')).toBe(true);
		expect(['E02000001', 'W01000001', 'E0100001', 'e01000001'].some((c) => LSOA_CODE.test(c))).toBe(false);
	});
	it('area codes in the URL: 3 to 12 capitals or digits', () => {
		expect(['E54000050', 'E38000001', 'U12345', 'E01000001', 'ABC'].every((c) => AREA_CODE.test(c))).toBe(true);
		expect(['AB', 'e54000050', 'E54 000050', 'E540000500000', 'E54<x>'].some((c) => AREA_CODE.test(c))).toBe(false);
	});
});

describe('bounds', () => {
	it('west, south, east, north of [lon, lat] points', () => {
		expect(
			boundsOf([
				[0, 52],
				[-1.5, 53.2],
				[0.5, 51.9]
			])
		).toEqual([-1.5, 51.9, 0.5, 53.2]);
		expect(boundsOf([[-2, 54]])).toEqual([-2, 54, -2, 54]);
		expect(boundsOf([])).toBeNull();
	});
	it('located items only', () => {
		const items = [
			{ lat: 52, lon: 0 },
			{ lat: null, lon: null },
			{ lat: 60, lon: null },
			{ lat: 51, lon: 1 }
		];
		expect(boundsOfLocated(items)).toEqual([0, 51, 1, 52]);
		expect(boundsOfLocated([{ lat: null, lon: 3 }])).toBeNull();
	});
});

describe('NearestIndex', () => {
	// Haversine on distanceKm's sphere (R = 6,371.0088 km), worked by hand from (52° N, 0°):
	// 0.1° of latitude = R × 0.1 × π / 180 = 11.11951 km; 1° = 111.19508 km;
	// 0.1° of longitude at 52° N = 2R asin(cos 52° × sin 0.05°) ≈ 111.19508 × 0.1 × 0.615661 = 6.84585 km.
	const R = 6371.0088;
	const rad = Math.PI / 180;
	const haversine = (lat1: number, lon1: number, lat2: number, lon2: number) =>
		2 *
		R *
		Math.asin(
			Math.sqrt(
				Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
					Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2
			)
		);
	const items = [
		{ code: 'A', lat: 52.1, lon: 0 },
		{ code: 'B', lat: 51.9, lon: 0 },
		{ code: 'C', lat: 52, lon: 0.1 },
		{ code: 'D', lat: 53, lon: 0 },
		{ code: 'N', lat: null, lon: null },
		{ code: 'M', lat: 52, lon: null }
	];
	const index = new NearestIndex(items);

	it('skips items without coordinates', () => {
		expect(index.size).toBe(4);
		expect(index.nearest(0, 52, 10).map((x) => x.item.code)).not.toContain('N');
	});
	it('nearest first, at most n, with haversine km', () => {
		const two = index.nearest(0, 52, 2);
		expect(two).toHaveLength(2);
		expect(two[0].item.code).toBe('C');
		expect(two[0].km).toBeCloseTo(6.84585, 5);
		expect(two[0].km).toBeCloseTo(haversine(52, 0, 52, 0.1), 10);
		expect(two[1].km).toBeCloseTo(11.11951, 5);
		const all = index.nearest(0, 52, 10);
		expect(all.map((x) => x.item.code)).toEqual(['C', expect.any(String), expect.any(String), 'D']);
		expect(all[3].km).toBeCloseTo(111.19508, 5);
		for (const { item, km } of all) expect(km).toBeCloseTo(haversine(52, 0, item.lat!, item.lon!), 10);
	});
	it('within maxKm only', () => {
		expect(
			index
				.nearest(0, 52, 10, 12)
				.map((x) => x.item.code)
				.sort()
		).toEqual(['A', 'B', 'C']);
		expect(index.nearest(0, 52, 10, 5)).toEqual([]);
	});
	it('only items passing the filter', () => {
		const r = index.nearest(0, 52, 2, Infinity, (p) => p.code !== 'C' && p.code !== 'B');
		expect(r.map((x) => x.item.code)).toEqual(['A', 'D']);
		expect(r[1].km).toBeCloseTo(111.19508, 5);
	});
	it('an index of nothing located answers nothing', () => {
		expect(new NearestIndex([]).nearest(0, 52, 3)).toEqual([]);
		expect(new NearestIndex([{ lat: null, lon: null }]).size).toBe(0);
	});
});
