// The league table's columns in one place: heading, definition (shown on the page, in the CSV's
// header lines and, word for word, in the README), number format, CSV name and map colour scale.
import { divergingScale, sequentialScale, type ContinuousScale } from '$lib/domain/scales';
import type { LeagueRow, LeagueSortKey } from '$lib/domain/equityLeague';
import {
	MIN_QUINTILE_PRACTICES,
	MIN_SLOPE_PRACTICES,
	SLOPE_PER_IMD_POINTS,
	DEEP_END_FRACTION
} from '$lib/domain/equity';
import { fmt1, fmt2, fmtInt } from '$lib/components/format';

export interface LeagueColumn {
	key: LeagueSortKey;
	/** Table heading. */
	label: string;
	csv: string;
	definition: string;
	format: (v: number | null) => string;
	/** Which end is worse for equity: sorting starts there. */
	worse: 'asc' | 'desc';
	/** Colour scale for the map, from the rows and England's line. */
	scale?: (rows: readonly LeagueRow[], england: LeagueRow) => ContinuousScale;
	/** Decimal places kept in the CSV. */
	digits: number;
}

const values = (rows: readonly LeagueRow[], k: (r: LeagueRow) => number | null) =>
	rows.map(k).filter((v): v is number => v !== null && Number.isFinite(v));

/** A symmetric diverging domain around `mid` wide enough for most rows (the 5th–95th percentile). */
function around(rows: readonly LeagueRow[], k: (r: LeagueRow) => number | null, mid: number): ContinuousScale {
	const v = values(rows, k).sort((a, b) => a - b);
	const q = (p: number) => v[Math.min(v.length - 1, Math.max(0, Math.round(p * (v.length - 1))))] ?? mid;
	// With no values (e.g. every PCN flagged) a nominal half-width keeps the legend readable.
	const half = v.length
		? Math.max(Math.abs(q(0.05) - mid), Math.abs(q(0.95) - mid), 1e-6)
		: Math.max(Math.abs(mid) * 0.2, 1);
	return divergingScale(mid - half, mid, mid + half);
}

