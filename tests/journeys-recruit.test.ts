import { describe, expect, it } from 'vitest';
import type { AppPractice } from '../src/lib/data/practices';
import { practice } from './helpers/practices';
import { distanceKm } from '../src/lib/domain/metrics';
import type { MembershipRule } from '../src/lib/domain/networks';
import { areaPractices, levelOfCode, practiceAreaCode } from '../src/lib/journeys/areas';
import { buildFootprint, nearestFinder, rankNetworkCandidates } from '../src/lib/journeys/recruit';

// One degree of latitude on distanceKm's sphere: 6,371.0088 km × π / 180 = 111.19508 km, so
// 0.1° = 11.11951 km, 0.15° = 16.67926 km, 0.2° = 22.23902 km, 0.3° = 33.35852 km, 0.4° = 44.47803 km.
const KM_PER_DEG = (6371.0088 * Math.PI) / 180;

// Five practices in the footprint (ICB E54000001) on the meridian 0°, 0.1° of latitude apart, and
// five elsewhere (ICB E54000002). National shares in the most deprived 15% of LSOAs, sorted:
// X1 .95 (1), P1 .90 (2), X2 .80 (3), P4 .70 (4), X3 .60 (5), P2 .50 (6), X4 .30 (7), P5 .20 (8), X5 .10 (9);
// P3 has no share, so 9 practices are ranked nationally.
const P = [
	practice({ code: 'P1', share15: 0.9, lat: 52.0, name: 'ALPHA' }),
	practice({ code: 'P2', share15: 0.5, lat: 52.1, name: 'BRAVO' }),
	practice({ code: 'P3', share15: null, lat: 52.2, name: 'CHARLIE' }),
	practice({ code: 'P4', share15: 0.7, lat: 52.3, name: 'DELTA' }),
	practice({ code: 'P5', share15: 0.2, lat: 52.4, name: 'ECHO' })
];
const X = [
	practice({ code: 'X1', share15: 0.95, lat: 52.55, icbCode: 'E54000002', sicblCode: 'E38000002', pcnCode: 'U00002' }),
	practice({ code: 'X2', share15: 0.8, lat: 50, icbCode: 'E54000002', sicblCode: 'E38000002', pcnCode: 'U00002' }),
	practice({ code: 'X3', share15: 0.6, lat: 50, icbCode: 'E54000002', sicblCode: 'E38000002', pcnCode: 'U00002' }),
	practice({ code: 'X4', share15: 0.3, lat: 50, icbCode: 'E54000002', sicblCode: 'E38000002', pcnCode: 'U00002' }),
	practice({
		code: 'X5',
		share15: 0.1,
		lat: 50,
		icbCode: 'E54000002',
		sicblCode: 'E38000002',
		pcnCode: 'U00002',
		lsoa: 'E01000099'
	})
];
const national = [...X, ...P];
const footprint = { kind: 'icb' as const, codes: ['E54000001'], description: 'test ICB' };
// nationalTop 50%: floor(0.5 × 9) = 4, so national ranks 1–4; in the footprint that is P1 (2) and P4 (4).
const rule: MembershipRule = {
	vintage: 'iod2025',
	measure: 'share15',
	selection: { kind: 'nationalTop', fraction: 0.5 }
};

