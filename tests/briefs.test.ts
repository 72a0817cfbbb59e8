// Evidence briefs' figures on a hand-made England of four practices (England rate 5.0 per 10,000):
//   P1 ICB X, PCN U10001, decile 1 (Q5), 3 FTE / 10,000 weighted (rate 3), IMD 50
//   P2 ICB X, PCN U10001, decile 10 (Q1), 6 FTE / 10,000 weighted (rate 6), IMD 5
//   P3 ICB Y, PCN U10002, decile 1 (Q5), 5 FTE / 10,000 weighted (rate 5), IMD 45
//   P4 ICB Y, PCN U10002, decile 10 (Q1), 6 FTE / 10,000 weighted (rate 6), IMD 6
// Decile 1's pooled rate is (3 + 5) / 20,000 × 10,000 = 4; decile 10's is 12 / 20,000 × 10,000 = 6.
import { describe, expect, it } from 'vitest';
import { practice } from './helpers/practices';
import {
	briefFigures,
	briefSubject,
	decileProfile,
	englishBriefSubject,
	parseBriefLevel,
	referenceRates
} from '../src/lib/briefs/brief';
import { briefCase } from '../src/lib/briefs/briefCase';
import { meanPositions } from '../src/lib/briefs/adapt';
import type { AppNetwork } from '../src/lib/data/networks';

const shares = (d: number) => Array.from({ length: 10 }, (_, i) => (i === d - 1 ? 1 : 0));
const P1 = practice({
	code: 'P00001',
	icbCode: 'E54000001',
	pcnCode: 'U10001',
	gpFte: 3,
	gpFtePer10kWeighted: 3,
	imdScore: 50,
	imdDecile: 1,
	imdQuintile: 5,
	share15: 0.8,
	decileShares: shares(1),
	deepEndRank: 1
});
const P2 = practice({
	code: 'P00002',
	icbCode: 'E54000001',
	pcnCode: 'U10001',
	gpFte: 6,
	gpFtePer10kWeighted: 6,
	imdScore: 5,
	imdDecile: 10,
	imdQuintile: 1,
	share15: 0,
	decileShares: shares(10),
	deepEndRank: 4
});
const P3 = practice({
	code: 'P00003',
	icbCode: 'E54000002',
	pcnCode: 'U10002',
	gpFte: 5,
	gpFtePer10kWeighted: 5,
	imdScore: 45,
	imdDecile: 1,
	imdQuintile: 5,
	deepEndRank: 2
});
const P4 = practice({
	code: 'P00004',
	icbCode: 'E54000002',
	pcnCode: 'U10002',
	gpFte: 6,
	gpFtePer10kWeighted: 6,
	imdScore: 6,
	imdDecile: 10,
	imdQuintile: 1,
	deepEndRank: 3
});
const ALL = [P1, P2, P3, P4];
const AREAS = [
	{
		level: 'icb',
		code: 'E54000001',
		odsCode: '',
		name: 'ICB X',
		parentCode: '',
		practices: 2,
		gpFtePer10kWeighted: null,
		imdScore: null,
		gpFteShortfall: null
	}
];
const NET = {
	id: 'test',
	name: 'Test Deep End',
	footprint: { kind: 'icb', codes: ['E54000001'], description: 'ICB X' },
	ruleDescription: 'the top 2',
	estimatedMembers: [
		{ code: 'P00001', value: 1, rank: 1, nationalRank: 1, selected: true },
		{ code: 'P00003', value: 1, rank: 2, nationalRank: 2, selected: true },
		{ code: 'P00002', value: 0, rank: 3, nationalRank: 3, selected: false }
	]
} as unknown as AppNetwork;
const rates = referenceRates(ALL);

describe('brief subjects', () => {
	it('finds an ICB’s practices, a practice with its PCN as peers, and a network’s estimated members', () => {
		const icb = briefSubject('icb', 'e54000001', ALL, AREAS, []);
		expect(icb.ok && icb.subject.practices.map((p) => p.code)).toEqual(['P00001', 'P00002']);
		expect(icb.ok && icb.subject.name).toBe('ICB X');
		const one = briefSubject('practice', 'P00001', ALL, AREAS, []);
		expect(one.ok && one.subject.practices.length).toBe(1);
		expect(one.ok && one.subject.peers.map((p) => p.code)).toEqual(['P00001', 'P00002']);
		const net = briefSubject('network', 'test', ALL, AREAS, [NET]);
		expect(net.ok && net.subject.practices.map((p) => p.code)).toEqual(['P00001', 'P00003']);
		expect(net.ok && net.subject.note).toMatch(/estimated/);
	});
	it('says what is missing in plain words', () => {
		expect(briefSubject('practice', 'ZZZ999', ALL, AREAS, [])).toEqual({
			ok: false,
			reason: 'no practice with code ZZZ999'
		});
		expect(briefSubject('pcn', 'U99999', ALL, AREAS, []).ok).toBe(false);
		expect(parseBriefLevel('subicb')).toBe('sicbl');
		expect(parseBriefLevel('lsoa')).toBeNull();
	});
});

