// Step: trends. Reads the workforce series (two files), nine years of NHS payments, CQC ratings and
// modelled life expectancy; writes static/data/trends/ (trends.json and practices.json for the app,
// areas.csv, practices.csv and inverse-care.csv as open tables) and a summary for the build report.
import { join } from 'node:path';
import { writeAtomic } from '../../lib/atomicWrite';
import * as inputs from '../inputs';
import {
	readCqc,
	readLifeExpectancy,
	readPaymentsYear,
	readWorkforceYears,
	PAYMENTS_EXTRA_COLUMNS,
	PAYMENTS_TOTAL
} from '../inputs/trends';
import { buildPracticeTrends, PAYMENTS_YEARS, WORKFORCE_SPLIT_YEAR, WORKFORCE_YEARS, workforceBasis } from '../trends';
import { buildTrendAreas, deprivationChange, isEnglishPractice } from '../trendsAreas';
import { fyLabel, ftePer10kSeries, gapSeries, paymentsPerWeightedSeries } from '../../../src/lib/domain/trends';
import {
	TRENDS_FORMAT_VERSION,
	areaSeries,
	encodePracticeTrends,
	encodeTrends,
	practiceAsArea,
	seriesCsv,
	type TrendsFile
} from '../../../src/lib/domain/formats/trends';
import type { StepContext } from './context';
import { checkSourceRows } from '../inputs/expect';

/** Payments files by year (2015 = 2014/15). */
const PAYMENTS_IDS: [number, inputs.InputName][] = [
	[2015, 'payments2014to15'],
	[2016, 'payments2015to16'],
	[2017, 'payments2016to17'],
	[2018, 'payments2017to18'],
	[2019, 'payments2018to19'],
	[2020, 'payments2019to20'],
	[2021, 'payments2020to21'],
	[2022, 'payments2021to22'],
	[2023, 'payments']
];

export type TrendsSummary = ReturnType<typeof summary>;

