// UK postcodes: normalising, parsing, ordering and "did you mean". Pure (no DOM, no fs): the pipeline
// uses it to read Code-Point Open, the app's search box to read what people type.
//
// A postcode is an outward code (area letters + district, e.g. "TS18", "W1A", "EC1A") and an inward
// code (sector digit + unit letters, e.g. "1HU"). The sector is the outward code plus the sector
// digit ("TS18 1"). Only the structure is checked here; whether a postcode exists is a question for
// the Code-Point index. "GIR 0AA" (Girobank, the one non-standard GB postcode) is accepted.

export type PostcodeKind = 'full' | 'outcode' | 'sector';

export interface ParsedPostcode {
	outcode: string;
	/** Inward code, full postcodes only ("1UR"). */
	incode?: string;
	/** "LS1 1", full postcodes and sectors. */
	sector?: string;
	kind: PostcodeKind;
}

// Outward code shapes: A9, A99, A9A, AA9, AA99, AA9A.
const OUTCODE = /^[A-Z]{1,2}\d[A-Z\d]?$/;
const INCODE = /^\d[A-Z]{2}$/;
const SPECIAL_OUTCODE = 'GIR';

const isOutcode = (s: string) => OUTCODE.test(s) || s === SPECIAL_OUTCODE;

/** Upper-case with whitespace runs collapsed to one space and trimmed. */
function tidy(input: unknown): string {
	return typeof input === 'string' ? input.toUpperCase().replace(/\s+/g, ' ').trim() : '';
}

/** Upper-case with all whitespace removed ("ls1 1ur" -> "LS11UR"). */
export function compactPostcode(input: unknown): string {
	return typeof input === 'string' ? input.toUpperCase().replace(/\s+/g, '') : '';
}

/**
 * Read a full postcode, tolerant of case and spacing: "ls11ur", " LS1  1UR " -> "LS1 1UR".
 * Null for anything that is not a full postcode (an outcode or sector alone gives null too).
 */
export function normalisePostcode(input: unknown): string | null {
	const c = compactPostcode(input);
	if (c.length < 5 || c.length > 7) return null;
	const out = c.slice(0, -3);
	const inward = c.slice(-3);
	return isOutcode(out) && INCODE.test(inward) ? `${out} ${inward}` : null;
}

/**
 * Parse a full postcode, a sector ("LS1 1") or an outward code ("LS1").
 * Without a space, a full postcode is tried first, then an outward code, then a sector: so "M11" is
 * the outward code M11 and "M1 1" (with the space) the sector.
 */
export function parsePostcode(input: unknown): ParsedPostcode | null {
	const t = tidy(input);
	if (!t) return null;
	const parts = t.split(' ');
	if (parts.length === 2) {
		const [out, inward] = parts;
		if (!isOutcode(out)) return null;
		if (INCODE.test(inward)) return { outcode: out, incode: inward, sector: `${out} ${inward[0]}`, kind: 'full' };
		if (/^\d$/.test(inward)) return { outcode: out, sector: `${out} ${inward}`, kind: 'sector' };
		return null;
	}
	const c = parts.join('');
	const full = normalisePostcode(c);
	if (full) {
		const [out, inward] = full.split(' ');
		return { outcode: out, incode: inward, sector: `${out} ${inward[0]}`, kind: 'full' };
	}
	if (isOutcode(c)) return { outcode: c, kind: 'outcode' };
	const out = c.slice(0, -1);
	if (/\d$/.test(c) && isOutcode(out)) return { outcode: out, sector: `${out} ${c.slice(-1)}`, kind: 'sector' };
	return null;
}

/** "TS18 1HU" -> "TS18" (also from a sector or an outward code); null if not a postcode. */
export function outcodeOf(input: unknown): string | null {
	return parsePostcode(input)?.outcode ?? null;
}

/** "TS18 1HU" -> "TS18 1" (also from a sector); null for an outward code alone or junk. */
export function sectorOf(input: unknown): string | null {
	return parsePostcode(input)?.sector ?? null;
}

// Letter/digit shapes of the full postcode (outward code + "DLL"), to recognise a postcode while
// it is still being typed.
const OUTCODE_SHAPES = ['LD', 'LDD', 'LDL', 'LLD', 'LLDD', 'LLDL'];
const shapeOf = (s: string) => s.replace(/[A-Z]/g, 'L').replace(/\d/g, 'D');

/**
 * Does the search-box text look like a postcode, whole or being typed ("M1", "LS1 1", "LS11U",
 * "EC1A 1BB")? At least the area letters and the district digit are needed, so "Leeds", "LS" and
 * "1UR" are not postcodes.
 */
