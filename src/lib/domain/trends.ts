// Trends: GP workforce (FY2015/16 → FY2024/25) and NHS payments (2014/15 → 2022/23) per practice,
// area and IMD quintile of practices, by financial year. Pure functions shared by the pipeline (which
// sums) and the app (which reads the sums and turns them into rates with the same functions).
// Definitions: README "Trends".
import { PER_PATIENTS } from './metrics';

/** A financial year by the calendar year it ends in: 2016 = FY2015/16 (April 2015 – March 2016). */
export type FinancialYear = number;

/** "2015/16" for 2016. */
export const fyLabel = (endYear: FinancialYear): string => `${endYear - 1}/${String(endYear).slice(2)}`;

/** 2016 for "2015/16" (or "2015-16"); null for anything else. */
export function fyFromLabel(label: string): FinancialYear | null {
	const m = /^(\d{4})[/-](\d{2})$/.exec(label.trim());
	if (!m) return null;
	const start = Number(m[1]);
	return (start + 1) % 100 === Number(m[2]) ? start + 1 : null;
}

/** An inclusive range of financial years. */
export const yearRange = (first: FinancialYear, last: FinancialYear): FinancialYear[] =>
	Array.from({ length: last - first + 1 }, (_, i) => first + i);

/**
 * One practice in one workforce year, as it enters the sums. `gpFte` is null unless reported and above
 * zero (not reported, zero, or no record: left out of numerator and denominator alike, as in the atlas).
 */
export interface WorkforceYearValue {
	gpFte: number | null;
	weightedPatients: number | null;
}

/** One practice in one payments year: that year's Carr-Hill weighted list and payments (nominal £). */
export interface PaymentsYearValue {
	weightedPatients: number;
	/** `Total NHS Payments to General Practice` (from 2020/21 this leaves out COVID and PCN money). */
	total: number;
	/** COVID payments (2020/21 on; null before: the files have none). */
	covid: number | null;
	/** PCN payments passed through the practice (2020/21 on; null before). */
	pcn: number | null;
}

/** Sums over a group of practices, one entry per year of the series. */
export interface WorkforceSums {
	/** Practices counted (usable FTE and a weighted list). */
	practices: number[];
	gpFte: number[];
	weightedPatients: number[];
}

export interface PaymentsSums {
	/** Practices counted (weighted list above zero). */
	practices: number[];
	weightedPatients: number[];
	total: number[];
	/** Null in years the files have no COVID (or PCN) columns. */
	covid: (number | null)[];
	pcn: (number | null)[];
}

export const emptyWorkforceSums = (years: number): WorkforceSums => ({
	practices: Array(years).fill(0),
	gpFte: Array(years).fill(0),
	weightedPatients: Array(years).fill(0)
});

export const emptyPaymentsSums = (years: number): PaymentsSums => ({
	practices: Array(years).fill(0),
	weightedPatients: Array(years).fill(0),
	total: Array(years).fill(0),
	covid: Array(years).fill(null),
	pcn: Array(years).fill(null)
});

/** Does a practice-year count towards the FTE rate? Usable FTE and a weighted list above zero. */
export const countsForFte = (
	v: WorkforceYearValue | null | undefined
): v is { gpFte: number; weightedPatients: number } =>
	!!v && v.gpFte !== null && v.gpFte > 0 && v.weightedPatients !== null && v.weightedPatients > 0;

/** Add a practice's year `i` to the sums (ignored when it does not count). */
export function addWorkforce(sums: WorkforceSums, i: number, v: WorkforceYearValue | null | undefined): void {
	if (!countsForFte(v)) return;
	sums.practices[i]++;
	sums.gpFte[i] += v.gpFte;
	sums.weightedPatients[i] += v.weightedPatients;
}

/** Add a practice's payments year `i` (ignored without a weighted list above zero). */
export function addPayments(sums: PaymentsSums, i: number, v: PaymentsYearValue | null | undefined): void {
	if (!v || !(v.weightedPatients > 0)) return;
	sums.practices[i]++;
	sums.weightedPatients[i] += v.weightedPatients;
	sums.total[i] += v.total;
	if (v.covid !== null) sums.covid[i] = (sums.covid[i] ?? 0) + v.covid;
	if (v.pcn !== null) sums.pcn[i] = (sums.pcn[i] ?? 0) + v.pcn;
}

/** Fully qualified GP FTE per 10,000 weighted patients, per year; null where nothing counts. */
export const ftePer10kSeries = (s: WorkforceSums): (number | null)[] =>
	s.gpFte.map((f, i) => (s.weightedPatients[i] > 0 ? (f / s.weightedPatients[i]) * PER_PATIENTS : null));

/** Payments per weighted patient (nominal £), per year; `part` picks the total, COVID or PCN money. */
export function paymentsPerWeightedSeries(
	s: PaymentsSums,
	part: 'total' | 'covid' | 'pcn' = 'total'
): (number | null)[] {
	return s.weightedPatients.map((w, i) => {
		const money = s[part][i];
		return w > 0 && money !== null ? money / w : null;
	});
}

/**
 * The inverse-care gap by year: least deprived fifth's rate − most deprived fifth's (positive = the
 * more deprived fifth has less), and the ratio most ÷ least (below 1 = less). Null where either is.
 */
export function gapSeries(
	leastDeprived: readonly (number | null)[],
	mostDeprived: readonly (number | null)[]
): { gap: (number | null)[]; ratio: (number | null)[] } {
	const gap = leastDeprived.map((a, i) => {
		const b = mostDeprived[i];
		return a === null || b === null || b === undefined ? null : a - b;
	});
	const ratio = leastDeprived.map((a, i) => {
		const b = mostDeprived[i];
		return a === null || b === null || b === undefined || !(a > 0) ? null : b / a;
	});
	return { gap, ratio };
}

/**
 * The weighted/registered ratio for a practice in `year`: that year's, else the nearest year's that
 * the practice has (the earlier on a tie), else null. `ratios` maps year → ratio for this practice.
 */
export function nearestRatio(
	ratios: ReadonlyMap<FinancialYear, number>,
	year: FinancialYear
): { ratio: number; year: FinancialYear } | null {
	const exact = ratios.get(year);
	if (exact !== undefined) return { ratio: exact, year };
	let best: { ratio: number; year: FinancialYear } | null = null;
	for (const [y, ratio] of ratios) {
		const d = Math.abs(y - year);
		if (!best || d < Math.abs(best.year - year) || (d === Math.abs(best.year - year) && y < best.year))
			best = { ratio, year: y };
	}
	return best;
}

/** Sum two sums element by element (for reconciliation: the parts must add up to the whole). */
export function addSums<T extends WorkforceSums | PaymentsSums>(a: T, b: T): T {
	const out = {} as Record<string, (number | null)[]>;
	for (const key of Object.keys(a) as (keyof T & string)[]) {
		const x = a[key] as unknown as (number | null)[];
		const y = b[key] as unknown as (number | null)[];
		out[key] = x.map((v, i) => (v === null && y[i] === null ? null : (v ?? 0) + (y[i] ?? 0)));
	}
	return out as unknown as T;
}

/** Change from the first to the last year with a value (last − first); null with fewer than two. */
export function changeOver(series: readonly (number | null)[]): number | null {
	const vals = series.filter((v): v is number => v !== null);
	return vals.length >= 2 ? vals[vals.length - 1] - vals[0] : null;
}