export function run(ctx: StepContext): void {
	const first = WORKFORCE_YEARS[0];
	const last = WORKFORCE_YEARS[WORKFORCE_YEARS.length - 1];
	const older = readWorkforceYears(ctx.input('workforceHistory'), 'workforceHistory', first, WORKFORCE_SPLIT_YEAR);
	const newer = readWorkforceYears(ctx.input('workforce'), 'workforce', WORKFORCE_SPLIT_YEAR, last);
	// The older file stops at 2021/22 and the newer starts at 2022/23: a join between two HEEC runs.
	const workforce = [...older.filter((r) => r.year < WORKFORCE_SPLIT_YEAR), ...newer];
	const payments = new Map(PAYMENTS_IDS.map(([year, id]) => [year, readPaymentsYear(ctx.input(id), id, year)]));
	const cqc = readCqc(ctx.input('cqcRatings'));
	const life = readLifeExpectancy(ctx.input('lifeExpectancy'));
	const sources = ctx.get('sources');
	checkSourceRows(sources, 'workforceHistory', older.length);
	// The FY 2022/23 payments are the `payments` input, already counted when it was read.
	for (const [year, id] of PAYMENTS_IDS)
		if (id !== 'payments') checkSourceRows(sources, id, payments.get(year)!.length);
	checkSourceRows(sources, 'cqcRatings', cqc.length);
	checkSourceRows(sources, 'lifeExpectancy', life.length);
	ctx.mark('read trend inputs');

	const { practices: series, counts } = buildPracticeTrends(workforce, payments, cqc, life);
	const today = ctx.get('practices');
	const built = buildTrendAreas(series, today, WORKFORCE_YEARS, PAYMENTS_YEARS);
	const doc: TrendsFile = {
		version: TRENDS_FORMAT_VERSION,
		workforceYears: WORKFORCE_YEARS,
		paymentsYears: PAYMENTS_YEARS,
		workforceNotes: WORKFORCE_YEARS.map((year) => ({
			year,
			file: inputs.INPUT_FILES[year < WORKFORCE_SPLIT_YEAR ? 'workforceHistory' : 'workforce'],
			basis: workforceBasis(year)
		})),
		paymentsNotes: PAYMENTS_IDS.map(([year, id]) => ({
			year,
			file: inputs.INPUT_FILES[id],
			totalColumn: PAYMENTS_TOTAL,
			covidColumn: PAYMENTS_EXTRA_COLUMNS[year]?.covid ?? null,
			pcnColumn: PAYMENTS_EXTRA_COLUMNS[year]?.pcn ?? null
		})),
		...built
	};
	const codes = [...series.keys()].sort();
	const change = deprivationChange(today.filter(isEnglishPractice));
	const write = (name: string, text: string) => writeAtomic(join(ctx.outDir, 'trends', name), text);
	write('trends.json', encodeTrends(doc));
	write(
		'practices.json',
		encodePracticeTrends({
			version: TRENDS_FORMAT_VERSION,
			workforceYears: WORKFORCE_YEARS,
			paymentsYears: PAYMENTS_YEARS,
			// Today's practices only (the panels' practices); practices.csv has every practice.
			practices: Object.fromEntries(
				today
					.filter((p) => series.has(p.code))
					.map((p) => [p.code, { ...series.get(p.code)!, deprivation: change.get(p.code) ?? null }])
			),
			deprivationRanked: change.ranked
		})
	);
	const areaBlock = (a: TrendsFile['england']) => ({
		keys: { level: a.level, code: a.code, name: a.name },
		rows: areaSeries(doc, a)
	});
	const note =
		'Deep End Atlas trends: financial years; GP FTE = fully qualified GPs per 10,000 Carr-Hill weighted patients; payments in nominal pounds. See README "Trends".';
	write('areas.csv', seriesCsv([doc.england, ...doc.areas, doc.noPcn, doc.unassigned].map(areaBlock), [note]));
	write('inverse-care.csv', seriesCsv([doc.england, ...doc.quintiles].map(areaBlock), [note]));
	write(
		'practices.csv',
		seriesCsv(
			codes.map((c) => ({ keys: { code: c }, rows: areaSeries(doc, practiceAsArea(c, series.get(c)!)) })),
			[note]
		)
	);
	const s = summary(doc, counts, series.size);
	ctx.set('trends', s);
	const byYear = (xs: number[], years: number[]) => xs.map((n, i) => `${fyLabel(years[i])}: ${n}`).join(', ');
	ctx.drop(
		'trends',
		'practice-years with GP FTE not reported (NA), left out of the FTE rates',
		sum(counts.fteNotReported),
		byYear(counts.fteNotReported, WORKFORCE_YEARS)
	);
	ctx.drop(
		'trends',
		'practice-years with GP FTE of zero, left out of the FTE rates',
		sum(counts.fteZero),
		byYear(counts.fteZero, WORKFORCE_YEARS)
	);
	ctx.drop(
		'trends',
		'practice-years with GP FTE but no registered patients (no weighted list), left out of the FTE rates',
		sum(counts.noPatients),
		`${byYear(counts.noPatients, WORKFORCE_YEARS)}; their FTE: ${byYear(counts.noPatientsFte, WORKFORCE_YEARS)}`
	);
	ctx.drop(
		'trends',
		'practice-years with no Carr-Hill ratio in any payments year: ratio 1.0 used',
		sum(counts.ratioDefaulted),
		byYear(counts.ratioDefaulted, WORKFORCE_YEARS)
	);
	ctx.drop(
		'trends',
		'practice-years whose Carr-Hill ratio came from the nearest other payments year',
		sum(counts.ratioFromOtherYear),
		byYear(counts.ratioFromOtherYear, WORKFORCE_YEARS)
	);
	ctx.drop(
		'trends',
		'payments rows with no weighted patients, left out of the payments rates',
		sum(counts.paymentsNoWeighted),
		byYear(counts.paymentsNoWeighted, PAYMENTS_YEARS)
	);
	ctx.drop('trends', 'CQC rows with practice code NA, not matched', counts.cqcRowsNoCode, 'no practice code');
	ctx.drop(
		'trends',
		'CQC rows repeating a practice, older (or site-level) row left out',
		counts.cqcDuplicates,
		'one rating per practice'
	);
	ctx.drop(
		'trends',
		'life-expectancy rows repeating a practice and year, later one left out',
		counts.lifeExpectancyDuplicates,
		'one value per practice and year'
	);
	ctx.mark('trends');
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function summary(doc: TrendsFile, counts: ReturnType<typeof buildPracticeTrends>['counts'], practices: number) {
	const r3 = (xs: (number | null)[]) => xs.map((v) => (v === null ? null : Math.round(v * 1000) / 1000));
	const r2 = (xs: (number | null)[]) => xs.map((v) => (v === null ? null : Math.round(v * 100) / 100));
	const q1 = ftePer10kSeries(doc.quintiles[0].workforce);
	const q5 = ftePer10kSeries(doc.quintiles[4].workforce);
	const pq1 = paymentsPerWeightedSeries(doc.quintiles[0].payments);
	const pq5 = paymentsPerWeightedSeries(doc.quintiles[4].payments);
	return {
		practicesWithSeries: practices,
		workforceYears: doc.workforceYears.map(fyLabel),
		englandGpFtePer10kWeighted: r3(ftePer10kSeries(doc.england.workforce)),
		englandFtePractices: doc.england.workforce.practices,
		q1GpFtePer10kWeighted: r3(q1),
		q5GpFtePer10kWeighted: r3(q5),
		gapQ1minusQ5: r3(gapSeries(q1, q5).gap),
		paymentsYears: doc.paymentsYears.map(fyLabel),
		englandPaymentsPerWeighted: r2(paymentsPerWeightedSeries(doc.england.payments)),
		q1PaymentsPerWeighted: r2(pq1),
		q5PaymentsPerWeighted: r2(pq5),
		counts
	};
}
