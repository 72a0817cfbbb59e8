// Whole-input checks (issue 12): record counts against the manifest, LSOA vintages, unique keys in
// every keyed reader, boundary geometry (empty, swapped axes, outside the country's box) and damaged
// files (empty, empty .gz, truncated gzip, plain text named .gz, missing), each a located InputError
// that says what was expected and the fix; and the build's failure message never shows a stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Feature } from 'geojson';
import type { SourceEntry } from '../src/lib/domain/formats/sources';
import {
	INPUT_FILES,
	INPUT_IDS,
	readBlackwellImd,
	readFingertipsImd,
	readLsoaLookup,
	readWimd2019,
	SOURCES_PATH
} from '../scripts/pipeline/inputs';
import { checkRowCount, checkSourceRows, checkUniqueKeys, checkVintage } from '../scripts/pipeline/inputs/expect';
import { failureMessage, InputError } from '../scripts/pipeline/inputs/error';
import { readCsv, readText } from '../scripts/pipeline/read';
import { readGeojson } from '../scripts/pipeline/geometry';
import { BOXES } from '../scripts/pipeline/geometryChecks';
import { validateManifest } from '../scripts/fetch/manifest';
import { inputError } from './helpers/inputError';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'atlas-checks-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Write a fixture file (text, or bytes as given) and return its path. */
function file(name: string, content: string | Uint8Array): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

