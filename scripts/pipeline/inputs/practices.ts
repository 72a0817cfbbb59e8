// GP practices: the ODS mapping file and register, registrations by LSOA, workforce and payments.
import type { PracticeOrganisation } from '../../../src/lib/domain/practice';
import { CODE, readCsv } from '../read';
import { str, num, optNum } from './cells';
import { INPUT_FILES } from './files';

export interface PracticeMapRow extends PracticeOrganisation {
	code: string;
	name: string;
	postcode: string;
	nhserOds: string;
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
export function readEpraccur(
	path: string
): Map<string, { address: string; status: string; prescribingSetting: number | null }> {
	const rows = readCsv(path, {
		columns: [
			{ name: 'ORG_CODE', pattern: /^[A-Z0-9]{3,8}$/, patternHint: 'an ODS code' },
			{ name: 'ADDRESS_LINE_1', optional: true },
			{ name: 'ADDRESS_LINE_2', optional: true },
			{ name: 'ADDRESS_LINE_3', optional: true },
			{ name: 'ADDRESS_LINE_4', optional: true },
			{ name: 'ADDRESS_LINE_5', optional: true },
			{ name: 'STATUS_CODE', optional: true },
			{ name: 'PRESCRIBING_SETTING', type: 'integer', optional: true, min: 0, max: 99 }
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
				status: (r.STATUS_CODE as string | null) ?? '',
				prescribingSetting: optNum(r.PRESCRIBING_SETTING)
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
			// One practice's patients in one LSOA: a few thousand at most (13,061 in July 2023).
			{ name: 'NUMBER_OF_PATIENTS', type: 'integer', min: 0, max: 50_000 }
		],
		// A practice's patients in an LSOA are one row: a repeated row would count them twice.
		unique: ['PRACTICE_CODE', 'LSOA_CODE'],
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
		rowsWanted: `rows for Year ${year} (FY ${year - 1}/${String(year).slice(2)})`,
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
