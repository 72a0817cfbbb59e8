// The trends step on the hand-made world (tests/fixtures/world, trend inputs in make-trends.ts), with
// every number worked out by hand:
//
//   FY2015/16 (Year 2016) workforce, weighted = patients × that year's Carr-Hill ratio (2015/16 payments):
//     A99001 5,000 × 6,000/5,000 = 6,000, 3 FTE;  A99003 8,000 × 1 = 8,000, 4 FTE;
//     Y99005 (closed) 1,000 × 1 = 1,000, 1 FTE;   A99002 FTE 0: left out.
//     England = 8 / 15,000 × 10,000 = 5.333; closed (unassigned) = 10; Q2 (A99003) = 5; Q4 (A99001) = 5.
//   FY2018/19: A99001's FTE is NA, the only row: no rate (never 0).
//   FY2024/25: the atlas's own England figure, 7.3 / 13,900 × 10,000 = 5.252 (A99002 has no payments
//     record in any year: ratio 1.0; the others use 2022/23's ratio 1.1).
//   Payments 2015/16: (600,000 + 1,000,000 + 150,000) / (6,000 + 8,000 + 1,000) = £116.67 per weighted
//     patient; B99004's row has 0 weighted patients: left out. 2020/21 COVID: 750,000 − 700,000 = 50,000
//     over 5,500 = £9.09; PCN 20,000 / 5,500 = £3.64.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../scripts/pipeline/run';
import { decodePracticeTrends, decodeTrends, type TrendsFile } from '../src/lib/domain/formats/trends';
import { ftePer10kSeries, paymentsPerWeightedSeries } from '../src/lib/domain/trends';
import { reconcile } from './helpers/trends';

const world = join(__dirname, 'fixtures/world');
let out: string;
let doc: TrendsFile;
let report: Awaited<ReturnType<typeof runPipeline>>;

beforeAll(async () => {
	out = mkdtempSync(join(tmpdir(), 'atlas-trends-'));
	report = await runPipeline({
		rawDir: world,
		outDir: out,
		sourcesPath: join(world, 'sources.json'),
		networksPath: join(__dirname, '../data/networks.json'),
		fingerprint: 'trends-world',
		log: () => {}
	});
	doc = decodeTrends(JSON.parse(readFileSync(join(out, 'trends/trends.json'), 'utf8')));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const at = (doc: TrendsFile, year: number) => doc.workforceYears.indexOf(year);
const pat = (doc: TrendsFile, year: number) => doc.paymentsYears.indexOf(year);

describe('trends on the hand-made world', () => {
	it('GP FTE per 10,000 weighted patients by year: England, closed practices, quintiles', () => {
		const eng = ftePer10kSeries(doc.england.workforce);
		expect(eng[at(doc, 2016)]).toBeCloseTo(5.3333, 4);
		expect(eng[at(doc, 2019)]).toBeNull();
		expect(eng[at(doc, 2025)]).toBeCloseTo(5.2518, 4);
		expect(ftePer10kSeries(doc.unassigned.workforce)[at(doc, 2016)]).toBe(10);
		expect(ftePer10kSeries(doc.quintiles[1].workforce)[at(doc, 2016)]).toBe(5);
		expect(ftePer10kSeries(doc.quintiles[4].workforce).every((v) => v === null)).toBe(true); // Q5 is empty
		expect(doc.england.workforce.practices[at(doc, 2016)]).toBe(3);
	});

	it('payments per weighted patient, with COVID and PCN money apart', () => {
		const i = pat(doc, 2016);
		expect(paymentsPerWeightedSeries(doc.england.payments)[i]).toBeCloseTo(116.667, 3);
		expect(doc.england.payments.practices[i]).toBe(3);
		const j = pat(doc, 2021);
		expect(paymentsPerWeightedSeries(doc.england.payments, 'covid')[j]).toBeCloseTo(9.0909, 4);
		expect(paymentsPerWeightedSeries(doc.england.payments, 'pcn')[j]).toBeCloseTo(3.6364, 4);
		expect(doc.england.payments.covid[pat(doc, 2020)]).toBeNull(); // no COVID columns before 2020/21
	});

	it('areas (today’s geography) plus closed practices add up to England in every year', () => {
		for (const level of ['nhser', 'icb', 'sicbl', 'pcn'] as const) {
			const d = reconcile(doc, level);
			expect(d.practicesFte + d.practicesPay).toBe(0);
			for (const v of Object.values(d)) expect(v).toBeLessThan(1e-6);
		}
	});

	it('CQC: own row before a site row, the latest of repeated rows, site row when alone', () => {
		const p = decodePracticeTrends(JSON.parse(readFileSync(join(out, 'trends/practices.json'), 'utf8')));
		expect(p.practices.A99001.cqc).toEqual({ rating: 'Good', year: 2016, inherited: false });
		expect(p.practices.A99002.cqc?.rating).toBe('Inadequate');
		expect(p.practices.A99003.cqc).toEqual({ rating: 'Good', year: 2022, inherited: true });
		expect(p.practices.B99004.cqc).toBeNull();
		expect(doc.england.cqc).toEqual({ Outstanding: 0, Good: 2, 'Requires improvement': 0, Inadequate: 1, none: 1 });
		expect(p.practices.Y99005).toBeUndefined(); // closed: in practices.csv, not in the panels' file
	});

	it('modelled life expectancy: latest year per practice; area means weighted by registered patients', () => {
		const p = decodePracticeTrends(JSON.parse(readFileSync(join(out, 'trends/practices.json'), 'utf8')));
		expect(p.practices.A99001.lifeExpectancy).toEqual({ year: 2020, female: 80, male: 76 });
		expect(p.practices.B99004.lifeExpectancy).toEqual({ year: 2017, female: 84, male: 81 });
		// 2020 only: A99001 (6,000 patients) F 80, M 76; A99003 (10,000) M 80 → M (456,000 + 800,000) / 16,000.
		expect(doc.england.lifeExpectancy).toEqual({ year: 2020, female: 80, male: 78.5, practices: 2 });
	});

	it('open tables with a year column, and what was left out in the build report', () => {
		const csv = readFileSync(join(out, 'trends/areas.csv'), 'utf8').split('\n');
		expect(csv[1].startsWith('level,code,name,year,gp_fte,')).toBe(true);
		expect(csv).toContain('england,E92000001,England,2015/16,8,15000,5.333,3,15000,1750000,116.67,,');
		const dropped = (what: string) => report.dropped.find((d) => d.step === 'trends' && d.what.startsWith(what));
		expect(dropped('practice-years with GP FTE of zero')?.count).toBe(1);
		expect(dropped('payments rows with no weighted patients')?.count).toBe(1);
		expect(dropped('CQC rows with practice code NA')?.count).toBe(1);
		expect(report.trends.englandGpFtePer10kWeighted[0]).toBe(5.333);
	});
});
