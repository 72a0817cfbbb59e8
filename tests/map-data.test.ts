// The app's data readers and the practice-layer logic, on small hand-made tables.
import { describe, expect, it } from 'vitest';
import { compare, parsePractices, PRACTICE_FIELDS } from '../src/lib/data/practices';
import { parseLsoaDetail } from '../src/lib/data/lsoaDetail';
import { LSOA_DETAIL_FIELDS } from '../src/lib/domain/formats/lsoaDetail';
import { networkRoles, parseNetworks } from '../src/lib/data/networks';
import { parsePlaces } from '../src/lib/data/places';
import { parseAreas } from '../src/lib/data/areas';
import { csvRecords, parseCsv } from '../src/lib/data/csv';
import { DataError } from '../src/lib/data/errors';
import { keepsPractice, practiceRadius, practiceStyle, visiblePractices } from '../src/lib/map/practiceLayers';
import { DEFAULT_VIEW } from '../src/lib/state/url';
import { cssRgba, toRgba } from '../src/lib/domain/scales';
import { practiceScale, practiceMeasure } from '../src/lib/map/measures';

function practiceRow(over: Record<string, unknown>) {
	const base: Record<string, unknown> = {
		code: 'A00001',
		nation: 'E',
		name: 'Test Surgery',
		postcode: 'LS1 1AA',
		lat: 53.8,
		lon: -1.55,
		pcnCode: 'U12345',
		pcnName: 'Test PCN',
		sicblCode: 'E38000001',
		icbCode: 'E54000001',
		nhserCode: 'E40000001',
		region: 'E12000003',
		lsoa: 'E01000001',
		patients: 10000,
		weightedPatients: 11000,
		fteStatus: 'reported',
		gpFte: 5.5,
		gpFteAll: 6,
		nurseFte: 3,
		dpcFte: 2,
		gpFtePer10kWeighted: 5,
		gpFteAllPer10kWeighted: 5.4545,
		imdScore: 30,
		share10: 0.2,
		share15: 0.3,
		share20: 0.4,
		deepEndRank: 100,
		imdQuintile: 4,
		locationImdScore: 28,
		locationSource: 'postcode',
		unplacedShare: 0.01
	};
	const rec = { ...base, ...over };
	return PRACTICE_FIELDS.map((f) => rec[f] ?? null);
}

const doc = (rows: unknown[][]) => ({
	fields: [...PRACTICE_FIELDS],
	rows,
	decileShares: rows.map(() => [0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0]),
	address: rows.map(() => '1 High St')
});

