import { describe, expect, it } from 'vitest';
import { practice } from './helpers/practices';
import type { MembershipRule } from '../src/lib/domain/networks';
import { rankNetworkCandidates } from '../src/lib/journeys/recruit';
import { recruitCsv } from '../src/lib/journeys/recruitExport';

// Three footprint practices; the Ridgeway-like one (28 patients, all in the most deprived 15%) is flagged.
const ridgeway = practice({
	code: 'Y03303',
	name: 'THE RIDGEWAY',
	share15: 1,
	patients: 27.7,
	lat: 52.0,
	qualityFlags: 'small-list'
});
const a = practice({ code: 'A1', name: 'ALPHA', share15: 0.61234, patients: 8123.6, lat: 52.1, imdScore: 41.23456 });
const b = practice({ code: 'B1', name: 'BRAVO', share15: 0.3, lat: 52.3, gpFtePer10kWeighted: 4.56789 });
const all = [ridgeway, a, b];
const footprint = { kind: 'icb' as const, codes: ['E54000001'], description: 'test ICB' };
const rule: MembershipRule = { vintage: 'iod2025', measure: 'share15', selection: { kind: 'threshold', min: 0.5 } };

describe('Recruit with flagged practices', () => {
	it('a flagged practice is listed last without a rank, not first, and counted', () => {
		const r = rankNetworkCandidates(all, footprint, rule);
		expect(r.rows.map((x) => [x.code, x.rank, x.selected])).toEqual([
			['A1', 1, true],
			['B1', 2, false],
			['Y03303', null, false]
		]);
		expect(r.excludedFlagged).toEqual(['Y03303']);
		expect(r.rows[2].flags).toEqual(['small-list']);
	});
	it('included on request, it ranks first', () => {
		const r = rankNetworkCandidates(all, footprint, { ...rule, includeFlagged: true });
		expect(r.rows.map((x) => [x.code, x.rank])).toEqual([
			['Y03303', 1],
			['A1', 2],
			['B1', 3]
		]);
		expect(r.excludedFlagged).toEqual([]);
	});
	it('a rule open data cannot apply ranks nothing and says why', () => {
		const r = rankNetworkCandidates(all, footprint, { ...rule, vintage: 'simd2020' });
		expect(r.rows.every((x) => x.rank === null)).toBe(true);
		expect(r.unavailable).toMatch(/SIMD/);
	});
});

describe('Recruit CSV export', () => {
	const csv = recruitCsv(rankNetworkCandidates(all, footprint, rule), {
		where: 'Test network',
		rule,
		members: null,
		dataLine: 'Data: test',
		generated: '2026-12-02'
	});
	const lines = csv.trimEnd().split('\r\n');
	const header = lines.findIndex((l) => l.startsWith('rank_in_footprint'));
	const cells = (code: string) => {
		const cols = lines[header].split(',');
		const row = lines.find((l) => l.includes(`,${code},`))!.split(',');
		return Object.fromEntries(cols.map((c, i) => [c, row[i]]));
	};
	it('names the rule, its vintage and how many flagged practices were left out', () => {
		expect(lines[1]).toContain('of at least 50%. Vintage: IoD2025 (England, 2021 LSOAs).');
		expect(lines[2]).toMatch(/^# 1 flagged practice is listed but left out/);
	});
	it('rounds as people read: shares in percent to 0.1, patients whole, scores and rates to 2 decimals', () => {
		expect(cells('A1')).toMatchObject({
			rank_in_footprint: '1',
			rule_value_share15_pct: '61.2',
			registered_patients: '8124',
			imd_score: '41.23',
			quality_flags: ''
		});
		expect(cells('B1').gp_fte_per_10k_weighted).toBe('4.57');
		// A1 (52.1) to B1 (52.3): 0.2° = 22.239 km → 22.2.
		expect(cells('A1').km_to_nearest_member).toBe('');
		expect(cells('B1').km_to_nearest_member).toBe('22.2');
		expect(cells('Y03303')).toMatchObject({ rank_in_footprint: '', quality_flags: 'very small list' });
	});
});
