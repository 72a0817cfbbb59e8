// Typed, validated readers for each tabular input. One function per source in data/sources.json;
// each declares the columns it needs, their formats and ranges, and the key that must be unique.
import { join } from 'node:path';
import { CODE, InputError, readCsv, type Cell } from './read';

const str = (v: Cell) => v as string;
const num = (v: Cell) => v as number;
const optNum = (v: Cell) => (v === null ? null : (v as number));

/** Relative paths of the inputs inside data/raw (the same layout as the mirror). */
export const INPUT_FILES = {
	lsoa21Boundaries: 'boundaries/lsoa21_bsc_england.geojson.gz',
	icbBoundaries: 'boundaries/icb_2023_bsc_england.geojson',
	sicblBoundaries: 'boundaries/sicbl_2023_bsc_england.geojson',
	nhserBoundaries: 'boundaries/nhser_2024_bsc_england.geojson',
	ladBoundaries: 'boundaries/lad_2024_bsc_uk.geojson.gz',
	regionBoundaries: 'boundaries/rgn_2023_buc_england.geojson',
	imd2025: 'deprivation/iod2025_lsoa21_domains.csv.gz',
	imd2019: 'deprivation/iod2019_lsoa11_scores.csv.gz',
	lsoaLookup: 'lookups/lsoa11_lsoa21_ltla22.csv.gz',
	lsoaGeography: 'lookups/lsoa21_geography_england.csv.gz',
	population: 'population/census2021_lsoa21_age6.csv.gz',
	epraccur: 'practices/epraccur_2025-09.csv.gz',
	practiceMap: 'practices/gp_reg_pat_prac_map_2025-10.csv.gz',
	registrations: 'practices/gp_reg_pat_prac_lsoa_2023-07.csv.gz',
	workforce: 'practices/gp_workforce_practice_fy2023-2025.csv.gz',
	payments: 'practices/nhs_payments_practice_2022-23.csv.gz',
	codePoint: 'postcodes/codepoint_open_2025-10_gb.csv.gz',
	places: 'postcodes/os_open_names_places_gb.csv.gz',
	networkSources: 'networks/deep_end_networks_sources.csv',
	fingertipsImd: 'reference/fingertips_practice_imd_93553.csv.gz',
	blackwellImd: 'reference/practice_imd2019_blackwell_2023-02.csv.gz'
} as const;
export type InputName = keyof typeof INPUT_FILES;

export const inputPath = (rawDir: string, name: InputName) => join(rawDir, INPUT_FILES[name]);

// ---------------------------------------------------------------- deprivation

export const IMD_DOMAINS = [
	'imd',
	'income',
	'employment',
	'education_skills_training',
	'health_deprivation_disability',
	'crime',
	'barriers_housing_services',
	'living_environment'
] as const;
export type ImdDomain = (typeof IMD_DOMAINS)[number];

export interface Imd2025Row {
	code: string;
	score: Record<ImdDomain, number>;
	rank: Record<ImdDomain, number>;
	decile: Record<ImdDomain, number>;
}

export function readImd2025(path: string): Imd2025Row[] {
	const columns = [
		{ name: 'lsoa21_code', ...CODE.lsoa21 },
		...IMD_DOMAINS.flatMap((d) => [
			{ name: `${d}_score`, type: 'number' as const },
			{ name: `${d}_rank`, type: 'integer' as const, min: 1, max: 40_000 },
			{ name: `${d}_decile`, type: 'integer' as const, min: 1, max: 10 }
		])
	];
	const rows = readCsv(path, { columns, unique: 'lsoa21_code', label: INPUT_FILES.imd2025 });
	return rows.map((r) => {
		const pick = (suffix: string) =>
			Object.fromEntries(IMD_DOMAINS.map((d) => [d, num(r[`${d}_${suffix}`])])) as Record<ImdDomain, number>;
		return { code: str(r.lsoa21_code), score: pick('score'), rank: pick('rank'), decile: pick('decile') };
	});
}

