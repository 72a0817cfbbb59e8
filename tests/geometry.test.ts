// Geometry helpers: reading GeoJSON (plain and gzip, with clear errors), dissolving polygons without
// slivers, and label points. Synthetic shapes first; the real Welsh and Scottish authorities when
// the mirror is present.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { area as turfArea, booleanPointInPolygon, centroid } from '@turf/turf';
import {
	dissolve,
	jsonErrorOffset,
	labelFeatures,
	labelPoint,
	polygonsOf,
	readGeojson,
	ringAreaKm2
} from '../scripts/pipeline/geometry';
import { findBoundaries } from './fixtures/tiles/archive';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'geometry-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const poly = (ring: Position[], props: Record<string, unknown> = {}): Feature<Polygon> => ({
	type: 'Feature',
	properties: props,
	geometry: { type: 'Polygon', coordinates: [ring] }
});
const box = (x0: number, y0: number, x1: number, y1: number): Position[] => [
	[x0, y0],
	[x1, y0],
	[x1, y1],
	[x0, y1],
	[x0, y0]
];
const holesOf = (g: Polygon | MultiPolygon) => polygonsOf(g).flatMap((p) => p.slice(1));
const areaKm2 = (f: Feature) => turfArea(f) / 1e6;

describe('readGeojson', () => {
	const fc = { type: 'FeatureCollection', features: [poly(box(-1, 52, -0.9, 52.1), { code: 'A' })] };

	it('reads plain and gzipped files', () => {
		writeFileSync(join(dir, 'a.geojson'), JSON.stringify(fc));
		writeFileSync(join(dir, 'a.geojson.gz'), gzipSync(JSON.stringify(fc)));
		expect(readGeojson(join(dir, 'a.geojson'))).toEqual(fc);
		expect(readGeojson(join(dir, 'a.geojson.gz'))).toEqual(fc);
	});

	it('names the file when the gzip is truncated', () => {
		const gz = gzipSync(JSON.stringify(fc));
		const path = join(dir, 'cut.geojson.gz');
		writeFileSync(path, gz.subarray(0, gz.length - 12));
		expect(() => readGeojson(path)).toThrow(
			new RegExp(
				`${path.replace(/[.]/g, '\\.')}: the gzip stream ends early: the file \\(\\d+ bytes\\) is truncated[\\s\\S]*Fix: .*re-fetch`
			)
		);
	});

	it('names the file when a .gz file is not gzip', () => {
		const path = join(dir, 'plain.geojson.gz');
		writeFileSync(path, JSON.stringify(fc));
		expect(() => readGeojson(path)).toThrow(/plain\.geojson\.gz: the name ends in \.gz but the file is not gzip/);
	});

	it('gives the line and column of bad JSON', () => {
		const path = join(dir, 'bad.geojson');
		writeFileSync(path, '{\n  "type": "FeatureCollection",\n  "features": [}\n');
		expect(() => readGeojson(path)).toThrow(/bad\.geojson, line 3, column 16: invalid JSON/);
	});

	it('finds the offset of a JSON error where JSON.parse reports one, and where it does not', () => {
		for (const text of ['{"a": 1', '{"a": 1}}', '{"a" 1}', '[1, 2', '{"a": "x\u0001"}']) {
			let reported = -1;
			try {
				JSON.parse(text);
			} catch (err) {
				reported = Number(/position (\d+)/.exec((err as Error).message)?.[1] ?? -1);
			}
			if (reported >= 0) expect(jsonErrorOffset(text), text).toBe(reported);
		}
		expect(jsonErrorOffset('[1,2,,3]')).toBe(5);
		expect(jsonErrorOffset('{"a": tru}')).toBe(9);
		expect(jsonErrorOffset('{"a": [1, {"b": nul]}')).toBe(19);
	});

	it('refuses JSON that is not a FeatureCollection, and a missing file', () => {
		const path = join(dir, 'geom.geojson');
		writeFileSync(path, JSON.stringify({ type: 'Polygon', coordinates: [] }));
		expect(() => readGeojson(path)).toThrow(/geom\.geojson.*not a GeoJSON FeatureCollection/);
		expect(() => readGeojson(join(dir, 'nope.geojson'))).toThrow(
			/nope\.geojson: cannot read .*ENOENT; expected the file listed in data\/sources\.json/
		);
	});
});

