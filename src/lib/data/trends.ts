// What the panels show of the trends (static/data/trends/): each figure's definition, source and
// vintage (vintages read from data/sources.json by id), the series the charts draw, and the CSV each
// download holds. The rates come from the shared functions in $lib/domain/trends.
import manifest from '../../../data/sources.json';
import { fyLabel, ftePer10kSeries, gapSeries, paymentsPerWeightedSeries } from '$lib/domain/trends';
import {
	areaSeries,
	practiceAsArea,
	seriesCsv,
	type AreaTrend,
	type PracticeTrend,
	type PracticeTrendsFile,
	type TrendLevel,
	type TrendsFile
} from '$lib/domain/formats/trends';

const sources = manifest.sources as { id: string; vintage: string; publisher: string }[];
const vintageOf = (id: string) => sources.find((s) => s.id === id)?.vintage ?? '';

/** Definition, source and vintage of each trend figure, as the panels and downloads state them. */
export const TREND_TEXT = {
	fte:
		'Fully qualified GPs (excluding locums and trainees) in full-time equivalents, per 10,000 Carr-Hill ' +
		"need-weighted patients: registered patients × that year's weighted/registered ratio (NHS Payments; " +
		'2022/23 ratio for 2023/24 and 2024/25). Source: NHS Digital General Practice Workforce, practice level, ' +
		`fiscal-year means by HEEC (${vintageOf('workforceHistory').replace(/ \(.*\)$/, '')}; ${vintageOf('workforce')}).`,
	fteQuirks:
		'Up to FY2019/20 each year is one September snapshot; FY2020/21 averages three snapshots and later years the ' +
		'monthly files. FY2015/16–2021/22 and FY2022/23–2024/25 come from two separate HEEC runs. Locum and ' +
		'trainee FTE roughly doubles at FY2018/19 (a recording change), so it is left out. In FY2015/16 about 500 ' +
		'practices reported no GPs; they are left out of that year.',
	payments:
		`Total NHS payments to the practice ("${'Total NHS Payments to General Practice'}") ÷ that year's Carr-Hill weighted ` +
		'patients, in nominal pounds (not adjusted for inflation). From 2020/21 that total leaves out COVID and PCN ' +
		'money, shown apart. Source: NHS Payments to General Practice, NHS Digital, 2014/15 to 2022/23.',
	cqc:
		`Overall rating of the practice's CQC location in CQC's ratings file (${vintageOf('cqcRatings')}), matched to ` +
		'practice codes by HEEC; the year is when the rating was given (HEEC).',
	lifeExpectancy:
		'Modelled, not measured: OHID Fingertips indicator 650, life expectancy at birth estimated from the ' +
		"MSOA-level life expectancy of the practice's registered patients. Year as given by HEEC (apparently the " +
		'end of a pooled period).'
};

/** An area of the trends file by level and code; null when it has none (e.g. a PCN formed since). */
export function findArea(doc: TrendsFile, level: TrendLevel | 'england', code: string): AreaTrend | null {
	if (level === 'england') return doc.england;
	return doc.areas.find((a) => a.level === level && a.code === code) ?? null;
}

export interface ChartSeries {
	name: string;
	values: (number | null)[];
}

/** GP FTE per 10,000 weighted patients: the area, England (unless the area is England). */
export function fteSeries(doc: TrendsFile, a: AreaTrend, label = a.name): ChartSeries[] {
	const out = [{ name: label, values: ftePer10kSeries(a.workforce) }];
	if (a !== doc.england) out.push({ name: 'England', values: ftePer10kSeries(doc.england.workforce) });
	return out;
}

/** Payments per weighted patient (total, nominal £): the area, England (unless the area is England). */
export function paymentsSeries(doc: TrendsFile, a: AreaTrend, label = a.name): ChartSeries[] {
	const out = [{ name: label, values: paymentsPerWeightedSeries(a.payments) }];
	if (a !== doc.england) out.push({ name: 'England', values: paymentsPerWeightedSeries(doc.england.payments) });
	return out;
}

/** GP FTE per 10,000 weighted patients in the least and most deprived fifths, and the gap between them. */
export function inverseCareSeries(doc: TrendsFile): { series: ChartSeries[]; gap: (number | null)[] } {
	const q1 = ftePer10kSeries(doc.quintiles[0].workforce);
	const q5 = ftePer10kSeries(doc.quintiles[4].workforce);
	return {
		series: [
			{ name: 'Least deprived fifth (Q1)', values: q1 },
			{ name: 'Most deprived fifth (Q5)', values: q5 }
		],
		gap: gapSeries(q1, q5).gap
	};
}

/** A practice's series as an area of one practice (named by its code). */
export const practiceArea = (code: string, t: PracticeTrend, name: string): AreaTrend => ({
	...practiceAsArea(code, t),
	name
});

const csvNotes = (what: string) => [
	`Deep End Atlas: ${what}. Financial years (2015/16 = April 2015 to March 2016).`,
	TREND_TEXT.fte,
	TREND_TEXT.fteQuirks,
	TREND_TEXT.payments
];

/** CSV of an area's (or practice's) series beside England's, with a `year` column. */
export function trendCsv(doc: TrendsFile, a: AreaTrend, what: string, extra: AreaTrend[] = []): string {
	const blocks = [a, ...extra, ...(a === doc.england ? [] : [doc.england])].map((x) => ({
		keys: { level: x.level, code: x.code, name: x.name },
		rows: areaSeries(doc, x)
	}));
	return seriesCsv(blocks, csvNotes(what));
}

/** A practice's series (from the practice file) beside England's. */
export function practiceTrendCsv(doc: TrendsFile, p: PracticeTrendsFile, code: string, name: string): string | null {
	const t = p.practices[code];
	if (!t) return null;
	const a = practiceArea(code, t, name);
	return trendCsv(doc, a, `trends for ${name} (${code}) and England`);
}

/** The last year with a value, and the value. */
export function latest(values: readonly (number | null)[], years: readonly number[]) {
	for (let i = values.length - 1; i >= 0; i--)
		if (values[i] !== null) return { value: values[i] as number, year: years[i], label: fyLabel(years[i]) };
	return null;
}
