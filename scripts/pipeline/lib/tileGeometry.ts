// Geometry helpers for cutting vector tiles: feature properties and ids as MVT holds them, bounding
// boxes, the tiles a box covers, and cleaning a cut feature of what rounding to the tile grid broke.
import type { Feature, GeoJsonProperties, Position } from 'geojson';
import type { GeoJSONVTFeature } from '@maplibre/geojson-vt';
import { boundsOf } from '../../../src/lib/domain/bbox';

type TileValue = string | number | boolean;

export const MAX_LAT = 85.0511287798;

/** Properties as MVT can hold them: nulls and non-finite numbers left out, objects as JSON text. */
export function tileProperties(p: GeoJsonProperties): Record<string, TileValue> {
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
export function layerIds(features: Feature[]): number[] {
	const gss = features.map((f) => gssFeatureId(f.properties?.code));
	if (gss.every((id) => id !== null) && new Set(gss).size === gss.length) return gss as number[];
	return features.map((_, i) => i + 1);
}

/** Every position of a geometry. */
function* positions(geometry: Feature['geometry']): Generator<[number, number]> {
	if (!geometry) return;
	const all = (list: Position[]) => list.map(([x, y]) => [x, y] as [number, number]);
	switch (geometry.type) {
		case 'Point':
			yield [geometry.coordinates[0], geometry.coordinates[1]];
			break;
		case 'MultiPoint':
		case 'LineString':
			yield* all(geometry.coordinates);
			break;
		case 'MultiLineString':
		case 'Polygon':
			for (const l of geometry.coordinates) yield* all(l);
			break;
		case 'MultiPolygon':
			for (const poly of geometry.coordinates) for (const l of poly) yield* all(l);
			break;
		case 'GeometryCollection':
			for (const g of geometry.geometries) yield* positions(g);
			break;
	}
}

export type Bbox = [number, number, number, number];

/** West, south, east, north of a geometry; an empty (inverted, infinite) box when it has no positions. */
export function bboxOf(geometry: Feature['geometry']): Bbox {
	return boundsOf(positions(geometry)) ?? [Infinity, Infinity, -Infinity, -Infinity];
}

/** The x/y tile ranges covering a lon/lat box at zoom z. */
export function tileRange(b: Bbox, z: number): { x0: number; y0: number; x1: number; y1: number } {
	const n = 2 ** z;
	const clampTile = (v: number) => Math.min(n - 1, Math.max(0, Math.floor(v)));
	const tx = (lon: number) => clampTile(((lon + 180) / 360) * n);
	const ty = (lat: number) => {
		const s = Math.sin((Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180);
		return clampTile((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n);
	};
	return { x0: tx(b[0]), x1: tx(b[2]), y0: ty(b[3]), y1: ty(b[1]) };
}

export const tileKey = (z: number, x: number, y: number) => `${z}/${x}/${y}`;

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
export function cleanGeometry(f: GeoJSONVTFeature): boolean {
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