describe('dissolve (synthetic)', () => {
	// Two 0.1° cells near 52°N whose shared edge does not match: the right cell's edge bulges
	// 0.0001° (~7 m) east, leaving a thin gap (~0.08 km²) that neither covers.
	const left = poly(box(0, 52, 0.1, 52.1), { code: 'L', group: 'g' });
	const right = poly(
		[
			[0.1, 52],
			[0.2, 52],
			[0.2, 52.1],
			[0.1, 52.1],
			[0.1, 52.06],
			[0.1001, 52.05],
			[0.1, 52.04],
			[0.1, 52]
		],
		{ code: 'R', group: 'g' }
	);

	it('fills the sliver hole a mismatched shared edge leaves, keeping area', () => {
		const raw = dissolve([left, right], () => 'g', undefined, { minHoleKm2: 0 });
		expect(holesOf(raw[0].geometry)).toHaveLength(1); // the sliver is really there
		expect(ringAreaKm2(holesOf(raw[0].geometry)[0])).toBeLessThan(0.1);

		const [out] = dissolve([left, right], (f) => String(f.properties!.group));
		expect(out.geometry.type).toBe('Polygon');
		expect(holesOf(out.geometry)).toHaveLength(0);
		expect(out.properties).toEqual({ code: 'g' });
		// The filled output covers both cells and the sliver between them.
		const sliver = ringAreaKm2(holesOf(raw[0].geometry)[0]);
		expect(areaKm2(out)).toBeCloseTo(areaKm2(left) + areaKm2(right) + sliver, 3);
		expect(areaKm2(raw[0])).toBeCloseTo(areaKm2(left) + areaKm2(right), 3);
	});

	it('keeps a real enclave (a hole over the threshold)', () => {
		const ring: Feature[] = [];
		for (let i = 0; i < 3; i++)
			for (let j = 0; j < 3; j++)
				if (i !== 1 || j !== 1) ring.push(poly(box(i * 0.1, 52 + j * 0.1, (i + 1) * 0.1, 52 + (j + 1) * 0.1)));
		const [out] = dissolve(ring, () => 'ring');
		const holes = holesOf(out.geometry);
		expect(holes).toHaveLength(1);
		expect(ringAreaKm2(holes[0])).toBeGreaterThan(70); // a 0.1° cell at 52°N is ~76 km²
	});

	it('repairs a self-intersecting (bow-tie) member, even alone', () => {
		const bowtie = poly([
			[0, 52],
			[0.1, 52.1],
			[0.1, 52],
			[0, 52.1],
			[0, 52]
		]);
		const [out] = dissolve([bowtie], () => 'b');
		expect(polygonsOf(out.geometry)).toHaveLength(2);
		const square = areaKm2(poly(box(0, 52, 0.1, 52.1)));
		expect(areaKm2(out) / (square / 2)).toBeCloseTo(1, 2);
	});

	it('groups by key in first-seen order, leaves out the empty key, and builds properties from members', () => {
		const a1 = poly(box(0, 50, 1, 51), { code: 'a1', pop: 10 });
		const b1 = poly(box(5, 50, 6, 51), { code: 'b1', pop: 5 });
		const a2 = poly(box(1, 50, 2, 51), { code: 'a2', pop: 7 });
		const x = poly(box(9, 50, 10, 51), { code: 'x', pop: 1 });
		const key = (f: Feature) => (f.properties!.code === 'x' ? '' : String(f.properties!.code)[0]);
		const out = dissolve([a1, b1, a2, x], key, (k, members) => ({
			code: k,
			pop: members.reduce((s, m) => s + Number(m.properties!.pop), 0)
		}));
		expect(out.map((f) => f.properties)).toEqual([
			{ code: 'a', pop: 17 },
			{ code: 'b', pop: 5 }
		]);
		expect(out[0].geometry.type).toBe('Polygon'); // a1 and a2 share an edge
	});

	it('refuses non-polygon members, naming the key', () => {
		const pt: Feature = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } };
		expect(() => dissolve([pt], () => 'k')).toThrow(/feature 0 \(key k\) is a Point/);
	});
});

