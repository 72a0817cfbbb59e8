// Small statistics the benchmarks share.

/** The middle value (the upper of the two middles for an even count). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