describe('parsePractices', () => {
	const table = parsePractices(
		doc([
			practiceRow({ code: 'A1', imdScore: 50, gpFtePer10kWeighted: 4, icbCode: 'E54000001' }),
			practiceRow({ code: 'A2', imdScore: 40, gpFtePer10kWeighted: 6, icbCode: 'E54000001' }),
			practiceRow({ code: 'A3', imdScore: 20, gpFtePer10kWeighted: 6, icbCode: 'E54000002' }),
			practiceRow({
				code: 'A4',
				imdScore: 10,
				gpFtePer10kWeighted: null,
				fteStatus: 'not-reported',
				icbCode: 'E54000002'
			}),
			practiceRow({ code: 'A5', imdScore: null, lat: null, lon: null, locationSource: 'none' })
		])
	);

	it('reads records by field name, with shares and addresses', () => {
		expect(table.practices).toHaveLength(5);
		const a1 = table.byCode.get('A1')!;
		expect(a1.name).toBe('Test Surgery');
		expect(a1.decileShares).toEqual([0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0]);
		expect(a1.address).toBe('1 High St');
		expect(a1.index).toBe(0);
	});

	it('gives practice IMD deciles with 1 = most deprived, in equal-count groups', () => {
		const t = parsePractices(doc([...Array(20).keys()].map((i) => practiceRow({ code: `P${i}`, imdScore: i + 1 }))));
		const decileOf = (code: string) => t.byCode.get(code)!.imdDecile;
		expect([decileOf('P19'), decileOf('P18')]).toEqual([1, 1]);
		expect([decileOf('P0'), decileOf('P1')]).toEqual([10, 10]);
		expect(table.byCode.get('A5')!.imdDecile).toBeNull();
	});

	it('compares with England and the ICB (rank 1 = highest, percentile with half ties)', () => {
		const c = compare(table, table.byCode.get('A2')!, 'gpFtePer10kWeighted');
		expect(c.value).toBe(6);
		expect(c.englandRank).toBe(1);
		expect(c.englandCount).toBe(4); // A1, A2, A3, A5 (A4 has none)
		expect(c.englandPercentile).toBeCloseTo(((2 + 2 / 2) / 4) * 100);
		// ICB E54000001 holds A1 (4), A2 (6) and A5 (5).
		expect(c.icbRank).toBe(1);
		expect(c.icbCount).toBe(3);
		expect(c.icbPercentile).toBeCloseTo(((2 + 0.5) / 3) * 100);
		// A Welsh or Scottish practice is never one of England's peers.
		const withWales = parsePractices(
			doc([
				practiceRow({ code: 'A1', gpFtePer10kWeighted: 4 }),
				practiceRow({ code: 'W1', nation: 'W', patients: 99_000 }),
				practiceRow({ code: 'A2', patients: 5000 })
			])
		);
		expect(compare(withWales, withWales.byCode.get('A2')!, 'patients').englandCount).toBe(2);
		const none = compare(table, table.byCode.get('A4')!, 'gpFtePer10kWeighted');
		expect(none.englandRank).toBeNull();
		expect(none.englandPercentile).toBeNull();
	});

	it('names the file, row and field at fault', () => {
		expect(() => parsePractices({ rows: [] })).toThrow(DataError);
		expect(() => parsePractices({ fields: ['code'], rows: [] })).toThrow(/lacks the field\(s\) name/);
		expect(() => parsePractices(doc([practiceRow({ code: 'B9', patients: 'many' })]))).toThrow(
			/row 1 \(B9\): patients is "many"/
		);
		try {
			parsePractices('nonsense');
		} catch (e) {
			expect((e as DataError).file).toBe('data/practices.json');
			expect((e as DataError).hint).toMatch(/npm run data/);
		}
	});

	describe('practice layer', () => {
		it('keeps practices by ICB, IMD decile and FTE range, and never those without a location', () => {
			const codes = (v: Partial<typeof DEFAULT_VIEW>) =>
				table.practices.filter((p) => keepsPractice(p, { ...DEFAULT_VIEW, ...v })).map((p) => p.code);
			expect(codes({})).toEqual(['A1', 'A2', 'A3', 'A4']);
			expect(codes({ icb: 'E54000002' })).toEqual(['A3', 'A4']);
			expect(codes({ imd: [1, 5] })).toEqual(['A1', 'A2']);
			expect(codes({ fte: [null, 5] })).toEqual(['A1']);
			expect(codes({ fte: [5, null] })).toEqual(['A2', 'A3']);
		});

		it('draws big lists first so small ones stay on top', () => {
			const t = parsePractices(
				doc([practiceRow({ code: 'S', patients: 2000 }), practiceRow({ code: 'B', patients: 30000 })])
			);
			expect(visiblePractices(t.practices, DEFAULT_VIEW).map((p) => p.code)).toEqual(['B', 'S']);
		});

		it('circle area is proportional to list size', () => {
			const r1 = practiceRadius(5000);
			const r2 = practiceRadius(20000);
			expect((r2 / r1) ** 2).toBeCloseTo(4);
		});

		it('colours by the chosen measure and outlines network members', () => {
			const a1 = table.byCode.get('A1')!;
			const s = practiceStyle({ practiceMeasure: 'imd' }, 5.5, new Set(['A1']));
			expect(s.fill(a1)).toEqual(cssRgba(toRgba(practiceScale(practiceMeasure('imd'), 5.5).colour(50), 240)));
			expect(s.lineWidth(a1)).toBeGreaterThan(s.lineWidth(table.byCode.get('A2')!));
			expect(s.line(a1)).not.toEqual(s.line(table.byCode.get('A2')!));
		});
	});
});

