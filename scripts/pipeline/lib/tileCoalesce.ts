// Coalescing areas for low zooms: below a zoom where areas are too small to draw one by one, each
// area smaller than a few pixels is merged with a neighbour (sharing a boundary) until every merged
// feature is big enough to draw. A merged feature takes every property of its largest member (its
// "host"), so it shows a real area's values — never an average — and carries all the measures at once:
// the map switches measure with a paint change, as at full detail. Neighbours whose `preferSame`
// properties equal the small area's are chosen first, so areas of one class (e.g. an IMD decile)
// merge with each other and the pattern of that class survives. `countProperty` says how many input
// areas a merged feature stands for.
//
// Geometry is dissolved topologically: the input areas must share exact vertices along common
// boundaries (as the ONS boundary files do); an edge that two members share in opposite directions
// cancels, and what remains chains into rings. A small area that shares no edge with any other (an
// island) joins the nearest feature of its group as a separate part, so it stays findable at every
// zoom; areas of different `groupBy` values never merge. Nothing here knows about nations or codes:
// it works on any polygons and any properties.
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { TileLayer } from '../tiles';

export interface CoalesceOptions {
	/** Zooms to coalesce at (any order; each builds on the one above it). */
	zooms: number[];
	/** Smallest area a feature should have at a zoom, in square pixels of a 512-px tile. */
	minPixels: number;
	/** Properties that, when equal, make a neighbour preferred for merging. */
	preferSame?: string[];
	/** Set on a merged feature to the number of input features it stands for (left out when 1). */
	countProperty?: string;
	/** A property that must be equal for two features to merge (e.g. the nation: indexes differ). */
	groupBy?: string;
}

const DEG = Math.PI / 180;
/** Web-mercator x, y in 0…1. */
const mercX = (lon: number) => lon / 360 + 0.5;
const mercY = (lat: number) => {
	const s = Math.sin(Math.max(-85.0511, Math.min(85.0511, lat)) * DEG);
	return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};

/** Rings of a feature as vertex ids (closing vertex left out). */
type Rings = number[][];

function polygonsOf(f: Feature): Position[][][] {
	const g = f.geometry as Polygon | MultiPolygon | null;
	if (!g) return [];
	if (g.type === 'Polygon') return [g.coordinates];
	if (g.type === 'MultiPolygon') return g.coordinates;
	return [];
}

