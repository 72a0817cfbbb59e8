// The vector-tile step: GeoJSON layers → Mapbox Vector Tiles → one PMTiles v3 archive.
//
// geojson-vt cuts and simplifies each layer (one index per layer, its maxZoom = the layer's
// maxzoom, so the layer's top zoom is unsimplified), vt-pbf encodes each tile with all its layers,
// tiles are gzipped, and pmtilesWriter assembles the archive.
//
// geojson-vt drops a ring whose area is below tolerance² (in tile units) at zooms under its
// maxZoom, and simplification can collapse a small ring to a line, so small polygons (central-
// London LSOAs at zoom 8, the City of London at zoom 0) would vanish. Every feature must be
// findable at every zoom of its layer, so after cutting a zoom, the features that draw in no tile
// are cut again without simplification and put in place of their collapsed copies, and the build
// fails if any is then in no tile at all. (A polygon under ~1 tile unit across still rounds to a
// line: it stays in the tile, queryable, but draws nothing at that zoom.)
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, GeoJsonProperties, Position } from 'geojson';
import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTOptions } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { writePmtiles, type ArchiveTile } from './pmtilesWriter';

export { readGeojson } from './geometry';

export interface TileLayer {
	name: string;
	features: Feature[];
	minzoom: number;
	maxzoom: number;
	/** Simplification tolerance in tile units (of `extent`) below maxzoom; default from the options. */
	tolerance?: number;
	/** Shown in the archive's vector_layers metadata. */
	description?: string;
}

export interface ArchiveStats {
	path: string;
	bytes: number;
	tileCount: number;
	/** Largest stored (gzipped) tile. */
	maxTileBytes: number;
	maxTileZxy: string;
	ms: number;
	/** Input features per layer; each is present in the tiles at every zoom of its layer. */
	featuresPerLayer: Record<string, number>;
}

export interface VectorArchiveOptions {
	/** Tile extent (coordinate grid per tile). Default 4096. */
	extent?: number;
	/** Buffer around each tile, in tile units. Default 64 (8 px on a 512 px tile). */
	buffer?: number;
	/** Default simplification tolerance in tile units. Default 3 (~0.4 px on a 512 px tile). */
	tolerance?: number;
	/** gzip level for tiles. Default 9. */
	gzipLevel?: number;
}

export interface ArchiveDetail extends ArchiveStats {
	/** Features added back at zooms where geojson-vt dropped them, per layer and zoom. */
	rescued: Record<string, Record<number, number>>;
	tilesPerZoom: Record<number, number>;
	/** Largest uncompressed tile. */
	maxRawTileBytes: number;
}

type TileValue = string | number | boolean;

const MAX_LAT = 85.0511287798;

/** Properties as MVT can hold them: nulls and non-finite numbers left out, objects as JSON text. */
function tileProperties(p: GeoJsonProperties): Record<string, TileValue> {
	const out: Record<string, TileValue> = {};
	if (!p) return out;
	for (const [k, v] of Object.entries(p)) {
		if (v === null || v === undefined) continue;
		if (typeof v === 'number') {
			if (Number.isFinite(v)) out[k] = v;
		} else if (typeof v === 'string' || typeof v === 'boolean') out[k] = v;
		else out[k] = JSON.stringify(v);
	}
	return out;
}

/**
 * A stable integer feature id from a GSS code (letter + 8 digits): E01000001 → 5·10⁸ + 1000001.
 * Fits in 32 bits. Null for other codes.
 */
export function gssFeatureId(code: unknown): number | null {
	if (typeof code !== 'string') return null;
	const m = /^([A-Z])(\d{8})$/.exec(code);
	return m ? (m[1].charCodeAt(0) - 64) * 1e8 + Number(m[2]) : null;
}

/** Ids for a layer: the GSS-derived id when every feature's code gives a distinct one, else 1…n. */
function layerIds(features: Feature[]): number[] {
	const gss = features.map((f) => gssFeatureId(f.properties?.code));
	if (gss.every((id) => id !== null) && new Set(gss).size === gss.length) return gss as number[];
	return features.map((_, i) => i + 1);
}

function visitPositions(geometry: Feature['geometry'], fn: (p: Position) => void): void {
	if (!geometry) return;
	switch (geometry.type) {
		case 'Point':
			fn(geometry.coordinates);
			break;
		case 'MultiPoint':
		case 'LineString':
			geometry.coordinates.forEach(fn);
			break;
		case 'MultiLineString':
		case 'Polygon':
			for (const l of geometry.coordinates) l.forEach(fn);
			break;
		case 'MultiPolygon':
			for (const poly of geometry.coordinates) for (const l of poly) l.forEach(fn);
			break;
		case 'GeometryCollection':
			for (const g of geometry.geometries) visitPositions(g, fn);
			break;
	}
}

