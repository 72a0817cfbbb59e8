// The vector-tile step: GeoJSON layers → Mapbox Vector Tiles → one PMTiles v3 archive.
//
// geojson-vt cuts and simplifies each layer (one index per layer, its maxZoom = the layer's
// maxzoom, so the layer's top zoom is unsimplified), vt-pbf encodes each tile with all its layers,
// tiles are gzipped, and lib/pmtilesWriter assembles the archive; lib/tileCut does the cutting.
//
// geojson-vt drops a ring whose area is below tolerance² (in tile units) at zooms under its
// maxZoom, and simplification can collapse a small ring to a line, so small polygons (central-
// London LSOAs at zoom 8, the City of London at zoom 0) would vanish. Every feature must be
// findable at every zoom of its layer, so after cutting a zoom, the features that draw in no tile
// are cut again without simplification and put in place of their collapsed copies, and the build
// fails if any is then in no tile at all. (A polygon under ~1 tile unit across still rounds to a
// line: it stays in the tile, queryable, but draws nothing at that zoom.)
import type { Feature } from 'geojson';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { gzip } from './lib/gzip';
import { writePmtiles, type ArchiveTile } from './lib/pmtilesWriter';
import { cutLayers } from './lib/tileCut';
import { MAX_LAT } from './lib/tileGeometry';

export { readGeojson } from './geometry';
export { gssFeatureId } from './lib/tileGeometry';

export interface TileLayer {
	name: string;
	features: Feature[];
	minzoom: number;
	maxzoom: number;
	/** Simplification tolerance in tile units (of `extent`) below maxzoom; default from the options. */
	tolerance?: number;
	/**
	 * geojson-vt leaves a layer's top zoom unsimplified; a layer given for low zooms only (coalesced
	 * features) sets this above its maxzoom so that its zooms are simplified too.
	 */
	simplifyUpTo?: number;
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

const layerNames = (layers: TileLayer[]) => [...new Set(layers.map((l) => l.name))];

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
		for (const name of layerNames(layers)) {
			const features = t.layers.get(name);
			if (!features) continue;
			vtLayers[name] = { features } as Parameters<typeof fromGeojsonVt>[0][string];
		}
		const raw = fromGeojsonVt(vtLayers, { version: 2, extent: opts.extent });
		const data = gzip(raw, gzipLevel);
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
		vector_layers: layerNames(layers).map((name) => {
			const parts = layers.filter((l) => l.name === name);
			return {
				id: name,
				description: parts.find((l) => l.description)?.description ?? '',
				minzoom: Math.min(...parts.map((l) => l.minzoom)),
				maxzoom: Math.max(...parts.map((l) => l.maxzoom)),
				fields: fields.get(name) ?? {}
			};
		})
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
		// A layer given for several zoom ranges counts its full-detail (top) part.
		featuresPerLayer: Object.fromEntries(
			layerNames(layers).map((name) => {
				const top = layers.filter((l) => l.name === name).sort((a, b) => b.maxzoom - a.maxzoom)[0];
				return [name, top.features.length];
			})
		),
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
	...args: Parameters<typeof writeVectorArchiveDetailed>
): Promise<ArchiveStats> {
	const d = await writeVectorArchiveDetailed(...args);
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
