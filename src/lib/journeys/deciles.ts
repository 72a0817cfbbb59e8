// IMD deciles of neighbourhoods (LSOAs), and how to say them in plain words.
import { inMostDeprived } from '$lib/domain/metrics';

/** LSOAs ranked in IoD2025 (England, 2021 LSOAs). */
export const LSOA_COUNT_2025 = 33_755;

/**
 * IMD decile of an LSOA from its rank (1 = most deprived): the smallest d whose most deprived d×10%
 * holds the rank, as the IoD publishes (decile 1 = ranks 1–3,375 of 33,755; checked against every
 * LSOA's published decile in lsoa.csv). Null for a rank that is missing or out of range.
 */
export function lsoaImdDecile(rank: number | null | undefined, total = LSOA_COUNT_2025): number | null {
	if (rank === null || rank === undefined || !Number.isInteger(rank) || rank < 1 || rank > total) return null;
	for (let d = 1; d <= 10; d++) if (inMostDeprived(rank, total, d / 10)) return d;
	return 10;
}

const DECILE_WORDS: Record<number, string> = {
	1: 'among the 10% most deprived neighbourhoods in England',
	2: 'among the 20% most deprived neighbourhoods in England',
	3: 'among the 30% most deprived neighbourhoods in England',
	4: 'among the 40% most deprived neighbourhoods in England',
	5: 'a little more deprived than the middle neighbourhood in England',
	6: 'a little less deprived than the middle neighbourhood in England',
	7: 'among the 40% least deprived neighbourhoods in England',
	8: 'among the 30% least deprived neighbourhoods in England',
	9: 'among the 20% least deprived neighbourhoods in England',
	10: 'among the 10% least deprived neighbourhoods in England'
};

/**
 * An IMD decile (1 = most deprived) in plain words, each statement true of every LSOA in the decile:
 * decile 2 is "among the 20% most deprived" (it is not among the 10%, but is among the 20%).
 * Null for anything that is not a decile 1–10.
 */
export function describeDecile(decile: number | null | undefined): string | null {
	return typeof decile === 'number' ? (DECILE_WORDS[decile] ?? null) : null;
}