export function coalesceByZoom(features: Feature[], opts: CoalesceOptions): Map<number, Feature[]> {
	// Vertex ids shared across features, with their projected coordinates.
	const vertexId = new Map<string, number>();
	const lonlat: Position[] = [];
	const px: number[] = [];
	const py: number[] = [];
	const vid = (p: Position) => {
		const key = `${p[0]},${p[1]}`;
		let id = vertexId.get(key);
		if (id === undefined) {
			id = lonlat.length;
			vertexId.set(key, id);
			lonlat.push([p[0], p[1]]);
			px.push(mercX(p[0]));
			py.push(mercY(p[1]));
		}
		return id;
	};
	const signedArea = (ring: number[]) => {
		let a = 0;
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
			a += (px[ring[j]] - px[ring[i]]) * (py[ring[j]] + py[ring[i]]);
		return a / 2;
	};

	const rings: Rings[] = features.map((f) =>
		polygonsOf(f).flatMap((poly) =>
			poly.map((ring) => {
				const ids = ring.map(vid);
				if (ids.length > 1 && ids[0] === ids[ids.length - 1]) ids.pop();
				return ids;
			})
		)
	);
	// Orientation of outer rings, from the first feature that has one. Files differ (England's LSOAs
	// wind one way, Scotland's data zones the other): a feature whose largest ring winds the other way
	// has all its rings reversed, so areas add up and shared edges cancel within every file.
	const firstRing = rings.find((r) => r.length > 0)?.[0];
	const outerSign = firstRing ? Math.sign(signedArea(firstRing)) || 1 : 1;
	for (const rs of rings) {
		let largest = 0;
		for (const r of rs) {
			const a = signedArea(r);
			if (Math.abs(a) > Math.abs(largest)) largest = a;
		}
		if (largest * outerSign < 0) for (const r of rs) r.reverse();
	}
	const ownArea = rings.map((rs) =>
		Math.max(
			0,
			rs.reduce((s, r) => s + signedArea(r) * outerSign, 0)
		)
	);

	// Neighbours: features sharing an edge, with the shared length.
	const V = lonlat.length + 1;
	const edgeOwner = new Map<number, number>();
	const adj: Map<number, number>[] = features.map(() => new Map());
	rings.forEach((rs, i) => {
		for (const ring of rs) {
			for (let k = 0; k < ring.length; k++) {
				const a = ring[k];
				const b = ring[(k + 1) % ring.length];
				const key = a < b ? a * V + b : b * V + a;
				const j = edgeOwner.get(key);
				if (j === undefined) edgeOwner.set(key, i);
				else if (j !== i) {
					const len = Math.hypot(px[a] - px[b], py[a] - py[b]);
					adj[i].set(j, (adj[i].get(j) ?? 0) + len);
					adj[j].set(i, (adj[j].get(i) ?? 0) + len);
				}
			}
		}
	});
	edgeOwner.clear();

	// Clusters: roots hold members, area, host and neighbours (by root).
	const members: number[][] = features.map((_, i) => [i]);
	const area = ownArea.slice();
	const host = features.map((_, i) => i);
	const alive = new Uint8Array(features.length).fill(1);
	// Centre of each feature's bounding box (projected), for islands that have no edge neighbour.
	const centre = rings.map((rs) => {
		let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
		for (const r of rs)
			for (const v of r)
				[x0, y0, x1, y1] = [Math.min(x0, px[v]), Math.min(y0, py[v]), Math.max(x1, px[v]), Math.max(y1, py[v])];
		return [(x0 + x1) / 2, (y0 + y1) / 2];
	});
	const group = (i: number) => (opts.groupBy ? features[i].properties?.[opts.groupBy] : undefined);
	/** The nearest live feature of the same group (same class preferred within twice the distance). */
	const nearestOf = (s: number): number => {
		let best = -1;
		let bestScore = Infinity;
		const [x, y] = centre[host[s]];
		for (let i = 0; i < features.length; i++) {
			if (i === s || !alive[i] || group(host[i]) !== group(host[s])) continue;
			const [cx, cy] = centre[host[i]];
			const score = Math.hypot(cx - x, cy - y) * (same(s, i) ? 1 : 2);
			if (score < bestScore) [best, bestScore] = [i, score];
		}
		return best;
	};
	const same = (a: number, b: number) =>
		(opts.preferSame ?? []).every((k) => features[host[a]].properties?.[k] === features[host[b]].properties?.[k]);

	const merge = (small: number, into: number) => {
		for (const [n, len] of adj[small]) {
			if (n === into) continue;
			adj[into].set(n, (adj[into].get(n) ?? 0) + len);
			adj[n].delete(small);
			adj[n].set(into, (adj[n].get(into) ?? 0) + len);
		}
		adj[into].delete(small);
		adj[small] = new Map();
		members[into].push(...members[small]);
		members[small] = [];
		area[into] += area[small];
		if (ownArea[host[small]] > ownArea[host[into]]) host[into] = host[small];
		alive[small] = 0;
	};

	const out = new Map<number, Feature[]>();
	for (const z of [...opts.zooms].sort((a, b) => b - a)) {
		const worldPx = 512 * 2 ** z;
		const threshold = opts.minPixels / (worldPx * worldPx);
		for (let changed = true; changed;) {
			changed = false;
			const small = [];
			for (let i = 0; i < features.length; i++) if (alive[i] && area[i] < threshold) small.push(i);
			small.sort((a, b) => area[a] - area[b]);
			for (const s of small) {
				if (!alive[s] || area[s] >= threshold) continue;
				let best = -1;
				let bestScore = -Infinity;
				for (const [n, len] of adj[s]) {
					if (group(host[n]) !== group(host[s])) continue;
					const score = (same(s, n) ? 1 : 0) * 1e6 + len;
					if (score > bestScore) [best, bestScore] = [n, score];
				}
				if (best < 0) best = nearestOf(s);
				if (best < 0) continue;
				merge(s, best);
				changed = true;
			}
		}
		const level: Feature[] = [];
		for (let i = 0; i < features.length; i++) {
			if (!alive[i]) continue;
			if (members[i].length === 1) {
				level.push(features[i]);
				continue;
			}
			const properties = { ...features[host[i]].properties };
			if (opts.countProperty) properties[opts.countProperty] = members[i].length;
			level.push({ type: 'Feature', properties, geometry: dissolveRings(members[i]) });
		}
		out.set(z, level);
	}
	return out;

	/** The outline of a set of features that share edges: shared edges cancel, the rest chain into rings. */
	function dissolveRings(ids: number[]): MultiPolygon {
		const directed = new Set<number>();
		for (const i of ids)
			for (const ring of rings[i])
				for (let k = 0; k < ring.length; k++) directed.add(ring[k] * V + ring[(k + 1) % ring.length]);
		const next = new Map<number, number[]>();
		for (const e of directed) {
			const a = Math.floor(e / V);
			const b = e - a * V;
			if (directed.has(b * V + a)) continue;
			const list = next.get(a);
			if (list) list.push(b);
			else next.set(a, [b]);
		}
		const outers: { ring: number[]; area: number }[] = [];
		const holes: number[][] = [];
		for (const start of [...next.keys()]) {
			while (next.get(start)?.length) {
				const ring = [start];
				let at = next.get(start)!.pop()!;
				while (at !== start) {
					ring.push(at);
					const list = next.get(at);
					if (!list?.length) break; // an open chain (inconsistent input): close it where it stops
					at = list.pop()!;
				}
				if (ring.length < 3) continue;
				const a = signedArea(ring) * outerSign;
				if (a > 0) outers.push({ ring, area: a });
				else if (a < 0) holes.push(ring);
			}
		}
		const polys: number[][][] = outers.sort((a, b) => a.area - b.area).map((o) => [o.ring]);
		for (const h of holes) {
			const k = outers.findIndex((o) => inside(px[h[0]], py[h[0]], o.ring));
			if (k >= 0) polys[k].push(h);
		}
		const close = (ring: number[]) => [...ring, ring[0]].map((v) => lonlat[v]);
		return { type: 'MultiPolygon', coordinates: polys.map((p) => p.map(close)) };
	}

	function inside(x: number, y: number, ring: number[]): boolean {
		let c = false;
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi, xj, yj] = [px[ring[i]], py[ring[i]], px[ring[j]], py[ring[j]]];
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
		}
		return c;
	}
}

/**
 * A layer of areas from `minzoom` up, as the tile cutter takes it: coalesced features (see above)
 * at each zoom below `detailFrom`, one part per zoom, and the areas themselves from `detailFrom` to
 * `maxzoom`.
 */
export function coalescedLayers(
	layer: TileLayer,
	detailFrom: number,
	opts: Omit<CoalesceOptions, 'zooms'>
): TileLayer[] {
	const zooms: number[] = [];
	for (let z = layer.minzoom; z < Math.min(detailFrom, layer.maxzoom + 1); z++) zooms.push(z);
	const byZoom = coalesceByZoom(layer.features, { ...opts, zooms });
	return [
		...zooms.map((z) => ({ ...layer, features: byZoom.get(z)!, minzoom: z, maxzoom: z, simplifyUpTo: z + 1 })),
		...(detailFrom <= layer.maxzoom ? [{ ...layer, minzoom: Math.max(detailFrom, layer.minzoom) }] : [])
	];
}
