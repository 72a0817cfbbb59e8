import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	describeRule,
	footprintKindOf,
	inFootprint,
	parsePublishedCount,
	rankByRule,
	ruleField,
	thresholdForInput,
	thresholdFromInput,
	type MembershipRule
} from '../src/lib/domain/networks';

const practice = (
	code: string,
	share15: number | null,
	extra: Partial<{
		icbCode: string;
		region: string;
		locationImdScore: number;
		qualityFlags: string;
		iod2019Share15: number;
		wimdShare20: number;
		ladCode: string;
	}> = {}
) => ({
	code,
	share10: share15 === null ? null : share15 / 2,
	share15,
	share20: share15,
	imdScore: share15 === null ? null : share15 * 100,
	locationImdScore: extra.locationImdScore ?? null,
	iod2019Share15: extra.iod2019Share15 ?? null,
	wimdShare20: extra.wimdShare20 ?? null,
	qualityFlags: extra.qualityFlags ?? '',
	icbCode: extra.icbCode ?? 'E54000050',
	sicblCode: 'E38000001',
	region: extra.region ?? 'E12000001',
	ladCode: extra.ladCode ?? null
});

// 20 practices nationally, shares 0.95, 0.90, …, 0.00; the footprint holds five of them.
const national = Array.from({ length: 20 }, (_, i) =>
	practice(`P${String(i).padStart(2, '0')}`, Math.round((0.95 - i * 0.05) * 100) / 100)
);
const footprint = [national[0], national[1], national[3], national[10], national[19]];
const r25 = (
	selection: MembershipRule['selection'],
	measure: MembershipRule['measure'] = 'share15'
): MembershipRule => ({
	vintage: 'iod2025',
	measure,
	selection
});

describe('membership rules', () => {
	it('nationalTop: footprint practices in the top 10% nationally (ranks 1–2 of 20)', () => {
		const r = rankByRule(r25({ kind: 'nationalTop', fraction: 0.1 }), national, footprint);
		expect(r.ranked.map((x) => [x.code, x.rank, x.nationalRank, x.selected])).toEqual([
			['P00', 1, 1, true],
			['P01', 2, 2, true],
			['P03', 3, 4, false],
			['P10', 4, 11, false],
			['P19', 5, 20, false]
		]);
		expect(r.excludedFlagged).toEqual([]);
	});
	it('topN: the n highest in the footprint', () => {
		const r = rankByRule(r25({ kind: 'topN', n: 3 }), national, footprint);
		expect(r.ranked.filter((x) => x.selected).map((x) => x.code)).toEqual(['P00', 'P01', 'P03']);
	});
	it('threshold: share at least 50%', () => {
		const r = rankByRule(r25({ kind: 'threshold', min: 0.5 }), national, footprint);
		expect(r.ranked.filter((x) => x.selected).map((x) => x.code)).toEqual(['P00', 'P01', 'P03']);
		expect(r.ranked.find((x) => x.code === 'P10')!.value).toBeCloseTo(0.45, 10);
	});
	it('practices without a value are left out of the ranking and counted', () => {
		const r = rankByRule(r25({ kind: 'topN', n: 5 }), national, [practice('X', null), national[2]]);
		expect(r.ranked.map((x) => x.code)).toEqual(['P02']);
		expect(r.noValue).toBe(1);
	});
	it('flagged practices are left out (nationally too) unless the rule includes them', () => {
		// A 28-patient list with 100% in the most deprived 15% would rank first (the Ridgeway case).
		const tiny = practice('Y03303', 1, { qualityFlags: 'small-list' });
		const all = [tiny, ...national];
		const rule = r25({ kind: 'nationalTop', fraction: 0.1 });
		const out = rankByRule(rule, all, [tiny, ...footprint]);
		expect(out.excludedFlagged).toEqual(['Y03303']);
		// 20 unflagged practices nationally: top 10% = ranks 1–2 = P00, P01, as without it.
		expect(out.ranked.map((x) => [x.code, x.rank, x.selected])).toEqual([
			['P00', 1, true],
			['P01', 2, true],
			['P03', 3, false],
			['P10', 4, false],
			['P19', 5, false]
		]);
		const inc = rankByRule({ ...rule, includeFlagged: true }, all, [tiny, ...footprint]);
		expect(inc.excludedFlagged).toEqual([]);
		// 21 practices: floor(2.1) = 2 national places, now Y03303 and P00.
		expect(inc.ranked.filter((x) => x.selected).map((x) => x.code)).toEqual(['Y03303', 'P00']);
	});
	it('the vintage picks the practice field; unavailable figures say why', () => {
		expect(ruleField('iod2025', 'share15')).toBe('share15');
		expect(ruleField('iod2019', 'share15')).toBe('iod2019Share15');
		expect(ruleField('iod2019', 'imdScore')).toBe('imdScore2019');
		expect(ruleField('iod2019', 'locationImdScore')).toBe('locationImdScore2019');
		expect(ruleField('wimd2019', 'share20')).toBe('wimdShare20');
		expect(ruleField('wimd2019', 'share15')).toBeNull();
		expect(ruleField('simd2020', 'share15')).toBeNull();
		const a = practice('A', 0.9, { iod2019Share15: 0.2 });
		const b = practice('B', 0.1, { iod2019Share15: 0.6 });
		const r19 = rankByRule(
			{ vintage: 'iod2019', measure: 'share15', selection: { kind: 'topN', n: 1 } },
			[a, b],
			[a, b]
		);
		expect(r19.ranked.map((x) => [x.code, x.value, x.selected])).toEqual([
			['B', 0.6, true],
			['A', 0.2, false]
		]);
		const scot = rankByRule({ vintage: 'simd2020', measure: 'share15', selection: { kind: 'topN', n: 100 } }, [a], [a]);
		expect(scot.ranked).toEqual([]);
		expect(scot.unavailable).toMatch(/not openly published/);
	});
	it('Deep End Cymru: top N by the Welsh share, ranked among practices that have it (the Welsh ones)', () => {
		const w = [0.8, 0.5, 0.6].map((s, i) => practice(`W0000${i}`, null, { wimdShare20: s }));
		const rule: MembershipRule = { vintage: 'wimd2019', measure: 'share20', selection: { kind: 'topN', n: 2 } };
		const r = rankByRule(rule, [...national, ...w], w);
		expect(r.ranked.map((x) => [x.code, x.rank, x.nationalRank, x.selected])).toEqual([
			['W00000', 1, 1, true],
			['W00002', 2, 2, true],
			['W00001', 3, 3, false]
		]);
	});
	it('describes rules in words, naming the vintage; percent as people read it', () => {
		expect(describeRule(r25({ kind: 'topN', n: 100 }))).toBe(
			"The 100 practices in the footprint with the highest share of patients in England's most deprived 15% of neighbourhoods (IMD 2025)"
		);
		expect(describeRule({ vintage: 'iod2019', measure: 'share15', selection: { kind: 'threshold', min: 0.5 } })).toBe(
			"Practices in the footprint with share of patients in England's most deprived 15% of neighbourhoods (IMD 2019) of at least 50%"
		);
		expect(describeRule(r25({ kind: 'nationalTop', fraction: 0.125 }))).toContain('top 12.5% of England');
		expect(describeRule({ vintage: 'wimd2019', measure: 'share20', selection: { kind: 'topN', n: 100 } })).toContain(
			"Wales's most deprived 20%"
		);
	});
	it('threshold input: 50 typed means 50% for shares, a score stays a score', () => {
		expect(thresholdFromInput('share15', 50)).toBe(0.5);
		expect(thresholdFromInput('imdScore', 40)).toBe(40);
		expect(thresholdForInput('share15', 0.5)).toBe(50);
		expect(thresholdForInput('share20', 0.333)).toBe(33.3);
		expect(thresholdForInput('locationImdScore', 35.5)).toBe(35.5);
	});
});

