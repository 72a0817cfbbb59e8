// League and brief measures from the trend series (static/data/trends/, the trends step): payments
// per weighted patient in an area's most deprived fifth of practices against its least, and the
// change in GP FTE per 10,000 weighted patients since FY2015/16. Tested in tests/briefs-trends.test.ts.
import { ftePer10kSeries, paymentsPerWeightedSeries } from '$lib/domain/trends';
import { sumPracticeTrends, type AreaTrend, type PracticeTrend } from '$lib/domain/formats/trends';
import type { PracticeTrendsFile, TrendsFile } from '$lib/domain/formats/trends';
import { MIN_QUINTILE_PRACTICES } from '$lib/domain/equity';

/** The first year of the workforce series the league compares with (2016 = FY2015/16). */
export const BASE_YEAR = 2016;

/** Change in GP FTE per 10,000 weighted patients from FY2015/16 to the latest year; null if either is missing. */
export function fteChangeSinceBase(years: readonly number[], a: Pick<AreaTrend, 'workforce'>): number | null {
	const s = ftePer10kSeries(a.workforce);
	const i0 = years.indexOf(BASE_YEAR);
	const v0 = i0 < 0 ? null : s[i0];
	const v1 = s[s.length - 1];
	return v0 === null || v0 === undefined || v1 === null || v1 === undefined ? null : v1 - v0;
}

export interface PaymentsRatio {
	/** Payments per weighted patient (latest year, nominal £) in the most ÷ least deprived fifth. */
	ratio: number | null;
	most: number | null;
	least: number | null;
	year: number;
	caveat: string | null;
}

/**
 * Payments gradient: total NHS payments per weighted patient in the group's practices in England's
 * most deprived fifth, divided by the same in its least deprived fifth, in the latest payments year.
 * Flagged when either fifth has fewer than 3 practices with payments that year.
 */
export function paymentsRatio(
	pt: Pick<PracticeTrendsFile, 'workforceYears' | 'paymentsYears'>,
	most: Iterable<PracticeTrend>,
	least: Iterable<PracticeTrend>,
	min = MIN_QUINTILE_PRACTICES
): PaymentsRatio {
	const i = pt.paymentsYears.length - 1;
	const m = sumPracticeTrends(pt, most).payments;
	const l = sumPracticeTrends(pt, least).payments;
	const pm = paymentsPerWeightedSeries(m)[i] ?? null;
	const pl = paymentsPerWeightedSeries(l)[i] ?? null;
	const thin = m.practices[i] < min || l.practices[i] < min;
	return {
		ratio: pm !== null && pl !== null && pl > 0 ? pm / pl : null,
		most: pm,
		least: pl,
		year: pt.paymentsYears[i],
		caveat: thin
			? `too few practices with payments to rank: ${m.practices[i]} in the most and ${l.practices[i]} in the least deprived fifth`
			: null
	};
}

export interface TrendPractice {
	code: string;
	imdQuintile: number | null;
}

/** Each area's payments ratio and FTE change, by area code, for the league's extra columns. */
export function leagueTrendMeasures(
	doc: TrendsFile,
	pt: PracticeTrendsFile,
	practices: readonly TrendPractice[],
	areaOf: (p: TrendPractice) => string | null,
	level: 'icb' | 'sicbl' | 'pcn'
): Map<string, { payRatio: PaymentsRatio; fteChange: number | null }> {
	const groups = new Map<string, { most: PracticeTrend[]; least: PracticeTrend[] }>();
	const england = { most: [] as PracticeTrend[], least: [] as PracticeTrend[] };
	for (const p of practices) {
		const et = pt.practices[p.code];
		if (et && p.imdQuintile === 5) england.most.push(et);
		if (et && p.imdQuintile === 1) england.least.push(et);
		const code = areaOf(p);
		const t = pt.practices[p.code];
		if (!code || !t || (p.imdQuintile !== 1 && p.imdQuintile !== 5)) continue;
		let g = groups.get(code);
		if (!g) groups.set(code, (g = { most: [], least: [] }));
		(p.imdQuintile === 5 ? g.most : g.least).push(t);
	}
	const out = new Map<string, { payRatio: PaymentsRatio; fteChange: number | null }>();
	// England's line: every practice of today, and England's own series.
	out.set('E92000001', {
		payRatio: paymentsRatio(pt, england.most, england.least),
		fteChange: fteChangeSinceBase(doc.workforceYears, doc.england)
	});
	for (const a of doc.areas) {
		if (a.level !== level) continue;
		const g = groups.get(a.code) ?? { most: [], least: [] };
		out.set(a.code, {
			payRatio: paymentsRatio(pt, g.most, g.least),
			fteChange: fteChangeSinceBase(doc.workforceYears, a)
		});
	}
	return out;
}