export function looksLikePostcode(input: unknown): boolean {
	const t = tidy(input);
	if (!t || /[^A-Z\d ]/.test(t)) return false;
	if (parsePostcode(t)) return true;
	const parts = t.split(' ');
	if (parts.length > 2) return false;
	if (parts.length === 2) {
		// The space marks the end of the outward code: what follows must begin an inward code.
		const [out, inward] = parts;
		return isOutcode(out) && 'DLL'.startsWith(shapeOf(inward));
	}
	const shape = shapeOf(t);
	return OUTCODE_SHAPES.some((o) => {
		const full = o + 'DLL';
		const minimum = o.indexOf('D') + 1; // letters + the district digit
		return shape.length >= minimum && full.startsWith(shape);
	});
}

// ---------------------------------------------------------------- ordering

const OUTCODE_PARTS = /^([A-Z]+)(\d+)([A-Z]?)$/;

/** Natural order of outward codes: area, then district number, then letter (LS1 < LS2 < LS10, W1 < W1A). */
export function compareOutcodes(a: string, b: string): number {
	const pa = OUTCODE_PARTS.exec(a);
	const pb = OUTCODE_PARTS.exec(b);
	if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
	if (pa[1] !== pb[1]) return pa[1] < pb[1] ? -1 : 1;
	const d = Number(pa[2]) - Number(pb[2]);
	if (d !== 0) return d;
	return pa[3] < pb[3] ? -1 : pa[3] > pb[3] ? 1 : 0;
}

/** Order of full postcodes (or sectors): outward code naturally, then inward code. */
export function comparePostcodes(a: string, b: string): number {
	const [oa, ia = ''] = a.split(' ');
	const [ob, ib = ''] = b.split(' ');
	return compareOutcodes(oa, ob) || (ia < ib ? -1 : ia > ib ? 1 : 0);
}

// ---------------------------------------------------------------- did you mean

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbours (optimal
 * string alignment): a swapped pair ("1RU" for "1UR") is one typing slip, not two.
 */
export function editDistance(a: string, b: string): number {
	const m = a.length;
	const n = b.length;
	if (m === 0) return n;
	if (n === 0) return m;
	let prev2 = new Array<number>(n + 1).fill(0);
	let prev = Array.from({ length: n + 1 }, (_, j) => j);
	let cur = new Array<number>(n + 1).fill(0);
	for (let i = 1; i <= m; i++) {
		cur[0] = i;
		for (let j = 1; j <= n; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
			cur[j] = d;
		}
		[prev2, prev, cur] = [prev, cur, prev2];
	}
	return prev[n];
}

/**
 * "Did you mean": the `n` postcodes of `known` nearest to what was typed, by edit distance over
 * the letters and digits (spacing ignored), at most `maxDistance` edits away. Ties go to postcodes
 * in the query's own sector, then its outward code, then postcode order. `known` is typically the
 * postcodes of the query's outward code (one index file); outward codes themselves work too.
 */
export function suggestPostcodes(query: unknown, known: readonly string[], n = 5, maxDistance = 2): string[] {
	const q = compactPostcode(query);
	if (!q || n <= 0) return [];
	const parsed = parsePostcode(query);
	const scored: { postcode: string; d: number; near: number }[] = [];
	for (const k of known) {
		const c = compactPostcode(k);
		if (Math.abs(c.length - q.length) > maxDistance) continue;
		const d = editDistance(q, c);
		if (d > maxDistance) continue;
		const near =
			parsed?.sector && sectorOf(k) === parsed.sector ? 0 : parsed && outcodeOf(k) === parsed.outcode ? 1 : 2;
		scored.push({ postcode: k, d, near });
	}
	scored.sort((a, b) => a.d - b.d || a.near - b.near || comparePostcodes(a.postcode, b.postcode));
	const out: string[] = [];
	for (const s of scored) {
		if (out.length >= n) break;
		if (out[out.length - 1] !== s.postcode) out.push(s.postcode);
	}
	return out;
}

/**
 * Completion while typing: the first `n` of `known` (in postcode order) that begin with the query.
 * A space in the query marks the end of the outward code, so "LS1 " offers LS1 postcodes only and
 * not LS10-LS19; without a space "LS1" offers all of them.
 */
export function completePostcodes(query: unknown, known: readonly string[], n = 8): string[] {
	const t = tidy(query);
	if (!t || n <= 0) return [];
	const spaced = typeof query === 'string' && /\S\s/.test(query);
	const matches = (k: string): boolean => {
		if (!spaced) return compactPostcode(k).startsWith(t.replace(/ /g, ''));
		const [out, inward = ''] = t.split(' ');
		const [ko, ki = ''] = k.split(' ');
		return ko === out && ki.startsWith(inward);
	};
	return known.filter(matches).sort(comparePostcodes).slice(0, n);
}

/** Fold a place name for matching: lower case, accents and apostrophes dropped ("A' Chrìon" -> "a chrion"). */
export function foldPlaceName(name: string): string {
	return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’`]/g, '').replace(/\s+/g, ' ').trim();
}

// The search files' shapes and look-ups live beside this module; re-exported so callers keep one import.
export * from './postcodeFiles';
