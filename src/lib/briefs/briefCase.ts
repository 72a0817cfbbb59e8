// "The case" at the top of a brief: a few plain sentences with the key figures, built from the
// figures alone (no figure is invented: a missing one is said to be missing).
import { fmt1, fmt2, fmtInt, fmtPct } from '$lib/components/format';
import type { BriefFigures, BriefSubject } from './brief';

const more = (a: number, b: number) => (a >= b ? 'more' : 'fewer');

export function briefCase(s: BriefSubject, f: BriefFigures): string[] {
	const out: string[] = [];
	const who = s.name;
	const one = s.level === 'practice';
	if (f.rate === null) {
		out.push(
			`${who} has no reported GP full-time equivalents for FY 2024/25, so its provision cannot be measured from open data.`
		);
	} else {
		const pct = (f.rate / f.englandRate - 1) * 100;
		out.push(
			`${who} has ${fmt2(f.rate)} fully qualified GPs (full-time equivalent) for every 10,000 patients weighted for need, ` +
				`${Math.abs(pct) < 0.5 ? 'about the same as' : `${fmtInt(Math.abs(pct))}% ${pct < 0 ? 'below' : 'above'}`} England’s ${fmt2(f.englandRate)}.`
		);
	}
	if (f.imdScore !== null && f.share15 !== null) {
		out.push(
			`${fmtPct(f.share15)} of ${one ? 'its' : 'its practices’'} patients live in England’s most deprived 15% of neighbourhoods ` +
				`(average IMD 2025 score ${fmt1(f.imdScore)}${one ? '' : `; ${fmtInt(f.deepEndPractices)} of its ${fmtInt(f.practices)} practices are Deep End practices`}).`
		);
	}
	if (f.similarRate !== null && f.rate !== null) {
		out.push(
			`Practices serving similarly deprived populations have ${fmt2(f.similarRate)} across England, so ${who} has ` +
				`${more(f.rate, f.similarRate)} GPs than practices like it.`
		);
	}
	if (f.vsEngland.practicesWithFte > 0) {
		const net = f.vsEngland.net;
		out.push(
			one
				? net > 0
					? `To reach England’s rate it would need ${fmt1(net)} more whole-time GPs.`
					: `It is above England’s rate by ${fmt1(-net)} whole-time GPs.`
				: `Bringing every practice below England’s rate up to it would take ${fmt1(f.vsEngland.gross)} more whole-time GPs ` +
						`across ${fmtInt(f.vsEngland.practicesShort)} practice${f.vsEngland.practicesShort === 1 ? '' : 's'} (gross); taken as a whole, ${who} is ` +
						`${net >= 0 ? `${fmt1(net)} whole-time GPs short of` : `${fmt1(-net)} whole-time GPs above`} England’s rate (net).`
		);
	}
	if (!one && f.ratio.ratio !== null) {
		const r = f.ratio;
		out.push(
			`Its practices in England’s most deprived fifth have ${fmt2(r.most.rate)} GPs per 10,000 weighted patients, ` +
				`${fmt2(r.ratio)} times the ${fmt2(r.least.rate)} of its least deprived fifth` +
				(r.caveat
					? ` (few practices: ${r.most.practicesWithFte} and ${r.least.practicesWithFte}, so read with care).`
					: '.')
		);
	}
	return out;
}
