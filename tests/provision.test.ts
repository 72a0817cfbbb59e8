import { describe, expect, it } from 'vitest';
import { areaShortfall, areaTotals, attributeProvision, attributedRate } from '../src/lib/domain/provision';

describe('attributed provision (LSOA)', () => {
	// Practice A: 4 FTE, 10,000 weighted, list 1,000: 600 in L1, 400 in L2.
	// Practice B: 1 FTE, 5,000 weighted, list 500: 500 in L2.
	// Practice C: FTE not usable, list 100: 100 in L2.
	const a = attributeProvision([
		{
			fte: 4,
			weightedPatients: 10000,
			listedPatients: 1000,
			patientsByLsoa: new Map([
				['L1', 600],
				['L2', 400]
			])
		},
		{ fte: 1, weightedPatients: 5000, listedPatients: 500, patientsByLsoa: new Map([['L2', 500]]) },
		{ fte: null, weightedPatients: 800, listedPatients: 100, patientsByLsoa: new Map([['L2', 100]]) }
	]);
	it('shares FTE and weighted patients by where the list lives', () => {
		// L1: FTE 4×0.6 = 2.4; weighted 10,000×0.6 = 6,000 → 4.0 per 10k
		expect(a.get('L1')).toEqual({ patients: 600, patientsCovered: 600, fte: 2.4, weightedPatients: 6000 });
		expect(attributedRate(a.get('L1'))).toBeCloseTo(4, 10);
		// L2: FTE 4×0.4 + 1×1 = 2.6; weighted 4,000 + 5,000 = 9,000 → 2.888… per 10k; C adds patients only
		const l2 = a.get('L2')!;
		expect(l2.patients).toBe(1000);
		expect(l2.patientsCovered).toBe(900);
		expect(l2.fte).toBeCloseTo(2.6, 10);
		expect(l2.weightedPatients).toBeCloseTo(9000, 10);
		expect(attributedRate(l2)).toBeCloseTo(2.8889, 4);
	});
	it('an LSOA served only by practices without FTE has no rate', () => {
		const only = attributeProvision([
			{ fte: null, weightedPatients: 100, listedPatients: 10, patientsByLsoa: new Map([['L9', 10]]) }
		]);
		expect(attributedRate(only.get('L9'))).toBeNull();
		expect(attributedRate(undefined)).toBeNull();
	});
});

describe('area totals and shortfall', () => {
	const t = areaTotals([
		{ patients: 1000, weightedPatients: 1200, gpFte: 0.6, gpFteAll: 0.8, nurseFte: 0.3, dpcFte: 0.1, imdScore: 40 },
		{ patients: 3000, weightedPatients: 2800, gpFte: 1.4, gpFteAll: 1.4, nurseFte: 0.5, dpcFte: 0.2, imdScore: 20 },
		// FTE not usable: counts in patients and IMD, not in the rate
		{ patients: 1000, weightedPatients: 1000, gpFte: null, gpFteAll: null, nurseFte: null, dpcFte: null, imdScore: 10 }
	]);
	it('sums patients over all practices and FTE over practices with usable FTE', () => {
		expect(t.practices).toBe(3);
		expect(t.practicesWithFte).toBe(2);
		expect(t.patients).toBe(5000);
		expect(t.weightedPatients).toBe(5000);
		expect(t.weightedPatientsWithFte).toBe(4000);
		expect(t.gpFte).toBeCloseTo(2, 10);
		// 2 FTE / 4,000 weighted × 10,000 = 5
		expect(t.gpFtePer10kWeighted).toBeCloseTo(5, 10);
		expect(t.gpFteAllPer10kWeighted).toBeCloseTo(5.5, 10);
	});
	it('patient-weighted IMD: (40×1000 + 20×3000 + 10×1000) / 5000 = 22', () => {
		expect(t.imdScore).toBeCloseTo(22, 10);
	});
	it('shortfall against an England rate of 6: 6 × 4,000 / 10,000 − 2 = 0.4 FTE short', () => {
		expect(areaShortfall(t, 6)).toBeCloseTo(0.4, 10);
	});
});
