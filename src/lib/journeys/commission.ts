// Commission journey: where in an area does GP provision fall short of need? Practices against
// England's rate and against practices of similar deprivation, neighbourhoods (LSOAs) against
// England, and the area's practices by national IMD quintile (the inverse care law, locally).
import type { AppPractice } from '$lib/data/practices';
import type { LsoaDetail } from '$lib/data/lsoaDetail';
import { fteShortfall } from '$lib/domain/metrics';
import { hasUsableFte, PRACTICE_FLAGS } from '$lib/domain/practice';
import { areaTotals, type AreaMember } from '$lib/domain/provision';
import { AREA_LEVEL_LABELS, type AreaLevel, type PlacedPractice } from './areas';
import { lsoaImdDecile } from './deciles';

export { areaPractices } from './areas';

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
	const u = usable(p);
	return {
		patients: p.patients,
		weightedPatients: p.weightedPatients,
		gpFte: u ? p.gpFte : null,
		gpFteAll: u ? p.gpFteAll : null,
		nurseFte: u ? p.nurseFte : null,
		dpcFte: u ? p.dpcFte : null,
		imdScore: p.imdScore
	};
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

// ---------------------------------------------------------------- practices

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

const shortOf = (rate: number, weighted: number, fte: number) => Math.max(0, fteShortfall(rate, weighted, fte));

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

// ---------------------------------------------------------------- neighbourhoods

export type NeighbourhoodRecord = Pick<
	LsoaDetail,
	| 'code'
	| 'name'
	| 'ladName'
	| 'icbCode'
	| 'patients'
	| 'patientsCovered'
	| 'attributedFte'
	| 'attributedWeightedPatients'
	| 'gpFtePer10kWeighted'
	| 'imdScore'
	| 'imdRank'
	| 'centreLat'
	| 'centreLon'
>;

/**
 * LSOA → area look-ups for levels lsoa-detail.json does not carry. lsoa.csv has them
 * (sub_icb_code, lad24_code, region_code); lsoa-detail has only the ICB.
 */
export interface LsoaAreaLookups {
	sicblOfLsoa?: ReadonlyMap<string, string>;
	ladOfLsoa?: ReadonlyMap<string, string>;
	regionOfLsoa?: ReadonlyMap<string, string>;
}

export type LsoaSelection<L> = { ok: true; lsoas: L[] } | { ok: false; reason: string };

/**
 * The LSOAs of an area. ICB (and so NHS England region, via each ICB's region as the practices give
 * it) comes from lsoa-detail; Sub-ICB, local authority and ONS region need look-ups from lsoa.csv.
 * PCNs have no boundary: their patients live in LSOAs shared with other PCNs, so none is given.
 */
export function lsoasInArea<L extends NeighbourhoodRecord>(
	lsoas: Iterable<L>,
	level: AreaLevel,
	code: string,
	practices: readonly Pick<PlacedPractice, 'icbCode' | 'nhserCode'>[],
	lookups: LsoaAreaLookups = {}
): LsoaSelection<L> {
	const all = [...lsoas];
	const c = code.trim().toUpperCase();
	const by = (map: ReadonlyMap<string, string> | undefined, name: string): LsoaSelection<L> =>
		map
			? { ok: true, lsoas: all.filter((l) => map.get(l.code) === c) }
			: { ok: false, reason: `neighbourhoods by ${name} need the LSOA look-up table (lsoa.csv), which is not loaded` };
	switch (level) {
		case 'england':
			return { ok: true, lsoas: all };
		case 'icb':
			return { ok: true, lsoas: all.filter((l) => l.icbCode === c) };
		case 'nhser': {
			const icbs = new Set(practices.filter((p) => p.nhserCode === c).map((p) => p.icbCode));
			return { ok: true, lsoas: all.filter((l) => icbs.has(l.icbCode)) };
		}
		case 'sicbl':
			return by(lookups.sicblOfLsoa, AREA_LEVEL_LABELS.sicbl);
		case 'lad':
			return by(lookups.ladOfLsoa, AREA_LEVEL_LABELS.lad);
		case 'region':
			return by(lookups.regionOfLsoa, AREA_LEVEL_LABELS.region);
		case 'pcn':
			return {
				ok: false,
				reason:
					'a Primary Care Network has no boundary: its patients live in neighbourhoods it shares with other networks'
			};
	}
}

export interface NeighbourhoodRow {
	code: string;
	name: string;
	ladName: string;
	/** Attributed GP FTE per 10,000 weighted patients. */
	gpFtePer10kWeighted: number;
	/** Rate minus England's (negative = below England). */
	vsEngland: number;
	/** Attributed whole-time GPs short of England's rate (0 when at or above it). */
	shortfallEngland: number;
	/** Share of residents' registrations at practices whose FTE counts: how much of the LSOA the rate speaks for. */
	coverage: number | null;
	patients: number | null;
	imdScore: number | null;
	imdDecile: number | null;
	centreLat: number;
	centreLon: number;
}

