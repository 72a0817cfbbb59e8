// Scotland: SIMD 2020v2 by data zone 2011, the data zone lookup to council and health board, the PHS
// practice list (October 2024) and GP headcount by designation per practice (October 2024).
import { readCsv, InputError } from '../read';
import { str, num, optNum } from './cells';
import { INPUT_FILES } from './files';
import { withinNationDeciles } from './wales';

const DZ = { pattern: /^S01\d{6}$/, patternHint: 'a data zone 2011 code like S01006506' };
const HB = { pattern: /^S08\d{6}$/, patternHint: 'a health board code like S08000031' };

export interface SimdRow {
	code: string;
	rank: number;
	/** Decile within Scotland, computed from the rank (the file's decile column is not official). */
	decile: number;
	population: number;
	councilName: string;
}

/** SIMD 2020v2: one row per data zone; ranks must run 1…n with no gaps or repeats. */
export function readSimd2020(path: string, label = INPUT_FILES.simd2020): SimdRow[] {
	const rows = readCsv(path, {
		columns: [
			{ name: 'Data_Zone', ...DZ },
			{ name: 'Council_area' },
			{ name: 'Total_population', type: 'integer', min: 0, max: 100_000 },
			{ name: 'SIMD2020v2_Rank', type: 'integer', min: 1, max: 10_000 }
		],
		unique: 'Data_Zone',
		label
	});
	return withinNationDeciles(
		rows.map((r) => ({
			code: str(r.Data_Zone),
			rank: num(r.SIMD2020v2_Rank),
			population: num(r.Total_population),
			councilName: str(r.Council_area)
		})),
		label,
		'SIMD2020v2_Rank'
	);
}

/** Data zone → council area (S12) and health board (S08). */
export function readDz11Lookup(
	path: string,
	label = INPUT_FILES.dz11Lookup
): Map<string, { council: string; healthBoard: string }> {
	const rows = readCsv(path, {
		columns: [
			{ name: 'dz11_code', ...DZ },
			{ name: 'ltla19_code', pattern: /^S12\d{6}$/, patternHint: 'a council area code like S12000033' },
			{ name: 'hb19_code', ...HB }
		],
		unique: 'dz11_code',
		label
	});
	return new Map(rows.map((r) => [str(r.dz11_code), { council: str(r.ltla19_code), healthBoard: str(r.hb19_code) }]));
}

export interface ScottishPracticeRow {
	code: string;
	name: string;
	listSize: number;
	address: string;
	postcode: string;
	healthBoard: string;
	hscp: string;
	/** Data zone 2011 of the premises, as PHS gives it. */
	dataZone: string | null;
	cluster: string;
}

/** PHS GP practice contact details and list sizes. CRLF; phone numbers padded (not read). */
export function readScottishPractices(path: string, label = INPUT_FILES.phsPractices): ScottishPracticeRow[] {
	const rows = readCsv(path, {
		columns: [
			{ name: 'PracticeCode', pattern: /^\d{5}$/, patternHint: 'a Scottish practice code (5 digits) like 10002' },
			{ name: 'GPPracticeName' },
			{ name: 'PracticeListSize', type: 'integer', min: 0, max: 100_000 },
			{ name: 'AddressLine1', optional: true },
			{ name: 'AddressLine2', optional: true },
			{ name: 'AddressLine3', optional: true },
			{ name: 'AddressLine4', optional: true },
			{ name: 'Postcode', pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, patternHint: 'a postcode like DD2 5NH' },
			{ name: 'HB', ...HB },
			{ name: 'HSCP', optional: true },
			{ name: 'DataZone', optional: true, ...DZ },
			{ name: 'GPCluster', optional: true }
		],
		unique: 'PracticeCode',
		label
	});
	return rows.map((r) => ({
		code: str(r.PracticeCode),
		name: str(r.GPPracticeName),
		listSize: num(r.PracticeListSize),
		address: [1, 2, 3, 4]
			.map((k) => r[`AddressLine${k}`] as string | null)
			.filter((s): s is string => !!s)
			.join(', '),
		postcode: str(r.Postcode),
		healthBoard: str(r.HB),
		hscp: (r.HSCP as string | null) ?? '',
		dataZone: (r.DataZone as string | null) ?? null,
		cluster: (r.GPCluster as string | null) ?? ''
	}));
}

export interface GpHeadcountRow {
	code: string;
	/** Distinct GPs (GMC numbers) listed at the practice. */
	headcount: number;
	performer: number;
	salaried: number;
	registrar: number;
	retainee: number;
}

/** GP headcount by designation per practice; the designations must add up to the listings. */
export function readGpHeadcount(path: string, label = INPUT_FILES.phsGpHeadcount): Map<string, GpHeadcountRow> {
	const count = (name: string) => ({ name, type: 'integer' as const, min: 0, max: 500 });
	const rows = readCsv(path, {
		columns: [
			{ name: 'PracticeCode', pattern: /^\d{5}$/, patternHint: 'a Scottish practice code (5 digits)' },
			count('gp_rows'),
			count('performer'),
			count('performer_salaried'),
			count('performer_registrar'),
			count('performer_retainee'),
			count('distinct_gmc')
		],
		unique: 'PracticeCode',
		label
	});
	return new Map(
		rows.map((r) => {
			const row: GpHeadcountRow = {
				code: str(r.PracticeCode),
				headcount: num(r.distinct_gmc),
				performer: num(r.performer),
				salaried: num(r.performer_salaried),
				registrar: num(r.performer_registrar),
				retainee: num(r.performer_retainee)
			};
			const sum = row.performer + row.salaried + row.registrar + row.retainee;
			if (sum !== num(r.gp_rows) || optNum(r.distinct_gmc)! > sum) {
				throw new InputError(
					label,
					null,
					'gp_rows',
					`practice ${row.code}: designations add up to ${sum}, gp_rows is ${num(r.gp_rows)} and distinct GPs ${row.headcount}`,
					'check the file against data/sources.json'
				);
			}
			return [row.code, row];
		})
	);
}
