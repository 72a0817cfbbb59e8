// Equity of GP provision within an area: how the rate in its most deprived practices compares with
// the rate in its least deprived, the gradient of provision on deprivation, and the shortfall in
// whole-time GPs (net and gross). Pure functions shared by the league table, the briefs and Commission;
// definitions in the README ("League table and briefs"), hand-worked tests in tests/equity.test.ts.
import { PER_PATIENTS, fteShortfall } from './metrics';

/**
 * A practice as the equity measures see it. `gpFte` is null when the practice's FTE does not count
 * (not reported, zero, or no weighted list): such a practice is left out of every rate, never a 0.
 */
export interface EquityMember {
	gpFte: number | null;
	weightedPatients: number | null;
	/** Patient-weighted IoD2025 IMD score of the practice's registered population. */
	imdScore: number | null;
	/** National quintile of practices by IMD score, equal counts; 5 = most deprived. */
	imdQuintile: number | null;
	/**
	 * Flagged as an implausible record or special service (e.g. a tiny list with an extreme rate): left
	 * out of the gradient measures (quintile ratio, slope), where one such point can swing an area's
	 * value; kept in rates and shortfalls, so those match the atlas's other figures (areas.csv).
	 */
	implausible?: boolean;
}

/** Fewer practices with usable FTE than this in the most or least deprived fifth: the ratio is not ranked. */
export const MIN_QUINTILE_PRACTICES = 3;
/** Fewer practices with usable FTE than this: the slope is not ranked. */
export const MIN_SLOPE_PRACTICES = 5;
/** The slope is quoted per this many points of IMD score. */
export const SLOPE_PER_IMD_POINTS = 10;

const counts = (m: EquityMember) => m.gpFte !== null && m.weightedPatients !== null && m.weightedPatients > 0;
/** Whether a practice counts in a gradient measure: usable FTE and no quality flag. */
const countsForGradient = (m: EquityMember) => counts(m) && !m.implausible;

export interface GroupRate {
	practices: number;
	/** Practices whose FTE counts: the rate's base. */
	practicesWithFte: number;
	gpFte: number;
	weightedPatients: number;
	/** GP FTE per 10,000 weighted patients over practices with usable FTE; null when there are none. */
	rate: number | null;
}

/** Pooled rate of a group of practices: Σ FTE ÷ Σ weighted patients × 10,000, over practices whose FTE counts. */
export function groupRate(members: readonly EquityMember[]): GroupRate {
	let n = 0;
	let fte = 0;
	let weighted = 0;
	for (const m of members) {
		if (!counts(m)) continue;
		n++;
		fte += m.gpFte!;
		weighted += m.weightedPatients!;
	}
	return {
		practices: members.length,
		practicesWithFte: n,
		gpFte: fte,
		weightedPatients: weighted,
		rate: weighted > 0 ? (fte / weighted) * PER_PATIENTS : null
	};
}

export interface QuintileRatio {
	/** The area's practices in England's least deprived fifth (Q1) and most deprived fifth (Q5). */
	least: GroupRate;
	most: GroupRate;
	/** Rate in Q5 ÷ rate in Q1: below 1, the most deprived practices have fewer GPs for their need. */
	ratio: number | null;
	/** Why the ratio should not be ranked (too few practices in a fifth), or null. */
	caveat: string | null;
}

/**
 * Equity ratio: the area's GP FTE per 10,000 weighted patients in its practices in England's most
 * deprived fifth of practices, divided by the same rate in its practices in the least deprived fifth.
 * Quintiles are national, so areas are compared on the same yardstick.
 */
export function quintileRatio(members: readonly EquityMember[], min = MIN_QUINTILE_PRACTICES): QuintileRatio {
	const least = groupRate(members.filter((m) => m.imdQuintile === 1 && !m.implausible));
	const most = groupRate(members.filter((m) => m.imdQuintile === 5 && !m.implausible));
	const ratio = least.rate !== null && least.rate > 0 && most.rate !== null ? most.rate / least.rate : null;
	const thin: string[] = [];
	if (most.practicesWithFte < min) thin.push(`${most.practicesWithFte} in the most deprived fifth`);
	if (least.practicesWithFte < min) thin.push(`${least.practicesWithFte} in the least deprived fifth`);
	const caveat = thin.length
		? `too few practices to rank: ${thin.join(' and ')} (at least ${min} each with reported GP FTE needed)`
		: null;
	return { least, most, ratio, caveat };
}

