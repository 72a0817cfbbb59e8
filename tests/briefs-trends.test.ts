// League measures from the trend series, worked by hand: payments per weighted patient in the most
// ÷ least deprived fifth (latest year), and the change in GP FTE per 10,000 since FY2015/16.
import { describe, expect, it } from 'vitest';
import { fteChangeSinceBase, leagueTrendMeasures, paymentsRatio } from '../src/lib/briefs/trendMeasures';
import { briefTrend, cqcLine } from '../src/lib/briefs/briefTrends';
import type { BriefSubject } from '../src/lib/briefs/brief';
import type { AreaTrend, PracticeTrend, TrendsFile, PracticeTrendsFile } from '../src/lib/domain/formats/trends';

const YEARS = { workforceYears: [2016, 2025], paymentsYears: [2022, 2023] };
// A practice paid `pay` pounds in 2022/23 over `w` weighted patients (nothing in 2021/22).
const t = (w: number, pay: number): PracticeTrend => ({
	gpFte: [null, null],
	weightedPatients: [null, null],
	payWeighted: [null, w],
	payTotal: [null, pay],
	payCovid: [null, null],
	payPcn: [null, null],
	cqc: null,
	lifeExpectancy: null
});

describe('paymentsRatio', () => {
	it('pools each fifth: (150 + 130 £k) / 2,000 = £140 vs (200 + 180 + 220 £k) / 3,000 = £200 → 0.7', () => {
		const r = paymentsRatio(
			YEARS,
			[t(1000, 150_000), t(1000, 130_000)],
			[t(1000, 200_000), t(1000, 180_000), t(1000, 220_000)],
			2
		);
		expect(r.most).toBeCloseTo(140, 12);
		expect(r.least).toBeCloseTo(200, 12);
		expect(r.ratio).toBeCloseTo(0.7, 12);
		expect(r.year).toBe(2023);
		expect(r.caveat).toBeNull();
	});
	it('flags too few practices (3 needed by default) and has no ratio without a least deprived fifth', () => {
		expect(paymentsRatio(YEARS, [t(1000, 150_000)], [t(1000, 200_000)]).caveat).toMatch(
			/1 in the most and 1 in the least/
		);
		expect(paymentsRatio(YEARS, [t(1000, 150_000)], []).ratio).toBeNull();
	});
});

describe('fteChangeSinceBase', () => {
	const area = (fte: number[], w: number[]) => ({ workforce: { practices: [1, 1], gpFte: fte, weightedPatients: w } });
	it('is the latest rate minus FY2015/16’s: 5 − 4 = +1 per 10,000', () => {
		expect(fteChangeSinceBase([2016, 2025], area([4, 5], [10_000, 10_000]))).toBeCloseTo(1, 12);
	});
	it('is null when a year has no rate (never a 0)', () => {
		expect(fteChangeSinceBase([2016, 2025], area([0, 5], [0, 10_000]))).toBeNull();
		expect(fteChangeSinceBase([2017, 2025], area([4, 5], [10_000, 10_000]))).toBeNull();
	});
});

describe('leagueTrendMeasures', () => {
	it('groups practices by area and quintile, and reads the FTE change from the area series', () => {
		const a = {
			level: 'icb',
			code: 'E54000001',
			workforce: { practices: [1, 1], gpFte: [4, 5], weightedPatients: [10_000, 10_000] }
		} as unknown as AreaTrend;
		const doc = { ...YEARS, areas: [a], england: a } as unknown as TrendsFile;
		const pt = {
			...YEARS,
			practices: { M1: t(1000, 100_000), L1: t(1000, 200_000), X: t(1000, 999_999) }
		} as unknown as PracticeTrendsFile;
		const m = leagueTrendMeasures(
			doc,
			pt,
			[
				{ code: 'M1', imdQuintile: 5 },
				{ code: 'L1', imdQuintile: 1 },
				{ code: 'X', imdQuintile: 3 }
			],
			() => 'E54000001',
			'icb'
		);
		const v = m.get('E54000001')!;
		expect(v.fteChange).toBeCloseTo(1, 12);
		expect(v.payRatio.ratio).toBeCloseTo(0.5, 12);
		expect(v.payRatio.caveat).toMatch(/too few/);
		expect(m.get('E92000001')!.payRatio.ratio).toBeCloseTo(0.5, 12);
	});
});

describe('briefTrend (a network: members summed)', () => {
	it('sums the members’ series, counts their CQC ratings and weights life expectancy by patients', () => {
		const member = (rating: 'Good' | 'Inadequate' | null, female: number, male: number): PracticeTrend => ({
			...t(1000, 100_000),
			cqc: rating ? { rating, year: 2020, inherited: false } : null,
			lifeExpectancy: { year: 2020, female, male }
		});
		const pt = {
			...YEARS,
			practices: { A: member('Good', 80, 76), B: member(null, 84, 80) }
		} as unknown as PracticeTrendsFile;
		const subject = {
			level: 'network',
			code: 'x',
			name: 'X',
			practices: [
				{ code: 'A', patients: 1000 },
				{ code: 'B', patients: 3000 }
			]
		} as unknown as BriefSubject;
		const b = briefTrend(subject, { ...YEARS } as unknown as TrendsFile, pt)!;
		expect(b.area.payments.total).toEqual([0, 200_000]);
		expect(b.cqc.Good).toBe(1);
		expect(b.cqc.none).toBe(1);
		expect(cqcLine(b.cqc)).toBe('Good 1 · no rating matched 1');
		// (80 × 1,000 + 84 × 3,000) / 4,000 = 83; (76 + 3 × 80) / 4 = 79
		expect(b.lifeExpectancy).toEqual({ year: 2020, female: 83, male: 79, practices: 2 });
	});
});
