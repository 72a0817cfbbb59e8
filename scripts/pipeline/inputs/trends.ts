// Inputs of the trends: GP workforce by financial year (two HEEC files), NHS Payments to General
// Practice (one file a year, 2014/15 → 2022/23), CQC ratings (April 2024) and modelled life expectancy
// by practice (Fingertips 650 via HEEC). Quirks are in ../../../../shared/data/README.md and README "Trends".
import { CODE, readCsv } from '../read';
import { num, optNum, str } from './cells';
import { INPUT_FILES, type InputName } from './files';

export interface WorkforceYearRow {
	code: string;
	year: number;
	/** Registered patients, mean over the year's snapshots (TOTAL_PATIENTS). */
	patients: number;
	/** Fully qualified GPs, excluding locums and trainees (TOTAL_GP_EXTGL_FTE); null = NA. */
	gpFte: number | null;
	locumTraineeFte: number | null;
}

/** Every row of a workforce file with `Year` in [first, last] (Year 2016 = FY2015/16). */
export function readWorkforceYears(path: string, id: InputName, first: number, last: number): WorkforceYearRow[] {
	const fte = (name: string) => ({ name, type: 'number' as const, optional: true, missing: ['NA'], min: 0, max: 500 });
	return readCsv(path, {
		columns: [
			{ name: 'Practice.Code', ...CODE.practice },
			{ name: 'Year', type: 'integer', min: 2000, max: 2100 },
			{ name: 'TOTAL_PATIENTS', type: 'number', min: 0, max: 200_000 },
			fte('TOTAL_GP_EXTGL_FTE'),
			fte('TOTAL_LOCUUM_TRN_FTE')
		],
		where: (r) => (r.Year as number) >= first && (r.Year as number) <= last,
		rowsWanted: `rows for Year ${first}–${last}`,
		unique: ['Practice.Code', 'Year'],
		label: INPUT_FILES[id]
	}).map((r) => ({
		code: str(r['Practice.Code']),
		year: num(r.Year),
		patients: num(r.TOTAL_PATIENTS),
		gpFte: optNum(r.TOTAL_GP_EXTGL_FTE),
		locumTraineeFte: optNum(r.TOTAL_LOCUUM_TRN_FTE)
	}));
}

export const PAYMENTS_TOTAL = 'Total NHS Payments to General Practice';
const REGISTERED = 'Number of Registered Patients (Last Known Figure)';
const WEIGHTED = 'Number of Weighted Patients (Last Known Figure)';

/** The two "including" totals of 2020/21 on: each is the base total plus one kind of money. */
export const PAYMENTS_EXTRA_COLUMNS: Record<number, { covid: string; pcn: string }> = {
	2021: {
		covid: 'Total NHS Payments including covid vaccination and covid support and expansion payments',
		pcn: 'Total NHS Payments including PCN Workforce, Leadership and Support'
	},
	2022: {
		covid: 'Total NHS Payments to General Practice including covid vaccination, covid support and long covid payments',
		pcn: 'Total NHS Payments including PCN Workforce, Leadership and Support'
	},
	2023: {
		covid: 'Total NHS Payments to General Practice including covid vaccination, covid support and long covid payments',
		pcn: 'Total NHS Payments including PCN Workforce, Leadership and Support'
	}
};

export interface PaymentsYearRow {
	code: string;
	registered: number;
	weighted: number;
	total: number;
	/** COVID money: the "including covid" total − the base total (2020/21 on; null before). */
	covid: number | null;
	/** PCN money passed through the practice: the "including PCN" total − the base (2020/21 on). */
	pcn: number | null;
}

/** One year's payments file (`year` 2015 = 2014/15). Money may be negative (recoveries). */
export function readPaymentsYear(path: string, id: InputName, year: number): PaymentsYearRow[] {
	const extra = PAYMENTS_EXTRA_COLUMNS[year];
	const money = (name: string) => ({ name, type: 'number' as const, min: -20_000_000, max: 100_000_000 });
	const rows = readCsv(path, {
		columns: [
			{ name: 'Practice Code', ...CODE.practice },
			{ name: REGISTERED, type: 'number', min: 0, max: 200_000 },
			{ name: WEIGHTED, type: 'number', min: 0, max: 400_000 },
			money(PAYMENTS_TOTAL),
			...(extra ? [money(extra.covid), money(extra.pcn)] : [])
		],
		unique: 'Practice Code',
		label: INPUT_FILES[id]
	});
	return rows.map((r) => {
		const total = num(r[PAYMENTS_TOTAL]);
		return {
			code: str(r['Practice Code']),
			registered: num(r[REGISTERED]),
			weighted: num(r[WEIGHTED]),
			total,
			covid: extra ? num(r[extra.covid]) - total : null,
			pcn: extra ? num(r[extra.pcn]) - total : null
		};
	});
}

export interface CqcRow {
	/** As written: a practice code, a 9-character site code (practice + 3 digits) or NA. */
	code: string;
	year: number | null;
	rating: string;
	inherited: boolean;
}

export function readCqc(path: string): CqcRow[] {
	return readCsv(path, {
		columns: [
			{
				name: 'Practice.Code',
				pattern: /^([A-Z]\d{5}(\d{3})?|NA)$/,
				patternHint: 'a practice code like A81001 (or NA)'
			},
			{ name: 'Year', type: 'integer', optional: true, missing: ['NA'], min: 2000, max: 2100 },
			{ name: 'domain' },
			{
				name: 'latest_rating',
				pattern: /^(Outstanding|Good|Requires improvement|Inadequate)$/,
				patternHint: 'a CQC rating (Outstanding, Good, Requires improvement, Inadequate)'
			},
			{ name: 'inherited_rating_y_n', pattern: /^[YN]$/, patternHint: 'Y or N', optional: true }
		],
		label: INPUT_FILES.cqcRatings
	}).map((r) => ({
		code: str(r['Practice.Code']),
		year: optNum(r.Year),
		rating: str(r.latest_rating),
		inherited: r.inherited_rating_y_n === 'Y'
	}));
}

export interface LifeExpectancyRow {
	code: string;
	year: number;
	female: number | null;
	male: number | null;
}

/** Practice rows only (CCG `E38…` and England `E92…` rows are not practices and are skipped). */
export function readLifeExpectancy(path: string): LifeExpectancyRow[] {
	const years = (name: string) => ({
		name,
		type: 'number' as const,
		optional: true,
		missing: ['NA'],
		min: 40,
		max: 110
	});
	return readCsv(path, {
		columns: [
			{ name: 'Practice.Code', pattern: /^([A-Z]\d{5}|E\d{8})$/, patternHint: 'a practice code like A81001' },
			{ name: 'Year', type: 'integer', min: 2000, max: 2100 },
			years('Life_Expectancy_Female'),
			years('Life_Expectancy_Male')
		],
		where: (r) => CODE.practice.pattern.test(r['Practice.Code'] as string),
		rowsWanted: 'practice rows',
		label: INPUT_FILES.lifeExpectancy
	}).map((r) => ({
		code: str(r['Practice.Code']),
		year: num(r.Year),
		female: optNum(r.Life_Expectancy_Female),
		male: optNum(r.Life_Expectancy_Male)
	}));
}