describe('label points', () => {
	// A C shape whose centroid falls in the open middle.
	const cShape = poly([
		[0, 52],
		[0.3, 52],
		[0.3, 52.05],
		[0.05, 52.05],
		[0.05, 52.25],
		[0.3, 52.25],
		[0.3, 52.3],
		[0, 52.3],
		[0, 52]
	]);

	it('falls inside a concave polygon where the centroid does not', () => {
		expect(booleanPointInPolygon(centroid(cShape), cShape)).toBe(false);
		const p = labelPoint(cShape.geometry);
		expect(booleanPointInPolygon(p, cShape)).toBe(true);
	});

	it('uses the largest part of a MultiPolygon', () => {
		const g: MultiPolygon = { type: 'MultiPolygon', coordinates: [[box(5, 50, 5.01, 50.01)], [box(0, 50, 1, 51)]] };
		const [lon, lat] = labelPoint(g);
		expect(lon).toBeCloseTo(0.5, 1);
		expect(lat).toBeCloseTo(50.5, 1);
	});

	it('makes one point per feature with kind, code, name and area', () => {
		const out = labelFeatures(
			[poly(box(0, 50, 1, 51), { code: 'E54000001', name: 'North' }), poly(box(2, 50, 3, 51), { code: 'E54000002' })],
			'icb'
		);
		const cell = Math.round(areaKm2(poly(box(0, 50, 1, 51))) * 10) / 10; // ~7,900 km²
		expect(out.map((f) => f.properties)).toEqual([
			{ kind: 'icb', code: 'E54000001', name: 'North', area_km2: cell },
			{ kind: 'icb', code: 'E54000002', area_km2: cell }
		]);
		expect(out[0].geometry.type).toBe('Point');
		expect(() => labelFeatures([poly(box(0, 0, 1, 1))], 'lad')).toThrow(/lad\): feature 0 has no code/);
	});
});

const boundaries = findBoundaries();
const realTitle = boundaries
	? `dissolve of real authorities (${boundaries})`
	: 'dissolve of real authorities — SKIPPED: no mirror found (set ATLAS_DATA_MIRROR, run `npm run fetch-data`, or put the mirror at ../shared/data)';

describe.skipIf(!boundaries)(realTitle, () => {
	let lads: Feature[];
	beforeAll(() => {
		lads = readGeojson(join(boundaries!, 'lad_2024_bsc_uk.geojson.gz')).features;
	});

	for (const [nation, prefix, count] of [
		['Wales', 'W', 22],
		['Scotland', 'S', 32]
	] as const) {
		it(`${nation}: ${count} authorities dissolve to one feature with no sliver holes and the same area`, () => {
			const members = lads.filter((f) => String(f.properties!.LAD24CD).startsWith(prefix));
			expect(members).toHaveLength(count);
			const out = dissolve(members, () => nation);
			expect(out).toHaveLength(1);
			const holes = holesOf(out[0].geometry);
			expect(holes.filter((h) => ringAreaKm2(h) < 1)).toEqual([]);
			// Dissolving cannot add land or lose any beyond the filled slivers and overlapping edges.
			const sum = members.reduce((s, f) => s + areaKm2(f), 0);
			expect(Math.abs(areaKm2(out[0]) - sum) / sum).toBeLessThan(0.001);
			// No new parts: every output part is (a merger of) input parts.
			const inputParts = members.reduce((s, f) => s + polygonsOf(f.geometry as Polygon | MultiPolygon).length, 0);
			expect(polygonsOf(out[0].geometry).length).toBeLessThanOrEqual(inputParts);
		});
	}

	it('the sliver holes filled in Scotland come from the self-intersecting BSC rings', () => {
		const members = lads.filter((f) => String(f.properties!.LAD24CD).startsWith('S'));
		const raw = dissolve(members, () => 'S', undefined, { minHoleKm2: 0 });
		const holes = holesOf(raw[0].geometry).map(ringAreaKm2);
		expect(holes.length).toBeGreaterThan(0);
		expect(Math.max(...holes)).toBeLessThan(0.05);
	});
});
