// The loaded practice table as the equity measures see it: one place decides whose GP FTE counts
// (the Commission journey's rule: reported, above zero, over a known weighted list).
import type { AppPractice } from '$lib/data/practices';
import type { EquityMember } from '$lib/domain/equity';
import type { LeaguePractice } from '$lib/domain/equityLeague';
import { asAreaMember } from '$lib/journeys/commission';
import { parseQualityFlags } from '$lib/domain/practiceFlags';

export const fteCounts = (p: AppPractice) => asAreaMember(p).gpFte !== null;

/** A practice with a quality flag (tiny list, special service, extreme rate, list fall) is left out of the gradient measures (ratio, slope). */
const flagged = (p: AppPractice) => parseQualityFlags(p.qualityFlags).length > 0;

export function leaguePractice(p: AppPractice): LeaguePractice {
	return {
		code: p.code,
		pcnCode: p.pcnCode,
		sicblCode: p.sicblCode,
		icbCode: p.icbCode,
		patients: p.patients,
		weightedPatients: p.weightedPatients,
		gpFte: p.gpFte,
		fteUsable: fteCounts(p),
		imdScore: p.imdScore,
		imdQuintile: p.imdQuintile,
		deepEndRank: p.deepEndRank,
		implausible: flagged(p)
	};
}

export const equityMember = (p: AppPractice): EquityMember => ({
	gpFte: fteCounts(p) ? p.gpFte : null,
	weightedPatients: p.weightedPatients,
	imdScore: p.imdScore,
	imdQuintile: p.imdQuintile,
	implausible: flagged(p)
});

/** Mean [lon, lat] of the located practices of each group (e.g. PCN): where a dot for the group goes. */
export function meanPositions<P extends Pick<AppPractice, 'lat' | 'lon'>>(
	practices: readonly P[],
	key: (p: P) => string | null | undefined
): Map<string, [number, number]> {
	const acc = new Map<string, [number, number, number]>();
	for (const p of practices) {
		const k = key(p);
		if (p.lat === null || p.lon === null || !k) continue;
		const a = acc.get(k) ?? [0, 0, 0];
		acc.set(k, [a[0] + p.lon, a[1] + p.lat, a[2] + 1]);
	}
	return new Map([...acc].map(([k, [x, y, n]]) => [k, [x / n, y / n]]));
}

/** The practice's code at a league level (null for a practice in no PCN). */
export const areaCodeOf = (
	p: Pick<AppPractice, 'icbCode' | 'sicblCode' | 'pcnCode'>,
	level: 'icb' | 'sicbl' | 'pcn'
) =>
	level === 'icb' ? p.icbCode : level === 'sicbl' ? p.sicblCode : p.pcnCode && p.pcnCode !== 'U' ? p.pcnCode : null;
