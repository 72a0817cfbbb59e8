// The league table on a hand-made England of 10 practices in two ICBs (A: 6, B: 4).
import { describe, expect, it } from 'vitest';
import { buildLeague, parseLeagueLevel, ranks, sortLeague, type LeaguePractice } from '../src/lib/domain/equityLeague';

const p = (
	code: string,
	icb: string,
	pcn: string,
	gpFte: number | null,
	imdQuintile: number,
	imdScore: number,
	deepEndRank: number
): LeaguePractice => ({
	code,
	pcnCode: pcn,
	sicblCode: icb.replace('E54', 'E38'),
	icbCode: icb,
	patients: 10000,
	weightedPatients: 10000,
	gpFte,
	fteUsable: gpFte !== null,
	imdScore,
	imdQuintile,
	deepEndRank
});

// Rates per 10,000 weighted = the FTE (each list is 10,000).
const WORLD = [
	p('A1', 'E54000001', 'U00001', 3, 5, 60, 1), // A's Q5: 3 and 4 → 3.5
	p('A2', 'E54000001', 'U00001', 4, 5, 50, 2),
	p('A3', 'E54000001', 'U00001', 5, 5, 45, 3),
	p('A4', 'E54000001', 'U00002', 7, 1, 5, 9),
	p('A5', 'E54000001', 'U00002', 7, 1, 6, 10),
	p('A6', 'E54000001', 'U00002', 7, 1, 7, 8),
	p('B1', 'E54000002', 'U00003', 6, 5, 55, 4),
	p('B2', 'E54000002', 'U00003', 5, 3, 30, 5),
	p('B3', 'E54000002', 'U00003', 5, 1, 4, 6),
	p('B4', 'E54000002', 'U', null, 2, 12, 7)
];
const AREAS = [
	{ code: 'E54000001', name: 'Alpha ICB' },
	{ code: 'E54000002', name: 'Beta ICB' }
];

describe('buildLeague', () => {
	const league = buildLeague(WORLD, AREAS, 'icb');
	const a = league.rows.find((r) => r.code === 'E54000001')!;
	const b = league.rows.find((r) => r.code === 'E54000002')!;
	it('computes the Q5 ÷ Q1 ratio per area: A = 4 ÷ 7', () => {
		expect(a.rateMost).toBeCloseTo(4, 12); // (3 + 4 + 5) / 3
		expect(a.rateLeast).toBeCloseTo(7, 12);
		expect(a.ratio).toBeCloseTo(4 / 7, 12);
		expect(a.ratioCaveat).toBeNull();
		// B has one practice in each fifth: shown, flagged, not ranked.
		expect(b.ratio).toBeCloseTo(6 / 5, 12);
		expect(b.ratioCaveat).toMatch(/too few practices/);
	});
	it('takes England as the reference: rate 49 ÷ 9 over practices with FTE', () => {
		expect(league.england.rate).toBeCloseTo(49 / 9, 12);
		expect(league.england.practices).toBe(10);
	});
	it('Deep End = top 10% by Deep End rank (1 of 10 here): A1, short of England by 49/9 − 3', () => {
		expect(league.deepEndCutoff).toBe(1);
		expect(a.deepEndPractices).toBe(1);
		expect(a.deepEndNet).toBeCloseTo(49 / 9 - 3, 12);
		expect(a.deepEndGross).toBeCloseTo(49 / 9 - 3, 12);
		expect(b.deepEndPractices).toBe(0);
		expect(b.deepEndNet).toBeNull(); // no Deep End practice: no figure, not 0
	});
	it('counts practices in no PCN apart', () => {
		const pcn = buildLeague(WORLD, [], 'pcn');
		expect(pcn.rows.map((r) => r.code).sort()).toEqual(['U00001', 'U00002', 'U00003']);
		expect(pcn.unassigned).toBe(1);
	});
});

describe('sortLeague', () => {
	const league = buildLeague(WORLD, AREAS, 'icb');
	it('puts caveated rows after the ranked ones whichever the direction, and ranks only the ranked', () => {
		for (const dir of ['asc', 'desc'] as const) {
			const sorted = sortLeague(league.rows, 'ratio', dir);
			expect(sorted.map((r) => r.code)).toEqual(['E54000001', 'E54000002']);
			expect([...ranks(sorted, 'ratio')]).toEqual([['E54000001', 1]]);
		}
	});
	it('sorts by name and by numbers both ways', () => {
		expect(sortLeague(league.rows, 'name', 'desc').map((r) => r.name)).toEqual(['Beta ICB', 'Alpha ICB']);
		expect(sortLeague(league.rows, 'rate', 'asc').map((r) => r.code)).toEqual(['E54000002', 'E54000001']);
	});
	it('reads subicb as sicbl', () => {
		expect(parseLeagueLevel('subicb')).toBe('sicbl');
		expect(parseLeagueLevel('ICB')).toBe('icb');
		expect(parseLeagueLevel('lad')).toBeNull();
	});
});
