// Equity measures, worked by hand: pooled rate, Q5 ÷ Q1 ratio with its caveat, weighted least
// squares slope, shortfall net and gross, the Deep End cut.
import { describe, expect, it } from 'vitest';
import {
	deepEndCutoff,
	deprivationSlope,
	groupRate,
	isDeepEnd,
	quintileRatio,
	shortfall,
	weightedLeastSquares,
	type EquityMember
} from '../src/lib/domain/equity';

const m = (
	gpFte: number | null,
	weightedPatients: number | null,
	imdScore: number | null = null,
	imdQuintile: number | null = null
): EquityMember => ({ gpFte, weightedPatients, imdScore, imdQuintile });

describe('groupRate', () => {
	it('pools FTE over weighted patients and leaves out practices whose FTE does not count', () => {
		// (2 + 3) FTE ÷ (4,000 + 6,000) weighted × 10,000 = 5; the third practice (no FTE) adds nothing.
		const r = groupRate([m(2, 4000), m(3, 6000), m(null, 5000)]);
		expect(r).toEqual({ practices: 3, practicesWithFte: 2, gpFte: 5, weightedPatients: 10000, rate: 5 });
	});
	it('has no rate (null, not 0) when no practice counts', () => {
		expect(groupRate([m(null, 5000), m(4, 0)]).rate).toBeNull();
		expect(groupRate([]).rate).toBeNull();
	});
});

describe('quintileRatio', () => {
	const area = [
		m(1, 5000, 50, 5), // Q5: 1 + 2 FTE over 10,000 → 3
		m(2, 5000, 45, 5),
		m(3, 5000, 5, 1), // Q1: 3 + 3 FTE over 10,000 → 6
		m(3, 5000, 6, 1),
		m(9, 5000, 20, 3) // Q3: not in the ratio
	];
	it('is the rate in the most deprived fifth over the rate in the least: 3 ÷ 6 = 0.5', () => {
		const r = quintileRatio(area, 2);
		expect(r.most.rate).toBeCloseTo(3, 12);
		expect(r.least.rate).toBeCloseTo(6, 12);
		expect(r.ratio).toBeCloseTo(0.5, 12);
		expect(r.caveat).toBeNull();
	});
	it('flags an area with too few practices in a fifth, naming the counts', () => {
		const r = quintileRatio(area); // default: 3 a fifth
		expect(r.ratio).toBeCloseTo(0.5, 12); // still computed, but not ranked
		expect(r.caveat).toMatch(/2 in the most deprived fifth and 2 in the least deprived fifth/);
	});
	it('has no ratio when a fifth has no practice with usable FTE', () => {
		const r = quintileRatio([m(2, 5000, 50, 5), m(null, 5000, 5, 1)], 1);
		expect(r.ratio).toBeNull();
		expect(r.caveat).toMatch(/0 in the least deprived fifth/);
	});
});

describe('weightedLeastSquares', () => {
	it('recovers a line through collinear points whatever the weights', () => {
		const f = weightedLeastSquares([0, 10, 20], [1, 3, 5], [1, 7, 2])!;
		expect(f.slope).toBeCloseTo(0.2, 12);
		expect(f.intercept).toBeCloseTo(1, 12);
		expect(f.n).toBe(3);
	});
	it('weights points: (0,0) w1, (1,1) w1, (2,1) w2 → slope 1.25 ÷ 2.75', () => {
		// x̄ = (0 + 1 + 4) / 4 = 1.25, ȳ = (0 + 1 + 2) / 4 = 0.75
		// Sxx = 1.5625 + 0.0625 + 2 × 0.5625 = 2.75; Sxy = 0.9375 − 0.0625 + 2 × 0.1875 = 1.25
		const f = weightedLeastSquares([0, 1, 2], [0, 1, 1], [1, 1, 2])!;
		expect(f.slope).toBeCloseTo(1.25 / 2.75, 12);
		expect(f.intercept).toBeCloseTo(0.75 - (1.25 / 2.75) * 1.25, 12);
	});
	it('skips nulls and non-positive weights; null when x does not vary or fewer than two points', () => {
		expect(weightedLeastSquares([0, null, 10, 5], [1, 9, 3, 100], [1, 1, 1, 0])!.slope).toBeCloseTo(0.2, 12);
		expect(weightedLeastSquares([3, 3, 3], [1, 2, 3], [1, 1, 1])).toBeNull();
		expect(weightedLeastSquares([3], [1], [1])).toBeNull();
	});
});

describe('deprivationSlope', () => {
	it('fits practice rate on IMD score weighted by weighted patients, quoted per 10 IMD points', () => {
		// Rates 6, 5, 4 at IMD 10, 20, 30 (equal weights): −0.1 per point = −1 per 10 points.
		const s = deprivationSlope([m(6, 10000, 10), m(5, 10000, 20), m(4, 10000, 30)], 3);
		expect(s.per10).toBeCloseTo(-1, 12);
		expect(s.n).toBe(3);
		expect(s.caveat).toBeNull();
	});
	it('leaves out a practice flagged implausible (2 patients, 24,701 GP FTE per 10,000), which would reverse the line', () => {
		const line = [m(6, 10000, 10), m(5, 10000, 20), m(4, 10000, 30)];
		const outlier = m(4.94, 2, 30);
		// Weighting by need is not enough: its leverage is its FTE (4.94 at x − x̄ = 10 adds ~ +494,000 to Sxy).
		expect(deprivationSlope([...line, outlier], 3).per10!).toBeGreaterThan(0);
		const s = deprivationSlope([...line, { ...outlier, implausible: true }], 3);
		expect(s.per10).toBeCloseTo(-1, 12);
		expect(s.n).toBe(3);
		// Rates and shortfalls keep it, so they match the atlas's other figures (areas.csv).
		expect(shortfall([{ ...outlier, implausible: true }], 5).practicesWithFte).toBe(1);
		expect(groupRate([...line, { ...outlier, implausible: true }]).practicesWithFte).toBe(4);
	});
	it('flags too few practices', () => {
		expect(deprivationSlope([m(6, 10000, 10), m(5, 10000, 20)]).caveat).toMatch(/2 with reported GP FTE/);
	});
});

describe('shortfall against a reference rate', () => {
	it('nets practices above the rate against those below; gross sums only those below', () => {
		// Rate 5 per 10,000. A: 10,000 weighted, 3 FTE → 2 short. B: 10,000 weighted, 6 FTE → 1 over.
		// C: no usable FTE → left out.
		const s = shortfall([m(3, 10000), m(6, 10000), m(null, 8000)], 5);
		expect(s.net).toBeCloseTo(1, 12);
		expect(s.gross).toBeCloseTo(2, 12);
		expect(s.practicesShort).toBe(1);
		expect(s.practicesWithFte).toBe(2);
	});
});

describe('Deep End practices', () => {
	it('are the tenth of ranked practices with the highest Deep End rank', () => {
		expect(deepEndCutoff(6202)).toBe(620);
		expect(deepEndCutoff(10)).toBe(1);
		expect(isDeepEnd(620, 620)).toBe(true);
		expect(isDeepEnd(621, 620)).toBe(false);
		expect(isDeepEnd(null, 620)).toBe(false);
	});
});
