// Coalescing neighbourhoods for low zooms (scripts/pipeline/lib/tileCoalesce.ts), on a hand-worked
// 2×2 grid of areas that share their edges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, MultiPolygon, Position } from 'geojson';
import { area as turfArea } from '@turf/turf';
import { coalesceByZoom, coalescedLayers } from '../scripts/pipeline/lib/tileCoalesce';
import { writeVectorArchive } from '../scripts/pipeline/tiles';
import { openArchive, tilesAtZoom } from './fixtures/tiles/archive';

// At the equator a cell 0.01° wide is 0.01/360 of the mercator world: at zoom 7 (512 · 2⁷ px) that
// is 1.82 px, so a 0.01° × 0.01° cell covers 3.3 px² there, 0.83 px² at zoom 6 and 212 px² at 10.
//   a (decile 1, 0.01 × 0.012) | b (decile 2, 0.01 × 0.012)
//   c (decile 1, 0.01 × 0.01)  | d (decile 2, 0.01 × 0.01)
// Rings counter-clockwise, each listing the corner vertices it shares with its neighbours.
const cell = (code: string, decile: number, ring: Position[]): Feature => ({
	type: 'Feature',
	properties: { code, name: `Area ${code}`, imd_decile: decile, score: decile * 10 },
	geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] }
});
const grid = (): Feature[] => [
	cell('E01000001', 1, [
		[0, 0.01],
		[0.01, 0.01],
		[0.01, 0.022],
		[0, 0.022]
	]),
	cell('E01000002', 2, [
		[0.01, 0.01],
		[0.02, 0.01],
		[0.02, 0.022],
		[0.01, 0.022]
	]),
	cell('E01000003', 1, [
		[0, 0],
		[0.01, 0],
		[0.01, 0.01],
		[0, 0.01]
	]),
	cell('E01000004', 2, [
		[0.01, 0],
		[0.02, 0],
		[0.02, 0.01],
		[0.01, 0.01]
	])
];
const opts = { minPixels: 5, preferSame: ['imd_decile'], countProperty: 'lsoas' };

