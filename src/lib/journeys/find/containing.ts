// The neighbourhood that contains a point, read from the map's own tiles (lsoa.pmtiles, layer `lsoa`
// at zoom 10, drawn unsimplified): point in polygon in tile coordinates, never "the nearest centre".
// Pure: give it a decoded tile. England's LSOAs, Welsh LSOAs and Scottish data zones are all there,
// each with its `nation` and its decile within that nation.
import type { VectorTile, VectorTileFeature } from '@mapbox/vector-tile';
import { NATION_PROPERTY, RANK_PROPERTY } from '$lib/domain/formats/nationTiles';
import { LSOA_TILE_LAYER } from '$lib/domain/formats/lsoaTiles';
import { nationOfCode, type Nation } from '$lib/domain/nations';

/** The zoom whose tiles hold every neighbourhood at full detail (the layer's maxzoom). */
export const NEIGHBOURHOOD_ZOOM = 10;

export interface ContainingNeighbourhood {
	code: string;
	name: string;
	nation: Nation;
	/** Decile within its own nation (1 = most deprived); null when the tile has none. */
	decile: number | null;
	/** Rank within its nation (Wales and Scotland only in the tiles). */
	rank: number | null;
	/** True when the point is inside; false for the nearest outline when no polygon holds it (coast). */
	inside: boolean;
}

/** Tile (x, y) at zoom z holding a point, and the point in that tile's coordinates (0…extent). */
export function tilePoint(lon: number, lat: number, z: number, extent = 4096) {
	const n = 2 ** z;
	const fx = ((lon + 180) / 360) * n;
	const s = Math.sin((lat * Math.PI) / 180);
	const fy = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n;
	const x = Math.floor(fx);
	const y = Math.floor(fy);
	return { x, y, px: (fx - x) * extent, py: (fy - y) * extent };
}

type Ring = { x: number; y: number }[];

/** Even-odd test over every ring of a feature (outer rings and holes of all its polygons). */
function insideRings(rings: Ring[], px: number, py: number): boolean {
	let inside = false;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const a = ring[i];
			const b = ring[j];
			if (a.y > py !== b.y > py && px < ((b.x - a.x) * (py - a.y)) / (b.y - a.y) + a.x) inside = !inside;
		}
	}
	return inside;
}

/** Squared distance from a point to the nearest edge of the rings (tile units). */
function ringDistance2(rings: Ring[], px: number, py: number): number {
	let best = Infinity;
	for (const ring of rings) {
		for (let i = 1; i < ring.length; i++) {
			const a = ring[i - 1];
			const b = ring[i];
			const dx = b.x - a.x;
			const dy = b.y - a.y;
			const len = dx * dx + dy * dy;
			const t = len > 0 ? Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / len)) : 0;
			const ex = a.x + t * dx - px;
			const ey = a.y + t * dy - py;
			best = Math.min(best, ex * ex + ey * ey);
		}
	}
	return best;
}

const describe = (f: VectorTileFeature, inside: boolean): ContainingNeighbourhood | null => {
	const p = f.properties;
	const code = String(p.code ?? '');
	const nation = (p[NATION_PROPERTY] as Nation | undefined) ?? nationOfCode(code);
	if (!code || !nation) return null;
	return {
		code,
		name: String(p.name ?? code),
		nation,
		decile: typeof p.imd_decile === 'number' ? p.imd_decile : null,
		rank: typeof p[RANK_PROPERTY] === 'number' ? (p[RANK_PROPERTY] as number) : null,
		inside
	};
};

/**
 * The neighbourhood of the tile's `lsoa` layer containing (px, py), in tile units. When no polygon
 * holds it (a point just off the generalised coastline), the nearest outline within `maxUnits`
 * (default 64 units, ~600 m at zoom 10), marked `inside: false`; else null.
 */
export function neighbourhoodInTile(
	tile: VectorTile,
	px: number,
	py: number,
	maxUnits = 64
): ContainingNeighbourhood | null {
	const layer = tile.layers[LSOA_TILE_LAYER];
	if (!layer) return null;
	let nearest: { f: VectorTileFeature; d2: number } | null = null;
	for (let i = 0; i < layer.length; i++) {
		const f = layer.feature(i);
		if (f.type !== 3) continue;
		const rings = f.loadGeometry();
		if (insideRings(rings, px, py)) return describe(f, true);
		const d2 = ringDistance2(rings, px, py);
		if (!nearest || d2 < nearest.d2) nearest = { f, d2 };
	}
	return nearest && nearest.d2 <= maxUnits * maxUnits ? describe(nearest.f, false) : null;
}