// Speed (not a timed test): on the built data, 6,202 practices, Yorkshire and the Humber's 598 in the
// footprint, nationalTop 10% of share15, 311 uploaded members, bundled with esbuild on a shared 2-core
// server CPU: a new rule ~5.8 ms (rankByRule's national ranking is most of it), the same rule and
// footprint again ~1.2 ms. The estimated members match networks.json's estimatedMembers exactly.
describe('rankNetworkCandidates', () => {
	it('ranks the footprint by the rule, unvalued practices last, and measures distance to the rule-selected members', () => {
		const r = rankNetworkCandidates(national, footprint, rule);
		expect(r.distanceFrom).toBe('rule');
		expect(r.membersPlaced).toBe(2);
		expect(r.rows.map((x) => [x.code, x.rank, x.nationalRank, x.value, x.selected, x.isMember])).toEqual([
			['P1', 1, 2, 0.9, true, false],
			['P4', 2, 4, 0.7, true, false],
			['P2', 3, 6, 0.5, false, false],
			['P5', 4, 8, 0.2, false, false],
			['P3', null, null, null, false, false]
		]);
		// Members P1 (52.0) and P4 (52.3). P1's nearest other member is P4, 0.3° away; P2 (52.1) is
		// 0.1° from P1; P3 (52.2) and P5 (52.4) are 0.1° from P4.
		const near = Object.fromEntries(r.rows.map((x) => [x.code, [x.nearestMemberCode, x.nearestMemberKm]]));
		expect(near.P1[0]).toBe('P4');
		expect(near.P1[1]).toBeCloseTo(33.35852, 4);
		expect(near.P4[0]).toBe('P1');
		expect(near.P2[0]).toBe('P1');
		expect(near.P2[1]).toBeCloseTo(11.11951, 4);
		expect(near.P3[0]).toBe('P4');
		expect(near.P5[0]).toBe('P4');
		expect(near.P5[1]).toBeCloseTo(11.11951, 4);
	});

	it('with an uploaded list: isMember, members outside the footprint count, unknown codes reported, self excluded', () => {
		// Members P2 (52.1, in the footprint) and X1 (52.55, another ICB); "z99999" is not a practice.
		const r = rankNetworkCandidates(national, footprint, rule, new Set(['P2', 'X1', 'z99999']));
		expect(r.distanceFrom).toBe('uploaded');
		expect(r.membersPlaced).toBe(2);
		expect(r.membersUnknown).toEqual(['Z99999']);
		const by = Object.fromEntries(r.rows.map((x) => [x.code, x]));
		expect(by.P2.isMember).toBe(true);
		expect(by.P1.isMember).toBe(false);
		// The rule still decides `selected`; the list decides membership.
		expect(by.P1.selected).toBe(true);
		// P2's nearest other member is X1: 52.55 − 52.1 = 0.45° = 50.0378 km.
		expect(by.P2.nearestMemberCode).toBe('X1');
		expect(by.P2.nearestMemberKm).toBeCloseTo(0.45 * KM_PER_DEG, 6);
		// P4 (52.3): P2 is 0.2° away (22.239 km), X1 0.25° (27.799 km).
		expect(by.P4.nearestMemberCode).toBe('P2');
		expect(by.P4.nearestMemberKm).toBeCloseTo(22.23902, 4);
		// P5 (52.4): X1 is 0.15° away (16.679 km), P2 0.3°.
		expect(by.P5.nearestMemberCode).toBe('X1');
		expect(by.P5.nearestMemberKm).toBeCloseTo(16.67926, 4);
		// X1 is a member but outside the footprint: it is not a row.
		expect(by.X1).toBeUndefined();
	});

	it('no members at all: distances are null, not zero', () => {
		const none: MembershipRule = {
			vintage: 'iod2025',
			measure: 'share15',
			selection: { kind: 'threshold', min: 0.99 }
		};
		const r = rankNetworkCandidates(national, footprint, none);
		expect(r.rows.every((x) => !x.selected && x.nearestMemberKm === null && x.nearestMemberCode === null)).toBe(true);
		// A single member has no other member to be near.
		const one = rankNetworkCandidates(national, footprint, rule, new Set(['P1']));
		expect(one.rows.find((x) => x.code === 'P1')!.nearestMemberKm).toBeNull();
		expect(one.rows.find((x) => x.code === 'P2')!.nearestMemberKm).toBeCloseTo(11.11951, 4);
	});

	it('topN and threshold selections, and the other measures', () => {
		const top2 = rankNetworkCandidates(national, footprint, {
			vintage: 'iod2025',
			measure: 'share15',
			selection: { kind: 'topN', n: 3 }
		});
		expect(top2.rows.filter((x) => x.selected).map((x) => x.code)).toEqual(['P1', 'P4', 'P2']);
		const thr = rankNetworkCandidates(national, footprint, {
			vintage: 'iod2025',
			measure: 'share15',
			selection: { kind: 'threshold', min: 0.5 }
		});
		expect(thr.rows.filter((x) => x.selected).map((x) => x.code)).toEqual(['P1', 'P4', 'P2']);
		// imdScore is 20 for all five: a tie, competition rank 1 for everyone.
		const imd = rankNetworkCandidates(national, footprint, {
			vintage: 'iod2025',
			measure: 'imdScore',
			selection: { kind: 'topN', n: 1 }
		});
		expect(imd.rows.map((x) => x.rank)).toEqual([1, 1, 1, 1, 1]);
	});

	it('a practice with no location gets no distance but keeps its rank', () => {
		const lost = practice({ code: 'P6', share15: 0.99, lat: null, lon: null });
		const r = rankNetworkCandidates([...national, lost], footprint, rule);
		const row = r.rows[0];
		expect(row.code).toBe('P6');
		expect(row.nearestMemberKm).toBeNull();
		// P6 is selected (national rank 1 of 10 → top floor(0.5 × 10) = 5) but, unplaced, is no one's nearest.
		expect(row.selected).toBe(true);
		expect(r.membersPlaced).toBe(2);
	});

	it('accepts a predicate footprint and returns the same answer twice (ranking remembered per table)', () => {
		const pred = (p: AppPractice) => p.code === 'P2' || p.code === 'P5';
		const a = rankNetworkCandidates(national, pred, rule);
		const b = rankNetworkCandidates(national, pred, rule);
		expect(a.rows.map((x) => [x.code, x.rank, x.nationalRank, x.selected])).toEqual([
			['P2', 1, 6, false],
			['P5', 2, 8, false]
		]);
		expect(b).toEqual(a);
		// A different footprint with the same rule is not served from the memo.
		const c = rankNetworkCandidates(national, (p: AppPractice) => p.code === 'P1', rule);
		expect(c.rows.map((x) => [x.code, x.selected])).toEqual([['P1', true]]);
	});

	it('an empty table or footprint gives no rows', () => {
		expect(rankNetworkCandidates([], footprint, rule).rows).toEqual([]);
		expect(rankNetworkCandidates(national, { kind: 'icb', codes: ['E54999999'], description: '' }, rule).rows).toEqual(
			[]
		);
	});
});

