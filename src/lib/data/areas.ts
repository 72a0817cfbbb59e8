// Area names and totals (static/data/areas.csv): ICBs for the filter, PCN and Sub-ICB names for panels.
import { csvRecords } from './csv';
import { AREA_REQUIRED_COLUMNS, type AreaRecord } from '$lib/domain/formats/areas';
import { DataError } from './errors';

export type { AreaRecord };

const num = (s: string | undefined) =>
	s === undefined || s === '' ? null : Number.isFinite(Number(s)) ? Number(s) : null;

export function parseAreas(text: string, file = 'data/areas.csv'): AreaRecord[] {
	let records: Record<string, string>[];
	try {
		records = csvRecords(text);
	} catch (e) {
		throw new DataError(file, `is not valid CSV (${(e as Error).message})`);
	}
	if (records.length === 0 || AREA_REQUIRED_COLUMNS.some((c) => !(c in records[0]))) {
		throw new DataError(file, 'lacks the level, code and name columns');
	}
	return records.map((r) => ({
		level: r.level,
		code: r.code,
		odsCode: r.ods_code ?? '',
		name: r.name,
		parentCode: r.parent_code ?? '',
		practices: Number(r.practices) || 0,
		gpFtePer10kWeighted: num(r.gp_fte_per_10k_weighted),
		imdScore: num(r.imd_score),
		gpFteShortfall: num(r.gp_fte_shortfall)
	}));
}