export const LEAGUE_COLUMNS: readonly LeagueColumn[] = [
	{
		key: 'rate',
		label: 'GP FTE per 10,000 weighted patients',
		csv: 'gp_fte_per_10k_weighted',
		definition:
			'Fully qualified GP full-time equivalents (excluding locums and trainees, FY2024/25 mean) per 10,000 need-weighted (Carr-Hill) patients, over the area’s practices with reported GP FTE.',
		format: fmt2,
		worse: 'asc',
		scale: (rows, england) => around(rows, (r) => r.rate, england.rate ?? 0),
		digits: 3
	},
	{
		key: 'ratio',
		label: 'Most ÷ least deprived fifth',
		csv: 'equity_ratio_q5_q1',
		definition: `The area’s GP FTE per 10,000 weighted patients in its practices in England’s most deprived fifth of practices (national quintile 5 by patient-weighted IMD 2025 score), divided by the same rate in its practices in England’s least deprived fifth (quintile 1). Below 1: the most deprived practices have fewer GPs for their need (the inverse care law). Flagged, and not ranked, when either fifth has fewer than ${MIN_QUINTILE_PRACTICES} practices with reported GP FTE.`,
		format: fmt2,
		worse: 'asc',
		scale: (rows) => around(rows, (r) => (r.ratioCaveat ? null : r.ratio), 1),
		digits: 3
	},
	{
		key: 'slope',
		label: `Slope per ${SLOPE_PER_IMD_POINTS} IMD points`,
		csv: 'slope_fte_per_10k_per_10_imd_points',
		definition: `Change in GP FTE per 10,000 weighted patients for every ${SLOPE_PER_IMD_POINTS} points of practice IMD 2025 score, from a least-squares line through the area’s practices weighted by their weighted patients. Negative: provision falls as deprivation rises. Flagged, and not ranked, with fewer than ${MIN_SLOPE_PRACTICES} practices with reported GP FTE and an IMD score.`,
		format: fmt2,
		worse: 'asc',
		scale: (rows) => around(rows, (r) => (r.slopeCaveat ? null : r.slope), 0),
		digits: 3
	},
	{
		key: 'deepEndPractices',
		label: 'Deep End practices',
		csv: 'deep_end_practices',
		definition: `The area’s practices among England’s ${DEEP_END_FRACTION * 100}% of practices with the highest share of patients living in England’s most deprived 15% of neighbourhoods (IMD 2025).`,
		format: fmtInt,
		worse: 'desc',
		scale: (rows) => sequentialScale(0, Math.max(1, ...values(rows, (r) => r.deepEndPractices))),
		digits: 0
	},
	{
		key: 'deepEndNet',
		label: 'Deep End shortfall, net (WTE)',
		csv: 'deep_end_shortfall_net_wte',
		definition:
			'Whole-time GPs the area’s Deep End practices would need to reach England’s rate: England’s rate × their weighted patients ÷ 10,000 − their GP FTE. Practices above the rate offset those below; negative = above England’s rate. Blank where the area has no Deep End practice.',
		format: fmt1,
		worse: 'desc',
		scale: (rows) => around(rows, (r) => r.deepEndNet, 0),
		digits: 1
	},
	{
		key: 'deepEndGross',
		label: 'Deep End shortfall, gross (WTE)',
		csv: 'deep_end_shortfall_gross_wte',
		definition:
			'The sum, over the area’s Deep End practices below England’s rate, of the whole-time GPs each is short of it; practices above the rate do not offset them.',
		format: fmt1,
		worse: 'desc',
		scale: (rows) => sequentialScale(0, Math.max(1, ...values(rows, (r) => r.deepEndGross))),
		digits: 1
	},
	{
		key: 'extra:payRatio',
		label: 'Payments, most ÷ least deprived fifth',
		csv: 'payments_per_weighted_ratio_q5_q1',
		definition: `Total NHS payments to general practice per need-weighted patient (2022/23, nominal pounds; COVID and PCN money left out) in the area’s practices in England’s most deprived fifth, divided by the same in its least deprived fifth. Below 1: the most deprived practices are paid less for their need. Flagged, and not ranked, when either fifth has fewer than ${MIN_QUINTILE_PRACTICES} practices with payments that year. From the atlas’s trend series.`,
		format: fmt2,
		worse: 'asc',
		scale: (rows) => around(rows, (r) => (r.extraCaveats.payRatio ? null : (r.extra.payRatio ?? null)), 1),
		digits: 3
	},
	{
		key: 'extra:fteChange',
		label: 'Change since FY2015/16',
		csv: 'gp_fte_per_10k_weighted_change_since_fy2015_16',
		definition:
			'GP FTE per 10,000 weighted patients in FY2024/25 minus the same in FY2015/16, for the area’s practices of today (their history summed; the years’ weighting and counting as in the Trends section). Negative: fewer GPs for the need than in 2015/16.',
		format: (v) => (v === null ? fmt2(v) : `${v > 0 ? '+' : ''}${fmt2(v)}`),
		worse: 'asc',
		scale: (rows) => around(rows, (r) => r.extra.fteChange ?? null, 0),
		digits: 3
	},
	{
		key: 'practices',
		label: 'Practices',
		csv: 'practices',
		definition: 'GP practices in the area (NHS England practice mapping, 1 Oct 2025).',
		format: fmtInt,
		worse: 'desc',
		digits: 0
	},
	{
		key: 'patients',
		label: 'Registered patients',
		csv: 'registered_patients',
		definition: 'Registered patients, FY2024/25 mean (GP workforce files).',
		format: fmtInt,
		worse: 'desc',
		digits: 0
	}
];

export const columnByKey = (key: LeagueSortKey) => LEAGUE_COLUMNS.find((c) => c.key === key);
