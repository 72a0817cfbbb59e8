import { describe, expect, it } from 'vitest';
import {
	buildCrosswalk,
	practiceDeprivation,
	rankIod2019,
	type DeprivationContext
} from '../src/lib/domain/deprivation';

// A toy England of 20 LSOAs (so most deprived 10% = ranks 1–2, 15% = ranks 1–3, 20% = ranks 1–4).
const pairs = [
	{ lsoa11: 'E01000001', lsoa21: 'E01000001' }, // unchanged
	{ lsoa11: 'E01000002', lsoa21: 'E01000010' }, // split into two children…
	{ lsoa11: 'E01000002', lsoa21: 'E01000011' },
	{ lsoa11: 'E01000003', lsoa21: 'E01000012' }, // …and two merged into one
	{ lsoa11: 'E01000004', lsoa21: 'E01000012' }
];
const population = new Map([
	['E01000001', 1500],
	['E01000010', 1000],
	['E01000011', 3000],
	['E01000012', 2000]
]);

describe('LSOA 2011 → 2021 crosswalk', () => {
	const cw = buildCrosswalk(pairs, population);
	it('maps unchanged and merged LSOAs whole', () => {
		expect(cw.get('E01000001')).toEqual([{ code: 'E01000001', share: 1 }]);
		expect(cw.get('E01000003')).toEqual([{ code: 'E01000012', share: 1 }]);
		expect(cw.get('E01000004')).toEqual([{ code: 'E01000012', share: 1 }]);
	});
	it('shares a split LSOA by its children’s Census 2021 population (1,000 : 3,000)', () => {
		expect(cw.get('E01000002')).toEqual([
			{ code: 'E01000010', share: 0.25 },
			{ code: 'E01000011', share: 0.75 }
		]);
	});
	it('shares equally when no child has a population', () => {
		const c = buildCrosswalk(
			[
				{ lsoa11: 'E01000009', lsoa21: 'E01000020' },
				{ lsoa11: 'E01000009', lsoa21: 'E01000021' }
			],
			new Map()
		);
		expect(c.get('E01000009')!.map((t) => t.share)).toEqual([0.5, 0.5]);
	});
});

describe('practice deprivation (hand-worked)', () => {
	const ctx: DeprivationContext = {
		crosswalk: buildCrosswalk(pairs, population),
		imd2025: new Map([
			['E01000001', { score: 50, rank: 1, decile: 1 }],
			['E01000010', { score: 40, rank: 3, decile: 2 }],
			['E01000011', { score: 20, rank: 4, decile: 2 }],
			['E01000012', { score: 10, rank: 15, decile: 8 }]
		]),
		lsoaCount2025: 20,
		// IoD2019 on 20 LSOAs: ranks 45 → 1, 30 → 2, filler 20 → 3, 12 → 4, 8 → 5, fillers 1 → 6 (tied).
		imd2019: rankIod2019(
			new Map([
				['E01000001', 45],
				['E01000002', 30],
				['E01000005', 20],
				['E01000003', 12],
				['E01000004', 8],
				...Array.from({ length: 15 }, (_, k) => [`E01000${String(100 + k)}`, 1] as [string, number])
			])
		),
		lsoaCount2019: 20
	};
	// 100 patients in E01000001; 200 in split E01000002 (→ 50 in …10, 150 in …11);
	// 100 in E01000003 and 100 in E01000004 (→ 200 in …12); 30 with NO2011; 20 Welsh; 10 unknown code.
	const dep = practiceDeprivation(
		[
			{ lsoa11: 'E01000001', patients: 100 },
			{ lsoa11: 'E01000002', patients: 200 },
			{ lsoa11: 'E01000003', patients: 100 },
			{ lsoa11: 'E01000004', patients: 100 },
			{ lsoa11: 'NO2011', patients: 30 },
			{ lsoa11: 'W01000001', patients: 20 },
			{ lsoa11: 'E01099999', patients: 10 }
		],
		ctx
	);
	it('counts placed and unplaced patients', () => {
		expect(dep.listedPatients).toBe(560);
		expect(dep.placedPatients).toBe(500);
		expect(dep.noLsoaPatients).toBe(30);
		expect(dep.welshPatients).toBe(20);
		expect(dep.unknownLsoaPatients).toBe(10);
	});
	it('patient-weighted IoD2025 score over placed patients', () => {
		// (100×50 + 50×40 + 150×20 + 200×10) / 500 = (5000 + 2000 + 3000 + 2000) / 500 = 24
		expect(dep.imdScore).toBeCloseTo(24, 10);
	});
	it('shares in the most deprived 10% / 15% / 20%', () => {
		// 10% = ranks ≤ 2: only E01000001 (100) → 0.2; 15% = ranks ≤ 3: + 50 → 0.3; 20% = ranks ≤ 4: + 150 → 0.6
		expect(dep.share10).toBeCloseTo(0.2, 10);
		expect(dep.share15).toBeCloseTo(0.3, 10);
		expect(dep.share20).toBeCloseTo(0.6, 10);
	});
	it('decile profile of placed patients', () => {
		expect(dep.decileShares).toEqual([0.2, 0.4, 0, 0, 0, 0, 0, 0.4, 0, 0]);
	});
	it('IoD2019 score directly on 2011 LSOAs', () => {
		// (100×45 + 200×30 + 100×12 + 100×8) / 500 = (4500 + 6000 + 1200 + 800) / 500 = 25
		expect(dep.imdScore2019).toBeCloseTo(25, 10);
	});
	it('IoD2019 ranks from scores: 1 = highest, ties share a rank', () => {
		expect(ctx.imd2019.get('E01000001')!.rank).toBe(1);
		expect(ctx.imd2019.get('E01000003')!.rank).toBe(4);
		expect(ctx.imd2019.get('E01000100')!.rank).toBe(6);
		expect(ctx.imd2019.get('E01000114')!.rank).toBe(6);
	});
	it('IoD2019 shares in the most deprived 10% / 15% / 20% on 2011 LSOAs', () => {
		// 10% = ranks ≤ 2: E01000001 100 + E01000002 200 = 300 of 500 → 0.6; 15% = ranks ≤ 3: no more → 0.6;
		// 20% = ranks ≤ 4: + E01000003 100 → 0.8 (E01000004, rank 5, stays out).
		expect(dep.iod2019Share10).toBeCloseTo(0.6, 10);
		expect(dep.iod2019Share15).toBeCloseTo(0.6, 10);
		expect(dep.iod2019Share20).toBeCloseTo(0.8, 10);
	});
	it('keeps the 2021 footprint for attribution', () => {
		expect(Object.fromEntries(dep.patientsByLsoa21)).toEqual({
			E01000001: 100,
			E01000010: 50,
			E01000011: 150,
			E01000012: 200
		});
	});
	it('a practice with no placeable patients has no scores', () => {
		const none = practiceDeprivation([{ lsoa11: 'NO2011', patients: 5 }], ctx);
		expect(none.imdScore).toBeNull();
		expect(none.share15).toBeNull();
		expect(none.decileShares).toBeNull();
	});
});