describe('record counts against data/sources.json (expectedRows)', () => {
	const practices = { count: 1000, tolerancePct: 5, of: 'practices' };

	it('accepts a count within the tolerance, and anything when no count is stated', () => {
		for (const n of [950, 1000, 1050]) expect(() => checkRowCount('p.csv', n, practices)).not.toThrow();
		expect(() => checkRowCount('p.csv', 3, undefined)).not.toThrow();
		expect(() => checkRowCount('g.csv', 33_755, { count: 33_755, tolerancePct: 0, of: 'LSOAs' })).not.toThrow();
	});

	it('a file cut short: the count found, the count expected and the fix', () => {
		// A registrations file cut at a row boundary, a third of its rows gone.
		const e = inputError(() =>
			checkRowCount('reg.csv.gz', 579_004, { count: 868_505, tolerancePct: 5, of: 'practice × LSOA rows' })
		);
		expect(e.file).toBe('reg.csv.gz');
		expect(e.problem).toBe(
			'the file holds 579,004 practice × LSOA rows; expected 868,505 ± 5% (data/sources.json, expectedRows): 289,501 missing (is the file cut short?)'
		);
		expect(e.fix).toContain('a new vintage of the file updates its expectedRows in data/sources.json');
		// The LSOA geography with half its rows, where no shortfall is allowed.
		const half = inputError(() => checkRowCount('geo.csv.gz', 16_878, { count: 33_755, tolerancePct: 0, of: 'LSOAs' }));
		expect(half.problem).toMatch(/^the file holds 16,878 LSOAs; expected 33,755 \(/);
	});

	it('too many is an error too (949 and 1,051 are both outside 1,000 ± 5%)', () => {
		expect(inputError(() => checkRowCount('p.csv', 949, practices)).problem).toContain('51 missing');
		expect(inputError(() => checkRowCount('p.csv', 1051, practices)).problem).toContain('51 too many');
	});

	it('the manifest field is checked when the manifest is loaded', () => {
		const entry = {
			id: 'x',
			role: 'input',
			title: 't',
			publisher: 'p',
			officialUrl: 'https://example.invalid',
			licence: 'OGL-3.0',
			attribution: 'a',
			vintage: 'v',
			file: 'x.csv',
			sha256: 'a'.repeat(64),
			bytes: 1,
			derivation: 'd'
		};
		const manifest = (expectedRows: unknown) => ({ attributions: ['a'], sources: [{ ...entry, expectedRows }] });
		expect(validateManifest(manifest({ count: 7, tolerancePct: 0, of: 'rows' })).sources[0].expectedRows?.count).toBe(
			7
		);
		for (const bad of [
			{ count: 0, tolerancePct: 0, of: 'rows' },
			{ count: 7, tolerancePct: -1, of: 'rows' },
			{ count: 7 }
		]) {
			expect(() => validateManifest(manifest(bad)), JSON.stringify(bad)).toThrow(/sources\[0\] \("x"\)\.expectedRows/);
		}
	});
});

describe('LSOA vintages', () => {
	// 2021 codes {A, B, C}; 2011 codes {A, B, X, Y}: A and B did not change, X and Y were split or merged.
	const lsoa21 = new Set(['A', 'B', 'C']);
	const lsoa11 = new Set(['A', 'B', 'X', 'Y']);
	const check = (codes: string[], tolerance?: number) => () =>
		checkVintage({
			label: 'imd.csv',
			column: 'lsoa21_code',
			codes,
			expected: lsoa21,
			expectedName: 'LSOA 2021',
			expectedFrom: 'the lookup',
			other: { codes: lsoa11, name: 'LSOA 2011' },
			tolerance
		});

	it('accepts codes of the expected vintage', () => {
		expect(check(['A', 'B', 'C'])).not.toThrow();
	});

	it('one code of the other vintage names it, at its line (row 2 → line 3)', () => {
		const e = inputError(check(['A', 'X', 'B']));
		expect([e.line, e.column]).toEqual([3, 'lsoa21_code']);
		expect(e.problem).toBe(
			'the file has LSOA 2011 codes (1 of 3 codes are LSOA 2011 codes that LSOA 2021 does not have), e.g. "X"; expected LSOA 2021 codes (as in the lookup)'
		);
		expect(e.fix).toMatch(/^use the edition of the file published on LSOA 2021 codes/);
	});

	it('codes of neither vintage: allowed up to the tolerance, then named as such', () => {
		expect(check(['A', 'B', 'Z'], 0.5)).not.toThrow(); // 1 of 3 ≤ 50%
		const e = inputError(check(['A', 'Z', 'Q'], 0.5)); // 2 of 3 > 50%
		expect(e.line).toBe(3);
		expect(e.problem).toContain('2 of 3 are neither LSOA 2021 nor LSOA 2011 codes');
		// An other-vintage code is never tolerated.
		expect(inputError(check(['A', 'B', 'Y'], 0.5)).problem).toContain('LSOA 2011 codes (1 of 3');
	});
});

describe('duplicate keys in every keyed input', () => {
	it('the 2011 → 2021 lookup: a repeated pair', () => {
		const head = 'lsoa11_code,lsoa21_code,change_code';
		const path = file('lookup.csv', `${head}\nE01000001,E01000001,U\nE01000002,E01033001,S\nE01000001,E01000001,U\n`);
		const e = inputError(() => readLsoaLookup(path));
		expect([e.line, e.column]).toEqual([4, 'lsoa11_code × lsoa21_code']);
		expect(e.problem).toContain('first seen on line 2');
		// A split 2011 LSOA has one row per 2021 child: not a duplicate.
		const split = file('split.csv', `${head}\nE01000002,E01033001,S\nE01000002,E01033002,S\n`);
		expect(readLsoaLookup(split)).toHaveLength(2);
	});

	it('the reference files: a practice twice in one year (other years are other rows)', () => {
		const fingertips = file('ft.csv', 'Year,AreaCode,Value\n2019,A81001,20\n2015,A81001,21\n2019,A81001,22\n');
		expect(inputError(() => readFingertipsImd(fingertips, 2019)).line).toBe(4);
		expect(readFingertipsImd(fingertips, 2015).get('A81001')).toBe(21);
		const blackwell = file('bw.csv', 'practice_code,imd_score\nA81001,20\nA81001,21\n');
		expect(inputError(() => readBlackwellImd(blackwell)).problem).toContain('duplicate practice_code "A81001"');
	});

	it('boundary features: a code on two features, or none', () => {
		expect(() => checkUniqueKeys('b.geojson', 'ICB23CD', ['E54000001', 'E54000002'])).not.toThrow();
		const e = inputError(() => checkUniqueKeys('b.geojson', 'ICB23CD', ['E54000001', 'E54000002', 'E54000001']));
		expect(e.problem).toBe('features[2] repeats ICB23CD "E54000001" (first in features[0])');
	});
});

describe('boundary geometry', () => {
	const square = (x: number, y: number) => [
		[x, y],
		[x + 0.01, y],
		[x + 0.01, y + 0.01],
		[x, y + 0.01],
		[x, y]
	];
	const feature = (coordinates: unknown, code = 'E01000001'): Feature =>
		({ type: 'Feature', properties: { LSOA21CD: code }, geometry: { type: 'Polygon', coordinates } }) as Feature;
	const read = (features: Feature[], box = BOXES.england, key?: string) =>
		readGeojson(file('b.geojson', JSON.stringify({ type: 'FeatureCollection', features })), 'b.geojson', box, key);
	const ok = feature([square(-1.3, 54.5)]); // Stockton-on-Tees

	it('accepts polygons inside the box', () => {
		expect(read([ok]).features).toHaveLength(1);
	});

	it('swapped axes: the feature, its code and the cause', () => {
		const e = inputError(() => read([ok, feature([square(54.5, -1.3)], 'E01000002')]));
		expect(e.problem).toMatch(
			/^features\[1\] \(LSOA21CD E01000002\) position \[54\.5, -1\.3\] lies outside England \(longitude -6\.5…1\.8, latitude 49\.8…55\.85\): its longitude and latitude are swapped/
		);
		expect(e.fix).toContain('WGS84 [longitude, latitude]');
	});

	it('outside the country: Inverness in an England file, grid metres anywhere', () => {
		expect(inputError(() => read([feature([square(-4.2, 57.5)])])).problem).toContain('lies outside England');
		expect(() => read([feature([square(-4.2, 57.5)])], BOXES.uk)).not.toThrow();
		expect(inputError(() => read([feature([square(445000, 515000)])])).problem).toContain('these are not degrees');
	});

	it('empty rings, an open ring and positions that are not numbers', () => {
		expect(inputError(() => read([feature([])])).problem).toBe('features[0] (LSOA21CD E01000001) has an empty Polygon');
		expect(inputError(() => read([feature([[]])])).problem).toContain('a ring with fewer than 4 positions');
		expect(
			inputError(() =>
				read([
					feature([
						square(-1.3, 54.5)
							.slice(0, 4)
							.concat([[-1.2, 54.6]])
					])
				])
			).problem
		).toContain('not closed');
		expect(inputError(() => read([feature([[['a', 'b'], ...square(-1.3, 54.5)]])])).problem).toContain(
			'not two numbers'
		);
	});

	it('with a key: each feature has one, and no two share it', () => {
		expect(inputError(() => read([ok, ok], BOXES.england, 'LSOA21CD')).problem).toContain('repeats LSOA21CD');
		expect(inputError(() => read([ok], BOXES.england, 'LSOA11CD')).problem).toBe(
			'features[0] has no LSOA11CD (expected a code in properties.LSOA11CD)'
		);
	});
});

describe('damaged files say what was expected', () => {
	const spec = { columns: [{ name: 'a' }] };
	const csv = gzipSync('a\n1\n2\n');

	it('an empty file and an empty .gz', () => {
		expect(inputError(() => readCsv(file('empty.csv', ''), spec)).problem).toBe(
			'the file is empty (0 bytes; expected a header row and data rows)'
		);
		expect(inputError(() => readCsv(file('empty.csv.gz', ''), spec)).problem).toBe(
			'the file is empty (0 bytes; expected a gzip-compressed file)'
		);
	});

	it('a truncated gzip, and gzip of nothing but a header', () => {
		const e = inputError(() => readCsv(file('cut.csv.gz', csv.subarray(0, csv.length - 10)), spec));
		expect(e.problem).toMatch(/^the gzip stream ends early: the file \(\d+ bytes\) is truncated/);
		expect(e.line).toBeNull();
		expect(inputError(() => readCsv(file('head.csv.gz', gzipSync('a\n')), spec)).problem).toBe(
			'the file has a header but no data rows'
		);
	});

	it('plain text named .gz; gzip named .csv reads', () => {
		const e = inputError(() => readCsv(file('plain.csv.gz', 'a\n1\n'), spec));
		expect(e.problem).toBe(
			'the name ends in .gz but the file is not gzip (it starts "a·1·"; expected gzip\'s bytes 1f 8b)'
		);
		expect(readText(file('zipped.csv', csv))).toBe('a\n1\n2\n');
	});

	it('a missing file names what to run', () => {
		const e = inputError(() => readCsv(join(dir, 'nope.csv'), spec));
		expect(e.problem).toMatch(/^cannot read .*nope\.csv \(ENOENT; expected the file listed in data\/sources\.json\)$/);
		expect(e.fix).toMatch(/npm run fetch-data/);
	});
});

describe('the build’s failure message', () => {
	it('a bad input: the InputError’s message, no stack', () => {
		const m = failureMessage(new InputError('x.csv', 3, 'a', 'bad', 'fix it'), false);
		expect(m).toBe('Build stopped: bad input.\nx.csv, line 3, column a: bad\n  Fix: fix it');
	});

	it('any other failure: its message and how to get the stack, which only --debug shows', () => {
		const e = new TypeError("Cannot read properties of undefined (reading 'x')");
		const m = failureMessage(e, false);
		expect(m).toMatch(
			/^Build failed: Cannot read properties of undefined \(reading 'x'\)\n {2}\(Run again with --debug/
		);
		expect(m).not.toMatch(/\n\s+at /);
		expect(failureMessage(e, true)).toMatch(/\n\s+at /);
		expect(failureMessage('a string', false)).toMatch(/^Build failed: a string/);
	});
});

describe('every input read has a record count in data/sources.json, the Welsh and Scottish ones too', () => {
	const sources: SourceEntry[] = JSON.parse(readFileSync(SOURCES_PATH, 'utf8')).sources;

	it('each id the pipeline reads states expectedRows', () => {
		const without = INPUT_IDS.filter((id) => !sources.find((s) => s.id === id)?.expectedRows);
		expect(without).toEqual([]);
		const entry = (id: string) => sources.find((s) => s.id === id)!.expectedRows!;
		// Areas are fixed sets: 1,909 Welsh LSOAs 2011 and 6,976 Scottish data zones, each in three files.
		for (const id of ['wimd2019', 'walesLsoa11Boundaries'])
			expect(entry(id)).toMatchObject({ count: 1909, tolerancePct: 0 });
		for (const id of ['simd2020', 'dz11Boundaries', 'dz11Lookup'])
			expect(entry(id)).toMatchObject({ count: 6976, tolerancePct: 0 });
		expect(entry('payments2014to15')).toMatchObject({ count: 7959, tolerancePct: 5 });
	});

	it('a CSV cut short (WIMD 2019 with 3 of its 1,909 LSOAs) fails naming the file and both counts', () => {
		const path = file(
			'wimd.csv',
			'lsoa11_code,IMD_rank,IMD_score\nW01000001,1,70.1\nW01000002,2,60.2\nW01000003,3,50.3\n'
		);
		const rows = readWimd2019(path, INPUT_FILES.wimd2019);
		expect(rows).toHaveLength(3);
		const e = inputError(() => checkSourceRows(sources, 'wimd2019', rows.length));
		expect(e.file).toBe('deprivation/wimd2019_lsoa11.csv');
		expect(e.problem).toBe(
			'the file holds 3 LSOAs 2011 (Wales); expected 1,909 (data/sources.json, expectedRows): 1,906 missing (is the file cut short?)'
		);
	});

	it('a boundary file cut short (2 Welsh LSOA polygons) fails the same way', () => {
		const ring = (x: number, y: number) => [
			[x, y],
			[x + 0.01, y],
			[x + 0.01, y + 0.01],
			[x, y + 0.01],
			[x, y]
		];
		const features = ['W01000001', 'W01000002'].map((code, i) => ({
			type: 'Feature',
			properties: { LSOA11CD: code },
			geometry: { type: 'Polygon', coordinates: [ring(-3.2 + i * 0.02, 51.5)] } // Cardiff
		}));
		const label = INPUT_FILES.walesLsoa11Boundaries;
		const geo = readGeojson(file('wales.geojson', JSON.stringify({ type: 'FeatureCollection', features })), label);
		const e = inputError(() => checkSourceRows(sources, 'walesLsoa11Boundaries', geo.features.length));
		expect(e.file).toBe('boundaries/lsoa11_bgc_wales.geojson.gz');
		expect(e.problem).toMatch(/^the file holds 2 LSOA 2011 boundaries \(Wales\); expected 1,909 \(.*: 1,907 missing/);
		// The whole file's count passes.
		expect(() => checkSourceRows(sources, 'walesLsoa11Boundaries', 1909)).not.toThrow();
	});
});