export interface NeighbourhoodRanking {
	/** Lowest rate first. */
	rows: NeighbourhoodRow[];
	/** LSOAs with no attributed rate (no registered patients at practices with usable FTE). */
	withoutRate: { code: string; name: string }[];
}

/** Neighbourhoods ranked by attributed GP FTE per 10,000 weighted patients, lowest (furthest below England) first. */
export function rankNeighbourhoods(
	lsoas: Iterable<NeighbourhoodRecord>,
	englandRate: number,
	lsoaCount?: number
): NeighbourhoodRanking {
	const rows: NeighbourhoodRow[] = [];
	const withoutRate: { code: string; name: string }[] = [];
	for (const l of lsoas) {
		const rate = l.gpFtePer10kWeighted;
		if (rate === null || !Number.isFinite(rate)) {
			withoutRate.push({ code: l.code, name: l.name });
			continue;
		}
		const short =
			l.attributedFte !== null && l.attributedWeightedPatients !== null
				? shortOf(englandRate, l.attributedWeightedPatients, l.attributedFte)
				: 0;
		rows.push({
			code: l.code,
			name: l.name,
			ladName: l.ladName,
			gpFtePer10kWeighted: rate,
			vsEngland: rate - englandRate,
			shortfallEngland: short,
			coverage: l.patients && l.patientsCovered !== null ? l.patientsCovered / l.patients : null,
			patients: l.patients,
			imdScore: l.imdScore,
			imdDecile: lsoaImdDecile(l.imdRank, lsoaCount),
			centreLat: l.centreLat,
			centreLon: l.centreLon
		});
	}
	rows.sort(
		(a, b) =>
			a.gpFtePer10kWeighted - b.gpFtePer10kWeighted ||
			b.shortfallEngland - a.shortfallEngland ||
			a.code.localeCompare(b.code)
	);
	withoutRate.sort((a, b) => a.code.localeCompare(b.code));
	return { rows, withoutRate };
}

// ---------------------------------------------------------------- quintile table

export interface QuintileCell {
	practices: number;
	/** Of which with usable FTE (the rate's base). */
	practicesWithFte: number;
	patients: number;
	weightedPatients: number;
	/** Weighted patients of practices with usable FTE: the rate's denominator. */
	weightedPatientsWithFte: number;
	gpFte: number;
	gpFtePer10kWeighted: number | null;
}

export interface QuintileRow {
	/** National quintile of practices by IMD score, 5 = most deprived (as the pipeline's inverse-care table). */
	quintile: number;
	label: string;
	area: QuintileCell;
	england: QuintileCell;
}

export interface QuintileTable {
	rows: QuintileRow[];
	/** All practices of the area / England (including those without a quintile). */
	total: { area: QuintileCell; england: QuintileCell };
	/** Practices with no IMD score, so no quintile. */
	withoutQuintile: { area: number; england: number };
}

function cell(members: readonly CommissionPractice[]): QuintileCell {
	const t = areaTotals(members.map(asAreaMember));
	return {
		practices: t.practices,
		practicesWithFte: t.practicesWithFte,
		patients: t.patients,
		weightedPatients: t.weightedPatients,
		weightedPatientsWithFte: t.weightedPatientsWithFte,
		gpFte: t.gpFte,
		gpFtePer10kWeighted: t.gpFtePer10kWeighted
	};
}

const QUINTILE_LABELS = ['Q1 (least deprived)', 'Q2', 'Q3', 'Q4', 'Q5 (most deprived)'];

/**
 * The area's practices by national IMD quintile (the practice table's `imdQuintile`: equal-count
 * quintiles of practice IMD score over England, 5 = most deprived), beside England's practices in
 * the same quintile. Rates count only practices with usable FTE, in numerator and denominator.
 */
export function quintileTable(area: readonly CommissionPractice[], all: readonly CommissionPractice[]): QuintileTable {
	const rows: QuintileRow[] = [];
	for (let q = 1; q <= 5; q++) {
		rows.push({
			quintile: q,
			label: QUINTILE_LABELS[q - 1],
			area: cell(area.filter((p) => p.imdQuintile === q)),
			england: cell(all.filter((p) => p.imdQuintile === q))
		});
	}
	return {
		rows,
		total: { area: cell(area), england: cell(all) },
		withoutQuintile: {
			area: area.filter((p) => p.imdQuintile === null).length,
			england: all.filter((p) => p.imdQuintile === null).length
		}
	};
}
