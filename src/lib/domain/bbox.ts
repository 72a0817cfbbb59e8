// Bounding boxes of points: one implementation for the pipeline and the app.

/** West, south, east, north in degrees. */
export type Bounds = [number, number, number, number];

export interface MaybeLocated {
	lat: number | null;
	lon: number | null;
}

/** The bounds of [lon, lat] pairs, or null when there are none. */
export function boundsOf(points: Iterable<readonly [number, number]>): Bounds | null {
	let w = Infinity,
		s = Infinity,
		e = -Infinity,
		n = -Infinity;
	for (const [lon, lat] of points) {
		if (lon < w) w = lon;
		if (lon > e) e = lon;
		if (lat < s) s = lat;
		if (lat > n) n = lat;
	}
	return w === Infinity ? null : [w, s, e, n];
}

/** The bounds of the located items (those with both lat and lon). */
export function boundsOfLocated(items: Iterable<MaybeLocated>): Bounds | null {
	const pts: [number, number][] = [];
	for (const p of items) if (p.lat !== null && p.lon !== null) pts.push([p.lon, p.lat]);
	return boundsOf(pts);
}
