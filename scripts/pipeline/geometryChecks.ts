// What a boundary feature must be before any geometry is computed on it: an area (Polygon or
// MultiPolygon) with coordinates, every ring closed with at least four positions, and every position
// a WGS84 longitude/latitude inside the box of the country the file covers. A null or empty geometry
// would otherwise crash a later step with a stack trace and no file named; swapped axes or British
// National Grid metres would build an atlas of empty tiles.
import type { Feature, Position } from 'geojson';
import { checkUniqueKeys } from './inputs/expect';
import { InputError } from './read';

/** A longitude/latitude box, in degrees (WGS84). */
export interface Box {
	name: string;
	west: number;
	east: number;
	south: number;
	north: number;
}

/** The boxes each boundary input must lie in (a little beyond each country's extreme points). */
export const BOXES = {
	uk: { name: 'the UK', west: -8.8, east: 1.9, south: 49.8, north: 60.9 },
	england: { name: 'England', west: -6.5, east: 1.8, south: 49.8, north: 55.85 },
	wales: { name: 'Wales', west: -5.4, east: -2.6, south: 51.3, north: 53.5 },
	scotland: { name: 'Scotland', west: -8.7, east: -0.7, south: 54.6, north: 60.9 }
} satisfies Record<string, Box>;

const inBox = (b: Box, x: number, y: number) => x >= b.west && x <= b.east && y >= b.south && y <= b.north;

/** The feature's code, for messages: the first property whose name ends in CD or is "code". */
function featureCode(f: Feature): string | null {
	const props = f.properties ?? {};
	const key = Object.keys(props).find((k) => /CD$/i.test(k) || k === 'code');
	return key ? `${key} ${String(props[key])}` : null;
}

/** Why a position is not in the box, with the likely cause. */
function outside(p: Position, box: Box): string {
	const [x, y] = p;
	const span = `longitude ${box.west}…${box.east}, latitude ${box.south}…${box.north}`;
	const at = `position [${x}, ${y}] lies outside ${box.name} (${span})`;
	if (inBox(box, y, x)) return `${at}: its longitude and latitude are swapped (GeoJSON is [longitude, latitude])`;
	if (Math.abs(x) > 180 || Math.abs(y) > 90) {
		return `${at}: these are not degrees (British National Grid metres? expected WGS84 longitude/latitude)`;
	}
	return at;
}

/** The first problem with one polygon's rings, or null. */
function ringProblem(rings: unknown, box: Box): string | null {
	if (!Array.isArray(rings) || rings.length === 0) return 'has a polygon with no rings';
	for (const ring of rings as unknown[]) {
		if (!Array.isArray(ring) || ring.length < 4) return 'has a ring with fewer than 4 positions (empty or not closed)';
		for (const p of ring as unknown[]) {
			if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
				return `has a position that is not two numbers (${JSON.stringify(p)})`;
			}
			if (!inBox(box, p[0], p[1])) return outside(p as Position, box);
		}
		const [first, last] = [ring[0] as Position, ring[ring.length - 1] as Position];
		if (first[0] !== last[0] || first[1] !== last[1]) return 'has a ring that is not closed (first ≠ last position)';
	}
	return null;
}

export function checkAreaFeatures(
	features: readonly Feature[],
	label: string,
	refetch: string,
	box: Box = BOXES.uk
): void {
	const fix = `${refetch} (boundaries are WGS84 [longitude, latitude] polygons covering ${box.name})`;
	features.forEach((f, i) => {
		const g = f.geometry;
		const code = featureCode(f);
		const which = code ? `features[${i}] (${code})` : `features[${i}]`;
		if (!g) throw new InputError(label, null, null, `${which} has no geometry (null)`, fix);
		if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
			throw new InputError(label, null, null, `${which} is a ${g.type}; expected a Polygon or MultiPolygon`, fix);
		}
		if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
			throw new InputError(label, null, null, `${which} has an empty ${g.type}`, fix);
		}
		const polygons: unknown[] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
		for (const rings of polygons) {
			const problem = ringProblem(rings, box);
			if (problem) throw new InputError(label, null, null, `${which} ${problem}`, fix);
		}
	});
}

/** Every feature's `key` property is a non-blank code, and no code is on two features. */
export function checkFeatureKeys(features: readonly Feature[], label: string, key: string, refetch: string): void {
	const codes = features.map((f, i) => {
		const v = f.properties?.[key];
		if (typeof v !== 'string' || v.trim() === '') {
			throw new InputError(
				label,
				null,
				null,
				`features[${i}] has no ${key} (expected a code in properties.${key})`,
				refetch
			);
		}
		return v;
	});
	checkUniqueKeys(label, key, codes);
}
