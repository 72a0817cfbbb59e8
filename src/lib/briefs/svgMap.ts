// Small SVG maps from the atlas's own tiles (no third-party request): Web Mercator pixel coordinates
// at a zoom, tile ranges for a box, and vector-tile rings turned into SVG paths. Pure and tested
// (tests/briefs-svgMap.test.ts); the loader that fetches tiles is boundaryShapes.ts.

export type Bounds = [number, number, number, number];

/** Web Mercator pixel position of a point at zoom z (256-pixel tiles). */
export function project(lon: number, lat: number, z: number): [number, number] {
	const scale = 256 * 2 ** z;
	const s = Math.sin((lat * Math.PI) / 180);
	const x = ((lon + 180) / 360) * scale;
	const y = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale;
	return [x, y];
}

/** Tiles (x, y) at zoom z covering a west/south/east/north box. */
export function tilesFor(bounds: Bounds, z: number): [number, number][] {
	const [w, s, e, n] = bounds;
	const [x0, y0] = project(w, n, z).map((v) => Math.floor(v / 256));
	const [x1, y1] = project(e, s, z).map((v) => Math.floor(v / 256));
	const out: [number, number][] = [];
	for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push([x, y]);
	return out;
}

/** The largest zoom (within limits) at which the box fits in `pixels` wide and high. */
export function zoomToFit(bounds: Bounds, pixels: number, minZoom = 4, maxZoom = 10): number {
	const [w, s, e, n] = bounds;
	const [x0, y0] = project(w, n, 0);
	const [x1, y1] = project(e, s, 0);
	const span = Math.max(x1 - x0, y1 - y0, 1e-9);
	const z = Math.floor(Math.log2(pixels / span));
	return Math.max(minZoom, Math.min(maxZoom, z));
}

/** A ring of points in a tile's own coordinates (0…extent). */
export type TileRing = { x: number; y: number }[];

/** SVG path data for a polygon's rings from tile (tx, ty) with the given extent, in zoom-pixel coordinates. */
export function ringsToPath(rings: readonly TileRing[], tx: number, ty: number, extent: number): string {
	const k = 256 / extent;
	const parts: string[] = [];
	for (const ring of rings) {
		if (ring.length < 3) continue;
		parts.push(
			ring
				.map((p, i) => `${i ? 'L' : 'M'}${(tx * 256 + p.x * k).toFixed(1)} ${(ty * 256 + p.y * k).toFixed(1)}`)
				.join('') + 'Z'
		);
	}
	return parts.join('');
}

/** A box grown by a fraction of its size on every side. */
export function pad(bounds: Bounds, fraction: number): Bounds {
	const [w, s, e, n] = bounds;
	const dx = Math.max((e - w) * fraction, 0.05);
	const dy = Math.max((n - s) * fraction, 0.03);
	return [w - dx, s - dy, e + dx, n + dy];
}

/** The SVG viewBox (x, y, width, height) of a box at zoom z. */
export function viewBoxOf(bounds: Bounds, z: number): [number, number, number, number] {
	const [x0, y0] = project(bounds[0], bounds[3], z);
	const [x1, y1] = project(bounds[2], bounds[1], z);
	return [x0, y0, x1 - x0, y1 - y0];
}
