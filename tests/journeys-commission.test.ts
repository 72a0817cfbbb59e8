import { describe, expect, it } from 'vitest';
import { parsePractices, PRACTICE_FIELDS, type AppPractice } from '../src/lib/data/practices';
import { practice } from './helpers/practices';
import {
	areaPractices,
	fteUnusableReason,
	lsoasInArea,
	practiceShortfalls,
	quintileTable,
	rankNeighbourhoods,
	referenceRates,
	type NeighbourhoodRecord
} from '../src/lib/journeys/commission';
import { lsoaImdDecile } from '../src/lib/journeys/deciles';

const rate = (fte: number, weighted: number) => (fte / weighted) * 10_000;
const usable = (code: string, fte: number, weighted: number, patients: number, over: Partial<AppPractice>) =>
	practice({
		code,
		gpFte: fte,
		weightedPatients: weighted,
		patients,
		gpFtePer10kWeighted: rate(fte, weighted),
		...over
	});

// England in seven practices. ICB E54000001 holds A, B, C, E, F; ICB E54000002 holds D and G.
//   A decile 1 Q5  FTE 3 over 10,000 weighted (rate 3.0), 9,000 patients
//   B decile 1 Q5  FTE 8 over 20,000 weighted (rate 4.0), 18,000 patients
//   C decile 1 Q5  FTE not reported; 5,000 weighted, 4,500 patients
//   D decile 2 Q4  FTE 5 over 10,000 weighted (rate 5.0), 10,000 patients
//   E decile 10 Q1 FTE 9 over 15,000 weighted (rate 6.0), 16,000 patients
//   F no IMD score (no decile, no quintile)  FTE 2 over 10,000 weighted (rate 2.0), 10,000 patients
//   G decile 2 Q4  FTE reported as zero; 8,000 weighted, 8,000 patients
const A = usable('A', 3, 10_000, 9_000, { imdDecile: 1, imdQuintile: 5, imdScore: 50, name: 'ALPHA' });
const B = usable('B', 8, 20_000, 18_000, { imdDecile: 1, imdQuintile: 5, imdScore: 48, name: 'BRAVO' });
const C = practice({
	code: 'C',
	name: 'CHARLIE',
	fteStatus: 'not-reported',
	gpFte: null,
	gpFteAll: null,
	gpFtePer10kWeighted: null,
	weightedPatients: 5_000,
	patients: 4_500,
	imdDecile: 1,
	imdQuintile: 5
});
const D = usable('D', 5, 10_000, 10_000, {
	imdDecile: 2,
	imdQuintile: 4,
	icbCode: 'E54000002',
	nhserCode: 'E40000002'
});
const E = usable('E', 9, 15_000, 16_000, { imdDecile: 10, imdQuintile: 1, pcnCode: 'U00009' });
const F = usable('F', 2, 10_000, 10_000, { imdDecile: null, imdQuintile: null, imdScore: null, pcnCode: 'U' });
const G = practice({
	code: 'G',
	name: 'GOLF',
	fteStatus: 'zero',
	gpFte: 0,
	gpFtePer10kWeighted: null,
	weightedPatients: 8_000,
	patients: 8_000,
	imdDecile: 2,
	imdQuintile: 4,
	icbCode: 'E54000002',
	nhserCode: 'E40000002'
});
const ALL = [A, B, C, D, E, F, G];

// England rate over practices with usable FTE (A, B, D, E, F):
// FTE 3 + 8 + 5 + 9 + 2 = 27 over 10,000 + 20,000 + 10,000 + 15,000 + 10,000 = 65,000 weighted
// → 27 / 65,000 × 10,000 = 4.153846…
const ENGLAND = (27 / 65_000) * 10_000;
// Decile 1 (A, B; C has no FTE): 11 / 30,000 × 10,000 = 3.6667. Decile 2 (D; G is zero): 5.0. Decile 10 (E): 6.0.
const DECILE1 = (11 / 30_000) * 10_000;

