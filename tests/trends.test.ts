// Hand-worked tests of the trend metrics (src/lib/domain/trends.ts) and the trends format.
import { describe, expect, it } from 'vitest';
import {
	addPayments,
	addSums,
	addWorkforce,
	changeOver,
	emptyPaymentsSums,
	emptyWorkforceSums,
	ftePer10kSeries,
	fyFromLabel,
	fyLabel,
	gapSeries,
	nearestRatio,
	paymentsPerWeightedSeries,
	yearRange
} from '../src/lib/domain/trends';
import {
	areaSeries,
	decodeTrends,
	practiceAsArea,
	seriesCsv,
	sumPracticeTrends,
	TRENDS_FORMAT_VERSION,
	type AreaTrend,
	type PracticeTrend
} from '../src/lib/domain/formats/trends';

describe('financial years', () => {
	it('labels by end year and back', () => {
		expect(fyLabel(2016)).toBe('2015/16');
		expect(fyLabel(2000)).toBe('1999/00');
		expect(fyFromLabel('2015/16')).toBe(2016);
		expect(fyFromLabel('1999-00')).toBe(2000);
		expect(fyFromLabel('2015/17')).toBeNull();
		expect(yearRange(2015, 2017)).toEqual([2015, 2016, 2017]);
	});
});

describe('GP FTE per 10,000 weighted patients by year', () => {
	it('sums practices that count; FTE not reported or zero, or no weighted list, are left out of both sides', () => {
		const s = emptyWorkforceSums(2);
		addWorkforce(s, 0, { gpFte: 3, weightedPatients: 6000 });
		addWorkforce(s, 0, { gpFte: 2, weightedPatients: 4000 });
		addWorkforce(s, 0, { gpFte: null, weightedPatients: 5000 }); // NA
		addWorkforce(s, 0, { gpFte: 0, weightedPatients: 5000 }); // zero
		addWorkforce(s, 0, { gpFte: 1, weightedPatients: 0 });
		addWorkforce(s, 1, null);
		expect(s).toEqual({ practices: [2, 0], gpFte: [5, 0], weightedPatients: [10000, 0] });
		// 5 / 10,000 × 10,000 = 5; a year with nothing counted has no rate (not 0).
		expect(ftePer10kSeries(s)).toEqual([5, null]);
	});
});

describe('payments per weighted patient', () => {
	it('total, COVID and PCN apart; years without COVID columns stay null', () => {
		const s = emptyPaymentsSums(2);
		addPayments(s, 0, { weightedPatients: 4000, total: 600_000, covid: null, pcn: null });
		addPayments(s, 1, { weightedPatients: 4000, total: 640_000, covid: 20_000, pcn: 8_000 });
		addPayments(s, 1, { weightedPatients: 1000, total: 160_000, covid: 5_000, pcn: 2_000 });
		addPayments(s, 1, { weightedPatients: 0, total: 99_000, covid: 1, pcn: 1 }); // no weighted list: out
		// 600,000 / 4,000 = 150; 800,000 / 5,000 = 160; COVID 25,000 / 5,000 = 5; PCN 10,000 / 5,000 = 2.
		expect(paymentsPerWeightedSeries(s)).toEqual([150, 160]);
		expect(paymentsPerWeightedSeries(s, 'covid')).toEqual([null, 5]);
		expect(paymentsPerWeightedSeries(s, 'pcn')).toEqual([null, 2]);
		expect(s.practices).toEqual([1, 2]);
	});
});

describe('the inverse-care gap by year', () => {
	it('least − most deprived, and most ÷ least; null where either is', () => {
		const { gap, ratio } = gapSeries([5, 4.8, null], [4, 3.6, 3]);
		expect(gap[0]).toBeCloseTo(1, 10);
		expect(gap[1]).toBeCloseTo(1.2, 10);
		expect(gap[2]).toBeNull();
		expect(ratio[0]).toBeCloseTo(0.8, 10);
		expect(ratio[1]).toBeCloseTo(0.75, 10);
		expect(ratio[2]).toBeNull();
		expect(changeOver(gap)).toBeCloseTo(0.2, 10);
		expect(changeOver([null, 2])).toBeNull();
	});
});

describe('the Carr-Hill ratio for a year', () => {
	it('that year, else the nearest (earlier on a tie), else none', () => {
		const r = new Map([
			[2016, 1.1],
			[2018, 1.3],
			[2020, 0.9]
		]);
		expect(nearestRatio(r, 2018)).toEqual({ ratio: 1.3, year: 2018 });
		expect(nearestRatio(r, 2017)).toEqual({ ratio: 1.1, year: 2016 }); // tie 2016/2018 → earlier
		expect(nearestRatio(r, 2025)).toEqual({ ratio: 0.9, year: 2020 });
		expect(nearestRatio(new Map(), 2020)).toBeNull();
	});
});

