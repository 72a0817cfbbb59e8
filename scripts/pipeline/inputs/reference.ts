// Published practice IMD figures, read only to cross-check the atlas's own (crossCheck.ts).
import { readCsv } from '../read';
import { str, num } from './cells';
import { INPUT_FILES } from './files';

export function readFingertipsImd(path: string, year: number): Map<string, number> {
	const rows = readCsv(path, {
		columns: [
			{ name: 'Year', type: 'integer' },
			{ name: 'AreaCode' },
			{ name: 'Value', type: 'number', optional: true }
		],
		where: (r) => r.Year === year && r.Value !== null,
		// One value per practice in a year.
		unique: 'AreaCode',
		label: INPUT_FILES.fingertipsImd
	});
	return new Map(rows.map((r) => [str(r.AreaCode), num(r.Value)]));
}

export function readBlackwellImd(path: string): Map<string, number> {
	const rows = readCsv(path, {
		columns: [{ name: 'practice_code' }, { name: 'imd_score', type: 'number', optional: true, missing: ['NA'] }],
		unique: 'practice_code',
		label: INPUT_FILES.blackwellImd
	});
	return new Map(rows.filter((r) => r.imd_score !== null).map((r) => [str(r.practice_code), num(r.imd_score)]));
}
