// Area names and totals (static/data/areas.csv): ICBs for the filter, PCN and Sub-ICB names for panels.
import { csvRecords } from './csv';
import { DataError } from './errors';

export interface AreaRecord {
	level: string;
	code: string;
	odsCode: string;
	name: string;
	parentCode: string;
	practices: number;
	gpFtePer10kWeighted: number | null;
	imdScore: number | null;
	gpFteShortfall: number | null;
}

const num = (s: string | undefined) =>
	s === undefined || s === '' ? null : Number.isFinite(Number(s)) ? Number(s) : null;

export function parseAreas(text: string, file = 'data/areas.csv'): AreaRecord[] {
	let records: Record<string, string>[];
	try {
		records = csvRecords(text);
	} catch (e) {
		throw new DataError(file, `is not valid CSV (${(e as Error).message})`);
	}
	if (records.length === 0 || !('level' in records[0]) || !('code' in records[0]) || !('name' in records[0])) {
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
