import { afterAll, describe, expect, it } from 'vitest';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postcodeLookup, readCodePoint, sectorCentroids } from '../scripts/pipeline/codePoint';
import { buildPostcodeIndex } from '../scripts/pipeline/postcodeIndex';
import { buildPlaceIndex, englishAreaName, readPlaces } from '../scripts/pipeline/places';
import { inputError } from './helpers/inputError';
import { findInOutcodeFile, type OutcodeFile, type OutcodeIndexFile } from '../src/lib/domain/postcode';

const fx = (name: string) => join(__dirname, 'fixtures/search', name);
const tmp = mkdtempSync(join(tmpdir(), 'search-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const read = (path: string) => readFileSync(path, 'utf8');

describe('Code-Point Open: reading', () => {
	const cp = readCodePoint(fx('codepoint_ok.csv'));

	it('groups positioned postcodes by outward code, in order, and counts the unpositioned', () => {
		expect([...cp.outcodes.keys()]).toEqual(['CH1', 'LS1', 'TS18']);
		expect(cp.outcodes.get('LS1')!.incodes).toEqual(['1AZ', '1BA', '1UR', '2AB', '4DY']);
		// "TS181AA" and "CH1  1AA" are spelled oddly in the file and read as TS18 1AA and CH1 1AA.
		expect(cp.outcodes.get('TS18')!.incodes).toEqual(['1AA', '1HU', '2AB']);
		expect(cp.outcodes.get('CH1')!.countries).toEqual({ E: 2, S: 0, W: 1 });
		expect(cp.postcodes).toBe(11);
		expect(cp.byCountry).toEqual({ E: 10, S: 0, W: 1 });
		expect(cp.skippedNoPosition).toBe(1);
		expect(cp.noPositionExamples).toEqual(['TS18 2AD']);
	});

	it('looks postcodes up in any spelling, at full precision', () => {
		expect(cp.lookup('LS1 1UR')).toEqual([53.802161, -1.548517]);
		expect(cp.lookup('ls11ur')).toEqual([53.802161, -1.548517]);
		expect(cp.lookup('CH1 1AA')).toEqual([53.2, -2.9]);
		expect(cp.lookup('TS18 2AD')).toBeNull(); // in the file, but without a position
		expect(cp.lookup('LS1 9ZZ')).toBeNull();
		expect(cp.lookup('nonsense')).toBeNull();
	});

	it("sector centroids are the mean of the sector's postcodes", () => {
		const sectors = cp.sectors();
		expect([...sectors.keys()]).toEqual(['CH1 1', 'CH1 2', 'CH1 3', 'LS1 1', 'LS1 2', 'LS1 4', 'TS18 1', 'TS18 2']);
		const ts1 = sectors.get('TS18 1')!;
		expect(ts1.n).toBe(2);
		expect(ts1.lat).toBeCloseTo(54.55, 12);
		expect(ts1.lon).toBeCloseTo(-1.35, 12);
		const ls1 = sectors.get('LS1 1')!; // 1AZ, 1BA, 1UR
		expect(ls1.n).toBe(3);
		expect(ls1.lat).toBeCloseTo((53.796301 + 53.797049 + 53.802161) / 3, 12);
		expect(ls1.lon).toBeCloseTo((-1.564086 - 1.556414 - 1.548517) / 3, 12);
		// The generic function over any rows gives the same.
		const again = sectorCentroids(cp.points());
		expect([...again.keys()]).toEqual([...sectors.keys()]);
		for (const [k, v] of sectors) {
			expect(again.get(k)!.n).toBe(v.n);
			expect(again.get(k)!.lat).toBeCloseTo(v.lat, 12);
		}
		// Rows that are not full postcodes are ignored.
		expect(
			sectorCentroids([
				{ postcode: 'LS1', lat: 1, lon: 1 },
				{ postcode: 'junk', lat: 1, lon: 1 }
			]).size
		).toBe(0);
	});

	it('locates a practice postcode, falling back to its sector when the postcode is not live', () => {
		expect(cp.locate('LS1 1UR')).toEqual({ lat: 53.802161, lon: -1.548517, source: 'postcode' });
		const gone = cp.locate('TS18 2AD')!; // no position -> sector TS18 2, whose only postcode is 2AB
		expect(gone).toEqual({ lat: 54.56, lon: -1.32, source: 'postcode-sector' });
		expect(cp.locate('TS18 1ZZ')!.source).toBe('postcode-sector');
		expect(cp.locate('TS18 9ZZ')).toBeNull(); // sector unknown too
		expect(cp.locate('ZZ9 9ZZ')).toBeNull();
		expect(cp.locate('')).toBeNull();
	});

	it('postcodeLookup gives a map of every positioned postcode', () => {
		const m = postcodeLookup(cp);
		expect(m.size).toBe(11);
		expect(m.get('TS18 1AA')).toEqual([54.5, -1.3]);
	});
});

describe('Code-Point Open: bad input names file, line and column', () => {
	it('a malformed postcode', () => {
		const e = inputError(() => readCodePoint(fx('codepoint_bad_postcode.csv')));
		expect([e.file, e.line, e.column]).toEqual(['codepoint_bad_postcode.csv', 3, 'postcode']);
		expect(e.problem).toContain('"LS1 1U" is not a postcode like TS18 1HU');
		expect(e.message).toContain('Fix:');
	});
	it('a missing column', () => {
		const e = inputError(() => readCodePoint(fx('codepoint_missing_column.csv')));
		expect([e.file, e.line, e.column]).toEqual(['codepoint_missing_column.csv', 1, 'longitude']);
		expect(e.problem).toContain('required column "longitude" is missing');
	});
	it('a postcode listed twice (in two spellings)', () => {
		const e = inputError(() => readCodePoint(fx('codepoint_duplicate.csv'), 'postcodes/cp.csv'));
		expect([e.file, e.line, e.column]).toEqual(['postcodes/cp.csv', 4, 'postcode']);
		expect(e.problem).toBe('duplicate postcode "LS1 1UR" (first seen on line 2)');
	});
	it('a latitude outside Great Britain', () => {
		const e = inputError(() => readCodePoint(fx('codepoint_bad_latitude.csv')));
		expect([e.line, e.column]).toEqual([2, 'latitude']);
		expect(e.problem).toContain('below the allowed minimum 49');
	});
	it('a missing file', () => {
		const e = inputError(() => readCodePoint(fx('nope.csv.gz')));
		expect(e.problem).toContain('cannot read');
	});
});

describe('postcode index files', () => {
	const out = join(tmp, 'fixture-out');
	// A file from an earlier build for an outward code that no longer exists: must go.
	mkdirSync(join(out, 'postcodes'), { recursive: true });
	writeFileSync(join(out, 'postcodes', 'ZZ9.json'), '{}');
	const stats = buildPostcodeIndex(fx('codepoint_ok.csv'), out);
	const dir = join(out, 'postcodes');

	it('writes one compact file per outward code, in inward-code order, 5 dp', () => {
		expect(readdirSync(dir).sort()).toEqual(['CH1.json', 'LS1.json', 'TS18.json', 'index.json']);
		expect(read(join(dir, 'LS1.json'))).toBe(
			'{"outcode":"LS1","postcodes":[["1AZ",53.7963,-1.56409],["1BA",53.79705,-1.55641],["1UR",53.80216,-1.54852],["2AB",53.798,-1.55001],["4DY",53.8,-1.545]]}'
		);
		expect(read(join(dir, 'TS18.json'))).toBe(
			'{"outcode":"TS18","postcodes":[["1AA",54.5,-1.3],["1HU",54.6,-1.4],["2AB",54.56,-1.32]]}'
		);
		expect(read(join(dir, 'CH1.json'))).toBe(
			'{"outcode":"CH1","postcodes":[["1AA",53.2,-2.9],["2BB",53.19,-2.89],["3CC",53.21,-2.91]]}'
		);
	});

	it('writes the outward-code index: centroid, box, count, countries (most first)', () => {
		const index = JSON.parse(read(join(dir, 'index.json'))) as OutcodeIndexFile;
		expect(index.fields).toEqual(['outcode', 'lat', 'lon', 'west', 'south', 'east', 'north', 'postcodes', 'countries']);
		expect(index.source).toContain('Code-Point Open');
		expect(index.outcodes).toEqual([
			['CH1', 53.2, -2.9, -2.91, 53.19, -2.89, 53.21, 3, 'EW'],
			// mean of the five: lat 268.993511 / 5 = 53.7987022, lon -7.764027 / 5 = -1.5528054;
			// box: west 1AZ, south 1AZ, east 4DY, north 1UR
			['LS1', 53.7987, -1.55281, -1.56409, 53.7963, -1.545, 53.80216, 5, 'E'],
			// TS18 2AD has no position: not counted
			['TS18', 54.55333, -1.34, -1.4, 54.5, -1.3, 54.6, 3, 'E']
		]);
	});

	it('the app finds a postcode in its file', () => {
		const file = JSON.parse(read(join(dir, 'LS1.json'))) as OutcodeFile;
		expect(findInOutcodeFile(file, 'ls1 1ur')).toEqual({ postcode: 'LS1 1UR', lat: 53.80216, lon: -1.54852 });
	});

	it('returns stats for the build report and leaves no temp files', () => {
		expect(stats).toMatchObject({
			postcodes: 11,
			outcodes: 3,
			skippedNoPosition: 1,
			largestOutcode: 'LS1',
			largestFileBytes: statSync(join(dir, 'LS1.json')).size
		});
		expect(stats.indexBytes).toBe(statSync(join(dir, 'index.json')).size);
		expect(stats.ms).toBeGreaterThanOrEqual(0);
		expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
	});
});

describe('place index files', () => {
	const out = join(tmp, 'places-out');
	const stats = buildPlaceIndex(fx('places_ok.csv'), out);

	it('reads places, leading with the English name and an English area label', () => {
		const places = readPlaces(fx('places_ok.csv'));
		expect(places.find((p) => p.id === 'osgb2')).toEqual({
			id: 'osgb2',
			name: 'Swansea',
			alt: 'Abertawe',
			type: 'City',
			area: 'Swansea',
			lat: 51.62,
			lon: -3.94,
			bbox: [-4.1, 51.55, -3.85, 51.7]
		});
		expect(places.find((p) => p.id === 'osgb7')!.area).toBe('Forest of Dean, Gloucestershire');
		expect(englishAreaName('Bro Morgannwg - the Vale of Glamorgan')).toBe('The Vale of Glamorgan');
		expect(englishAreaName('Gwynedd - Gwynedd')).toBe('Gwynedd');
		expect(englishAreaName('Stockton-on-Tees')).toBe('Stockton-on-Tees');
	});

	it('places.json: cities, towns, suburbs and villages, alphabetical, compact', () => {
		const doc = JSON.parse(read(join(out, 'places.json')));
		expect(doc.types).toEqual(['City', 'Town', 'Suburban Area', 'Village']);
		expect(doc.areas).toEqual(['Bradford', 'Leeds', 'Liverpool', 'Powys', 'Stirling', 'Stockton-on-Tees', 'Swansea']);
		expect(doc.places).toEqual([
			['Allerton', '', 2, 0, 53.81, -1.82],
			['Allerton', '', 2, 2, 53.37, -2.89],
			['Crianlarich', "A' Chrìon Làraich", 3, 4, 56.393, -4.616],
			['Headingley', '', 2, 1, 53.819, -1.587],
			['Leeds', '', 0, 1, 53.801, -1.549, -1.8, 53.7, -1.3, 53.95],
			['Stockton-on-Tees', '', 1, 5, 54.57, -1.32, -1.4, 54.52, -1.25, 54.62],
			['Swansea', 'Abertawe', 0, 6, 51.62, -3.94, -4.1, 51.55, -3.85, 51.7],
			['Ystradgynlais', '', 1, 3, 51.78, -3.77, -3.8, 51.77, -3.76, 51.79]
		]);
		expect(read(join(out, 'places.json'))).not.toContain('\n');
	});

	it('places-major.json: cities then towns, larger first, rank bigger = more prominent', () => {
		const doc = JSON.parse(read(join(out, 'places-major.json')));
		expect(doc.fields).toEqual(['name', 'alt', 'kind', 'rank', 'lat', 'lon']);
		expect(doc.rows).toEqual([
			['Leeds', '', 'City', 4, 53.8008, -1.5491],
			['Swansea', 'Abertawe', 'City', 3, 51.62, -3.94],
			['Stockton-on-Tees', '', 'Town', 2, 54.57, -1.32],
			['Ystradgynlais', '', 'Town', 1, 51.78, -3.77]
		]);
	});

	it('stats', () => {
		expect(stats).toMatchObject({
			places: 8,
			majorPlaces: 4,
			placesByType: { City: 2, Town: 2, 'Suburban Area': 3, Village: 1 }
		});
		expect(stats.bytes).toBe(statSync(join(out, 'places.json')).size);
		expect(stats.gzipBytes).toBeGreaterThan(0);
	});

	it('the kept types can be chosen', () => {
		const all = buildPlaceIndex(readPlaces(fx('places_ok.csv')), join(tmp, 'places-all'), [
			'City',
			'Town',
			'Suburban Area',
			'Village',
			'Hamlet',
			'Other Settlement'
		]);
		expect(all.places).toBe(10);
	});

	it('bad input names file, line and column', () => {
		const missing = inputError(() => readPlaces(fx('places_missing_column.csv')));
		expect([missing.file, missing.line, missing.column]).toEqual(['places_missing_column.csv', 1, 'bbox_n']);
		const badType = inputError(() => readPlaces(fx('places_bad_type.csv')));
		expect([badType.file, badType.line, badType.column]).toEqual(['places_bad_type.csv', 4, 'local_type']);
		expect(badType.problem).toContain('"Metropolis" is not one of City, Town');
	});
});

// ---------------------------------------------------------------- the real mirror

const MIRROR = '/work/shared/data/postcodes';
const haveMirror = existsSync(join(MIRROR, 'codepoint_open_2025-10_gb.csv.gz'));
if (!haveMirror)
	console.warn(`search.test.ts: skipping the real-data checks: ${MIRROR} is absent (they need the open-data mirror).`);

describe.skipIf(!haveMirror)('real Code-Point Open and OS Open Names (mirror)', () => {
	it('indexes ~1.745 M GB postcodes; LS1 1UR is found; no outcode file over 100 KB', () => {
		const out = join(tmp, 'real');
		const stats = buildPostcodeIndex(join(MIRROR, 'codepoint_open_2025-10_gb.csv.gz'), out);
		// README: 1,745,849 rows, 836 without a position.
		expect(stats.skippedNoPosition).toBe(836);
		expect(stats.postcodes + stats.skippedNoPosition).toBe(1_745_849);
		expect(stats.byCountry.E).toBeGreaterThan(1_490_000);
		expect(stats.byCountry.S).toBeGreaterThan(160_000);
		expect(stats.byCountry.W).toBeGreaterThan(92_000);
		const dir = join(out, 'postcodes');
		const ls1 = JSON.parse(read(join(dir, 'LS1.json'))) as OutcodeFile;
		expect(findInOutcodeFile(ls1, 'LS1 1UR')).toEqual({ postcode: 'LS1 1UR', lat: 53.80216, lon: -1.54852 });
		const files = readdirSync(dir);
		const largest = Math.max(...files.map((f) => statSync(join(dir, f)).size));
		expect(largest).toBe(Math.max(stats.largestFileBytes, stats.indexBytes));
		expect(stats.largestFileBytes).toBeLessThan(100_000);
		const index = JSON.parse(read(join(dir, 'index.json'))) as OutcodeIndexFile;
		expect(index.outcodes.length).toBe(files.length - 1);
		expect(index.outcodes.reduce((s, r) => s + r[7], 0)).toBe(stats.postcodes);
		for (const odd of ['EC1A', 'W1A', 'M1', 'B33', 'CR2', 'TS18', 'AB10', 'CF10', 'ZE1'])
			expect(files).toContain(`${odd}.json`);
		// DN55 (HMRC's PO box postcodes) is non-geographic: not in Code-Point Open.
		expect(files).not.toContain('DN55.json');
		console.log(
			`real postcode index: ${stats.postcodes} postcodes, ${stats.outcodes} outcodes, read ${stats.readMs} ms, write ${stats.ms} ms, largest ${stats.largestOutcode} ${stats.largestFileBytes} B, index ${stats.indexBytes} B`
		);
	}, 120_000);

	it('places files stay small', () => {
		const stats = buildPlaceIndex(join(MIRROR, 'os_open_names_places_gb.csv.gz'), join(tmp, 'real'));
		expect(stats.places).toBeGreaterThan(25_000);
		expect(stats.bytes).toBeLessThan(1_100_000);
		expect(stats.gzipBytes).toBeLessThan(500_000);
		expect(stats.majorPlaces).toBe(65 + 1358);
		console.log(
			`real places: ${stats.places} places ${stats.bytes} B (${stats.gzipBytes} B gzip); major ${stats.majorPlaces} ${stats.majorBytes} B`
		);
	}, 60_000);
});