describe('nearestFinder', () => {
	it('agrees with a brute-force search on scattered points (pruning by latitude is exact)', () => {
		// Deterministic pseudo-random points over England's extent.
		let seed = 12345;
		const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const pts = Array.from({ length: 300 }, (_, i) => ({
			code: `M${i}`,
			lat: 50 + rand() * 5.5,
			lon: -5.5 + rand() * 7.3
		}));
		const find = nearestFinder(pts);
		for (let k = 0; k < 200; k++) {
			const lat = 50 + rand() * 5.5;
			const lon = -5.5 + rand() * 7.3;
			const exclude = k % 3 === 0 ? pts[k].code : undefined;
			let best = { code: '', km: Infinity };
			for (const p of pts) {
				if (p.code === exclude) continue;
				const km = distanceKm(lat, lon, p.lat, p.lon);
				if (km < best.km) best = { code: p.code, km };
			}
			expect(find(lat, lon, exclude)).toEqual(best);
		}
	});
	it('no points, or only the excluded one: null', () => {
		expect(nearestFinder([])(52, 0)).toBeNull();
		expect(nearestFinder([{ code: 'A', lat: 52, lon: 0 }])(52, 0, 'A')).toBeNull();
	});
});

describe('buildFootprint (build your own network)', () => {
	const all = [
		...national,
		practice({
			code: 'Q1',
			pcnCode: 'U',
			nhserCode: 'E40000002',
			region: 'E12000002',
			icbCode: 'E54000003',
			sicblCode: 'E38000003',
			lsoa: 'E01000500'
		})
	];

	it('ICBs from a typed list: lower case, commas, spaces and repeats tolerated', () => {
		const f = buildFootprint(' e54000001, E54000002;e54000001 ', all);
		if (!f.ok) throw new Error(f.reason);
		expect(f.level).toBe('icb');
		expect(f.codes).toEqual(['E54000001', 'E54000002']);
		expect(f.description).toBe('2 Integrated Care Boards: E54000001, E54000002');
		expect(f.practiceCount).toBe(10);
		expect(
			all
				.filter(f.contains)
				.map((p) => p.code)
				.sort()
		).toEqual([...national.map((p) => p.code)].sort());
	});

	it('one Sub-ICB, one NHS England region, one ONS region, PCNs', () => {
		const s = buildFootprint(['E38000002'], all);
		expect(s.ok && s.description).toBe('Sub-ICB location E38000002');
		expect(s.ok && all.filter(s.contains).length).toBe(5);
		const n = buildFootprint('E40000002', all);
		expect(n.ok && all.filter(n.contains).map((p) => p.code)).toEqual(['Q1']);
		const r = buildFootprint('E12000001', all);
		expect(r.ok && r.practiceCount).toBe(10);
		const pcn = buildFootprint('u00002', all);
		expect(pcn.ok && pcn.level).toBe('pcn');
		expect(pcn.ok && all.filter(pcn.contains).map((p) => p.code)).toEqual(['X1', 'X2', 'X3', 'X4', 'X5']);
	});

	it('works with rankNetworkCandidates', () => {
		const f = buildFootprint('U00002', all);
		if (!f.ok) throw new Error(f.reason);
		const r = rankNetworkCandidates(all, f.contains, rule);
		// With Q1 (share .15) the table ranks 10 practices, so the top 50% is floor(5) = ranks 1–5:
		// X1 .95 (1), X2 .80 (3) and X3 .60 (5) are in; X4 .30 (7) and X5 .10 (9) are not.
		expect(r.rows.map((x) => [x.code, x.rank, x.selected])).toEqual([
			['X1', 1, true],
			['X2', 2, true],
			['X3', 3, true],
			['X4', 4, false],
			['X5', 5, false]
		]);
	});

	it('refuses mixed kinds, unknown shapes, empty lists and codes with no practice', () => {
		expect(buildFootprint('E54000001 E38000001', all)).toEqual({
			ok: false,
			reason: 'codes must all be of one kind: E54000001 is an Integrated Care Board, E38000001 is a Sub-ICB location'
		});
		const bad = buildFootprint('E54000001, X12', all);
		expect(bad.ok).toBe(false);
		expect(!bad.ok && bad.reason).toMatch(/^X12 is not an ICB \(E54…\)/);
		expect(buildFootprint(' , ; ', all)).toEqual({ ok: false, reason: 'no area codes given' });
		expect(buildFootprint([], all)).toEqual({ ok: false, reason: 'no area codes given' });
		expect(buildFootprint('E54000001, E54000009', all)).toEqual({
			ok: false,
			reason: 'no practices in Integrated Care Board E54000009'
		});
		// "U" alone means "in no PCN": not an area code.
		expect(buildFootprint('U', all).ok).toBe(false);
	});

	it('local authorities need the LSOA → local authority look-up (practices carry no LAD code)', () => {
		const without = buildFootprint('E08000035', all);
		expect(without.ok).toBe(false);
		expect(!without.ok && without.reason).toMatch(/practice records carry no local authority code/);
		const ladOfLsoa = new Map([
			['E01000001', 'E08000035'],
			['E01000099', 'E08000036']
		]);
		const f = buildFootprint('E08000035', all, { ladOfLsoa });
		if (!f.ok) throw new Error(f.reason);
		// Every P practice and X1–X4 stand in E01000001; X5 in E01000099; Q1's LSOA is not in the look-up.
		expect(f.practiceCount).toBe(9);
		expect(all.filter(f.contains).map((p) => p.code)).not.toContain('X5');
		expect(f.description).toBe('Local authority E08000035');
	});
});

describe('area codes', () => {
	it('levelOfCode reads the shape of a code', () => {
		expect(
			[
				'E92000001',
				'E40000012',
				'E12000003',
				'E54000050',
				'E38000247',
				'E06000001',
				'E09000033',
				'U89141',
				'e54000050 '
			].map(levelOfCode)
		).toEqual(['england', 'nhser', 'region', 'icb', 'sicbl', 'lad', 'lad', 'pcn', 'icb']);
		expect(['E01000001', 'U', 'A81001', '', 'E5400005'].map(levelOfCode)).toEqual([null, null, null, null, null]);
	});
	it('practiceAreaCode and areaPractices: no-PCN practices are in no PCN', () => {
		const q = practice({ code: 'Q', pcnCode: 'U' });
		expect(practiceAreaCode(q, 'pcn')).toBeNull();
		expect(practiceAreaCode(q, 'lad')).toBeNull();
		expect(areaPractices([q, ...P], 'pcn', 'u00001').map((p) => p.code)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
		expect(areaPractices([q, ...P], 'england', '').length).toBe(6);
		expect(areaPractices([q, ...P], 'icb', 'E54000404')).toEqual([]);
	});
});
