import { describe, expect, it } from 'vitest';
import {
	competitionRank,
	deepEndRank,
	distanceKm,
	equalCountQuintiles,
	fteShortfall,
	ftePer10kWeighted,
	inMostDeprived,
	needWeightingRatio,
	percentileRank,
	weightedMean,
	weightedMedian
} from '../src/lib/domain/metrics';

describe('most deprived x% of LSOAs', () => {
	it('uses rank ≤ floor(fraction × count): 3,375 / 5,063 / 6,751 of 33,755', () => {
		// 0.10 × 33,755 = 3,375.5 → 3,375 (exactly IMD decile 1 in IoD2025); 0.15 × 33,755 = 5,063.25; 0.20 × = 6,751
		expect(inMostDeprived(3375, 33755, 0.1)).toBe(true);
		expect(inMostDeprived(3376, 33755, 0.1)).toBe(false);
		expect(inMostDeprived(5063, 33755, 0.15)).toBe(true);
		expect(inMostDeprived(5064, 33755, 0.15)).toBe(false);
		expect(inMostDeprived(6751, 33755, 0.2)).toBe(true);
		expect(inMostDeprived(6752, 33755, 0.2)).toBe(false);
	});
	it('is exact at round numbers despite floating point (0.15 × 100 = 15.000000000000002)', () => {
		expect(inMostDeprived(15, 100, 0.15)).toBe(true);
		expect(inMostDeprived(16, 100, 0.15)).toBe(false);
	});
});

describe('need weighting and rates', () => {
	it('ratio = weighted / registered (A81001 in 2022/23: 4,579.78 / 4,029.25)', () => {
		expect(needWeightingRatio(4029.25, 4579.78)).toBeCloseTo(1.136633, 6);
		expect(needWeightingRatio(0, 10)).toBeNull();
		expect(needWeightingRatio(null, 10)).toBeNull();
	});
	it('FTE per 10,000 weighted patients: 2 FTE for 4,500 weighted = 4.444…', () => {
		expect(ftePer10kWeighted(2, 4500)).toBeCloseTo(4.4444, 4);
		expect(ftePer10kWeighted(0, 4500)).toBe(0);
		expect(ftePer10kWeighted(2, 0)).toBeNull();
		expect(ftePer10kWeighted(null, 4500)).toBeNull();
	});
	it('shortfall = England rate × weighted ÷ 10,000 − FTE', () => {
		// England 5.0 per 10k; 20,000 weighted patients would need 10 FTE; with 7 the area is 3 short.
		expect(fteShortfall(5, 20000, 7)).toBeCloseTo(3, 10);
		expect(fteShortfall(5, 20000, 12)).toBeCloseTo(-2, 10);
	});
});

describe('means and medians', () => {
	it('patient-weighted mean skips nulls and zero weights', () => {
		// (10×100 + 40×300) / 400 = 32.5
		expect(weightedMean([10, 40, null, 99], [100, 300, 50, 0])).toBe(32.5);
		expect(weightedMean([null], [5])).toBeNull();
	});
	it('weighted median is the value where cumulative weight reaches half', () => {
		expect(weightedMedian([1, 2, 3], [10, 10, 100])).toBe(3);
		expect(weightedMedian([1, 2, 3], [60, 10, 30])).toBe(1);
		expect(weightedMedian([5, 1], [1, 1])).toBe(1);
	});
});

describe('ranks and quintiles', () => {
	it('competition ranking shares the best rank on ties and leaves nulls unranked', () => {
		expect(competitionRank([0.5, 0.9, 0.5, null, 0.1])).toEqual([2, 1, 2, null, 4]);
		expect(competitionRank([3, 1, 2], false)).toEqual([3, 1, 2]);
	});
	it('deep end rank: 1 = largest share of patients in the most deprived 15%', () => {
		expect(deepEndRank([0.2, 0.75, null, 0.4])).toEqual([3, 1, null, 2]);
	});
	it('quintiles have equal counts, 5 = highest score', () => {
		const scores = [10, 50, 20, 40, 30, 60, 70, 80, 90, 100];
		expect(equalCountQuintiles(scores)).toEqual([1, 3, 1, 2, 2, 3, 4, 4, 5, 5]);
		// 7 items: sizes 2,1,2,1,1 as dplyr::ntile gives floor(5k/7)+1
		expect(equalCountQuintiles([1, 2, 3, 4, 5, 6, 7])).toEqual([1, 1, 2, 3, 3, 4, 5]);
		expect(equalCountQuintiles([null, 1])).toEqual([null, 1]);
	});
	it('percentile rank counts half the ties', () => {
		expect(percentileRank(3, [1, 2, 3, 4])).toBe(62.5);
		expect(percentileRank(0, [1, 2])).toBe(0);
	});
});

describe('distance', () => {
	it('haversine: Leeds (53.7997, -1.5492) to Sheffield (53.3811, -1.4701) ≈ 46.8 km', () => {
		expect(distanceKm(53.7997, -1.5492, 53.3811, -1.4701)).toBeCloseTo(46.8, 0);
		expect(distanceKm(51.5, -0.1, 51.5, -0.1)).toBe(0);
	});
});
