// Series of static/data/trends/ (see ./trends.ts): an area's or practice's sums as one row a year, the
// sums of any group of practices, and the CSV of series (a `year` column first) that the open tables
// and every download share.
import { csvRow } from '../csv';
import {
	addPayments,
	addWorkforce,
	emptyPaymentsSums,
	emptyWorkforceSums,
	fyLabel,
	ftePer10kSeries,
	paymentsPerWeightedSeries,
	type FinancialYear
} from '../trends';
import type { AreaTrend, PracticeTrend, PracticeTrendsFile, TrendsFile } from './trends';

/** A year's row of an area's (or practice's) series: what the charts draw and the CSV holds. */
export interface SeriesRow {
	year: FinancialYear;
	gpFte: number | null;
	weightedPatientsFte: number | null;
	gpFtePer10kWeighted: number | null;
	practicesFte: number | null;
	weightedPatientsPayments: number | null;
	paymentsTotal: number | null;
	paymentsPerWeighted: number | null;
	covidPerWeighted: number | null;
	pcnPerWeighted: number | null;
}

/** An area's sums as one row per year over the union of workforce and payments years. */
export function areaSeries(doc: Pick<TrendsFile, 'workforceYears' | 'paymentsYears'>, a: AreaTrend): SeriesRow[] {
	const fte = ftePer10kSeries(a.workforce);
	const pay = paymentsPerWeightedSeries(a.payments);
	const covid = paymentsPerWeightedSeries(a.payments, 'covid');
	const pcn = paymentsPerWeightedSeries(a.payments, 'pcn');
	const years = [...new Set([...doc.paymentsYears, ...doc.workforceYears])].sort((x, y) => x - y);
	return years.map((year) => {
		const w = doc.workforceYears.indexOf(year);
		const p = doc.paymentsYears.indexOf(year);
		const wOk = w >= 0 && a.workforce.practices[w] > 0;
		const pOk = p >= 0 && a.payments.practices[p] > 0;
		return {
			year,
			gpFte: wOk ? a.workforce.gpFte[w] : null,
			weightedPatientsFte: wOk ? a.workforce.weightedPatients[w] : null,
			gpFtePer10kWeighted: wOk ? fte[w] : null,
			practicesFte: w >= 0 ? a.workforce.practices[w] : null,
			weightedPatientsPayments: pOk ? a.payments.weightedPatients[p] : null,
			paymentsTotal: pOk ? a.payments.total[p] : null,
			paymentsPerWeighted: pOk ? pay[p] : null,
			covidPerWeighted: pOk ? covid[p] : null,
			pcnPerWeighted: pOk ? pcn[p] : null
		};
	});
}

/** A practice's series as area sums of one practice (so one definition of the rates serves both). */
export function practiceAsArea(code: string, t: PracticeTrend): AreaTrend {
	const counted = t.gpFte.map((f, i) => (f !== null && f > 0 && (t.weightedPatients[i] ?? 0) > 0 ? 1 : 0));
	const paid = t.payWeighted.map((w) => (w !== null && w > 0 ? 1 : 0));
	return {
		level: 'practice',
		code,
		name: code,
		parentCode: '',
		workforce: {
			practices: counted,
			gpFte: t.gpFte.map((f, i) => (counted[i] ? f! : 0)),
			weightedPatients: t.weightedPatients.map((w, i) => (counted[i] ? w! : 0))
		},
		payments: {
			practices: paid,
			weightedPatients: t.payWeighted.map((w, i) => (paid[i] ? w! : 0)),
			total: t.payTotal.map((v, i) => (paid[i] ? (v ?? 0) : 0)),
			covid: t.payCovid.map((v, i) => (paid[i] ? v : null)),
			pcn: t.payPcn.map((v, i) => (paid[i] ? v : null))
		},
		cqc: { Outstanding: 0, Good: 0, 'Requires improvement': 0, Inadequate: 0, none: 0 },
		lifeExpectancy: null
	};
}

/**
 * Add one practice's series to a group's sums (the pipeline's areas, and any group the app makes, e.g.
 * an area's most deprived fifth of practices): FTE years that count, payments years with a weighted list.
 */
export function addPracticeTrend(sums: Pick<AreaTrend, 'workforce' | 'payments'>, t: PracticeTrend): void {
	t.gpFte.forEach((gpFte, i) => addWorkforce(sums.workforce, i, { gpFte, weightedPatients: t.weightedPatients[i] }));
	t.payWeighted.forEach((w, i) => {
		if (w !== null)
			addPayments(sums.payments, i, {
				weightedPatients: w,
				total: t.payTotal[i] ?? 0,
				covid: t.payCovid[i],
				pcn: t.payPcn[i]
			});
	});
}

/** The sums of a group of practices' series (years as in the practice file). */
export function sumPracticeTrends(
	doc: Pick<PracticeTrendsFile, 'workforceYears' | 'paymentsYears'>,
	group: Iterable<PracticeTrend>
): Pick<AreaTrend, 'workforce' | 'payments'> {
	const sums = {
		workforce: emptyWorkforceSums(doc.workforceYears.length),
		payments: emptyPaymentsSums(doc.paymentsYears.length)
	};
	for (const t of group) addPracticeTrend(sums, t);
	return sums;
}

/** The CSV columns of a series table (the open tables and every download), with rounding. */
export const SERIES_CSV_COLUMNS: { name: string; get: (r: SeriesRow) => number | null; dp: number }[] = [
	{ name: 'gp_fte', get: (r) => r.gpFte, dp: 1 },
	{ name: 'weighted_patients_fte', get: (r) => r.weightedPatientsFte, dp: 0 },
	{ name: 'gp_fte_per_10k_weighted', get: (r) => r.gpFtePer10kWeighted, dp: 3 },
	{ name: 'practices_fte', get: (r) => r.practicesFte, dp: 0 },
	{ name: 'weighted_patients_payments', get: (r) => r.weightedPatientsPayments, dp: 0 },
	{ name: 'payments_total_gbp', get: (r) => r.paymentsTotal, dp: 0 },
	{ name: 'payments_per_weighted_gbp', get: (r) => r.paymentsPerWeighted, dp: 2 },
	{ name: 'covid_per_weighted_gbp', get: (r) => r.covidPerWeighted, dp: 2 },
	{ name: 'pcn_per_weighted_gbp', get: (r) => r.pcnPerWeighted, dp: 2 }
];

const round = (v: number | null, dp: number) => (v === null ? null : Math.round(v * 10 ** dp) / 10 ** dp);

/**
 * CSV text of series rows with a `year` column ("2015/16") first; `keys` are leading columns (e.g.
 * level, code, name) repeated on each row. `comments` become `# ` lines before the header.
 */
export function seriesCsv(
	blocks: { keys: Record<string, string>; rows: SeriesRow[] }[],
	comments: string[] = []
): string {
	const keyNames = Object.keys(blocks[0]?.keys ?? {});
	const lines = comments.map((c) => `# ${c.replace(/[\r\n]+/g, ' ')}`);
	lines.push(csvRow([...keyNames, 'year', ...SERIES_CSV_COLUMNS.map((c) => c.name)]));
	for (const b of blocks)
		for (const r of b.rows)
			lines.push(
				csvRow([
					...keyNames.map((k) => b.keys[k]),
					fyLabel(r.year),
					...SERIES_CSV_COLUMNS.map((c) => round(c.get(r), c.dp))
				])
			);
	return lines.join('\n') + '\n';
}
