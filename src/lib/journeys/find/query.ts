// What was typed in Find's search box: a postcode, sector, outward code, practice or LSOA code, or text.
import { LSOA_CODE, PRACTICE_CODE } from '$lib/domain/codes';
import { compactPostcode, foldPlaceName, looksLikePostcode, parsePostcode } from '$lib/domain/postcode';

export type QueryClass =
	| { kind: 'empty' }
	| { kind: 'postcode'; postcode: string; outcode: string }
	| { kind: 'sector'; sector: string; outcode: string }
	| { kind: 'outcode'; outcode: string }
	| { kind: 'practiceCode'; code: string }
	| { kind: 'lsoaCode'; code: string }
	/** A town, practice or neighbourhood name; `partialPostcode` when it could be a postcode being typed. */
	| { kind: 'text'; text: string; folded: string; partialPostcode: boolean };

/**
 * What kind of thing the search box holds, tolerant of case and spacing ("ls11ur", " m1 ").
 * Codes are tried before postcodes; they cannot be confused (a postcode ends in two letters).
 */
export function classifyQuery(text: unknown): QueryClass {
	if (typeof text !== 'string' || !text.trim()) return { kind: 'empty' };
	const compact = compactPostcode(text);
	if (PRACTICE_CODE.test(compact)) return { kind: 'practiceCode', code: compact };
	if (LSOA_CODE.test(compact)) return { kind: 'lsoaCode', code: compact };
	const p = parsePostcode(text);
	if (p?.kind === 'full') return { kind: 'postcode', postcode: `${p.outcode} ${p.incode}`, outcode: p.outcode };
	if (p?.kind === 'sector') return { kind: 'sector', sector: p.sector!, outcode: p.outcode };
	if (p?.kind === 'outcode') return { kind: 'outcode', outcode: p.outcode };
	const t = text.trim().replace(/\s+/g, ' ');
	return { kind: 'text', text: t, folded: foldForSearch(t), partialPostcode: looksLikePostcode(t) };
}

/** Fold for search: foldPlaceName (case, accents, apostrophes), "&" as "and", other punctuation as spaces. */
export function foldForSearch(s: string): string {
	return foldPlaceName(s.replace(/&/g, ' and '))
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}
