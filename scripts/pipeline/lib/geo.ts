// Helpers the pipeline's search-index modules share: Great Britain's extent, for checking positions,
// and rounding coordinates for the files.

// Great Britain with a margin: Scilly (49.9 N) to Shetland (60.9 N), St Kilda (8.6 W) to Lowestoft (1.8 E).
export const GB_LAT = { min: 49, max: 61 };
export const GB_LON = { min: -9, max: 2 };

/** Round to `dp` decimal places (5 dp ≈ 1 m). */
export const round = (x: number, dp: number) => {
	const f = 10 ** dp;
	return Math.round(x * f) / f || 0; // `|| 0`: no "-0"
};
