// Checks on the trends of the full build from the real mirror (static/data/trends). Skipped, with a
// message, when no build is present (in CI the build must be there).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePracticeTrends, decodeTrends } from '../src/lib/domain/formats/trends';
import { ftePer10kSeries, gapSeries } from '../src/lib/domain/trends';
import { reconcile } from './helpers/trends';

const out = join(__dirname, '../static/data');
const built = existsSync(join(out, 'trends/trends.json'));
if (!built && process.env.CI)
	throw new Error('no static/data/trends/trends.json: the data build did not run or failed');
if (!built) console.warn('trends-output tests skipped: no static/data/trends/trends.json (run `npm run data`)');

describe.skipIf(!built)('trends of the full build', () => {
	const doc = built ? decodeTrends(JSON.parse(readFileSync(join(out, 'trends/trends.json'), 'utf8'))) : null!;

	it('covers FY2015/16 → FY2024/25 (workforce) and 2014/15 → 2022/23 (payments)', () => {
		expect(doc.workforceYears).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
		expect(doc.paymentsYears).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
	});

	it('areas of every level, plus closed practices (and no-PCN practices), sum to England in every year', () => {
		for (const level of ['nhser', 'icb', 'sicbl', 'pcn'] as const) {
			const n = doc.areas.filter((a) => a.level === level).length + 2;
			const d = reconcile(doc, level);
			expect(d.practicesFte).toBe(0);
			expect(d.practicesPay).toBe(0);
			// Each area's sums are written rounded (FTE to 0.01, patients and pounds to 1).
			expect(d.gpFte).toBeLessThanOrEqual(0.005 * n + 1e-6);
			for (const k of ['weightedFte', 'weightedPay', 'total', 'covid', 'pcn'])
				expect(d[k]).toBeLessThanOrEqual(0.5 * n);
		}
		expect(doc.areas.filter((a) => a.level === 'icb')).toHaveLength(42);
	});

	it('FY2024/25 agrees with the atlas’s own England rate (areas.csv), and the mirror’s FTE totals', () => {
		const eng = ftePer10kSeries(doc.england.workforce);
		const report = JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8'));
		// All practices in the file (6,293) against today's mapped practices (6,202): close, not equal.
		expect(Math.abs(eng[9]! - report.englandGpFtePer10kWeighted)).toBeLessThan(0.05);
		// Mirror README: fully qualified GP FTE 27,372 in FY2015/16, 26,927 in FY2021/22 and 27,077 in FY2024/25
		// (every row). The rates leave out FTE at practices with no registered patients (counted in the report).
		const { noPatientsFte } = report.trends.counts;
		expect(Math.abs(doc.england.workforce.gpFte[0] + noPatientsFte[0] - 27_372)).toBeLessThan(1);
		expect(Math.abs(doc.england.workforce.gpFte[6] + noPatientsFte[6] - 26_927)).toBeLessThan(1);
		expect(Math.abs(doc.england.workforce.gpFte[9] + noPatientsFte[9] - 27_077)).toBeLessThan(1);
	});

	it('the inverse-care gap (Q1 − Q5) is positive in every year', () => {
		const { gap } = gapSeries(ftePer10kSeries(doc.quintiles[0].workforce), ftePer10kSeries(doc.quintiles[4].workforce));
		expect(gap.every((g) => g !== null && g > 0)).toBe(true);
	});

	it('practice series for today’s practices, with CQC ratings and modelled life expectancy', () => {
		const p = decodePracticeTrends(JSON.parse(readFileSync(join(out, 'trends/practices.json'), 'utf8')));
		expect(Object.keys(p.practices).length).toBeGreaterThan(6100);
		expect(p.practices.A81001.cqc?.rating).toBe('Good'); // mirror README: A81001 Good (2016)
		expect(p.practices.F81009.gpFte[0]).toBe(5.4); // mirror README: F81009 5.4 GP FTE in 2016
		const rated = Object.values(p.practices).filter((t) => t.cqc).length;
		expect(rated).toBeGreaterThan(6000);
	});
});