describe('other readers', () => {
	it('lsoa-detail.json', () => {
		const fields = [...LSOA_DETAIL_FIELDS];
		const t = parseLsoaDetail({
			fields,
			rows: [
				[
					'E01000001',
					'City of London 001A',
					'City of London',
					'E54000027',
					1500,
					1400.5,
					1300,
					0.8,
					1600,
					5,
					'A1',
					0.3,
					-0.09,
					51.52,
					6.2,
					30000
				]
			]
		});
		expect(t.get('E01000001')).toMatchObject({
			name: 'City of London 001A',
			population: 1500,
			gpFtePer10kWeighted: 5,
			centreLat: 51.52
		});
		expect(() => parseLsoaDetail({ fields: ['code'], rows: [] })).toThrow(/lacks the field/);
	});

	it('networks.json and each practice role', () => {
		const n = parseNetworks({
			englandRate: 5.1,
			networks: [
				{
					id: 'yh',
					name: 'Yorkshire & Humber',
					estimatedMembers: [
						{ code: 'A1', value: 0.5, rank: 1, nationalRank: 10, selected: true },
						{ code: 'A2', value: 0.1, rank: 2, nationalRank: 900, selected: false }
					]
				},
				{ id: 'sc', name: 'Scotland', estimatedMembers: null }
			]
		});
		const roles = networkRoles(n);
		expect(roles.get('A1')![0].network.id).toBe('yh');
		expect(roles.get('A1')![0].member!.selected).toBe(true);
		expect(roles.get('A2')![0].member!.selected).toBe(false);
		expect(() => parseNetworks({ networks: [] })).toThrow(/englandRate/);
	});

	it('places in each accepted shape, cities first', () => {
		const geo = parsePlaces({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { name: 'Otley', type: 'Town' },
					geometry: { type: 'Point', coordinates: [-1.69, 53.9] }
				},
				{
					type: 'Feature',
					properties: { name: 'Leeds', local_type: 'City' },
					geometry: { type: 'Point', coordinates: [-1.55, 53.8] }
				}
			]
		});
		expect(geo.map((p) => p.name)).toEqual(['Leeds', 'Otley']);
		const cols = parsePlaces({ fields: ['name', 'lon', 'lat', 'kind'], rows: [['York', -1.08, 53.96, 'city']] });
		expect(cols[0]).toMatchObject({ name: 'York', lon: -1.08, kind: 'city' });
		expect(parsePlaces([{ name: 'Hull', lat: 53.74, lon: -0.33, type: 'City' }])[0].kind).toBe('city');
		expect(() => parsePlaces({ foo: 1 })).toThrow(DataError);
		expect(() => parsePlaces([])).toThrow(/no place/);
	});

	it('CSV with quotes, doubled quotes, CRLF and a BOM', () => {
		expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n')).toEqual([
			['a', 'b'],
			['x, y', 'say "hi"']
		]);
		expect(csvRecords('level,code,name\nicb,E54000001,"NHS A, B"\n')).toEqual([
			{ level: 'icb', code: 'E54000001', name: 'NHS A, B' }
		]);
		expect(() => parseCsv('a,"b')).toThrow(/unterminated/);
	});

	it('areas.csv', () => {
		const a = parseAreas(
			'level,code,ods_code,name,parent_code,practices,gp_fte_per_10k_weighted,imd_score,gp_fte_shortfall\nicb,E54000001,QHM,NHS North East ICB,E40000012,300,5.2,30.1,-3\n'
		);
		expect(a[0]).toMatchObject({
			level: 'icb',
			code: 'E54000001',
			practices: 300,
			gpFtePer10kWeighted: 5.2,
			gpFteShortfall: -3
		});
		expect(() => parseAreas('x,y\n1,2\n')).toThrow(/level, code and name/);
	});
});