describe('reference rates', () => {
	it('England and each decile, hand-worked', () => {
		const r = referenceRates(ALL);
		expect(r.england).toBeCloseTo(ENGLAND, 12);
		expect(r.byDecile[0]).toBeCloseTo(DECILE1, 12);
		expect(r.byDecile[1]).toBeCloseTo(5, 12);
		expect(r.byDecile[9]).toBeCloseTo(6, 12);
		expect(r.byDecile.slice(2, 9)).toEqual([null, null, null, null, null, null, null]);
	});
	it('throws when no practice has usable FTE (England rate unknown)', () => {
		expect(() => referenceRates([C, G])).toThrow(/England rate unknown/);
	});
	it('deciles are the practice table’s imdDecile: equal-count over England, 1 = highest IMD score', () => {
		// 20 practices with scores 1…20 and one without: ntile gives scores 19–20 decile 1, 1–2 decile 10.
		const fields = [...PRACTICE_FIELDS];
		const rows = Array.from({ length: 21 }, (_, i) =>
			fields.map((f) =>
				f === 'code' ? `P${i}` : f === 'imdScore' ? (i === 20 ? null : i + 1) : f === 'fteStatus' ? 'reported' : null
			)
		);
		const t = parsePractices({ fields, rows });
		const decileOf = (score: number | null) => t.practices.find((p) => p.imdScore === score)!.imdDecile;
		expect([20, 19, 18, 11, 10, 2, 1].map(decileOf)).toEqual([1, 1, 2, 5, 6, 10, 10]);
		expect(decileOf(null)).toBeNull();
	});
});

describe('practiceShortfalls', () => {
	const rates = referenceRates(ALL);
	const area = areaPractices(ALL, 'icb', 'E54000001');

	it('against England, largest first; practices without usable FTE listed apart', () => {
		const s = practiceShortfalls(area, rates);
		// Shortfall = max(0, England rate × weighted / 10,000 − FTE):
		//   F: 4.153846 × 1.0 − 2 = 2.153846
		//   A: 4.153846 × 1.0 − 3 = 1.153846
		//   B: 4.153846 × 2.0 − 8 = 0.307692
		//   E: 4.153846 × 1.5 − 9 = −2.769 → 0
		expect(s.rows.map((r) => r.code)).toEqual(['F', 'A', 'B', 'E']);
		expect(s.rows.map((r) => r.shortfallEngland)).toEqual([
			expect.closeTo(ENGLAND - 2, 10),
			expect.closeTo(ENGLAND - 3, 10),
			expect.closeTo(2 * ENGLAND - 8, 10),
			0
		]);
		expect(s.totalShortfallEngland).toBeCloseTo(ENGLAND - 2 + ENGLAND - 3 + 2 * ENGLAND - 8, 10);
		expect(s.totalShortfallEngland).toBeCloseTo(3.615385, 6);
		// Against similar deprivation: A 3.6667 − 3 = 0.6667; B 7.3333 − 8 → 0; E 6 × 1.5 − 9 = 0; F has no decile.
		const by = Object.fromEntries(s.rows.map((r) => [r.code, r]));
		expect(by.A.similarRate).toBeCloseTo(DECILE1, 10);
		expect(by.A.shortfallSimilar).toBeCloseTo(DECILE1 - 3, 10);
		expect(by.B.shortfallSimilar).toBe(0);
		expect(by.E.shortfallSimilar).toBe(0);
		expect(by.F.similarRate).toBeNull();
		expect(by.F.shortfallSimilar).toBeNull();
		expect(s.totalShortfallSimilar).toBeCloseTo(2 / 3, 10);
		expect(s.withoutFte).toEqual([
			{ code: 'C', name: 'CHARLIE', postcode: 'LS1 1UR', reason: 'GP FTE not reported for FY2024/25' }
		]);
	});

	it('ranked against similar deprivation: ties broken by the lower rate; no decile last', () => {
		const s = practiceShortfalls(area, rates, 'similar');
		// A 0.667; B and E both 0 (B's rate 4.0 < E's 6.0); F null.
		expect(s.rows.map((r) => r.code)).toEqual(['A', 'B', 'E', 'F']);
	});

	it('zero FTE and missing workforce records are never counted as 0', () => {
		const s = practiceShortfalls(areaPractices(ALL, 'icb', 'E54000002'), rates);
		expect(s.rows.map((r) => r.code)).toEqual(['D']);
		expect(s.withoutFte).toEqual([{ code: 'G', name: 'GOLF', postcode: 'LS1 1UR', reason: 'GP FTE reported as zero' }]);
		const missing = practice({ code: 'M', fteStatus: 'no-workforce-record', gpFte: null, gpFtePer10kWeighted: null });
		expect(fteUnusableReason(missing)).toBe('no FY2024/25 workforce record: GP FTE unknown');
		const noList = practice({ code: 'N', weightedPatients: null, gpFtePer10kWeighted: null });
		expect(fteUnusableReason(noList)).toBe('no weighted list size: GP FTE per 10,000 weighted patients unknown');
		expect(fteUnusableReason(A)).toBeNull();
	});

	it('an empty area has no rows and no shortfall', () => {
		expect(practiceShortfalls([], rates)).toEqual({
			rows: [],
			withoutFte: [],
			totalShortfallEngland: 0,
			totalShortfallSimilar: 0
		});
	});
});