export function readImd2019(path: string): Map<string, number> {
	const rows = readCsv(path, {
		columns: [
			{ name: 'lsoa11_code', ...CODE.lsoa11Any },
			{ name: 'imd_score', type: 'number', min: 0, max: 100 }
		],
		unique: 'lsoa11_code',
		label: INPUT_FILES.imd2019
	});
	return new Map(rows.map((r) => [str(r.lsoa11_code), num(r.imd_score)]));
}

// ---------------------------------------------------------------- lookups and population

export function readLsoaLookup(path: string): { lsoa11: string; lsoa21: string; change: string }[] {
	return readCsv(path, {
		columns: [
			{ name: 'lsoa11_code', ...CODE.lsoa11Any },
			{ name: 'lsoa21_code', ...CODE.lsoa11Any },
			{ name: 'change_code', pattern: /^[USMX]$/, patternHint: 'one of U, S, M, X' }
		],
		label: INPUT_FILES.lsoaLookup
	}).map((r) => ({ lsoa11: str(r.lsoa11_code), lsoa21: str(r.lsoa21_code), change: str(r.change_code) }));
}

export interface LsoaGeography {
	code: string;
	name: string;
	msoa: string;
	lad: string;
	ladName: string;
	region: string;
	regionName: string;
	sicbl: string;
	sicblName: string;
	icb: string;
	icbName: string;
	urbanRural: string;
}

export function readLsoaGeography(path: string): LsoaGeography[] {
	return readCsv(path, {
		columns: [
			{ name: 'lsoa21_code', ...CODE.lsoa21 },
			{ name: 'lsoa21_name' },
			{ name: 'msoa21_code', pattern: /^E02\d{6}$/, patternHint: 'an MSOA 2021 code like E02000001' },
			{ name: 'ltla24_code', ...CODE.lad },
			{ name: 'ltla24_name' },
			{ name: 'region24_code', ...CODE.region },
			{ name: 'region24_name' },
			{ name: 'sicbl24_code', ...CODE.sicbl },
			{ name: 'sicbl24_name' },
			{ name: 'icb24_code', ...CODE.icb },
			{ name: 'icb24_name' },
			{ name: 'urban_rural', optional: true }
		],
		unique: 'lsoa21_code',
		label: INPUT_FILES.lsoaGeography
	}).map((r) => ({
		code: str(r.lsoa21_code),
		name: str(r.lsoa21_name),
		msoa: str(r.msoa21_code),
		lad: str(r.ltla24_code),
		ladName: str(r.ltla24_name),
		region: str(r.region24_code),
		regionName: str(r.region24_name),
		sicbl: str(r.sicbl24_code),
		sicblName: str(r.sicbl24_name),
		icb: str(r.icb24_code),
		icbName: str(r.icb24_name),
		urbanRural: (r.urban_rural as string | null) ?? ''
	}));
}

/** Census 2021 usual residents by 2021 LSOA (England and Wales). */
export function readPopulation(path: string): Map<string, number> {
	const rows = readCsv(path, {
		columns: [
			{ name: 'lsoa21_code', ...CODE.lsoa11Any },
			{ name: 'total_usual_residents', type: 'integer', min: 0 }
		],
		unique: 'lsoa21_code',
		label: INPUT_FILES.population
	});
	return new Map(rows.map((r) => [str(r.lsoa21_code), num(r.total_usual_residents)]));
}

// ---------------------------------------------------------------- practices

export interface PracticeMapRow {
	code: string;
	name: string;
	postcode: string;
	pcnCode: string;
	pcnName: string;
	sicblCode: string;
	sicblOds: string;
	sicblName: string;
	icbCode: string;
	icbOds: string;
	icbName: string;
	nhserCode: string;
	nhserOds: string;
	nhserName: string;
	extractDate: string;
}

