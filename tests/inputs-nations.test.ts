// Readers for Wales and Scotland, on the world's files (the publishers' quirks: CRLF, trailing
// spaces, heading rows, suppressed "." rows, padded phone numbers, deciles that are not official)
// and on broken copies in tests/fixtures/inputs.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
	readDz11Lookup,
	readGpHeadcount,
	readScottishPractices,
	readSimd2020,
	readWalesPracticeDeprivation,
	readWelshPractices,
	readWimd2019
} from '../scripts/pipeline/inputs';
import { decileWithin, healthBoardName, nationOfPracticeCode, per10kRegistered } from '../src/lib/domain/nations';
import { inputError } from './helpers/inputError';

const world = (p: string) => join(__dirname, 'fixtures/world', p);
const fx = (name: string) => join(__dirname, 'fixtures/inputs', name);

describe('deciles within a nation', () => {
	it('ceil(rank × 10 / n), 1 = most deprived tenth', () => {
		// Wales, 1,909 LSOAs: 190.9 per tenth.
		expect(decileWithin(1, 1909)).toBe(1);
		expect(decileWithin(190, 1909)).toBe(1);
		expect(decileWithin(191, 1909)).toBe(2);
		expect(decileWithin(1909, 1909)).toBe(10);
		// Scotland, 6,976 data zones: 697.6 per tenth.
		expect(decileWithin(697, 6976)).toBe(1);
		expect(decileWithin(698, 6976)).toBe(2);
		expect(decileWithin(0, 10)).toBeNull();
		expect(decileWithin(11, 10)).toBeNull();
		expect(decileWithin(1.5, 10)).toBeNull();
	});
	it('names, codes and rates', () => {
		expect(nationOfPracticeCode('W91003')).toBe('W');
		expect(nationOfPracticeCode('10002')).toBe('S');
		expect(nationOfPracticeCode('A81001')).toBe('E');
		expect(healthBoardName('7A4')).toBe('Cardiff and Vale University Health Board');
		expect(healthBoardName('S08000031')).toBe('NHS Greater Glasgow and Clyde');
		expect(per10kRegistered(9, 8330)).toBeCloseTo(10.804, 3);
		expect(per10kRegistered(null, 8330)).toBeNull();
		expect(per10kRegistered(3, 0)).toBeNull();
	});
});

describe('Wales', () => {
	it('WIMD: deciles computed from the ranks, not the file’s decile column', () => {
		const rows = readWimd2019(world('deprivation/wimd2019_lsoa11.csv'));
		expect(rows.map((r) => [r.code, r.rank, r.decile])).toEqual([
			['W01000001', 1, 4],
			['W01000002', 3, 10],
			['W01000003', 2, 7]
		]);
	});
	it('WIMD: a repeated rank or a rank beyond the row count stops the build', () => {
		expect(inputError(() => readWimd2019(fx('wimd_duplicate_rank.csv'))).message).toContain('rank 1 is given to both');
		expect(inputError(() => readWimd2019(fx('wimd_rank_gap.csv'))).message).toContain('above the number of rows');
	});
	it('epraccur: only active W… GP practices (setting 4)', () => {
		const rows = readWelshPractices(world('practices/epraccur_2025-09.csv.gz'));
		expect(rows.map((r) => [r.code, r.healthBoard, r.postcode])).toEqual([
			['W99001', '7A1', 'LL57 1AA'],
			['W99002', '7A1', 'LL57 9ZZ']
		]);
	});
	it('StatsWales: CRLF, trailing spaces, heading rows skipped, suppressed rows kept as null', () => {
		const rows = readWalesPracticeDeprivation(world('practices/statswales_practice_deprivation_2024-04_wales.csv'));
		expect(rows).toEqual([
			{
				code: 'W99001',
				name: 'Bangor World Surgery',
				healthBoardName: 'Betsi Cadwaladr University Health Board',
				patients: 1000,
				deprived20: 250,
				percent20: 25,
				suppressed: false
			},
			{
				code: 'W99002',
				name: 'Llanberis World Practice',
				healthBoardName: 'Betsi Cadwaladr University Health Board',
				patients: null,
				deprived20: null,
				percent20: null,
				suppressed: true
			},
			expect.objectContaining({ code: 'W99005', patients: 2000, deprived20: 20 })
		]);
	});
	it('StatsWales: more deprived patients than patients, or only heading rows, stop the build', () => {
		expect(
			inputError(() => readWalesPracticeDeprivation(fx('statswales_more_deprived_than_patients.csv'))).column
		).toBe('no_depriv');
		expect(inputError(() => readWalesPracticeDeprivation(fx('statswales_headings_only.csv'))).message).toContain(
			'no practice rows'
		);
	});
});

describe('Scotland', () => {
	it('SIMD: deciles within Scotland from the ranks', () => {
		const rows = readSimd2020(world('deprivation/simd2020v2_dz11_ranks.csv'));
		expect(rows.map((r) => [r.code, r.rank, r.decile, r.population])).toEqual([
			['S01006506', 2, 10, 894],
			['S01006507', 1, 5, 793]
		]);
	});
	it('data zone lookup to council and health board', () => {
		expect(readDz11Lookup(world('lookups/dz11_ca19_hb19_scotland.csv')).get('S01006507')).toEqual({
			council: 'S12000033',
			healthBoard: 'S08000020'
		});
	});
	it('PHS practices: CRLF, padded phone numbers and a one-space Dispensing column are no problem', () => {
		const rows = readScottishPractices(world('practices/phs_practice_contactdetails_2024-10_scotland.csv'));
		expect(rows.map((r) => [r.code, r.listSize, r.postcode, r.healthBoard, r.dataZone, r.cluster])).toEqual([
			['10002', 5000, 'AB10 1AB', 'S08000020', 'S01006506', 'Aberdeen West'],
			['10017', 3000, 'AB10 1AB', 'S08000020', null, 'Aberdeen West']
		]);
	});
	it('GP headcount: designations must add up to the listings', () => {
		const h = readGpHeadcount(world('practices/phs_gp_headcount_by_designation_2024-10_scotland.csv'));
		expect(h.get('10002')).toEqual({
			code: '10002',
			headcount: 5,
			performer: 3,
			salaried: 1,
			registrar: 1,
			retainee: 0
		});
		expect(inputError(() => readGpHeadcount(fx('phs_headcount_bad_sum.csv'))).message).toContain(
			'designations add up to 8'
		);
	});
});