export interface Fit {
	slope: number;
	intercept: number;
	/** Points used (non-null x and y, positive weight). */
	n: number;
}

/**
 * Weighted least squares line y = intercept + slope × x. Points with a null value or a weight ≤ 0 are
 * left out. Null when fewer than two points remain or every x is the same.
 */
export function weightedLeastSquares(
	xs: readonly (number | null)[],
	ys: readonly (number | null)[],
	ws: readonly number[]
): Fit | null {
	let sw = 0;
	let sx = 0;
	let sy = 0;
	let n = 0;
	for (let i = 0; i < xs.length; i++) {
		const x = xs[i];
		const y = ys[i];
		const w = ws[i];
		if (x === null || y === null || !(w > 0)) continue;
		sw += w;
		sx += w * x;
		sy += w * y;
		n++;
	}
	if (n < 2) return null;
	const mx = sx / sw;
	const my = sy / sw;
	let sxx = 0;
	let sxy = 0;
	for (let i = 0; i < xs.length; i++) {
		const x = xs[i];
		const y = ys[i];
		const w = ws[i];
		if (x === null || y === null || !(w > 0)) continue;
		sxx += w * (x - mx) * (x - mx);
		sxy += w * (x - mx) * (y - my);
	}
	if (!(sxx > 0)) return null;
	const slope = sxy / sxx;
	return { slope, intercept: my - slope * mx, n };
}

export interface DeprivationSlope {
	/** Change in GP FTE per 10,000 weighted patients for each 10 points of practice IMD score; null if it cannot be fitted. */
	per10: number | null;
	n: number;
	caveat: string | null;
}

/**
 * Slope of provision on deprivation: each practice's GP FTE per 10,000 weighted patients against its
 * IMD score, fitted by least squares weighted by weighted patients (so a practice counts as much as its
 * need, and a tiny list cannot swing the line). Negative = fewer GPs for need where deprivation is higher.
 */
export function deprivationSlope(members: readonly EquityMember[], min = MIN_SLOPE_PRACTICES): DeprivationSlope {
	const used = members.filter((m) => countsForGradient(m) && m.imdScore !== null);
	const fit = weightedLeastSquares(
		used.map((m) => m.imdScore),
		used.map((m) => (m.gpFte! / m.weightedPatients!) * PER_PATIENTS),
		used.map((m) => m.weightedPatients!)
	);
	const n = fit?.n ?? used.length;
	const caveat =
		n < min ? `too few practices to rank: ${n} with reported GP FTE and an IMD score (at least ${min} needed)` : null;
	return { per10: fit ? fit.slope * SLOPE_PER_IMD_POINTS : null, n, caveat };
}

export interface Shortfall {
	/**
	 * Net shortfall: England's rate × the group's weighted patients ÷ 10,000 − the group's GP FTE, over
	 * practices whose FTE counts. Practices above the rate offset those below. Positive = short.
	 */
	net: number;
	/** Gross shortfall: the sum over practices below the rate of what each is short; none offsets another. */
	gross: number;
	/** Practices below the rate (those the gross sums). */
	practicesShort: number;
	practicesWithFte: number;
}

/** Whole-time GPs short of `referenceRate` (per 10,000 weighted patients), net and gross. */
export function shortfall(members: readonly EquityMember[], referenceRate: number): Shortfall {
	let net = 0;
	let gross = 0;
	let short = 0;
	let n = 0;
	for (const m of members) {
		if (!counts(m)) continue;
		n++;
		const s = fteShortfall(referenceRate, m.weightedPatients!, m.gpFte!);
		net += s;
		if (s > 0) {
			gross += s;
			short++;
		}
	}
	return { net, gross, practicesShort: short, practicesWithFte: n };
}

/** The share of England's practices the atlas calls Deep End: the tenth with the highest Deep End rank. */
export const DEEP_END_FRACTION = 0.1;

/**
 * Deep End practices: England's 10% of practices with the highest share of patients in the most
 * deprived 15% of neighbourhoods (Deep End rank ≤ 10% of the ranked practices, rounded down; ties at
 * the cut are all in).
 */
export function deepEndCutoff(rankedPractices: number, fraction = DEEP_END_FRACTION): number {
	return Math.floor(rankedPractices * fraction + 1e-9);
}

export const isDeepEnd = (deepEndRank: number | null, cutoff: number) => deepEndRank !== null && deepEndRank <= cutoff;