describe('sums add up', () => {
	it('element by element, null + null staying null', () => {
		const a = emptyPaymentsSums(2);
		const b = emptyPaymentsSums(2);
		addPayments(a, 1, { weightedPatients: 10, total: 100, covid: 3, pcn: null });
		addPayments(b, 1, { weightedPatients: 5, total: 50, covid: 2, pcn: null });
		expect(addSums(a, b)).toEqual({
			practices: [0, 2],
			weightedPatients: [0, 15],
			total: [0, 150],
			covid: [null, 5],
			pcn: [null, null]
		});
	});
});

describe('the trends format', () => {
	const years = { workforceYears: [2022, 2023], paymentsYears: [2021, 2022] };
	const practice: PracticeTrend = {
		gpFte: [3, null],
		weightedPatients: [6000, 6100],
		payWeighted: [null, 6000],
		payTotal: [null, 900_000],
		payCovid: [null, 12_000],
		payPcn: [null, 3_000],
		cqc: null,
		lifeExpectancy: null
	};

	it('a practice as an area: one row a year over the union of years, with rates by the shared functions', () => {
		const rows = areaSeries(years, practiceAsArea('A81001', practice));
		expect(rows.map((r) => r.year)).toEqual([2021, 2022, 2023]);
		expect(rows[0].paymentsPerWeighted).toBeNull(); // 2020/21: no weighted list
		expect(rows[1].gpFtePer10kWeighted).toBe(5); // 3 / 6,000 × 10,000
		expect(rows[1].paymentsPerWeighted).toBe(150); // 900,000 / 6,000
		expect(rows[1].covidPerWeighted).toBe(2);
		expect(rows[2].gpFtePer10kWeighted).toBeNull(); // FTE not reported: no rate, not 0
		expect(rows[2].practicesFte).toBe(0);
	});

	it('any group of practices sums like an area (e.g. an area’s most deprived fifth)', () => {
		const other: PracticeTrend = {
			...practice,
			gpFte: [1, 2],
			weightedPatients: [4000, 0],
			payWeighted: [2000, 4000],
			payTotal: [300_000, 500_000],
			payCovid: [null, 8_000],
			payPcn: [null, 2_000]
		};
		const g = sumPracticeTrends(years, [practice, other]);
		// FTE 2021/22: (3 + 1) / (6,000 + 4,000) × 10,000 = 4; 2022/23: practice not reported, other has no list.
		expect(g.workforce).toEqual({ practices: [2, 0], gpFte: [4, 0], weightedPatients: [10000, 0] });
		// Payments 2021/22: only other (practice had no weighted list) = 300,000 / 2,000 = 150;
		// 2022/23: (900,000 + 500,000) / (6,000 + 4,000) = 140; COVID 20,000 / 10,000 = 2.
		expect(paymentsPerWeightedSeries(g.payments)).toEqual([150, 140]);
		expect(paymentsPerWeightedSeries(g.payments, 'covid')).toEqual([null, 2]);
	});

	it('CSV with a year column, comment lines, rounding, and the formula guard on text', () => {
		const rows = areaSeries(years, practiceAsArea('A81001', practice));
		const text = seriesCsv([{ keys: { code: '=A81001' }, rows }], ['made by a test']);
		const lines = text.split('\n');
		expect(lines[0]).toBe('# made by a test');
		expect(lines[1].startsWith('code,year,gp_fte,weighted_patients_fte,gp_fte_per_10k_weighted,')).toBe(true);
		expect(lines[3]).toBe("'=A81001,2021/22,3,6000,5,1,6000,900000,150,2,0.5");
		expect(lines[4]).toBe("'=A81001,2022/23,,,,0,,,,,");
	});

	it('the reader rejects another version and series that do not match the years', () => {
		const area = practiceAsArea('X', practice);
		const doc = {
			version: TRENDS_FORMAT_VERSION,
			...years,
			workforceNotes: [],
			paymentsNotes: [],
			england: area,
			unassigned: area,
			noPcn: area,
			quintiles: [area, area, area, area, area],
			areas: [area]
		};
		expect(decodeTrends(doc).areas).toHaveLength(1);
		expect(() => decodeTrends({ ...doc, version: 99 })).toThrow(/version 99/);
		const short: AreaTrend = { ...area, workforce: { ...area.workforce, gpFte: [1] } };
		expect(() => decodeTrends({ ...doc, areas: [short] })).toThrow(/workforce.gpFte/);
	});
});
