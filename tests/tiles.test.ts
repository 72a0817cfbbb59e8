// The tile step: PMTiles writer (read back with the `pmtiles` package's reader) and vector tiles
// (decoded with @mapbox/vector-tile), on small synthetic layers and, when the mirror is present,
// on the real boundaries with the atlas's budgets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BBox, Feature, Polygon } from 'geojson';
import { bbox as turfBbox } from '@turf/turf';
import { zxyToTileId as readerTileId, tileIdToZxy as readerZxy, type Header } from 'pmtiles';
import {
	buildPmtiles,
	serializeDirectory,
	tileIdToZxy,
	writePmtiles,
	zxyToTileId,
	type ArchiveTile
} from '../scripts/pipeline/lib/pmtilesWriter';
import {
	gssFeatureId,
	writeVectorArchive,
	writeVectorArchiveDetailed,
	type ArchiveStats,
	type TileLayer
} from '../scripts/pipeline/tiles';
import { dissolve, labelFeatures, readCodeNamed, readGeojson } from '../scripts/pipeline/geometry';
import { coalescedLayers } from '../scripts/pipeline/lib/tileCoalesce';
import {
	LSOA_COUNT_PROPERTY,
	LSOA_DETAIL_ZOOM,
	LSOA_MIN_PIXELS,
	LSOA_TILE_MIN_ZOOM
} from '../src/lib/domain/formats/lsoaTiles';
import {
	distinct,
	drawnPolygons,
	findBoundaries,
	openArchive,
	tilesAtZoom,
	type DecodedTile
} from './fixtures/tiles/archive';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'tiles-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Deterministic pseudo-random bytes. */
function bytes(seed: number, length: number): Uint8Array {
	const out = new Uint8Array(length);
	let s = seed * 2654435761;
	for (let i = 0; i < length; i++) {
		s = (s * 1103515245 + 12345) >>> 0;
		out[i] = s >>> 24;
	}
	return out;
}

const emptyBounds = {
	tileCompression: 'none' as const,
	bounds: [-180, -85, 180, 85] as [number, number, number, number],
	metadata: { name: 't' }
};

describe('PMTiles tile ids', () => {
	it('match the reference reader for every tile up to zoom 6 and samples up to zoom 24', () => {
		for (let z = 0; z <= 6; z++) {
			const n = 2 ** z;
			for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) expect(zxyToTileId(z, x, y)).toBe(readerTileId(z, x, y));
		}
		for (const z of [10, 14, 18, 20, 24]) {
			for (let k = 0; k < 200; k++) {
				const x = (k * 7919 * 104729) % 2 ** z;
				const y = (k * 15485863 + 3) % 2 ** z;
				const id = zxyToTileId(z, x, y);
				expect(id).toBe(readerTileId(z, x, y));
				expect(tileIdToZxy(id)).toEqual([z, x, y]);
				expect(readerZxy(id)).toEqual([z, x, y]);
			}
		}
	});

	it('rejects tiles outside the grid', () => {
		expect(() => zxyToTileId(2, 4, 0)).toThrow(/outside/);
		expect(() => zxyToTileId(27, 0, 0)).toThrow(/zoom/);
	});

	it('encode directories as the spec lays out: deltas, run lengths, lengths, offsets+1 or 0 when contiguous', () => {
		const dir = serializeDirectory([
			{ tileId: 0, offset: 0, length: 10, runLength: 1 },
			{ tileId: 5, offset: 10, length: 200, runLength: 2 },
			{ tileId: 9, offset: 0, length: 10, runLength: 1 }
		]);
		// 3 entries | ids 0,5,4 | runs 1,2,1 | lengths 10, 200 (2 bytes), 10 | offsets 1, 0, 1
		expect(Array.from(dir)).toEqual([3, 0, 5, 4, 1, 2, 1, 10, 200, 1, 10, 1, 0, 1]);
	});
});