describe('coalesceByZoom', () => {
	it('treats a file wound the other way alike (Scotland’s data zones wind opposite to England’s LSOAs)', () => {
		const tag = (f: Feature, nation: string, ring: (r: Position[]) => Position[]): Feature => ({
			...f,
			properties: { ...f.properties, nation },
			geometry: {
				type: 'Polygon',
				coordinates: [ring((f.geometry as { coordinates: Position[][] }).coordinates[0])]
			}
		});
		// England's grid as drawn; Scotland's the same grid 1° north, wound clockwise.
		const england = grid().map((f) => tag(f, 'E', (r) => r));
		const scotland = grid().map((f) => tag(f, 'S', (r) => r.map(([x, y]) => [x, y + 1]).reverse()));
		const z7 = coalesceByZoom([...england, ...scotland], { ...opts, zooms: [7], groupBy: 'nation' }).get(7)!;
		const count = (n: string) => z7.filter((f) => f.properties?.nation === n).map((f) => f.properties?.lsoas);
		expect(count('E')).toEqual([2, 2]);
		expect(count('S')).toEqual([2, 2]);
	});

	it('joins an island with no edge neighbour to the nearest feature of its group, never another group', () => {
		const island = cell('S01000009', 1, [
			[0.05, 0],
			[0.06, 0],
			[0.06, 0.01],
			[0.05, 0.01]
		]);
		const nation = (fs: Feature[], n: string) => fs.map((f) => ({ ...f, properties: { ...f.properties, nation: n } }));
		// Same group: the island (3.3 px² at zoom 7) joins the nearest cell as a separate part.
		const same = coalesceByZoom(nation([...grid(), island], 'E'), { ...opts, zooms: [7], groupBy: 'nation' }).get(7)!;
		expect(same).toHaveLength(2);
		expect(same.reduce((n, f) => n + Number(f.properties?.lsoas ?? 1), 0)).toBe(5);
		// Another group: no feature of its own group to join, so it stays as it is.
		const other = coalesceByZoom([...nation(grid(), 'E'), ...nation([island], 'S')], {
			...opts,
			zooms: [7],
			groupBy: 'nation'
		}).get(7)!;
		expect(other.map((f) => f.properties?.code)).toContain('S01000009');
		expect(
			other.filter((f) => f.properties?.nation === 'E').reduce((n, f) => n + Number(f.properties?.lsoas ?? 1), 0)
		).toBe(4);
	});

	it('merges each area under the minimum with a same-decile neighbour, keeping the largest member’s values', () => {
		// Zoom 7: single cells are 3.3–4.0 px² (< 5); pairs are 7.3 px². c joins a (decile 1) rather than
		// d, though both share an edge of the same length; d joins b.
		const z7 = coalesceByZoom(grid(), { ...opts, zooms: [7] }).get(7)!;
		expect(z7.map((f) => f.properties)).toEqual([
			{ code: 'E01000001', name: 'Area E01000001', imd_decile: 1, score: 10, lsoas: 2 },
			{ code: 'E01000002', name: 'Area E01000002', imd_decile: 2, score: 20, lsoas: 2 }
		]);
		// The pair's outline: the shared edge is gone, its end points stay on the outline.
		const g = z7[0].geometry as MultiPolygon;
		expect(g.coordinates).toHaveLength(1);
		expect(g.coordinates[0]).toHaveLength(1);
		const ring = g.coordinates[0][0];
		expect(ring[0]).toEqual(ring[ring.length - 1]);
		expect(new Set(ring.map((p) => p.join(',')))).toEqual(
			new Set(['0,0', '0.01,0', '0.01,0.01', '0.01,0.022', '0,0.022', '0,0.01'])
		);
		expect(turfArea(z7[0])).toBeCloseTo(turfArea(grid()[0]) + turfArea(grid()[2]), -2);
	});

	it('builds each lower zoom on the one above: at zoom 6 the pairs (1.8 px²) merge into one', () => {
		const byZoom = coalesceByZoom(grid(), { ...opts, zooms: [6, 7] });
		expect(byZoom.get(7)).toHaveLength(2);
		const z6 = byZoom.get(6)!;
		expect(z6).toHaveLength(1);
		// Equal-area pairs: the one merged into (b's) keeps its values; all four are accounted for.
		expect(z6[0].properties).toMatchObject({ code: 'E01000002', imd_decile: 2, lsoas: 4 });
		const ring = (z6[0].geometry as MultiPolygon).coordinates[0][0];
		expect(ring).toHaveLength(9); // the rectangle's 4 corners and 4 edge mid-points, closed
		expect(turfArea(z6[0])).toBeCloseTo(
			grid().reduce((s, f) => s + turfArea(f), 0),
			-2
		);
	});

	it('leaves areas already big enough, and areas without a neighbour, as they are (the same objects)', () => {
		const input = grid();
		expect(coalesceByZoom(input, { ...opts, zooms: [10] }).get(10)).toEqual(input);
		const island = grid().slice(0, 1);
		expect(coalesceByZoom(island, { ...opts, zooms: [4] }).get(4)![0]).toBe(island[0]);
	});

	it('keeps a hole where an area of another class, big enough by itself, is enclosed', () => {
		// A 0.03° square (decile 5, 30 px² at zoom 7) framed by four 0.002°-wide strips (decile 1,
		// 2.0–2.3 px² each) that share its edges and each other's.
		const rect = (code: string, decile: number, ring: Position[]) => cell(code, decile, ring);
		const features = [
			rect('E01000010', 5, [
				[0, 0],
				[0.03, 0],
				[0.03, 0.03],
				[0, 0.03]
			]),
			rect('E01000011', 1, [
				[-0.002, 0.03],
				[0, 0.03],
				[0.03, 0.03],
				[0.032, 0.03],
				[0.032, 0.032],
				[-0.002, 0.032]
			]),
			rect('E01000012', 1, [
				[-0.002, -0.002],
				[0.032, -0.002],
				[0.032, 0],
				[0.03, 0],
				[0, 0],
				[-0.002, 0]
			]),
			rect('E01000013', 1, [
				[-0.002, 0],
				[0, 0],
				[0, 0.03],
				[-0.002, 0.03]
			]),
			rect('E01000014', 1, [
				[0.03, 0],
				[0.032, 0],
				[0.032, 0.03],
				[0.03, 0.03]
			])
		];
		const z7 = coalesceByZoom(features, { ...opts, zooms: [7] }).get(7)!;
		expect(z7).toHaveLength(2);
		const centre = z7.find((f) => f.properties!.code === 'E01000010')!;
		expect(centre).toBe(features[0]);
		const frame = z7.find((f) => f !== centre)!;
		expect(frame.properties).toMatchObject({ imd_decile: 1, lsoas: 4 });
		const polys = (frame.geometry as MultiPolygon).coordinates;
		expect(polys).toHaveLength(1);
		expect(polys[0]).toHaveLength(2); // the outer ring and the centre's hole
		const [outer, hole] = polys[0].map((r) => new Set(r.map((p) => p.join(','))));
		expect(hole).toEqual(new Set(['0,0', '0.03,0', '0.03,0.03', '0,0.03']));
		expect(outer).toEqual(
			new Set([
				'-0.002,-0.002',
				'0.032,-0.002',
				'0.032,0',
				'0.032,0.03',
				'0.032,0.032',
				'-0.002,0.032',
				'-0.002,0.03',
				'-0.002,0'
			])
		);
		const sum = features.slice(1).reduce((s, f) => s + turfArea(f), 0);
		expect(turfArea(frame) / sum).toBeCloseTo(1, 6);
	});
});

describe('coalesced layers in an archive', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'tiles-coalesce-'));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('one layer name: coalesced features below the detail zoom, every area from it', async () => {
		const path = join(dir, 'c.pmtiles');
		const stats = await writeVectorArchive(
			path,
			coalescedLayers({ name: 'lsoa', features: grid(), minzoom: 6, maxzoom: 9 }, 8, opts),
			{ name: 'c', attribution: 'a' }
		);
		expect(stats.featuresPerLayer).toEqual({ lsoa: 4 });
		const archive = openArchive(path);
		const h = await archive.getHeader();
		const meta = (await archive.getMetadata()) as { vector_layers: { id: string; minzoom: number }[] };
		expect(meta.vector_layers).toMatchObject([{ id: 'lsoa', minzoom: 6, maxzoom: 9 }]);
		// The grid straddles tile edges (0°, 0°): a feature shows in each tile it touches.
		const features = async (z: number) =>
			(await tilesAtZoom(archive, h, z)).flatMap((t) => {
				const l = t.tile.layers.lsoa;
				return Array.from({ length: l?.length ?? 0 }, (_, i) => l!.feature(i).properties);
			});
		const distinctPairs = (ps: Record<string, unknown>[]) => [...new Set(ps.map((p) => `${p.code} ${p.lsoas}`))].sort();
		expect(distinctPairs(await features(6))).toEqual(['E01000002 4']);
		expect(distinctPairs(await features(7))).toEqual(['E01000001 2', 'E01000002 2']);
		for (const z of [8, 9]) {
			const f = await features(z);
			expect(new Set(f.map((p) => p.code)).size, `z${z}`).toBe(4);
			expect(f.every((p) => p.lsoas === undefined)).toBe(true);
		}
	});
});
