// A journey's URL parameters, typed: each journey declares the keys it owns and how to read and write
// them. The URL layer (state/url.ts) keeps a mode's parameters as raw strings; only a codec reads them,
// so no panel parses strings of its own.

export interface JourneyCodec<P> {
	/** The URL keys this journey owns. */
	readonly keys: readonly string[];
	/** Read the journey's parameters from raw URL values; never throws (bad values → defaults). */
	parse(raw: Readonly<Record<string, string>>): P;
	/** The raw URL values for `params`, leaving out defaults so links stay short. */
	write(params: P): Record<string, string>;
}

/** A finite number from a URL value, or null. */
export function numberParam(raw: string | undefined): number | null {
	if (raw === undefined || raw.trim() === '') return null;
	const n = Number(raw);
	return Number.isFinite(n) ? n : null;
}

/** One of `allowed`, or null. */
export function oneOf<T extends string>(raw: string | undefined, allowed: readonly T[]): T | null {
	return raw !== undefined && (allowed as readonly string[]).includes(raw) ? (raw as T) : null;
}