describe('PMTiles writer, read back with the pmtiles reader', () => {
	it('stores distinct tiles in a root directory, deduplicates identical ones into runs, and writes the header', async () => {
		const same = bytes(1, 500);
		const tiles: ArchiveTile[] = [{ z: 0, x: 0, y: 0, data: bytes(2, 100) }];
		// All 16 zoom-2 tiles share bytes: one run entry; the zoom-1 tiles are distinct.
		for (let x = 0; x < 4; x++) for (let y = 0; y < 4; y++) tiles.push({ z: 2, x, y, data: same });
		for (let x = 0; x < 2; x++)
			for (let y = 0; y < 2; y++) tiles.push({ z: 1, x, y, data: bytes(10 + x * 2 + y, 50 + x) });
		const path = join(dir, 'small.pmtiles');
		const summary = writePmtiles(path, tiles, {
			...emptyBounds,
			bounds: [-10, 40, 10, 60],
			center: [0, 50, 1],
			metadata: { name: 'small', vector_layers: [] }
		});
		expect(summary).toMatchObject({ addressedTiles: 21, tileContents: 6, tileEntries: 6, leafDirectories: 0 });
		expect(statSync(path).size).toBe(summary.bytes);
		expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

		const archive = openArchive(path);
		const h = await archive.getHeader();
		expect(h).toMatchObject({
			specVersion: 3,
			numAddressedTiles: 21,
			numTileEntries: 6,
			numTileContents: 6,
			clustered: true,
			internalCompression: 2,
			tileCompression: 1,
			tileType: 1,
			minZoom: 0,
			maxZoom: 2,
			minLon: -10,
			minLat: 40,
			maxLon: 10,
			maxLat: 60,
			centerZoom: 1,
			centerLon: 0,
			centerLat: 50
		});
		expect(h.rootDirectoryOffset).toBe(127);
		expect(await archive.getMetadata()).toEqual({ name: 'small', vector_layers: [] });
		for (const t of tiles) {
			const r = await archive.getZxy(t.z, t.x, t.y);
			expect(r, `${t.z}/${t.x}/${t.y}`).toBeDefined();
			expect(new Uint8Array(r!.data)).toEqual(t.data);
		}
		expect(await archive.getZxy(3, 0, 0)).toBeUndefined();
	});

	it('splits a large directory into leaf directories that the reader follows', async () => {
		const tiles: ArchiveTile[] = [];
		// 30,000 distinct tiles scattered over zoom 14, with lengths that vary, so the directory does
		// not compress into the 16 KiB root.
		const used = new Set<string>();
		for (let i = 0; tiles.length < 30_000; i++) {
			const x = (i * 7919 + ((i * i) % 4099)) % 16_384;
			const y = (i * 104_729 + ((i * 31) % 977)) % 16_384;
			if (used.has(`${x}/${y}`)) continue;
			used.add(`${x}/${y}`);
			tiles.push({ z: 14, x, y, data: bytes(i + 1, 20 + ((i * 131) % 997)) });
		}
		const path = join(dir, 'leaves.pmtiles');
		const summary = writePmtiles(path, tiles, emptyBounds);
		expect(summary.leafDirectories).toBeGreaterThan(1);
		expect(summary.rootDirectoryBytes).toBeLessThanOrEqual(16_384 - 127);
		const archive = openArchive(path);
		const h = await archive.getHeader();
		expect(h.leafDirectoryLength).toBeGreaterThan(0);
		expect(h.numTileEntries).toBe(30_000);
		for (let k = 0; k < 300; k++) {
			const t = tiles[(k * 7877) % tiles.length];
			const r = await archive.getZxy(t.z, t.x, t.y);
			expect(new Uint8Array(r!.data)).toEqual(t.data);
		}
		for (const t of [tiles[0], tiles[tiles.length - 1]])
			expect(new Uint8Array((await archive.getZxy(t.z, t.x, t.y))!.data)).toEqual(t.data);
		const absent = [...Array(100).keys()].map((k) => [k, 16_383 - k]).find(([x, y]) => !used.has(`${x}/${y}`))!;
		expect(await archive.getZxy(14, absent[0], absent[1])).toBeUndefined();
	});

	it('refuses an empty archive and duplicate tiles', () => {
		expect(() => buildPmtiles([], emptyBounds)).toThrow(/no tiles/);
		const t = { z: 1, x: 0, y: 1, data: bytes(1, 3) };
		expect(() => buildPmtiles([t, { ...t }], emptyBounds)).toThrow(/1\/0\/1 given twice/);
	});
});