describe('areaPractices', () => {
	it('by level: England, NHS region (nhserCode), ICB, Sub-ICB, PCN', () => {
		const codes = (level: Parameters<typeof areaPractices>[1], code: string) =>
			areaPractices(ALL, level, code).map((p) => p.code);
		expect(codes('england', 'E92000001')).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
		expect(codes('nhser', 'E40000002')).toEqual(['D', 'G']);
		expect(codes('icb', ' e54000001 ')).toEqual(['A', 'B', 'C', 'E', 'F']);
		expect(codes('sicbl', 'E38000001')).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
		expect(codes('pcn', 'U00009')).toEqual(['E']);
		// "U" is "in no PCN", not a PCN.
		expect(codes('pcn', 'U')).toEqual([]);
	});
});

describe('quintileTable', () => {
	it('the area by national quintile beside England, hand-worked', () => {
		const t = quintileTable(areaPractices(ALL, 'icb', 'E54000001'), ALL);
		const q5 = t.rows[4];
		expect(q5.label).toBe('Q5 (most deprived)');
		// Q5 in the area: A, B, C. Patients 9,000 + 18,000 + 4,500 = 31,500; weighted 35,000, of which
		// 30,000 with usable FTE (C has none); FTE 11; rate 11 / 30,000 × 10,000 = 3.6667.
		expect(q5.area).toEqual({
			practices: 3,
			practicesWithFte: 2,
			patients: 31_500,
			weightedPatients: 35_000,
			weightedPatientsWithFte: 30_000,
			gpFte: 11,
			gpFtePer10kWeighted: expect.closeTo(DECILE1, 10)
		});
		expect(q5.england).toEqual(q5.area);
		// Q4: none in the area; in England D (rate 5.0) and G (zero FTE: in the counts, not the rate).
		expect(t.rows[3].area).toEqual({
			practices: 0,
			practicesWithFte: 0,
			patients: 0,
			weightedPatients: 0,
			weightedPatientsWithFte: 0,
			gpFte: 0,
			gpFtePer10kWeighted: null
		});
		expect(t.rows[3].england).toEqual({
			practices: 2,
			practicesWithFte: 1,
			patients: 18_000,
			weightedPatients: 18_000,
			weightedPatientsWithFte: 10_000,
			gpFte: 5,
			gpFtePer10kWeighted: 5
		});
		// Q1: E in both.
		expect(t.rows[0].area.gpFtePer10kWeighted).toBeCloseTo(6, 10);
		expect(t.rows[0].england.practices).toBe(1);
		// Q2, Q3 empty everywhere.
		expect(t.rows[1].england.practices + t.rows[2].england.practices).toBe(0);
		// F has no quintile: in the totals, not in any row.
		expect(t.withoutQuintile).toEqual({ area: 1, england: 1 });
		// Area total: FTE 3 + 8 + 9 + 2 = 22 over 55,000 weighted → 4.0.
		expect(t.total.area.gpFte).toBe(22);
		expect(t.total.area.gpFtePer10kWeighted).toBeCloseTo(4, 10);
		expect(t.total.england.gpFtePer10kWeighted).toBeCloseTo(ENGLAND, 10);
		expect(t.total.england.practices).toBe(7);
	});
	it('an empty area: five empty rows', () => {
		const t = quintileTable([], ALL);
		expect(t.rows.map((r) => [r.quintile, r.area.practices, r.area.gpFtePer10kWeighted])).toEqual([
			[1, 0, null],
			[2, 0, null],
			[3, 0, null],
			[4, 0, null],
			[5, 0, null]
		]);
	});
});

