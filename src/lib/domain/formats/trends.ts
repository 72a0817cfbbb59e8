// static/data/trends/: GP workforce and NHS payments by financial year, per practice, area (today's
// PCN, Sub-ICB, ICB, NHS region), IMD quintile of practices and England, with CQC ratings and modelled
// life expectancy as context. The pipeline writes these with the encoders here; the app reads them
// with the decoders here (src/lib/data/trends.ts); the CSV tables and the panels' downloads share
// `seriesCsv`. Years are financial years by their end year (2016 = FY2015/16): see ../trends.ts.
import type { FinancialYear, PaymentsSums, WorkforceSums } from '../trends';

/** Bump when a field is renamed, removed or changes meaning. */
export const TRENDS_FORMAT_VERSION = 1;

export const TRENDS_FILE = 'trends/trends.json';
export const PRACTICE_TRENDS_FILE = 'trends/practices.json';

export type TrendLevel =
	'england' | 'nhser' | 'icb' | 'sicbl' | 'pcn' | 'quintile' | 'unassigned' | 'no-pcn' | 'practice';

/** CQC overall ratings, best first. */
export const CQC_RATINGS = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate'] as const;
export type CqcRating = (typeof CQC_RATINGS)[number];

export interface CqcContext {
	rating: CqcRating;
	/** Year HEEC gives for the rating (apparently the year it was published). */
	year: number | null;
	/** Inherited from a predecessor provider (CQC's flag). */
	inherited: boolean;
}

/** Modelled life expectancy at birth (Fingertips 650, MSOA based): not measured at the practice. */
export interface LifeExpectancyContext {
	/** HEEC's `Year` (apparently the end of Fingertips' period). */
	year: number;
	female: number | null;
	male: number | null;
}

/** An area's (or quintile's, or England's) sums by year, and its context counts. */
export interface AreaTrend {
	level: TrendLevel;
	code: string;
	name: string;
	parentCode: string;
	workforce: WorkforceSums;
	payments: PaymentsSums;
	/** Today's practices by CQC rating (key `none` = no rating matched). */
	cqc: Record<CqcRating | 'none', number>;
	/** Registered-patient-weighted mean of today's practices' modelled life expectancy; null without any. */
	lifeExpectancy: { year: number; female: number | null; male: number | null; practices: number } | null;
}

export interface WorkforceYearNote {
	year: FinancialYear;
	/** Which mirror file the year comes from. */
	file: string;
	/** What the fiscal-year value averages (September snapshot before FY2020/21; means after). */
	basis: string;
}

export interface PaymentsYearNote {
	year: FinancialYear;
	file: string;
	/** The column summed as the total, and those the COVID and PCN money are derived from. */
	totalColumn: string;
	covidColumn: string | null;
	pcnColumn: string | null;
}

export interface TrendsFile {
	version: number;
	workforceYears: FinancialYear[];
	paymentsYears: FinancialYear[];
	workforceNotes: WorkforceYearNote[];
	paymentsNotes: PaymentsYearNote[];
	/** Every practice in that year's file (including those closed since). */
	england: AreaTrend;
	/** Today's practices by IoD2025 IMD quintile of practices (1 = least deprived, 5 = most). */
	quintiles: AreaTrend[];
	/** Practices in a year's file but not in today's mapping (closed or merged since): in England, in no area. */
	unassigned: AreaTrend;
	/** Today's practices in no PCN (PCN code U): in their ICB and Sub-ICB, in no PCN. */
	noPcn: AreaTrend;
	/** Today's areas from today's practices (current geography, not the areas as they were). */
	areas: AreaTrend[];
}

/** One practice's series: aligned with the file's workforceYears / paymentsYears. */
export interface PracticeTrend {
	/** Fully qualified GP FTE (null = not reported, zero, or no record that year). */
	gpFte: (number | null)[];
	/** Weighted patients used for the FTE rate: registered × that year's Carr-Hill ratio. */
	weightedPatients: (number | null)[];
	payWeighted: (number | null)[];
	payTotal: (number | null)[];
	payCovid: (number | null)[];
	payPcn: (number | null)[];
	cqc: CqcContext | null;
	lifeExpectancy: LifeExpectancyContext | null;
}

export interface PracticeTrendsFile {
	version: number;
	workforceYears: FinancialYear[];
	paymentsYears: FinancialYear[];
	practices: Record<string, PracticeTrend>;
}

// ---------------------------------------------------------------- encode / decode

export const encodeTrends = (doc: TrendsFile): string => JSON.stringify(doc);
export const encodePracticeTrends = (doc: PracticeTrendsFile): string => JSON.stringify(doc);

const isNumArray = (v: unknown) => Array.isArray(v) && v.every((x) => x === null || typeof x === 'number');

function checkArea(a: unknown, nw: number, np: number): string | null {
	const t = a as AreaTrend;
	if (!t || typeof t.code !== 'string' || !t.workforce || !t.payments)
		return 'an area lacks code, workforce or payments';
	for (const k of ['practices', 'gpFte', 'weightedPatients'] as const)
		if (!isNumArray(t.workforce[k]) || t.workforce[k].length !== nw)
			return `${t.code}: workforce.${k} is not one number a year`;
	for (const k of ['practices', 'weightedPatients', 'total', 'covid', 'pcn'] as const)
		if (!isNumArray(t.payments[k]) || t.payments[k].length !== np)
			return `${t.code}: payments.${k} is not one number a year`;
	return null;
}

/** The trends file, checked; throws an Error saying what is wrong. */
export function decodeTrends(raw: unknown): TrendsFile {
	const d = raw as TrendsFile;
	if (!d || typeof d !== 'object') throw new Error('is not a JSON object');
	if (d.version !== TRENDS_FORMAT_VERSION)
		throw new Error(`has format version ${d.version}, expected ${TRENDS_FORMAT_VERSION}: rebuild the data`);
	if (!isNumArray(d.workforceYears) || !isNumArray(d.paymentsYears)) throw new Error('lacks its years');
	const nw = d.workforceYears.length;
	const np = d.paymentsYears.length;
	for (const a of [d.england, d.unassigned, d.noPcn, ...(d.quintiles ?? []), ...(d.areas ?? [])]) {
		const problem = checkArea(a, nw, np);
		if (problem) throw new Error(problem);
	}
	if (d.quintiles.length !== 5) throw new Error('does not have five quintiles');
	return d;
}

/** The practice trends file, checked. */
export function decodePracticeTrends(raw: unknown): PracticeTrendsFile {
	const d = raw as PracticeTrendsFile;
	if (!d || typeof d !== 'object') throw new Error('is not a JSON object');
	if (d.version !== TRENDS_FORMAT_VERSION)
		throw new Error(`has format version ${d.version}, expected ${TRENDS_FORMAT_VERSION}: rebuild the data`);
	if (!isNumArray(d.workforceYears) || !isNumArray(d.paymentsYears) || typeof d.practices !== 'object')
		throw new Error('lacks its years or practices');
	const first = Object.values(d.practices)[0];
	if (first && (!isNumArray(first.gpFte) || first.gpFte.length !== d.workforceYears.length))
		throw new Error('has practice series that do not match its years');
	return d;
}

// The series the charts draw and the CSV they download, in ./trendSeries.ts (one module, re-exported).
export {
	addPracticeTrend,
	areaSeries,
	practiceAsArea,
	SERIES_CSV_COLUMNS,
	seriesCsv,
	sumPracticeTrends,
	type SeriesRow
} from './trendSeries';
