// Commission journey, practices: which FTE counts, England's and each deprivation decile's rate, and
// each practice's shortfall against them.
import type { AppPractice } from '$lib/data/practices';
import { fteShortfall } from '$lib/domain/metrics';
import { hasUsableFte, PRACTICE_FLAGS } from '$lib/domain/practice';
import { areaMemberOf, areaTotals, type AreaMember } from '$lib/domain/provision';
import type { PlacedPractice } from '../areas';

export type CommissionPractice = PlacedPractice &
	Pick<
		AppPractice,
		| 'name'
		| 'postcode'
		| 'pcnName'
		| 'patients'
		| 'weightedPatients'
		| 'fteStatus'
		| 'gpFte'
		| 'gpFteAll'
		| 'nurseFte'
		| 'dpcFte'
		| 'gpFtePer10kWeighted'
		| 'imdScore'
		| 'imdDecile'
		| 'imdQuintile'
	>;

/** A practice's GP FTE counts only when reported, above zero and over a known weighted list. */
function usable(p: CommissionPractice): boolean {
	return hasUsableFte(p) && p.gpFte !== null && p.gpFte > 0 && p.gpFtePer10kWeighted !== null;
}

/** The practice as an area member: FTE left out (null) when it does not count, so it is never a 0. */
export function asAreaMember(p: CommissionPractice): AreaMember {
	return areaMemberOf(p, usable(p));
}

/** Why a practice's FTE is not used. */
export function fteUnusableReason(p: CommissionPractice): string | null {
	if (usable(p)) return null;
	switch (p.fteStatus) {
		case 'not-reported':
			return PRACTICE_FLAGS.fteMissing;
		case 'no-workforce-record':
			return 'no FY2024/25 workforce record: GP FTE unknown';
		case 'zero':
			return PRACTICE_FLAGS.fteZero;
	}
	if (!(p.weightedPatients && p.weightedPatients > 0))
		return 'no weighted list size: GP FTE per 10,000 weighted patients unknown';
	return 'GP FTE per 10,000 weighted patients unknown';
}

// ---------------------------------------------------------------- reference rates

export interface ReferenceRates {
	/** England's GP FTE per 10,000 weighted patients (practices with usable FTE). */
	england: number;
	/**
	 * The same rate among practices in each national IMD decile of practices (index 0 = decile 1, the
	 * 10% of practices with the highest patient-weighted IMD score); null for a decile with no usable FTE.
	 */
	byDecile: (number | null)[];
}

/**
 * England's rate and each decile's, from all of England's practices. Deciles are the practice table's
 * `imdDecile` (equal-count deciles of practice IMD score over practices with a score, 1 = most deprived;
 * computed once in parsePractices), so every journey puts a practice in the same decile.
 */
export function referenceRates(all: readonly CommissionPractice[]): ReferenceRates {
	const england = areaTotals(all.map(asAreaMember)).gpFtePer10kWeighted;
	if (england === null) throw new Error('no practice has usable GP FTE: England rate unknown');
	const byDecile = Array.from(
		{ length: 10 },
		(_, i) => areaTotals(all.filter((p) => p.imdDecile === i + 1).map(asAreaMember)).gpFtePer10kWeighted
	);
	return { england, byDecile };
}

export interface PracticeShortfall {
	code: string;
	name: string;
	postcode: string;
	pcnCode: string;
	pcnName: string;
	patients: number | null;
	weightedPatients: number;
	gpFte: number;
	gpFtePer10kWeighted: number;
	imdScore: number | null;
	imdDecile: number | null;
	englandRate: number;
	/** Rate among practices in the same national IMD decile; null when the practice has no IMD score. */
	similarRate: number | null;
	/** Whole-time GPs short of England's rate for this list (0 when at or above it). */
	shortfallEngland: number;
	/** Whole-time GPs short of the rate of similarly deprived practices; null without a decile. */
	shortfallSimilar: number | null;
}

export interface PracticeWithoutFte {
	code: string;
	name: string;
	postcode: string;
	reason: string;
}

export interface PracticeShortfalls {
	rows: PracticeShortfall[];
	/** Listed apart, never counted as 0 FTE. */
	withoutFte: PracticeWithoutFte[];
	/** Σ shortfallEngland over rows: practices above the rate do not offset those below. */
	totalShortfallEngland: number;
	totalShortfallSimilar: number;
}

/** Whole-time GPs short of `rate` for this weighted list, 0 when at or above it. */
export const shortOf = (rate: number, weighted: number, fte: number) => Math.max(0, fteShortfall(rate, weighted, fte));

/**
 * Each practice with usable FTE against England's rate and its decile's, largest shortfall first
 * (against England by default, or against similar deprivation); the rest listed apart with the reason.
 */
export function practiceShortfalls(
	area: readonly CommissionPractice[],
	rates: ReferenceRates,
	by: 'england' | 'similar' = 'england'
): PracticeShortfalls {
	const rows: PracticeShortfall[] = [];
	const withoutFte: PracticeWithoutFte[] = [];
	for (const p of area) {
		const reason = fteUnusableReason(p);
		if (reason) {
			withoutFte.push({ code: p.code, name: p.name, postcode: p.postcode, reason });
			continue;
		}
		const weighted = p.weightedPatients!;
		const fte = p.gpFte!;
		const similarRate = p.imdDecile !== null ? (rates.byDecile[p.imdDecile - 1] ?? null) : null;
		rows.push({
			code: p.code,
			name: p.name,
			postcode: p.postcode,
			pcnCode: p.pcnCode,
			pcnName: p.pcnName,
			patients: p.patients,
			weightedPatients: weighted,
			gpFte: fte,
			gpFtePer10kWeighted: p.gpFtePer10kWeighted!,
			imdScore: p.imdScore,
			imdDecile: p.imdDecile,
			englandRate: rates.england,
			similarRate,
			shortfallEngland: shortOf(rates.england, weighted, fte),
			shortfallSimilar: similarRate === null ? null : shortOf(similarRate, weighted, fte)
		});
	}
	const key = (r: PracticeShortfall) => (by === 'england' ? r.shortfallEngland : (r.shortfallSimilar ?? -1));
	rows.sort((a, b) => key(b) - key(a) || a.gpFtePer10kWeighted - b.gpFtePer10kWeighted || a.code.localeCompare(b.code));
	withoutFte.sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
	return {
		rows,
		withoutFte,
		totalShortfallEngland: rows.reduce((s, r) => s + r.shortfallEngland, 0),
		totalShortfallSimilar: rows.reduce((s, r) => s + (r.shortfallSimilar ?? 0), 0)
	};
}