describe('briefs cover England only', () => {
	const W1 = practice({
		code: 'W00001',
		name: 'Cardiff Surgery',
		nation: 'W',
		icbCode: '',
		pcnCode: '',
		gpFte: null
	});
	const CYMRU = {
		...NET,
		id: 'cymru',
		name: 'Deep End Cymru',
		estimatedMembers: [{ code: 'W00001', value: 1, rank: 1, nationalRank: 1, selected: true }]
	} as unknown as AppNetwork;
	it('a Welsh practice or an all-Welsh network gets a reason, not England’s figures', () => {
		const w = englishBriefSubject('practice', 'w00001', [...ALL, W1], AREAS, []);
		expect(w.ok).toBe(false);
		expect(!w.ok && w.reason).toMatch(/^Cardiff Surgery \(W00001\) is in Wales; briefs cover England only/);
		const net = englishBriefSubject('network', 'cymru', [...ALL, W1], AREAS, [CYMRU]);
		expect(!net.ok && net.reason).toMatch(/^Deep End Cymru has no practices in England/);
	});
	it('an English subject is found as before, its peers English', () => {
		const icb = englishBriefSubject('icb', 'E54000001', [...ALL, W1], AREAS, []);
		expect(icb.ok && icb.subject.practices.map((p) => p.code)).toEqual(['P00001', 'P00002']);
	});
});

describe('brief figures for ICB X', () => {
	const s = briefSubject('icb', 'E54000001', ALL, AREAS, []);
	if (!s.ok) throw new Error(s.reason);
	const f = briefFigures(s.subject, ALL, rates);
	it('rate 9 / 20,000 × 10,000 = 4.5 against England’s 5', () => {
		expect(f.rate).toBeCloseTo(4.5, 12);
		expect(f.englandRate).toBeCloseTo(5, 12);
	});
	it('similar deprivation: P1 takes decile 1’s 4, P2 decile 10’s 6, pooled by weighted patients = 5', () => {
		expect(f.similarRate).toBeCloseTo(5, 12);
		// Against similar: P1 is 1 short of 4; P2 is exactly at 6.
		expect(f.vsSimilar!.net).toBeCloseTo(1, 12);
		expect(f.vsSimilar!.gross).toBeCloseTo(1, 12);
	});
	it('shortfall against England: P1 2 short, P2 1 over → net 1, gross 2', () => {
		expect(f.vsEngland.net).toBeCloseTo(1, 12);
		expect(f.vsEngland.gross).toBeCloseTo(2, 12);
		expect(f.mostShort.map((r) => [r.code, r.shortfallEngland])).toEqual([['P00001', 2]]);
	});
	it('deprivation: profile half decile 1, half decile 10; share in the most deprived 15% = 0.4; IMD 27.5', () => {
		expect(f.decileShares).toEqual([0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0.5]);
		expect(f.share15).toBeCloseTo(0.4, 12);
		expect(f.imdScore).toBeCloseTo(27.5, 12);
		expect(f.ratio.ratio).toBeCloseTo(0.5, 12); // 3 ÷ 6
	});
	it('the case says so in words, with the figures', () => {
		const text = briefCase(s.subject, f).join(' ');
		expect(text).toContain('ICB X has 4.50 fully qualified GPs');
		expect(text).toContain('10% below England’s 5.00');
		expect(text).toContain('2.0 more whole-time GPs across 1 practice (gross)');
		expect(text).toContain('1.0 whole-time GPs short of England’s rate (net)');
		expect(text).toContain('0.50 times the 6.00');
	});
	it('weights the profile by patients and skips practices without one', () => {
		expect(
			decileProfile([
				{ patients: 3, decileShares: shares(1) },
				{ patients: 1, decileShares: shares(2) },
				{ patients: 5, decileShares: null }
			])
		).toEqual([0.75, 0.25, 0, 0, 0, 0, 0, 0, 0, 0]);
		expect(decileProfile([])).toBeNull();
	});
});

describe('meanPositions', () => {
	it('averages the located practices of each group and skips the rest', () => {
		const m = meanPositions(
			[
				{ lat: 50, lon: -1, g: 'A' },
				{ lat: 52, lon: -3, g: 'A' },
				{ lat: null, lon: null, g: 'A' },
				{ lat: 51, lon: 0, g: '' }
			],
			(p) => p.g
		);
		expect([...m]).toEqual([['A', [-2, 51]]]);
	});
});
