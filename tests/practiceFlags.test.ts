import { describe, expect, it } from 'vitest';
import {
	describeQualityFlags,
	encodeQualityFlags,
	parseQualityFlags,
	qualityFlags,
	type FlagInputs
} from '../src/lib/domain/practiceFlags';

const ordinary: FlagInputs = {
	patients: 8000,
	prescribingSetting: 4,
	gpFtePer10kWeighted: 4.5,
	gpFteAllPer10kWeighted: 5.1,
	listedPatients2023: 7800
};

describe('practice quality flags (hand-worked)', () => {
	it('an ordinary practice raises none', () => {
		expect(qualityFlags(ordinary)).toEqual([]);
	});
	it('The Ridgeway (Y03303): 27.7 patients is a very small list', () => {
		expect(qualityFlags({ ...ordinary, patients: 27.7, listedPatients2023: 29, gpFtePer10kWeighted: null })).toEqual([
			'small-list'
		]);
	});
	it('Westbourne Grove (E87007): 1.6 patients, 24,701.7 GP FTE per 10k, 361 listed in July 2023', () => {
		expect(
			qualityFlags({
				patients: 1.6,
				prescribingSetting: 4,
				gpFtePer10kWeighted: 24701.732,
				gpFteAllPer10kWeighted: 24701.732,
				listedPatients2023: 361
			})
		).toEqual(['small-list', 'extreme-rate', 'list-fall']);
	});
	it('limits: 999 is small, 1,000 is not; 25.0 per 10k is not extreme, 25.01 is; half the 2023 list is not a fall', () => {
		expect(qualityFlags({ ...ordinary, patients: 999 })).toContain('small-list');
		expect(qualityFlags({ ...ordinary, patients: 1000, listedPatients2023: 1000 })).toEqual([]);
		expect(qualityFlags({ ...ordinary, gpFtePer10kWeighted: 25 })).toEqual([]);
		expect(qualityFlags({ ...ordinary, gpFteAllPer10kWeighted: 25.01 })).toEqual(['extreme-rate']);
		expect(qualityFlags({ ...ordinary, patients: 4000, listedPatients2023: 8000 })).toEqual([]);
		expect(qualityFlags({ ...ordinary, patients: 3999, listedPatients2023: 8000 })).toEqual(['list-fall']);
	});
	it('a prescribing setting other than 4 is a special service; an unknown setting raises nothing', () => {
		expect(qualityFlags({ ...ordinary, prescribingSetting: 0 })).toEqual(['special-service']);
		expect(qualityFlags({ ...ordinary, prescribingSetting: 26 })).toEqual(['special-service']);
		expect(qualityFlags({ ...ordinary, prescribingSetting: null })).toEqual([]);
	});
	it('unknown list or rates raise nothing (they are not values)', () => {
		expect(
			qualityFlags({
				patients: null,
				prescribingSetting: 4,
				gpFtePer10kWeighted: null,
				gpFteAllPer10kWeighted: null,
				listedPatients2023: 0
			})
		).toEqual([]);
	});
	it('round-trips through the stored text and reads out in words', () => {
		const text = encodeQualityFlags(['small-list', 'list-fall']);
		expect(text).toBe('small-list;list-fall');
		expect(parseQualityFlags(text)).toEqual(['small-list', 'list-fall']);
		expect(parseQualityFlags('')).toEqual([]);
		expect(parseQualityFlags('small-list;bogus')).toEqual(['small-list']);
		expect(describeQualityFlags(['small-list', 'special-service'])).toBe('very small list; special service');
	});
});
