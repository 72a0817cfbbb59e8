import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeRule, inFootprint, rankByRule, type Network } from '../src/lib/domain/networks';

const practice = (
	code: string,
	share15: number | null,
	extra: Partial<{ icbCode: string; region: string; locationImdScore: number }> = {}
) => ({
	code,
	share10: share15 === null ? null : share15 / 2,
	share15,
	share20: share15,
	imdScore: share15 === null ? null : share15 * 100,
	locationImdScore: extra.locationImdScore ?? null,
	icbCode: extra.icbCode ?? 'E54000050',
	sicblCode: 'E38000001',
	region: extra.region ?? 'E12000001'
});

// 20 practices nationally, shares 0.95, 0.90, …, 0.00; the footprint holds five of them.
const national = Array.from({ length: 20 }, (_, i) =>
	practice(`P${String(i).padStart(2, '0')}`, Math.round((0.95 - i * 0.05) * 100) / 100)
);
const footprint = [national[0], national[1], national[3], national[10], national[19]];

describe('membership rules', () => {
	it('nationalTop: footprint practices in the top 10% nationally (ranks 1–2 of 20)', () => {
		const r = rankByRule(
			{ measure: 'share15', selection: { kind: 'nationalTop', fraction: 0.1 } },
			national,
			footprint
		);
		expect(r.map((x) => [x.code, x.rank, x.nationalRank, x.selected])).toEqual([
			['P00', 1, 1, true],
			['P01', 2, 2, true],
			['P03', 3, 4, false],
			['P10', 4, 11, false],
			['P19', 5, 20, false]
		]);
	});
	it('topN: the n highest in the footprint', () => {
		const r = rankByRule({ measure: 'share15', selection: { kind: 'topN', n: 3 } }, national, footprint);
		expect(r.filter((x) => x.selected).map((x) => x.code)).toEqual(['P00', 'P01', 'P03']);
	});
	it('threshold: share at least 50%', () => {
		const r = rankByRule({ measure: 'share15', selection: { kind: 'threshold', min: 0.5 } }, national, footprint);
		expect(r.filter((x) => x.selected).map((x) => x.code)).toEqual(['P00', 'P01', 'P03']);
		expect(r.find((x) => x.code === 'P10')!.value).toBeCloseTo(0.45, 10);
	});
	it('practices without a value are left out of the ranking', () => {
		const r = rankByRule({ measure: 'share15', selection: { kind: 'topN', n: 5 } }, national, [
			practice('X', null),
			national[2]
		]);
		expect(r.map((x) => x.code)).toEqual(['P02']);
	});
	it('describes rules in words', () => {
		expect(describeRule({ measure: 'share15', selection: { kind: 'topN', n: 100 } })).toBe(
			"The 100 practices in the footprint with the highest share of patients in England's most deprived 15% of LSOAs"
		);
		expect(describeRule({ measure: 'share20', selection: { kind: 'threshold', min: 0.5 } })).toContain('at least 50%');
	});
	it('footprints by ICB and by region of the practice location', () => {
		const f = { kind: 'icb' as const, codes: ['E54000050'], description: '' };
		expect(inFootprint(f, practice('A', 0.1))).toBe(true);
		expect(inFootprint(f, practice('B', 0.1, { icbCode: 'E54000054' }))).toBe(false);
		const y = { kind: 'region' as const, codes: ['E12000003'], description: '' };
		expect(inFootprint(y, practice('C', 0.1, { region: 'E12000003' }))).toBe(true);
		expect(inFootprint(y, { icbCode: 'x', sicblCode: 'y', region: null })).toBe(false);
	});
});

describe('data/networks.json', () => {
	const doc = JSON.parse(readFileSync(join(__dirname, '../data/networks.json'), 'utf8')) as { networks: Network[] };
	it('has the six sourced networks with rules and sources', () => {
		expect(doc.networks.map((n) => n.id)).toEqual([
			'nenc',
			'yorkshire_humber',
			'scotland',
			'wales',
			'ireland',
			'northern_ireland'
		]);
		for (const n of doc.networks) {
			expect(n.sourceUrl).toMatch(/^https?:\/\//);
			expect(n.statedRule.length).toBeGreaterThan(10);
		}
		expect(doc.networks.find((n) => n.id === 'nenc')!.rule).toEqual({
			measure: 'share15',
			selection: { kind: 'nationalTop', fraction: 0.1 }
		});
	});
});