type Bbox = [number, number, number, number];

function bboxOf(geometry: Feature['geometry']): Bbox {
	const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
	visitPositions(geometry, ([x, y]) => {
		if (x < b[0]) b[0] = x;
		if (y < b[1]) b[1] = y;
		if (x > b[2]) b[2] = x;
		if (y > b[3]) b[3] = y;
	});
	return b;
}

/** The x/y tile ranges covering a lon/lat box at zoom z. */
function tileRange(b: Bbox, z: number): { x0: number; y0: number; x1: number; y1: number } {
	const n = 2 ** z;
	const clampTile = (v: number) => Math.min(n - 1, Math.max(0, Math.floor(v)));
	const tx = (lon: number) => clampTile(((lon + 180) / 360) * n);
	const ty = (lat: number) => {
		const s = Math.sin((Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180);
		return clampTile((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n);
	};
	return { x0: tx(b[0]), x1: tx(b[2]), y0: ty(b[3]), y1: ty(b[1]) };
}

const tileKey = (z: number, x: number, y: number) => `${z}/${x}/${y}`;

interface TileBuild {
	z: number;
	x: number;
	y: number;
	layers: Map<string, GeoJSONVTFeature[]>;
}

/** Signed area of a ring of integer tile coordinates (shoelace). */
function ringArea(ring: [number, number][]): number {
	let a = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
		a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
	return a / 2;
}

/**
 * Drop repeated points that rounding to the tile grid created, and rings that rounded to zero
 * area (a zero-area outer ring's holes are zero-area too, so they go with it). A polygon whose
 * every ring is degenerate keeps them (it stays findable, and draws nothing, as before). Returns
 * whether the feature still draws something.
 */
function cleanGeometry(f: GeoJSONVTFeature): boolean {
	if (f.type === 1) return true;
	const rings = (f.geometry as [number, number][][]).map((ring) =>
		ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1])
	);
	if (f.type === 2) {
		const lines = rings.filter((r) => r.length >= 2);
		f.geometry = (lines.length ? lines : rings) as typeof f.geometry;
		return lines.length > 0;
	}
	const kept = rings.filter((r) => r.length >= 4 && ringArea(r) !== 0);
	f.geometry = (kept.length ? kept : rings) as typeof f.geometry;
	return kept.length > 0;
}

