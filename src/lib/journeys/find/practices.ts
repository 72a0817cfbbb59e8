// Find's practices: the nearest of the point's own nation (a Glasgow postcode never gets Cumbrian
// practices as if local), with each nation's provision figure in its own terms.
import type { AppPractice } from '$lib/data/practices';
import type { Nation } from '$lib/domain/nations';
import { nearestExact, placeIndex, type NearPractice } from '$lib/journeys/nearest';

type FindPractice = Pick<
	AppPractice,
	'code' | 'lat' | 'lon' | 'nation' | 'gpFtePer10kWeighted' | 'gpHeadcountPer10k' | 'fteStatus'
>;

/** The `n` practices nearest a point among those of `nation` (all practices when null), nearest first. */
export function nearestInNation<P extends FindPractice>(
	lat: number,
	lon: number,
	practices: readonly P[],
	nation: Nation | null,
	n = 5
): NearPractice<P>[] {
	if (!Number.isFinite(lat) || !Number.isFinite(lon)) return [];
	const keep = nation === null ? undefined : (p: P) => p.nation === nation;
	return nearestExact(placeIndex(practices), lat, lon, n, keep).map(({ item, km }) => ({ practice: item, km }));
}

const d2 = (v: number) => v.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const d1 = (v: number) => v.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** One practice's GP provision in its nation's own measure, or why there is none. */
export function provisionLine(p: FindPractice): string {
	if (p.nation === 'W') return 'GP workforce not published for Wales';
	if (p.nation === 'S')
		return p.gpHeadcountPer10k === null
			? 'no GP listed (PHS)'
			: `${d1(p.gpHeadcountPer10k)} GPs (headcount) per 10k registered`;
	return p.gpFtePer10kWeighted === null
		? 'GP FTE not available'
		: `${d2(p.gpFtePer10kWeighted)} GP FTE per 10k weighted`;
}
