// Wales: WIMD 2019 by LSOA 2011, Welsh GP practices from the ODS register (epraccur), and the
// StatsWales practice deprivation table (April 2024).
import { decileWithin } from '../../../src/lib/domain/nations';
import { readCsv, InputError } from '../read';
import { str, optNum } from './cells';
import { INPUT_FILES } from './files';

export interface WimdRow {
	code: string;
	rank: number;
	score: number;
	/** Decile within Wales, computed from the rank (the file's own decile column is not official). */
	decile: number;
}

/** WIMD 2019: one row per Welsh LSOA 2011; ranks must run 1…n with no gaps or repeats. */
export function readWimd2019(path: string, label = INPUT_FILES.wimd2019): WimdRow[] {
	const rows = readCsv(path, {
		columns: [
			{ name: 'lsoa11_code', pattern: /^W01\d{6}$/, patternHint: 'a Welsh LSOA 2011 code like W01000001' },
			{ name: 'IMD_rank', type: 'integer', min: 1, max: 5000 },
			{ name: 'IMD_score', type: 'number', min: 0, max: 100 }
		],
		unique: 'lsoa11_code',
		label
	});
	return withinNationDeciles(
		rows.map((r) => ({ code: str(r.lsoa11_code), rank: r.IMD_rank as number, score: r.IMD_score as number })),
		label,
		'IMD_rank'
	);
}

/** Check ranks are a permutation of 1…n and add each row's decile within the nation. */
export function withinNationDeciles<T extends { code: string; rank: number }>(
	rows: T[],
	label: string,
	column: string
): (T & { decile: number })[] {
	const n = rows.length;
	const seen = new Map<number, string>();
	for (const r of rows) {
		if (r.rank > n) {
			throw new InputError(
				label,
				null,
				column,
				`rank ${r.rank} of ${r.code} is above the number of rows (${n})`,
				'use the complete file (every neighbourhood of the nation, ranked 1…n)'
			);
		}
		const other = seen.get(r.rank);
		if (other)
			throw new InputError(
				label,
				null,
				column,
				`rank ${r.rank} is given to both ${other} and ${r.code}`,
				'use the published ranks (each rank once)'
			);
		seen.set(r.rank, r.code);
	}
	return rows.map((r) => ({ ...r, decile: decileWithin(r.rank, n)! }));
}

export interface WelshPracticeRow {
	code: string;
	name: string;
	address: string;
	postcode: string;
	/** Health board ODS code (epraccur COMMISSIONER), e.g. 7A4 Cardiff and Vale. */
	healthBoard: string;
}

/** Active Welsh GP practices in epraccur: W… codes, prescribing setting 4 (GP practice), status A. */
export function readWelshPractices(path: string, label = INPUT_FILES.epraccur): WelshPracticeRow[] {
	const rows = readCsv(path, {
		columns: [
			{ name: 'ORG_CODE', pattern: /^[A-Z0-9]{3,8}$/, patternHint: 'an ODS code' },
			{ name: 'NAME' },
			{ name: 'ADDRESS_LINE_1', optional: true },
			{ name: 'ADDRESS_LINE_2', optional: true },
			{ name: 'ADDRESS_LINE_3', optional: true },
			{ name: 'ADDRESS_LINE_4', optional: true },
			{ name: 'ADDRESS_LINE_5', optional: true },
			{ name: 'POSTCODE', optional: true },
			{ name: 'STATUS_CODE', optional: true },
			{ name: 'COMMISSIONER', optional: true },
			{ name: 'PRESCRIBING_SETTING', optional: true }
		],
		where: (r) => /^W\d{5}$/.test(str(r.ORG_CODE)) && r.STATUS_CODE === 'A' && r.PRESCRIBING_SETTING === '4',
		rowsWanted: 'active Welsh GP practices (W… codes, status A, prescribing setting 4)',
		unique: 'ORG_CODE',
		label
	});
	return rows.map((r) => ({
		code: str(r.ORG_CODE),
		name: str(r.NAME),
		address: [1, 2, 3, 4, 5]
			.map((k) => r[`ADDRESS_LINE_${k}`] as string | null)
			.filter((s): s is string => !!s)
			.join(', '),
		postcode: (r.POSTCODE as string | null) ?? '',
		healthBoard: (r.COMMISSIONER as string | null) ?? ''
	}));
}

export interface WalesPracticeDeprivation {
	code: string;
	name: string;
	healthBoardName: string;
	/** Registered patients (April 2024); null when suppressed ("."). */
	patients: number | null;
	/** Patients living in the 20% most deprived WIMD 2019 LSOAs; null when suppressed. */
	deprived20: number | null;
	/** Published percentage, 0–100; null when suppressed. */
	percent20: number | null;
	suppressed: boolean;
}

/**
 * StatsWales practice deprivation (April 2024). Quirks handled: CRLF line ends; trailing spaces in
 * names and codes (`W00007 `); one heading row per health board (blank practice and code, values
 * `.`), skipped; suppressed practices with every value `.`, kept with nulls and `suppressed`.
 */
export function readWalesPracticeDeprivation(
	path: string,
	label = INPUT_FILES.walesPracticeDeprivation
): WalesPracticeDeprivation[] {
	const missing = ['.'];
	const rows = readCsv(path, {
		columns: [
			{ name: 'lhb' },
			{ name: 'practice', optional: true },
			{ name: 'practice_code', optional: true, pattern: /^W\d{5}$/, patternHint: 'a Welsh practice code like W00007' },
			{ name: 'patients', type: 'integer', optional: true, missing, min: 0, max: 100_000 },
			{ name: 'no_depriv', type: 'integer', optional: true, missing, min: 0, max: 100_000 },
			{ name: 'perc_depriv', type: 'number', optional: true, missing, min: 0, max: 100 }
		],
		where: (r) => r.practice_code !== null,
		rowsWanted: 'practice rows (with a practice code)',
		unique: 'practice_code',
		label
	});
	return rows.map((r) => {
		const patients = optNum(r.patients);
		const deprived20 = optNum(r.no_depriv);
		if (patients !== null && deprived20 !== null && deprived20 > patients) {
			throw new InputError(
				label,
				null,
				'no_depriv',
				`${str(r.practice_code)}: ${deprived20} patients in the most deprived 20% is more than its ${patients} patients`,
				'check the file against data/sources.json'
			);
		}
		return {
			code: str(r.practice_code),
			name: (r.practice as string | null) ?? '',
			healthBoardName: str(r.lhb),
			patients,
			deprived20,
			percent20: optNum(r.perc_depriv),
			suppressed: patients === null || deprived20 === null
		};
	});
}
