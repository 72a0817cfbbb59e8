// Cutting layers into vector tiles with geojson-vt, making sure every feature is in some tile at every
// zoom of its layer (see the note at the top of ../tiles.ts on rescuing features that simplification
// drops or collapses).
import type { Feature, FeatureCollection } from 'geojson';
import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTOptions } from '@maplibre/geojson-vt';
import type { TileLayer, VectorArchiveOptions } from '../tiles';
import { bboxOf, cleanGeometry, layerIds, tileKey, tileProperties, tileRange, type Bbox } from './tileGeometry';

export interface TileBuild {
	z: number;
	x: number;
	y: number;
	layers: Map<string, GeoJSONVTFeature[]>;
}

/** Cut all layers into tiles (not yet encoded). */
export function cutLayers(layers: TileLayer[], options: Required<Omit<VectorArchiveOptions, 'gzipLevel'>>) {
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

	// A layer name may be given more than once for disjoint zooms (coalesced features at low zooms).
	const twice = layers.find((l, i) =>
		layers.some((m, j) => j < i && m.name === l.name && m.minzoom <= l.maxzoom && l.minzoom <= m.maxzoom)
	);
	if (twice) throw new Error(`tiles: layer ${twice.name} given twice`);

	for (const layer of layers) {
		if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(layer.name))
			throw new Error(`tiles: layer name "${layer.name}" should be a simple identifier`);
		if (!(layer.minzoom >= 0 && layer.minzoom <= layer.maxzoom && layer.maxzoom <= 24)) {
			throw new Error(
				`tiles: layer ${layer.name} has zooms ${layer.minzoom}–${layer.maxzoom}; need 0 ≤ minzoom ≤ maxzoom ≤ 24`
			);
		}
		const ids = layerIds(layer.features);
		const layerFields: Record<string, string> = fields.get(layer.name) ?? {};
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
			maxZoom: Math.max(layer.maxzoom, layer.simplifyUpTo ?? 0),
			indexMaxZoom: Math.min(5, layer.maxzoom),
			tolerance: layer.tolerance ?? options.tolerance,
			extent: options.extent,
			buffer: options.buffer
		};
		const fc: FeatureCollection = { type: 'FeatureCollection', features };
		const index = new GeoJSONVT(fc, vtOptions);
		rescued[layer.name] ??= {};

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