describe('footprints', () => {
	it('kinds from GSS codes', () => {
		expect(
			['E54000050', 'E12000003', 'E06000023', 'W92000004', 'S92000003', 'S08000024', 'E38000001', 'X1'].map(
				footprintKindOf
			)
		).toEqual(['icb', 'region', 'lad', 'nation', 'nation', 'healthBoard', 'sicbl', null]);
	});
	it('by ICB, by region and local authority of the practice location, and by nation', () => {
		const f = { kind: 'icb' as const, codes: ['E54000050'], description: '' };
		expect(inFootprint(f, practice('A', 0.1))).toBe(true);
		expect(inFootprint(f, practice('B', 0.1, { icbCode: 'E54000054' }))).toBe(false);
		const y = { kind: 'region' as const, codes: ['E12000003'], description: '' };
		expect(inFootprint(y, practice('C', 0.1, { region: 'E12000003' }))).toBe(true);
		expect(inFootprint(y, { code: 'D', icbCode: 'x', sicblCode: 'y', region: null })).toBe(false);
		const bristol = { kind: 'lad' as const, codes: ['E06000023'], description: '' };
		expect(inFootprint(bristol, practice('L81001', 0.1, { ladCode: 'E06000023' }))).toBe(true);
		expect(inFootprint(bristol, practice('L81002', 0.1))).toBe(false);
		const wales = { kind: 'nation' as const, codes: ['W92000004'], description: '' };
		expect(inFootprint(wales, practice('W91001', null))).toBe(true);
		expect(inFootprint(wales, practice('A81001', null))).toBe(false);
		expect(inFootprint(wales, { ...practice('X', null), nation: 'W' })).toBe(true);
	});
});

describe('published counts', () => {
	it('reads the count and date as the sources give them', () => {
		expect(parsePublishedCount('52 (earlier: 34)', 'Oct 2025 (34 in 2021 abstracts)')).toEqual({
			text: '52 (earlier: 34)',
			n: 52,
			date: 'Oct 2025 (34 in 2021 abstracts)'
		});
		expect(parsePublishedCount('over 200 members (individuals)', 'article date not shown')!.n).toBeNull();
		expect(parsePublishedCount('not found', 'n/a')).toBeNull();
		expect(parsePublishedCount('100 invited (10 merged or closed)', 'n/a')).toEqual({
			text: '100 invited (10 merged or closed)',
			n: 100,
			date: ''
		});
	});
});

describe('data/networks.json (the atlas readings)', () => {
	const doc = JSON.parse(readFileSync(join(__dirname, '../data/networks.json'), 'utf8')) as {
		networks: { id: string; readings?: { id: string; rule: MembershipRule }[] }[];
	};
	it('NENC has two readings, both IoD2019 and share in the most deprived 15%: top 10% nationally, and ≥ 50%', () => {
		const nenc = doc.networks.find((n) => n.id === 'nenc')!;
		expect(nenc.readings!.map((r) => [r.id, r.rule])).toEqual([
			['stated', { vintage: 'iod2019', measure: 'share15', selection: { kind: 'nationalTop', fraction: 0.1 } }],
			['arc', { vintage: 'iod2019', measure: 'share15', selection: { kind: 'threshold', min: 0.5 } }]
		]);
	});
	it('covers the 14 networks of the sources file', () => {
		expect(doc.networks.length).toBe(14);
	});
});