export function readPracticeMap(path: string): PracticeMapRow[] {
	return readCsv(path, {
		columns: [
			{ name: 'EXTRACT_DATE' },
			{ name: 'PRACTICE_CODE', ...CODE.practice },
			{ name: 'PRACTICE_NAME' },
			{ name: 'PRACTICE_POSTCODE', ...CODE.postcode },
			{ name: 'PCN_CODE', pattern: /^(U\d{5}|U)$/, patternHint: 'a PCN code like U89141 (or U for none)' },
			{ name: 'PCN_NAME', optional: true },
			{ name: 'ONS_SUB_ICB_LOCATION_CODE', ...CODE.sicbl },
			{ name: 'SUB_ICB_LOCATION_CODE' },
			{ name: 'SUB_ICB_LOCATION_NAME' },
			{ name: 'ONS_ICB_CODE', ...CODE.icb },
			{ name: 'ICB_CODE' },
			{ name: 'ICB_NAME' },
			{ name: 'ONS_COMM_REGION_CODE', ...CODE.nhser },
			{ name: 'COMM_REGION_CODE' },
			{ name: 'COMM_REGION_NAME' }
		],
		unique: 'PRACTICE_CODE',
		label: INPUT_FILES.practiceMap
	}).map((r) => ({
		code: str(r.PRACTICE_CODE),
		name: str(r.PRACTICE_NAME),
		postcode: str(r.PRACTICE_POSTCODE),
		pcnCode: str(r.PCN_CODE),
		pcnName: (r.PCN_NAME as string | null) ?? '',
		sicblCode: str(r.ONS_SUB_ICB_LOCATION_CODE),
		sicblOds: str(r.SUB_ICB_LOCATION_CODE),
		sicblName: str(r.SUB_ICB_LOCATION_NAME),
		icbCode: str(r.ONS_ICB_CODE),
		icbOds: str(r.ICB_CODE),
		icbName: str(r.ICB_NAME),
		nhserCode: str(r.ONS_COMM_REGION_CODE),
		nhserOds: str(r.COMM_REGION_CODE),
		nhserName: str(r.COMM_REGION_NAME),
		extractDate: str(r.EXTRACT_DATE)
	}));
}

/** ODS register: used for the practice address (the mapping file has none). Active and closed rows. */
export function readEpraccur(path: string): Map<string, { address: string; status: string }> {
	const rows = readCsv(path, {
		columns: [
			{ name: 'ORG_CODE', pattern: /^[A-Z0-9]{3,8}$/, patternHint: 'an ODS code' },
			{ name: 'ADDRESS_LINE_1', optional: true },
			{ name: 'ADDRESS_LINE_2', optional: true },
			{ name: 'ADDRESS_LINE_3', optional: true },
			{ name: 'ADDRESS_LINE_4', optional: true },
			{ name: 'ADDRESS_LINE_5', optional: true },
			{ name: 'STATUS_CODE', optional: true }
		],
		unique: 'ORG_CODE',
		label: INPUT_FILES.epraccur
	});
	return new Map(
		rows.map((r) => [
			str(r.ORG_CODE),
			{
				address: [1, 2, 3, 4, 5]
					.map((k) => r[`ADDRESS_LINE_${k}`] as string | null)
					.filter((s): s is string => !!s)
					.join(', '),
				status: (r.STATUS_CODE as string | null) ?? ''
			}
		])
	);
}

export interface RegistrationRow {
	practice: string;
	lsoa11: string;
	patients: number;
}

