// The Deep End network whose footprint holds a point, or the nearest one.
import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';

export interface FootprintProps {
	code: string;
	name: string;
}

export interface NetworkHit extends FootprintProps {
	/** The point lies in this network's footprint (km is then 0). */
	inside: boolean;
	/** Straight-line km to the footprint's edge when outside. */
	km: number;
	/** Other footprints that also hold the point (footprints may overlap). */
	alsoInside: FootprintProps[];
}

const isArea = (f: Feature<Geometry | null, FootprintProps>): f is Feature<Polygon | MultiPolygon, FootprintProps> =>
	f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';

/**
 * The Deep End network whose footprint holds the point, or else the nearest, with the distance to
 * its edge in km. Null when there are no footprints (or the position is not a number).
 */
export function networkAt(
	lon: number,
	lat: number,
	footprints: FeatureCollection<Geometry | null, FootprintProps>
): NetworkHit | null {
	if (!Number.isFinite(lon) || !Number.isFinite(lat) || !footprints || !Array.isArray(footprints.features)) return null;
	const areas = footprints.features.filter(isArea);
	const pt: [number, number] = [lon, lat];
	// A malformed footprint (e.g. a ring with too few points) makes turf throw: skip it, keep the rest.
	const safely = <T>(f: () => T, fallback: T): T => {
		try {
			return f();
		} catch {
			return fallback;
		}
	};
	const inside = areas.filter((f) => safely(() => booleanPointInPolygon(pt, f), false));
	const props = (f: Feature<Polygon | MultiPolygon, FootprintProps>): FootprintProps => ({
		code: f.properties.code,
		name: f.properties.name
	});
	if (inside.length) return { ...props(inside[0]), inside: true, km: 0, alsoInside: inside.slice(1).map(props) };
	let best: { f: Feature<Polygon | MultiPolygon, FootprintProps>; km: number } | null = null;
	for (const f of areas) {
		const km = Math.abs(safely(() => pointToPolygonDistance(pt, f, { units: 'kilometers' }), NaN));
		if (Number.isFinite(km) && (!best || km < best.km)) best = { f, km };
	}
	return best ? { ...props(best.f), inside: false, km: best.km, alsoInside: [] } : null;
}
