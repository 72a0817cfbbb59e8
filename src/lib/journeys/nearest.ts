// Nearest practices for the journeys and the page, on the one nearest-point index (domain/nearest):
// one index per practice table, kept while the table lives, and answers exactly those of a scan over
// every practice by distanceKm, ties broken by code.
import { NearestIndex, type Near } from '$lib/domain/nearest';

export interface CodedPlace {
	code: string;
	lat: number | null;
	lon: number | null;
}

export interface NearPractice<P> {
	practice: P;
	km: number;
}

/** How two equally near places are ordered. */
export type TieBreak = (a: string, b: string) => number;

const byLocale: TieBreak = (a, b) => a.localeCompare(b);

// Keyed by the array itself, so a reloaded table gets a fresh index and the old one can be collected.
const indexes = new WeakMap<readonly CodedPlace[], NearestIndex<CodedPlace>>();

/** The nearest-point index of a practice table (or any array of places), built once per array. */
export function placeIndex<P extends CodedPlace>(places: readonly P[]): NearestIndex<P> {
	let index = indexes.get(places);
	if (!index) indexes.set(places, (index = new NearestIndex<CodedPlace>(places)));
	return index as NearestIndex<P>;
}

/**
 * The `n` nearest places to (lat, lon) passing `keep`, nearest first, km by distanceKm.
 * geokdbush ranks by its own haversine (radius 6,371 km), which can order two nearly equal distances
 * differently from distanceKm in the last bits. So one more place than asked is fetched: when it is
 * clearly farther than the n-th, the n are the right ones; otherwise every place within the n-th
 * distance is fetched. Either way they are sorted by distanceKm and `tie`, as a full scan would.
 */
export function nearestExact<P extends CodedPlace>(
	index: NearestIndex<P>,
	lat: number,
	lon: number,
	n: number,
	keep?: (p: P) => boolean,
	tie: TieBreak = byLocale
): Near<P>[] {
	const found = index.nearest(lon, lat, n + 1, Infinity, keep);
	// Fewer than asked for: every place passing `keep` is here.
	if (found.length <= n) return found.sort((a, b) => a.km - b.km || tie(a.item.code, b.item.code));
	// A margin far above float error and far below any real difference in distance.
	const edge = Math.max(...found.slice(0, n).map((x) => x.km)) * (1 + 1e-9) + 1e-9;
	const near = found[n].km > edge ? found.slice(0, n) : index.nearest(lon, lat, Infinity, edge, keep);
	near.sort((a, b) => a.km - b.km || tie(a.item.code, b.item.code));
	return near.slice(0, n);
}

/**
 * The `n` practices nearest a point, straight-line km, nearest first (ties by code); unplaced
 * practices skipped. Used by Find and, for an LSOA's centre, by the neighbourhood panel.
 */
export function nearestPractices<P extends CodedPlace>(
	lat: number,
	lon: number,
	practices: readonly P[],
	n = 5
): NearPractice<P>[] {
	if (!Number.isFinite(lat) || !Number.isFinite(lon) || !(n > 0)) return [];
	return nearestExact(placeIndex(practices), lat, lon, Math.floor(n)).map(({ item, km }) => ({ practice: item, km }));
}

/**
 * Nearest point to a position, other than one code (ties by code, in code-unit order). The index
 * is built once per call of nearestFinder; each query is a kd-tree search.
 */
export function nearestFinder(
	points: readonly { code: string; lat: number; lon: number }[]
): (lat: number, lon: number, exclude?: string) => { code: string; km: number } | null {
	const index = new NearestIndex(points);
	const byCodeUnit: TieBreak = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
	return (lat, lon, exclude) => {
		const keep = exclude === undefined ? undefined : (p: { code: string }) => p.code !== exclude;
		const [best] = nearestExact(index, lat, lon, 1, keep, byCodeUnit);
		return best ? { code: best.item.code, km: best.km } : null;
	};
}