/** Cut all layers into tiles (not yet encoded). */
function cutLayers(layers: TileLayer[], options: Required<Omit<VectorArchiveOptions, 'gzipLevel'>>) {
	const tiles = new Map<string, TileBuild>();
	const rescued: Record<string, Record<number, number>> = {};
	const fields = new Map<string, Record<string, string>>();
	const bounds: Bbox = [Infinity, Infinity, -Infinity, -Infinity];

	const tileFor = (z: number, x: number, y: number) => {
		const key = tileKey(z, x, y);
		let t = tiles.get(key);
		if (!t) tiles.set(key, (t = { z, x, y, layers: new Map() }));
		return t;
	};

	const names = layers.map((l) => l.name);
	const twice = names.find((n, i) => names.indexOf(n) !== i);
	if (twice) throw new Error(`tiles: layer ${twice} given twice`);

	for (const layer of layers) {
		if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(layer.name))
			throw new Error(`tiles: layer name "${layer.name}" should be a simple identifier`);
		if (!(layer.minzoom >= 0 && layer.minzoom <= layer.maxzoom && layer.maxzoom <= 24)) {
			throw new Error(
				`tiles: layer ${layer.name} has zooms ${layer.minzoom}–${layer.maxzoom}; need 0 ≤ minzoom ≤ maxzoom ≤ 24`
			);
		}
		const ids = layerIds(layer.features);
		const layerFields: Record<string, string> = {};
		const features: Feature[] = layer.features.map((f, i) => {
			if (!f.geometry)
				throw new Error(`tiles: layer ${layer.name} feature ${i} (code ${f.properties?.code ?? '?'}) has no geometry`);
			const properties = tileProperties(f.properties);
			for (const [k, v] of Object.entries(properties)) {
				const type = typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'String';
				layerFields[k] = layerFields[k] && layerFields[k] !== type ? 'String' : type;
			}
			return { type: 'Feature', id: ids[i], properties, geometry: f.geometry };
		});
		fields.set(layer.name, layerFields);
		// An empty layer stays in the metadata (so a style can name it) but makes no tiles.
		if (features.length === 0) continue;
		// geojson-vt hands each feature's properties object through to its tile features, so the
		// object identifies the feature when checking which ones a zoom lost.
		const indexOf = new Map<object, number>(features.map((f, i) => [f.properties as object, i]));
		const bboxes = features.map((f) => bboxOf(f.geometry));
		const layerBox: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
		for (const b of bboxes) {
			layerBox[0] = Math.min(layerBox[0], b[0]);
			layerBox[1] = Math.min(layerBox[1], b[1]);
			layerBox[2] = Math.max(layerBox[2], b[2]);
			layerBox[3] = Math.max(layerBox[3], b[3]);
		}
		for (let k = 0; k < 4; k++) bounds[k] = k < 2 ? Math.min(bounds[k], layerBox[k]) : Math.max(bounds[k], layerBox[k]);

		const vtOptions: GeoJSONVTOptions = {
			maxZoom: layer.maxzoom,
			indexMaxZoom: Math.min(5, layer.maxzoom),
			tolerance: layer.tolerance ?? options.tolerance,
			extent: options.extent,
			buffer: options.buffer
		};
		const fc: FeatureCollection = { type: 'FeatureCollection', features };
		const index = new GeoJSONVT(fc, vtOptions);
		rescued[layer.name] = {};

		// Walk down from the tiles covering the layer at minzoom through the children of non-empty tiles.
		const r = tileRange(layerBox, layer.minzoom);
		let frontier: [number, number][] = [];
		for (let x = r.x0; x <= r.x1; x++) for (let y = r.y0; y <= r.y1; y++) frontier.push([x, y]);
		for (let z = layer.minzoom; z <= layer.maxzoom; z++) {
			// seen: in some tile at this zoom; drawn: with a ring of non-zero area (or a line or point).
			const seen = new Uint8Array(features.length);
			const drawn = new Uint8Array(features.length);
			const note = (f: GeoJSONVTFeature) => {
				const i = indexOf.get(f.tags as object);
				if (i === undefined)
					throw new Error(
						`tiles: layer ${layer.name}: geojson-vt returned a feature not in the input (properties were copied?)`
					);
				seen[i] = 1;
				if (cleanGeometry(f)) drawn[i] = 1;
			};
			const zoomTiles: TileBuild[] = [];
			const next: [number, number][] = [];
			for (const [x, y] of frontier) {
				const tile = index.getTile(z, x, y);
				if (!tile || tile.features.length === 0) continue;
				const cut = tile.features as GeoJSONVTFeature[];
				cut.forEach(note);
				const target = tileFor(z, x, y);
				target.layers.set(layer.name, cut.slice());
				zoomTiles.push(target);
				next.push([2 * x, 2 * y], [2 * x + 1, 2 * y], [2 * x, 2 * y + 1], [2 * x + 1, 2 * y + 1]);
			}
			frontier = next;

			// Features that simplification dropped, or collapsed to zero area, in every tile.
			const lost = new Set<number>();
			features.forEach((_, i) => {
				if (!drawn[i]) lost.add(i);
			});
			if (lost.size === 0) continue;
			rescued[layer.name][z] = lost.size;
			const isLost = (f: GeoJSONVTFeature) => lost.has(indexOf.get(f.tags as object)!);
			for (const t of zoomTiles) {
				const kept = t.layers.get(layer.name)!.filter((f) => !isLost(f));
				if (kept.length) t.layers.set(layer.name, kept);
				else t.layers.delete(layer.name);
			}
			for (const i of lost) seen[i] = 0;
			// At an index's maxZoom geojson-vt neither simplifies nor drops, so cut the lost features there.
			const lostFeatures = [...lost].map((i) => features[i]);
			const rescue = new GeoJSONVT(
				{ type: 'FeatureCollection', features: lostFeatures },
				{ ...vtOptions, maxZoom: z, indexMaxZoom: 0 }
			);
			const done = new Set<string>();
			for (const i of lost) {
				const fr = tileRange(bboxes[i], z);
				for (let x = fr.x0; x <= fr.x1; x++) {
					for (let y = fr.y0; y <= fr.y1; y++) {
						const key = tileKey(z, x, y);
						if (done.has(key)) continue;
						done.add(key);
						const tile = rescue.getTile(z, x, y);
						if (!tile || tile.features.length === 0) continue;
						const cut = tile.features as GeoJSONVTFeature[];
						cut.forEach(note);
						const target = tileFor(z, x, y);
						const had = target.layers.get(layer.name);
						if (had) had.push(...cut);
						else target.layers.set(layer.name, cut.slice());
						// A tile that only the rescue filled needs its children walked too.
						if (!frontier.some(([cx, cy]) => cx === 2 * x && cy === 2 * y)) {
							frontier.push([2 * x, 2 * y], [2 * x + 1, 2 * y], [2 * x, 2 * y + 1], [2 * x + 1, 2 * y + 1]);
						}
					}
				}
			}
			const still = features.filter((_, i) => !seen[i]);
			if (still.length) {
				const codes = still.slice(0, 5).map((f) => String(f.properties?.code ?? f.id));
				throw new Error(
					`tiles: layer ${layer.name} zoom ${z}: ${still.length} feature(s) are in no tile even unsimplified (${codes.join(', ')}…); ` +
						'check their geometry (empty or zero-area?)'
				);
			}
		}
	}
	return { tiles, rescued, fields, bounds };
}

