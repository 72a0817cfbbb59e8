// Commission's area picker: 1,297 PCNs narrowed by ICB and by words in the name or code.
import { describe, expect, it } from 'vitest';
import { pickerOptions } from '../src/lib/journeys/commission/picker';
import type { AreaRecord } from '../src/lib/data/areas';

const area = (level: string, code: string, name: string, parentCode = ''): AreaRecord => ({
	level,
	code,
	odsCode: '',
	name,
	parentCode,
	practices: 1,
	gpFtePer10kWeighted: null,
	imdScore: null,
	gpFteShortfall: null
});
const AREAS = [
	area('pcn', 'U00001', 'WEST NORWICH PCN', 'E38000239'),
	area('pcn', 'U00002', 'EAST NORWICH PCN', 'E38000239'),
	area('pcn', 'U00003', 'BLYTH PCN', 'E38000001'),
	area('icb', 'E54000050', 'NHS North East ICB')
];
const icbOf = new Map([
	['U00001', 'E54000022'],
	['U00002', 'E54000022'],
	['U00003', 'E54000050']
]);

describe('pickerOptions', () => {
	it('lists a level’s areas by name', () => {
		expect(pickerOptions(AREAS, 'pcn', { icb: '', search: '', icbOf }).map((a) => a.code)).toEqual([
			'U00003',
			'U00002',
			'U00001'
		]);
	});
	it('filters by ICB and by every word of the search, in name or code', () => {
		expect(pickerOptions(AREAS, 'pcn', { icb: 'E54000022', search: '', icbOf }).map((a) => a.code)).toEqual([
			'U00002',
			'U00001'
		]);
		expect(pickerOptions(AREAS, 'pcn', { icb: '', search: 'norwich west', icbOf }).map((a) => a.code)).toEqual([
			'U00001'
		]);
		expect(pickerOptions(AREAS, 'pcn', { icb: '', search: 'u00003', icbOf }).map((a) => a.name)).toEqual(['BLYTH PCN']);
		expect(pickerOptions(AREAS, 'pcn', { icb: 'E54000050', search: 'norwich', icbOf })).toEqual([]);
	});
});