describe('neighbourhoods', () => {
	const lsoa = (
		code: string,
		icbCode: string,
		fte: number | null,
		weighted: number | null,
		over: Partial<NeighbourhoodRecord> = {}
	): NeighbourhoodRecord => ({
		code,
		name: `Test ${code}`,
		ladName: 'Testshire',
		icbCode,
		patients: 1_000,
		patientsCovered: 1_000,
		attributedFte: fte,
		attributedWeightedPatients: weighted,
		gpFtePer10kWeighted: fte !== null && weighted ? rate(fte, weighted) : null,
		imdScore: 30,
		imdRank: 100,
		centreLat: 52,
		centreLon: 0,
		...over
	});
	// England rate 4.0 for these examples.
	//   L1: 0.3 FTE over 1,000 weighted = 3.0; shortfall 4.0 × 0.1 − 0.3 = 0.1; 900 of 1,000 patients covered.
	//   L2: 0.5 FTE over 1,000 = 5.0; no shortfall.
	//   L3: 0.2 over 1,000 = 2.0, but in another ICB.
	//   L4: no rate (no patients at practices with usable FTE).
	//   L5: 0.45 FTE over 1,500 weighted = 3.0 like L1; shortfall 4.0 × 0.15 − 0.45 = 0.15, larger, so first.
	const L = [
		// lsoa-detail.json holds rates rounded to 3 dp, so equal rates are equal numbers: written as 3 here.
		lsoa('E01000001', 'E54000001', 0.3, 1_000, { patientsCovered: 900, imdRank: 3_375, gpFtePer10kWeighted: 3 }),
		lsoa('E01000002', 'E54000001', 0.5, 1_000, { imdRank: 3_376 }),
		lsoa('E01000003', 'E54000002', 0.2, 1_000),
		lsoa('E01000004', 'E54000001', null, null, { patientsCovered: 0 }),
		lsoa('E01000005', 'E54000001', 0.45, 1_500, { imdRank: 33_755, gpFtePer10kWeighted: 3 })
	];

	it('ranked by attributed rate, lowest first, against England', () => {
		const sel = lsoasInArea(L, 'icb', 'E54000001', ALL);
		if (!sel.ok) throw new Error(sel.reason);
		const r = rankNeighbourhoods(sel.lsoas, 4);
		// L1 and L5 both 3.0: L5's shortfall 4.0 × 0.15 − 0.45 = 0.15 beats L1's 0.1.
		expect(r.rows.map((x) => x.code)).toEqual(['E01000005', 'E01000001', 'E01000002']);
		const l1 = r.rows[1];
		expect(l1.gpFtePer10kWeighted).toBeCloseTo(3, 10);
		expect(l1.vsEngland).toBeCloseTo(-1, 10);
		expect(l1.shortfallEngland).toBeCloseTo(0.1, 10);
		expect(l1.coverage).toBeCloseTo(0.9, 10);
		expect(r.rows[0].shortfallEngland).toBeCloseTo(0.15, 10);
		expect(r.rows[2].shortfallEngland).toBe(0);
		expect(r.rows[2].vsEngland).toBeCloseTo(1, 10);
		// IMD decile from rank: 3,375 is the last of decile 1, 3,376 the first of decile 2, 33,755 decile 10.
		expect(r.rows.map((x) => x.imdDecile)).toEqual([10, 1, 2]);
		expect(r.withoutRate).toEqual([{ code: 'E01000004', name: 'Test E01000004' }]);
	});

	it('areas: NHS region through its ICBs; Sub-ICB, LAD and region need lsoa.csv look-ups; PCN cannot', () => {
		const nhser = lsoasInArea(L, 'nhser', 'E40000002', ALL);
		expect(nhser.ok && nhser.lsoas.map((l) => l.code)).toEqual(['E01000003']);
		const sicbl = lsoasInArea(L, 'sicbl', 'E38000001', ALL);
		expect(sicbl.ok).toBe(false);
		expect(!sicbl.ok && sicbl.reason).toMatch(/need the LSOA look-up table \(lsoa\.csv\)/);
		const withLookup = lsoasInArea(L, 'sicbl', 'E38000001', ALL, {
			sicblOfLsoa: new Map([['E01000002', 'E38000001']])
		});
		expect(withLookup.ok && withLookup.lsoas.map((l) => l.code)).toEqual(['E01000002']);
		const lad = lsoasInArea(L, 'lad', 'E08000035', ALL, { ladOfLsoa: new Map([['E01000003', 'E08000035']]) });
		expect(lad.ok && lad.lsoas.map((l) => l.code)).toEqual(['E01000003']);
		expect(lsoasInArea(L, 'region', 'E12000001', ALL).ok).toBe(false);
		const pcn = lsoasInArea(L, 'pcn', 'U00001', ALL);
		expect(!pcn.ok && pcn.reason).toMatch(/has no boundary/);
		expect(lsoasInArea(L, 'england', '', ALL)).toEqual({ ok: true, lsoas: L });
	});

	it('lsoaImdDecile: out-of-range or missing ranks are null', () => {
		expect([1, 3_375, 3_376, 6_751, 6_752, 33_755].map((r) => lsoaImdDecile(r))).toEqual([1, 1, 2, 2, 3, 10]);
		expect([0, -1, 33_756, 1.5, null, undefined, NaN].map((r) => lsoaImdDecile(r))).toEqual(new Array(7).fill(null));
		// A smaller table: 10 LSOAs, one per decile.
		expect(lsoaImdDecile(7, 10)).toBe(7);
	});
});