export function readRegistrations(path: string): { rows: RegistrationRow[]; extractDate: string } {
	let extractDate = '';
	const rows = readCsv(path, {
		columns: [
			{ name: 'EXTRACT_DATE' },
			{ name: 'PRACTICE_CODE', ...CODE.practice },
			{
				name: 'LSOA_CODE',
				pattern: /^([EW]01\d{6}|NO2011)$/,
				patternHint: 'an LSOA 2011 code like E01000001 (or NO2011)'
			},
			{ name: 'NUMBER_OF_PATIENTS', type: 'integer', min: 0 }
		],
		label: INPUT_FILES.registrations
	}).map((r) => {
		extractDate ||= str(r.EXTRACT_DATE);
		return { practice: str(r.PRACTICE_CODE), lsoa11: str(r.LSOA_CODE), patients: num(r.NUMBER_OF_PATIENTS) };
	});
	return { rows, extractDate };
}

export interface WorkforceRow {
	code: string;
	patients: number;
	gpFte: number | null;
	locumTraineeFte: number | null;
	nurseFte: number | null;
	dpcFte: number | null;
}

/** GP workforce, fiscal-year means. Year 2025 = FY 2024/25. "NA" = not reported. */
export function readWorkforce(path: string, year: number): WorkforceRow[] {
	const fte = (name: string) => ({ name, type: 'number' as const, optional: true, missing: ['NA'], min: 0, max: 500 });
	return readCsv(path, {
		columns: [
			{ name: 'Practice.Code', ...CODE.practice },
			{ name: 'Year', type: 'integer', min: 2000, max: 2100 },
			{ name: 'TOTAL_PATIENTS', type: 'number', min: 0, max: 200_000 },
			fte('TOTAL_GP_EXTGL_FTE'),
			fte('TOTAL_LOCUUM_TRN_FTE'),
			fte('TOTAL_NURSES_FTE'),
			fte('TOTAL_DPC_FTE')
		],
		where: (r) => r.Year === year,
		unique: 'Practice.Code',
		label: INPUT_FILES.workforce
	}).map((r) => ({
		code: str(r['Practice.Code']),
		patients: num(r.TOTAL_PATIENTS),
		gpFte: optNum(r.TOTAL_GP_EXTGL_FTE),
		locumTraineeFte: optNum(r.TOTAL_LOCUUM_TRN_FTE),
		nurseFte: optNum(r.TOTAL_NURSES_FTE),
		dpcFte: optNum(r.TOTAL_DPC_FTE)
	}));
}

export function readPayments(path: string): Map<string, { registered: number; weighted: number }> {
	const rows = readCsv(path, {
		columns: [
			{ name: 'Practice Code', ...CODE.practice },
			{ name: 'Number of Registered Patients (Last Known Figure)', type: 'number', min: 0, max: 200_000 },
			{ name: 'Number of Weighted Patients (Last Known Figure)', type: 'number', min: 0, max: 400_000 }
		],
		unique: 'Practice Code',
		label: INPUT_FILES.payments
	});
	return new Map(
		rows.map((r) => [
			str(r['Practice Code']),
			{
				registered: num(r['Number of Registered Patients (Last Known Figure)']),
				weighted: num(r['Number of Weighted Patients (Last Known Figure)'])
			}
		])
	);
}

// ---------------------------------------------------------------- reference figures (cross-checks)

export function readFingertipsImd(path: string, year: number): Map<string, number> {
	const rows = readCsv(path, {
		columns: [
			{ name: 'Year', type: 'integer' },
			{ name: 'AreaCode' },
			{ name: 'Value', type: 'number', optional: true }
		],
		where: (r) => r.Year === year && r.Value !== null,
		label: INPUT_FILES.fingertipsImd
	});
	return new Map(rows.map((r) => [str(r.AreaCode), num(r.Value)]));
}

export function readBlackwellImd(path: string): Map<string, number> {
	const rows = readCsv(path, {
		columns: [{ name: 'practice_code' }, { name: 'imd_score', type: 'number', optional: true, missing: ['NA'] }],
		label: INPUT_FILES.blackwellImd
	});
	return new Map(rows.filter((r) => r.imd_score !== null).map((r) => [str(r.practice_code), num(r.imd_score)]));
}

export { InputError };
