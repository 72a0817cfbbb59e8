// Trends, per practice: each practice's GP FTE and weighted patients by workforce year, and its
// payments by payments year, from the raw rows; CQC rating and modelled life expectancy as context.
// Sums per area are in trendsAreas.ts. Definitions: README "Trends".
import { nearestRatio, yearRange, type FinancialYear } from '../../src/lib/domain/trends';
import { needWeightingRatio } from '../../src/lib/domain/metrics';
import {
	CQC_RATINGS,
	type CqcContext,
	type CqcRating,
	type LifeExpectancyContext,
	type PracticeTrend
} from '../../src/lib/domain/formats/trends';
import type { CqcRow, LifeExpectancyRow, PaymentsYearRow, WorkforceYearRow } from './inputs/trends';

/** FY2015/16 → FY2024/25. */
export const WORKFORCE_YEARS = yearRange(2016, 2025);
/** 2014/15 → 2022/23. */
export const PAYMENTS_YEARS = yearRange(2015, 2023);
/** The older workforce file covers Year ≤ 2022; the newer one 2023 on (the overlap year 2023 comes from the newer). */
export const WORKFORCE_SPLIT_YEAR = 2023;

/** What each workforce year's value averages (HEEC's inputs; see the mirror README). */
export function workforceBasis(year: FinancialYear): string {
	if (year <= 2020) return `one September snapshot (September ${year - 1})`;
	if (year === 2021) return 'mean of the September 2020, December 2020 and March 2021 snapshots';
	if (year === 2022) return 'mean of June 2021 and the monthly files July 2021 – March 2022';
	return 'mean of the monthly files of the financial year';
}

/** The payments year whose Carr-Hill ratio a workforce year uses: the same year, or the latest (2022/23) after. */
export const ratioYearFor = (year: FinancialYear) => Math.min(year, PAYMENTS_YEARS[PAYMENTS_YEARS.length - 1]);

export interface PracticeTrendCounts {
	/** Per workforce year: practices in the file, FTE not reported (NA), FTE zero. */
	workforcePractices: number[];
	fteNotReported: number[];
	fteZero: number[];
	/** Per workforce year: practices with GP FTE but no registered patients (no weighted list: out of the rates), and their FTE. */
	noPatients: number[];
	noPatientsFte: number[];
	/** Per workforce year: practices whose ratio came from another payments year, or defaulted to 1.0. */
	ratioFromOtherYear: number[];
	ratioDefaulted: number[];
	/** Per payments year: rows, and rows with no weighted patients (left out of the rates). */
	paymentsPractices: number[];
	paymentsNoWeighted: number[];
	cqcRowsNoCode: number;
	cqcSiteCodesUsed: number;
	cqcDuplicates: number;
	lifeExpectancyDuplicates: number;
}

const round = (v: number, dp: number) => Math.round(v * 10 ** dp) / 10 ** dp;

