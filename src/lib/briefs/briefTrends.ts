// A brief's trends and context from the trend files: the subject's series (an area's own, a
// practice's, or a network's members summed), CQC ratings of its practices and modelled life
// expectancy. Pure; the rates come from $lib/domain/trends.
import { CQC_RATINGS, sumPracticeTrends, type AreaTrend, type CqcRating } from '$lib/domain/formats/trends';
import type { PracticeTrendsFile, TrendsFile } from '$lib/domain/formats/trends';
import { findArea, practiceArea } from '$lib/data/trends';
import type { BriefSubject } from './brief';

export interface BriefTrend {
	/** The subject as an area of the trend files (workforce and payments sums by year). */
	area: AreaTrend;
	cqc: Record<CqcRating | 'none', number>;
	/** Modelled life expectancy: a practice's own, or the patient-weighted mean over the practices. */
	lifeExpectancy: { year: number; female: number | null; male: number | null; practices: number } | null;
}

const noCqc = (): Record<CqcRating | 'none', number> => ({
	Outstanding: 0,
	Good: 0,
	'Requires improvement': 0,
	Inadequate: 0,
	none: 0
});

/** The subject's trend: null when the trend files have no series for it (e.g. a PCN formed since). */
export function briefTrend(s: BriefSubject, doc: TrendsFile, pt: PracticeTrendsFile): BriefTrend | null {
	if (s.level === 'icb' || s.level === 'sicbl' || s.level === 'pcn') {
		const a = findArea(doc, s.level, s.code);
		return a ? { area: a, cqc: a.cqc, lifeExpectancy: a.lifeExpectancy } : null;
	}
	const members = s.practices.map((p) => ({ p, t: pt.practices[p.code] })).filter((m) => m.t);
	if (!members.length) return null;
	if (s.level === 'practice') {
		const t = members[0].t;
		const cqc = noCqc();
		cqc[t.cqc?.rating ?? 'none']++;
		return {
			area: practiceArea(s.code, t, s.name),
			cqc,
			lifeExpectancy: t.lifeExpectancy ? { ...t.lifeExpectancy, practices: 1 } : null
		};
	}
	// A network: its estimated members' series summed, their ratings counted, life expectancy averaged
	// over members with a figure (weighted by registered patients), the latest year among them.
	const sums = sumPracticeTrends(
		pt,
		members.map((m) => m.t)
	);
	const cqc = noCqc();
	let wf = 0;
	let f = 0;
	let wm = 0;
	let m = 0;
	let n = 0;
	let year = 0;
	for (const { p, t } of members) {
		cqc[t.cqc?.rating ?? 'none']++;
		const le = t.lifeExpectancy;
		const w = p.patients ?? 0;
		if (!le || !(w > 0)) continue;
		n++;
		year = Math.max(year, le.year);
		if (le.female !== null) {
			f += le.female * w;
			wf += w;
		}
		if (le.male !== null) {
			m += le.male * w;
			wm += w;
		}
	}
	return {
		area: { level: 'practice', code: s.code, name: s.name, parentCode: '', ...sums, cqc, lifeExpectancy: null },
		cqc,
		lifeExpectancy: n ? { year, female: wf ? f / wf : null, male: wm ? m / wm : null, practices: n } : null
	};
}

/** "Good 120 · Outstanding 8 · …" in CQC's order, with the unmatched apart. */
export function cqcLine(c: Record<CqcRating | 'none', number>): string {
	const rated = CQC_RATINGS.filter((r) => c[r] > 0).map((r) => `${r} ${c[r]}`);
	return [
		...(rated.length ? rated : ['no rating matched']),
		...(c.none && rated.length ? [`no rating matched ${c.none}`] : [])
	].join(' · ');
}