/** Cut, encode and write an archive; returns stats with per-zoom detail. */
export async function writeVectorArchiveDetailed(
	outPath: string,
	layers: TileLayer[],
	meta: { name: string; attribution: string; description?: string },
	options: VectorArchiveOptions = {}
): Promise<ArchiveDetail> {
	const t0 = performance.now();
	const opts = { extent: options.extent ?? 4096, buffer: options.buffer ?? 64, tolerance: options.tolerance ?? 3 };
	const gzipLevel = options.gzipLevel ?? 9;
	const { tiles, rescued, fields, bounds } = cutLayers(layers, opts);

	const archiveTiles: ArchiveTile[] = [];
	const tilesPerZoom: Record<number, number> = {};
	let maxTileBytes = 0;
	let maxRawTileBytes = 0;
	let maxTileZxy = '';
	for (const [key, t] of tiles) {
		if (t.layers.size === 0) continue; // every feature in it was replaced by a rescued copy elsewhere
		const vtLayers: Parameters<typeof fromGeojsonVt>[0] = {};
		// Layers in the order given, so the map's reading order is stable.
		for (const layer of layers) {
			const features = t.layers.get(layer.name);
			if (!features) continue;
			vtLayers[layer.name] = { features } as Parameters<typeof fromGeojsonVt>[0][string];
		}
		const raw = fromGeojsonVt(vtLayers, { version: 2, extent: opts.extent });
		const data = new Uint8Array(gzipSync(raw, { level: gzipLevel }));
		archiveTiles.push({ z: t.z, x: t.x, y: t.y, data });
		tilesPerZoom[t.z] = (tilesPerZoom[t.z] ?? 0) + 1;
		maxRawTileBytes = Math.max(maxRawTileBytes, raw.length);
		if (data.length > maxTileBytes) {
			maxTileBytes = data.length;
			maxTileZxy = key;
		}
	}

	const west = Math.max(-180, bounds[0]);
	const south = Math.max(-MAX_LAT, bounds[1]);
	const east = Math.min(180, bounds[2]);
	const north = Math.min(MAX_LAT, bounds[3]);
	const minzoom = Math.min(...layers.map((l) => l.minzoom));
	const maxzoom = Math.max(...layers.map((l) => l.maxzoom));
	const metadata = {
		name: meta.name,
		description: meta.description ?? '',
		attribution: meta.attribution,
		type: 'overlay',
		format: 'pbf',
		version: '1',
		generator: 'deep-end-atlas scripts/pipeline/tiles.ts (geojson-vt + vt-pbf)',
		minzoom,
		maxzoom,
		bounds: [west, south, east, north],
		vector_layers: layers.map((l) => ({
			id: l.name,
			description: l.description ?? '',
			minzoom: l.minzoom,
			maxzoom: l.maxzoom,
			fields: fields.get(l.name) ?? {}
		}))
	};
	const summary = writePmtiles(outPath, archiveTiles, {
		tileCompression: 'gzip',
		bounds: [west, south, east, north],
		center: [(west + east) / 2, (south + north) / 2, minzoom],
		metadata
	});

	return {
		path: outPath,
		bytes: summary.bytes,
		tileCount: archiveTiles.length,
		maxTileBytes,
		maxTileZxy,
		ms: Math.round(performance.now() - t0),
		featuresPerLayer: Object.fromEntries(layers.map((l) => [l.name, l.features.length])),
		rescued,
		tilesPerZoom,
		maxRawTileBytes
	};
}

/**
 * Write `layers` as one PMTiles v3 archive of gzipped MVT tiles at `outPath` (atomically). Each
 * layer is tiled from its minzoom to its maxzoom; the map overzooms above. Feature properties are
 * kept (null ones left out); feature ids are the GSS-derived id of `properties.code` (see
 * `gssFeatureId`) when every code in the layer gives a distinct one, else 1…n in input order.
 */
export async function writeVectorArchive(
	outPath: string,
	layers: TileLayer[],
	meta: { name: string; attribution: string; description?: string },
	options: VectorArchiveOptions = {}
): Promise<ArchiveStats> {
	const d = await writeVectorArchiveDetailed(outPath, layers, meta, options);
	return {
		path: d.path,
		bytes: d.bytes,
		tileCount: d.tileCount,
		maxTileBytes: d.maxTileBytes,
		maxTileZxy: d.maxTileZxy,
		ms: d.ms,
		featuresPerLayer: d.featuresPerLayer
	};
}
