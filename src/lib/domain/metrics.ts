// The atlas's metrics, as pure functions. Definitions are in the README ("Metric definitions");
// each function here is the single implementation used by both the pipeline and the app.

/** Rates in the atlas are per 10,000 need-weighted (Carr-Hill) patients. */
export const PER_PATIENTS = 10_000;

/** The deprived shares the Deep End networks use: England's most deprived 10%, 15% and 20% of LSOAs. */
export const DEPRIVED_FRACTIONS = [0.1, 0.15, 0.2] as const;
export type DeprivedFraction = (typeof DEPRIVED_FRACTIONS)[number];

/**
 * Is an LSOA among the most deprived `fraction` of all LSOAs? Rank 1 = most deprived.
 * With 33,755 LSOAs: 10% = ranks 1–3,375 (exactly IMD decile 1), 15% = 1–5,063, 20% = 1–6,751.
 */
export function inMostDeprived(rank: number, totalAreas: number, fraction: number): boolean {
	return rank <= Math.floor(fraction * totalAreas + 1e-9);
}

/** Weighted/registered ratio from the Carr-Hill payments file; null when either is missing or registered is 0. */
export function needWeightingRatio(registered: number | null, weighted: number | null): number | null {
	if (registered === null || weighted === null || !(registered > 0) || !(weighted >= 0)) return null;
	return weighted / registered;
}

/** FTE per 10,000 weighted patients; null when either side is unknown or there are no patients. */
export function ftePer10kWeighted(fte: number | null, weightedPatients: number | null): number | null {
	if (fte === null || weightedPatients === null || !(weightedPatients > 0)) return null;
	return (fte / weightedPatients) * PER_PATIENTS;
}

/**
 * FTE shortfall against a reference rate (per 10,000 weighted patients), in whole-time GPs.
 * Positive = short of the reference; negative = above it.
 */
export function fteShortfall(referenceRate: number, weightedPatients: number, fte: number): number {
	return (referenceRate * weightedPatients) / PER_PATIENTS - fte;
}

/** Weighted mean of values; entries with a null value are left out. Null when no weight remains. */
export function weightedMean(values: readonly (number | null)[], weights: readonly number[]): number | null {
	let sum = 0;
	let total = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v === null || !(weights[i] > 0)) continue;
		sum += v * weights[i];
		total += weights[i];
	}
	return total > 0 ? sum / total : null;
}

/**
 * Competition ranking ("1224"): the largest value gets rank 1 when `descending`.
 * Null values get a null rank. Ties share the best rank.
 */
export function competitionRank(values: readonly (number | null)[], descending = true): (number | null)[] {
	const order = values
		.map((v, i) => ({ v, i }))
		.filter((e): e is { v: number; i: number } => e.v !== null)
		.sort((a, b) => (descending ? b.v - a.v : a.v - b.v));
	const ranks: (number | null)[] = values.map(() => null);
	for (let k = 0; k < order.length; k++) {
		ranks[order[k].i] = k > 0 && order[k].v === order[k - 1].v ? ranks[order[k - 1].i] : k + 1;
	}
	return ranks;
}

/**
 * Deep End rank: national rank of practices by the share of their patients living in England's most
 * deprived 15% of LSOAs; 1 = most deprived. Practices without a share get null.
 */
export function deepEndRank(share15: readonly (number | null)[]): (number | null)[] {
	return competitionRank(share15, true);
}

/**
 * Quintiles with equal numbers of items by value; 5 = highest values (for IMD scores: most deprived).
 * Items are sorted ascending and cut into five groups whose sizes differ by at most one (earlier groups
 * take the remainder last, as R's `ntile` does); ties at a cut may fall either side, by input order.
 */
export function equalCountQuintiles(values: readonly (number | null)[]): (number | null)[] {
	return ntile(values, 5);
}

export function ntile(values: readonly (number | null)[], groups: number): (number | null)[] {
	const order = values
		.map((v, i) => ({ v, i }))
		.filter((e): e is { v: number; i: number } => e.v !== null)
		.sort((a, b) => a.v - b.v || a.i - b.i);
	const n = order.length;
	const out: (number | null)[] = values.map(() => null);
	// Same as dplyr::ntile: group = floor(groups * k / n) + 1 for 0-based position k.
	for (let k = 0; k < n; k++) out[order[k].i] = Math.floor((groups * k) / n) + 1;
	return out;
}

/** Percentile rank (0–100) of `value` among `values`: share of values strictly below plus half the ties. */
export function percentileRank(value: number, values: readonly number[]): number {
	if (values.length === 0) return NaN;
	let below = 0;
	let equal = 0;
	for (const v of values) {
		if (v < value) below++;
		else if (v === value) equal++;
	}
	return ((below + equal / 2) / values.length) * 100;
}

/** Great-circle distance in km (haversine, mean Earth radius 6,371.0088 km). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
	const R = 6371.0088;
	const toRad = Math.PI / 180;
	const dLat = (lat2 - lat1) * toRad;
	const dLon = (lon2 - lon1) * toRad;
	const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
	return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Median of values weighted by weights (the value at which cumulative weight first reaches half). */
export function weightedMedian(values: readonly number[], weights: readonly number[]): number | null {
	const items = values
		.map((v, i) => ({ v, w: weights[i] }))
		.filter((e) => e.w > 0)
		.sort((a, b) => a.v - b.v);
	const total = items.reduce((s, e) => s + e.w, 0);
	if (total <= 0) return null;
	let cum = 0;
	for (const e of items) {
		cum += e.w;
		if (cum >= total / 2) return e.v;
	}
	return items[items.length - 1].v;
}