export function buildPracticeTrends(
	workforce: readonly WorkforceYearRow[],
	payments: ReadonlyMap<FinancialYear, readonly PaymentsYearRow[]>,
	cqc: readonly CqcRow[],
	life: readonly LifeExpectancyRow[]
): { practices: Map<string, PracticeTrend>; counts: PracticeTrendCounts } {
	const nw = WORKFORCE_YEARS.length;
	const np = PAYMENTS_YEARS.length;
	const zeros = (n: number) => Array<number>(n).fill(0);
	const counts: PracticeTrendCounts = {
		workforcePractices: zeros(nw),
		fteNotReported: zeros(nw),
		fteZero: zeros(nw),
		noPatients: zeros(nw),
		noPatientsFte: zeros(nw),
		ratioFromOtherYear: zeros(nw),
		ratioDefaulted: zeros(nw),
		paymentsPractices: zeros(np),
		paymentsNoWeighted: zeros(np),
		cqcRowsNoCode: 0,
		cqcSiteCodesUsed: 0,
		cqcDuplicates: 0,
		lifeExpectancyDuplicates: 0
	};
	const out = new Map<string, PracticeTrend>();
	const of = (code: string) => {
		let t = out.get(code);
		if (!t) {
			const nulls = (n: number) => Array<number | null>(n).fill(null);
			t = {
				gpFte: nulls(nw),
				weightedPatients: nulls(nw),
				payWeighted: nulls(np),
				payTotal: nulls(np),
				payCovid: nulls(np),
				payPcn: nulls(np),
				cqc: null,
				lifeExpectancy: null
			};
			out.set(code, t);
		}
		return t;
	};

	// Carr-Hill ratios by practice and payments year; payments as they are.
	const ratios = new Map<string, Map<FinancialYear, number>>();
	for (const [year, rows] of payments) {
		const p = PAYMENTS_YEARS.indexOf(year);
		if (p < 0) continue;
		for (const r of rows) {
			counts.paymentsPractices[p]++;
			const ratio = needWeightingRatio(r.registered, r.weighted);
			if (ratio !== null && r.weighted > 0) {
				let m = ratios.get(r.code);
				if (!m) ratios.set(r.code, (m = new Map()));
				m.set(year, ratio);
			}
			if (!(r.weighted > 0)) {
				counts.paymentsNoWeighted[p]++;
				continue;
			}
			const t = of(r.code);
			t.payWeighted[p] = round(r.weighted, 0);
			t.payTotal[p] = round(r.total, 0);
			t.payCovid[p] = r.covid === null ? null : round(r.covid, 0);
			t.payPcn[p] = r.pcn === null ? null : round(r.pcn, 0);
		}
	}

	for (const r of workforce) {
		const w = WORKFORCE_YEARS.indexOf(r.year);
		if (w < 0) continue;
		counts.workforcePractices[w]++;
		const t = of(r.code);
		const wanted = ratioYearFor(r.year);
		const found = nearestRatio(ratios.get(r.code) ?? new Map(), wanted);
		if (!found) counts.ratioDefaulted[w]++;
		else if (found.year !== wanted) counts.ratioFromOtherYear[w]++;
		t.weightedPatients[w] = round(r.patients * (found?.ratio ?? 1), 0);
		if (r.gpFte === null) counts.fteNotReported[w]++;
		else if (r.gpFte === 0) counts.fteZero[w]++;
		t.gpFte[w] = r.gpFte !== null && r.gpFte > 0 ? r.gpFte : null;
		if (r.gpFte !== null && r.gpFte > 0 && !(r.patients > 0)) {
			counts.noPatients[w]++;
			counts.noPatientsFte[w] = round(counts.noPatientsFte[w] + r.gpFte, 1);
		}
	}

	// CQC: a practice's own row; else a site row (practice code + 3 digits); the latest year if repeated.
	const cqcOf = new Map<string, { row: CqcRow; site: boolean }>();
	for (const row of cqc) {
		if (row.code === 'NA') {
			counts.cqcRowsNoCode++;
			continue;
		}
		const site = row.code.length > 6;
		const code = row.code.slice(0, 6);
		const prev = cqcOf.get(code);
		if (prev) {
			counts.cqcDuplicates++;
			if ((site && !prev.site) || (site === prev.site && (row.year ?? 0) <= (prev.row.year ?? 0))) continue;
		}
		cqcOf.set(code, { row, site });
	}
	for (const [code, { row, site }] of cqcOf) {
		if (!(CQC_RATINGS as readonly string[]).includes(row.rating)) continue;
		if (site) counts.cqcSiteCodesUsed++;
		const c: CqcContext = { rating: row.rating as CqcRating, year: row.year, inherited: row.inherited };
		of(code).cqc = c;
	}

	// Life expectancy: each practice's latest year with a value for either sex.
	const seen = new Set<string>();
	const leOf = new Map<string, LifeExpectancyContext>();
	for (const r of life) {
		const key = `${r.code} ${r.year}`;
		if (seen.has(key)) {
			counts.lifeExpectancyDuplicates++;
			continue;
		}
		seen.add(key);
		if (r.female === null && r.male === null) continue;
		const prev = leOf.get(r.code);
		if (!prev || r.year > prev.year)
			leOf.set(r.code, {
				year: r.year,
				female: r.female === null ? null : round(r.female, 2),
				male: r.male === null ? null : round(r.male, 2)
			});
	}
	for (const [code, le] of leOf) of(code).lifeExpectancy = le;
	return { practices: out, counts };
}
