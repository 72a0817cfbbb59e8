// Where LSOAs sit: the 2011→2021 LSOA lookup, the LSOA 2021 geography, and Census 2021 population.
import { CODE, readCsv } from '../read';
import { str, num } from './cells';
import { INPUT_FILES } from './files';

export function readLsoaLookup(path: string): { lsoa11: string; lsoa21: string; change: string }[] {
	return readCsv(path, {
		columns: [
			{ name: 'lsoa11_code', ...CODE.lsoa11Any },
			{ name: 'lsoa21_code', ...CODE.lsoa11Any },
			{ name: 'change_code', pattern: /^[USMX]$/, patternHint: 'one of U, S, M, X' }
		],
		// One row per 2011 × 2021 pair: a repeated pair would split a 2011 LSOA's patients twice.
		unique: ['lsoa11_code', 'lsoa21_code'],
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