// --- vector archives on synthetic layers -----------------------------------------------------

/** Web-mercator position in the unit square. */
function worldXY(lon: number, lat: number): [number, number] {
	const s = Math.sin((lat * Math.PI) / 180);
	return [(lon + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
}

const square = (lon: number, lat: number, dLon: number, dLat: number): Polygon => ({
	type: 'Polygon',
	coordinates: [
		[
			[lon, lat],
			[lon + dLon, lat],
			[lon + dLon, lat + dLat],
			[lon, lat + dLat],
			[lon, lat]
		]
	]
});

/** A 12×12 grid of ~1 km cells near London, plus one 20 m cell that simplification would drop. */
function syntheticAreas(): Feature[] {
	const out: Feature[] = [];
	let n = 1;
	for (let i = 0; i < 12; i++) {
		for (let j = 0; j < 12; j++) {
			const code = `E01${String(n).padStart(6, '0')}`;
			out.push({
				type: 'Feature',
				properties: {
					code,
					name: `Area ${n}`,
					imd_decile: (n % 10) + 1,
					imd_score: n / 7,
					missing: null,
					flag: n % 2 === 0
				},
				geometry: square(-0.3 + i * 0.015, 51.4 + j * 0.009, 0.015, 0.009)
			});
			n++;
		}
	}
	out.push({
		type: 'Feature',
		properties: { code: 'E01999999', name: 'Tiny', imd_decile: 1, imd_score: 99.5 },
		geometry: square(0.5, 51.45, 0.0003, 0.0002)
	});
	return out;
}

describe('writeVectorArchive on synthetic layers', () => {
	const areas = syntheticAreas();
	const places: Feature[] = [
		{
			type: 'Feature',
			properties: { kind: 'town', code: 'X1', name: 'Alpha' },
			geometry: { type: 'Point', coordinates: [-0.2, 51.45] }
		},
		{
			type: 'Feature',
			properties: { kind: 'town', code: 'X2', name: 'Beta' },
			geometry: { type: 'Point', coordinates: [0.1, 51.5] }
		}
	];
	const layers: TileLayer[] = [
		{ name: 'lsoa', features: areas, minzoom: 8, maxzoom: 11, description: 'test areas' },
		{ name: 'label', features: places, minzoom: 3, maxzoom: 9 }
	];
	let stats: ArchiveStats;
	let path: string;
	beforeAll(async () => {
		path = join(dir, 'synthetic.pmtiles');
		stats = await writeVectorArchive(path, layers, {
			name: 'Synthetic',
			attribution: 'Test data',
			description: 'grid'
		});
	});

	it('reports what it wrote', () => {
		expect(stats.path).toBe(path);
		expect(stats.bytes).toBe(statSync(path).size);
		expect(stats.featuresPerLayer).toEqual({ lsoa: 145, label: 2 });
		expect(stats.tileCount).toBeGreaterThan(10);
		expect(stats.maxTileBytes).toBeGreaterThan(0);
		expect(stats.maxTileZxy).toMatch(/^\d+\/\d+\/\d+$/);
		expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
	});

	it('has the zoom range, bounds and vector_layers metadata', async () => {
		const archive = openArchive(path);
		const h = await archive.getHeader();
		expect([h.minZoom, h.maxZoom]).toEqual([3, 11]);
		expect(h.tileType).toBe(1);
		expect(h.tileCompression).toBe(2);
		expect(h.minLon).toBeCloseTo(-0.3, 5);
		expect(h.maxLon).toBeCloseTo(0.5003, 5);
		const meta = (await archive.getMetadata()) as Record<string, unknown>;
		expect(meta).toMatchObject({
			name: 'Synthetic',
			attribution: 'Test data',
			description: 'grid',
			minzoom: 3,
			maxzoom: 11
		});
		expect(meta.vector_layers).toEqual([
			{
				id: 'lsoa',
				description: 'test areas',
				minzoom: 8,
				maxzoom: 11,
				fields: { code: 'String', name: 'String', imd_decile: 'Number', imd_score: 'Number', flag: 'Boolean' }
			},
			{
				id: 'label',
				description: '',
				minzoom: 3,
				maxzoom: 9,
				fields: { kind: 'String', code: 'String', name: 'String' }
			}
		]);
	});

	it('holds every feature at every zoom of its layer, and no layer outside its zooms', async () => {
		const archive = openArchive(path);
		const h = await archive.getHeader();
		for (let z = 3; z <= 11; z++) {
			const tiles = await tilesAtZoom(archive, h, z);
			expect(distinct(tiles, 'lsoa').size, `lsoa at z${z}`).toBe(z >= 8 ? 145 : 0);
			expect(distinct(tiles, 'label').size, `label at z${z}`).toBe(z <= 9 ? 2 : 0);
		}
	});

	it('keeps the tiny area (geojson-vt alone drops it below its maxzoom) as a polygon with area', async () => {
		const d = await writeVectorArchiveDetailed(join(dir, 'synthetic2.pmtiles'), layers, {
			name: 's',
			attribution: 'a'
		});
		expect(d.rescued.lsoa[8]).toBe(1);
		const archive = openArchive(d.path);
		const tiles = await tilesAtZoom(archive, await archive.getHeader(), 10);
		const tiny = tiles.flatMap((t) => {
			const l = t.tile.layers.lsoa;
			return l
				? Array.from({ length: l.length }, (_, i) => l.feature(i)).filter((f) => f.properties.code === 'E01999999')
				: [];
		});
		expect(tiny).toHaveLength(1);
		expect(tiny[0].type).toBe(3);
		const ring = tiny[0].loadGeometry()[0];
		expect(ring.length).toBeGreaterThanOrEqual(4);
	});

	it('keeps properties (numbers, strings, booleans), omits nulls, and sets GSS-derived ids', async () => {
		const archive = openArchive(path);
		const tiles = await tilesAtZoom(archive, await archive.getHeader(), 11);
		const byCode = new Map<string, { id: number | undefined; properties: Record<string, unknown> }>();
		for (const t of tiles) {
			const l = t.tile.layers.lsoa;
			for (let i = 0; l && i < l.length; i++) {
				const f = l.feature(i);
				byCode.set(String(f.properties.code), { id: f.id, properties: f.properties });
			}
		}
		const f7 = byCode.get('E01000007')!;
		expect(f7.properties).toEqual({ code: 'E01000007', name: 'Area 7', imd_decile: 8, imd_score: 1, flag: false });
		expect(f7.id).toBe(gssFeatureId('E01000007'));
		expect(byCode.get('E01000010')!.properties.imd_score).toBeCloseTo(10 / 7, 12);
		// Label codes are not GSS codes, so ids fall back to 1…n.
		const labelTiles = await tilesAtZoom(archive, await archive.getHeader(), 9);
		const ids = new Set<number | undefined>();
		for (const t of labelTiles)
			for (let i = 0; t.tile.layers.label && i < t.tile.layers.label.length; i++)
				ids.add(t.tile.layers.label.feature(i).id);
		expect([...ids].sort()).toEqual([1, 2]);
	});

	it('places each polygon where it belongs (round trip through tile coordinates)', async () => {
		const archive = openArchive(path);
		const tiles = await tilesAtZoom(archive, await archive.getHeader(), 11);
		let checked = 0;
		for (const t of tiles) {
			const l = t.tile.layers.lsoa;
			for (let i = 0; l && i < l.length; i++) {
				const f = l.feature(i);
				if (f.properties.code !== 'E01000001') continue;
				const g = f.toGeoJSON(t.x, t.y, t.z).geometry as Polygon;
				for (const [lon, lat] of g.coordinates[0]) {
					// Clipped to the tile (plus buffer), so within the cell's box and the tile's.
					expect(lon).toBeGreaterThanOrEqual(-0.3 - 1e-3);
					expect(lon).toBeLessThanOrEqual(-0.285 + 1e-3);
					expect(lat).toBeGreaterThanOrEqual(51.4 - 1e-3);
					expect(lat).toBeLessThanOrEqual(51.409 + 1e-3);
				}
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(0);
	});

	it('names the layer and feature when input is unusable', async () => {
		const bad: Feature = { type: 'Feature', properties: { code: 'E01000001' }, geometry: null as never };
		await expect(
			writeVectorArchive(join(dir, 'bad.pmtiles'), [{ name: 'lsoa', features: [bad], minzoom: 0, maxzoom: 2 }], {
				name: 'b',
				attribution: 'a'
			})
		).rejects.toThrow(/layer lsoa feature 0 \(code E01000001\) has no geometry/);
		await expect(
			writeVectorArchive(join(dir, 'bad.pmtiles'), [{ name: 'lsoa', features: areas, minzoom: 5, maxzoom: 4 }], {
				name: 'b',
				attribution: 'a'
			})
		).rejects.toThrow(/zooms 5–4/);
		const twice = { name: 'lsoa', features: areas, minzoom: 8, maxzoom: 9 };
		await expect(
			writeVectorArchive(join(dir, 'bad.pmtiles'), [twice, twice], { name: 'b', attribution: 'a' })
		).rejects.toThrow(/layer lsoa given twice/);
	});

	it('keeps an empty layer in the metadata without tiles', async () => {
		const path = join(dir, 'empty-layer.pmtiles');
		const stats = await writeVectorArchive(
			path,
			[...layers, { name: 'network', features: [], minzoom: 0, maxzoom: 10 }],
			{ name: 'e', attribution: 'a' }
		);
		expect(stats.featuresPerLayer.network).toBe(0);
		const meta = (await openArchive(path).getMetadata()) as { vector_layers: { id: string }[] };
		expect(meta.vector_layers.map((l) => l.id)).toEqual(['lsoa', 'label', 'network']);
	});
});

describe('gssFeatureId', () => {
	it('maps GSS codes to distinct 32-bit integers and others to null', () => {
		expect(gssFeatureId('E01000001')).toBe(501_000_001);
		expect(gssFeatureId('W06000024')).toBe(2_306_000_024);
		expect(gssFeatureId('Z99999999')).toBeLessThan(2 ** 32);
		expect(gssFeatureId('scotland')).toBeNull();
		expect(gssFeatureId(42)).toBeNull();
	});
});

// --- the real boundaries, with the atlas's budgets -------------------------------------------

const boundaries = findBoundaries();
const realTitle = boundaries
	? `real boundaries (${boundaries})`
	: 'real boundaries — SKIPPED: no mirror found (set ATLAS_DATA_MIRROR, run `npm run fetch-data`, or put the mirror at ../shared/data)';

describe.skipIf(!boundaries)(realTitle, () => {
	const MB = 1_000_000;
	const KB = 1024;
	let lsoaStats: ArchiveStats;
	let boundaryStats: ArchiveStats;
	let lsoaCodes: Set<string>;
	let englandLadCodes: Set<string>;
	let expectedByLayer: Record<string, number>;
	let lsoaBoxes: Map<string, BBox>;
	let ladBoxes: Map<string, BBox>;

	/**
	 * Every polygon at least 2 tile units wide and tall at zoom z has a ring with area there. Thinner
	 * ones may round to a line even unsimplified: at zoom 8 a unit is ~24 m, and some super-
	 * generalised LSOAs are slivers (Ealing 042B is a triangle 14 m wide); at zoom 0 it is ~6 km.
	 */
	function expectDrawn(drawn: Set<string>, boxes: Map<string, BBox>, z: number, what: string) {
		const unit = (lon0: number, lat0: number, lon1: number, lat1: number) => {
			const [x0, y0] = worldXY(lon0, lat1);
			const [x1, y1] = worldXY(lon1, lat0);
			const k = 2 ** z * 4096;
			return Math.min((x1 - x0) * k, (y1 - y0) * k);
		};
		const undrawn = [...boxes].filter(([code]) => !drawn.has(code));
		const drawable = undrawn.filter(([, b]) => unit(b[0], b[1], b[2], b[3]) >= 2).map(([code]) => code);
		expect(drawable, `${what} ≥ 2 units across but without area at z${z}`).toEqual([]);
		if (undrawn.length)
			console.log(
				`z${z}: ${undrawn.length} ${what} under 2 tile units across round to lines: ${undrawn
					.slice(0, 5)
					.map(([c]) => c)
					.join(', ')}`
			);
	}

	beforeAll(async () => {
		const b = (f: string) => join(boundaries!, f);
		const lsoaFc = readGeojson(b('lsoa21_bsc_england.geojson.gz'));
		const lads = readCodeNamed(b('lad_2024_bsc_uk.geojson.gz'), 'LAD24CD', 'LAD24NM');
		// Dummy measures of the same kinds and sizes as the real ones.
		const measures = (i: number) => ({
			imd_decile: (i % 10) + 1,
			inc_decile: ((i + 1) % 10) + 1,
			emp_decile: ((i + 2) % 10) + 1,
			edu_decile: ((i + 3) % 10) + 1,
			hea_decile: ((i + 4) % 10) + 1,
			cri_decile: ((i + 5) % 10) + 1,
			bar_decile: ((i + 6) % 10) + 1,
			env_decile: ((i + 7) % 10) + 1,
			imd_score: ((i * 37) % 9000) / 100 + 1,
			gp_fte_10k: ((i * 53) % 1200) / 100 + 2
		});
		const lsoas: Feature[] = lsoaFc.features.map((f, i) => ({
			...f,
			properties: { code: f.properties!.LSOA21CD, name: f.properties!.LSOA21NM, ...measures(i) }
		}));
		lsoaCodes = new Set(lsoas.map((f) => String(f.properties!.code)));
		lsoaBoxes = new Map(lsoas.map((f) => [String(f.properties!.code), turfBbox(f)]));
		const englandLads: Feature[] = lads
			.filter((f) => /^E0[6-9]/.test(String(f.properties!.code)))
			.map((f, i) => ({ ...f, properties: { ...f.properties, ...measures(i) } }));
		englandLadCodes = new Set(englandLads.map((f) => String(f.properties!.code)));
		ladBoxes = new Map(englandLads.map((f) => [String(f.properties!.code), turfBbox(f)]));
		// As the pipeline's step lays out lsoa.pmtiles (scripts/pipeline/steps/lsoaTiles.ts).
		lsoaStats = await writeVectorArchive(
			join(dir, 'lsoa.pmtiles'),
			[
				{ name: 'lad', features: englandLads, minzoom: 0, maxzoom: 7 },
				...coalescedLayers(
					{ name: 'lsoa', features: lsoas, minzoom: LSOA_TILE_MIN_ZOOM, maxzoom: 10 },
					LSOA_DETAIL_ZOOM,
					{
						minPixels: LSOA_MIN_PIXELS,
						preferSame: ['imd_decile'],
						countProperty: LSOA_COUNT_PROPERTY
					}
				)
			],
			{ name: 'LSOA', attribution: 'ONS' }
		);

		const read = (file: string, code: string, name: string) => readCodeNamed(b(file), code, name);
		const icb = read('icb_2023_bsc_england.geojson', 'ICB23CD', 'ICB23NM');
		const sicbl = read('sicbl_2023_bsc_england.geojson', 'SICBL23CD', 'SICBL23NM');
		const nhser = read('nhser_2024_bsc_england.geojson', 'NHSER24CD', 'NHSER24NM');
		const region = read('rgn_2023_buc_england.geojson', 'RGN23CD', 'RGN23NM');
		const network = dissolve(
			lads,
			(f) => ({ S: 'scotland', W: 'wales' })[String(f.properties!.code)[0]] ?? '',
			(key) => ({ code: key, name: key })
		);
		const land = dissolve(lads, () => 'uk');
		const label = [
			...labelFeatures(icb, 'icb'),
			...labelFeatures(sicbl, 'sicbl'),
			...labelFeatures(region, 'region'),
			...labelFeatures(network, 'network'),
			...labelFeatures(lads, 'lad')
		];
		const layers: TileLayer[] = Object.entries({ land, region, nhser, icb, sicbl, lad: lads, network, label }).map(
			([name, features]) => ({
				name,
				features,
				minzoom: 0,
				maxzoom: 10
			})
		);
		expectedByLayer = Object.fromEntries(layers.map((l) => [l.name, l.features.length]));
		boundaryStats = await writeVectorArchive(join(dir, 'boundaries.pmtiles'), layers, {
			name: 'Boundaries',
			attribution: 'ONS'
		});
	});

	it('lsoa.pmtiles is within budget: < 15 MB, no tile over 500 KB (neighbourhoods from zoom 4 included)', () => {
		expect(lsoaStats.featuresPerLayer).toEqual({ lad: 296, lsoa: 33_755 });
		expect(lsoaStats.bytes).toBeLessThan(15 * MB);
		expect(lsoaStats.maxTileBytes).toBeLessThan(500 * KB);
	});

	it('lsoa.pmtiles holds all 33,755 LSOAs at every zoom 8–10 and all 296 authorities at every zoom 0–7', async () => {
		const archive = openArchive(lsoaStats.path);
		const h: Header = await archive.getHeader();
		expect([h.minZoom, h.maxZoom]).toEqual([0, 10]);
		for (let z = 0; z <= 10; z++) {
			const tiles: DecodedTile[] = await tilesAtZoom(archive, h, z);
			for (const t of tiles) expect(t.bytes, `raw size of ${z}/${t.x}/${t.y}`).toBeGreaterThan(0);
			if (z >= LSOA_TILE_MIN_ZOOM && z < LSOA_DETAIL_ZOOM) {
				// Neighbourhoods, some coalesced: each LSOA stands in exactly one feature (its own, or as
				// one of the `lsoas` a coalesced feature stands for), and every feature is a real LSOA's.
				const counts = new Map<string, number>();
				for (const t of tiles) {
					const l = t.tile.layers.lsoa;
					for (let i = 0; l && i < l.length; i++) {
						const p = l.feature(i).properties;
						counts.set(String(p.code), Number(p.lsoas ?? 1));
					}
				}
				expect(
					[...counts.keys()].every((c) => lsoaCodes.has(c)),
					`codes at z${z}`
				).toBe(true);
				expect(
					[...counts.values()].reduce((a, b) => a + b, 0),
					`LSOAs stood for at z${z}`
				).toBe(33_755);
				if (z === 6) expect(counts.size, 'neighbourhood-level features at z6').toBeGreaterThan(5_000);
				expect(distinct(tiles, 'lad'), `authorities at z${z}`).toEqual(englandLadCodes);
			} else if (z >= 8) {
				expect(distinct(tiles, 'lsoa'), `LSOAs at z${z}`).toEqual(lsoaCodes);
				// Present is not enough: each must draw (simplification can collapse a ring to a line).
				expectDrawn(drawnPolygons(tiles, 'lsoa'), lsoaBoxes, z, 'LSOAs');
				expect(distinct(tiles, 'lad').size).toBe(0);
			} else {
				expect(distinct(tiles, 'lad'), `authorities at z${z}`).toEqual(englandLadCodes);
				// (zooms below the map's minimum: authorities only)
				expectDrawn(drawnPolygons(tiles, 'lad'), ladBoxes, z, 'authorities');
				expect(distinct(tiles, 'lsoa').size).toBe(0);
			}
		}
	});

	it('boundaries.pmtiles holds every boundary, network, land and label feature at every zoom 0–10', async () => {
		expect(boundaryStats.featuresPerLayer).toEqual(expectedByLayer);
		expect(expectedByLayer).toMatchObject({ icb: 42, sicbl: 106, nhser: 7, region: 9, lad: 361, network: 2, land: 1 });
		expect(expectedByLayer.label).toBe(42 + 106 + 9 + 2 + 361);
		expect(boundaryStats.maxTileBytes).toBeLessThan(500 * KB);
		const archive = openArchive(boundaryStats.path);
		const h = await archive.getHeader();
		for (let z = 0; z <= 10; z++) {
			const tiles = await tilesAtZoom(archive, h, z);
			for (const [layer, n] of Object.entries(expectedByLayer)) {
				if (layer === 'label') {
					const kinds = new Set<string>();
					for (const t of tiles) {
						const l = t.tile.layers.label;
						for (let i = 0; l && i < l.length; i++)
							kinds.add(`${l.feature(i).properties.kind}:${l.feature(i).properties.code}`);
					}
					expect(kinds.size, `labels at z${z}`).toBe(n);
				} else {
					expect(distinct(tiles, layer).size, `${layer} at z${z}`).toBe(n);
				}
			}
		}
	});
});
