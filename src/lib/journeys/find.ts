// Find journey: a member of the public types a postcode, place, practice or neighbourhood and finds
// the nearest practices and the Deep End network that covers them (or the nearest one).
import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { distanceKm } from '$lib/domain/metrics';
import {
	compactPostcode,
	foldPlaceName,
	looksLikePostcode,
	outcodeOf,
	parsePostcode,
	suggestPostcodes,
	type PlaceSearchFile
} from '$lib/domain/postcode';

export { describeDecile, lsoaImdDecile } from './deciles';

// ---------------------------------------------------------------- what was typed

export type QueryClass =
	| { kind: 'empty' }
	| { kind: 'postcode'; postcode: string; outcode: string }
	| { kind: 'sector'; sector: string; outcode: string }
	| { kind: 'outcode'; outcode: string }
	| { kind: 'practiceCode'; code: string }
	| { kind: 'lsoaCode'; code: string }
	/** A town, practice or neighbourhood name; `partialPostcode` when it could be a postcode being typed. */
	| { kind: 'text'; text: string; folded: string; partialPostcode: boolean };

const PRACTICE_CODE = /^[A-Z]\d{5}$/;
const LSOA_CODE = /^E01\d{6}$/;

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

// ---------------------------------------------------------------- suggestions

export type SearchKind = 'place' | 'practice' | 'lsoa';

export interface SearchEntry {
	kind: SearchKind;
	label: string;
	/** "Town · Leeds, West Yorkshire", "GP practice · TS18 1HU · A81001", "Neighbourhood (LSOA) · E01000001". */
	detail: string;
	/** Practice or LSOA code; null for places. */
	code: string | null;
	lat: number;
	lon: number;
	/** West, south, east, north: cities and towns only. */
	bbox: [number, number, number, number] | null;
}

export interface Suggestion extends SearchEntry {
	match: 'code' | 'prefix' | 'word' | 'fuzzy';
}

export interface SearchSources {
	places?: Pick<PlaceSearchFile, 'types' | 'areas' | 'places'>;
	practices?: readonly { code: string; name: string; postcode: string; lat: number | null; lon: number | null }[];
	lsoas?: Iterable<{ code: string; name: string; centreLat: number; centreLon: number }>;
}

interface Key {
	key: string;
	id: number;
}

export interface SearchIndex {
	entries: SearchEntry[];
	/** Order among equals: places by type (city first), then practices, then neighbourhoods. */
	prominence: Int32Array;
	/** Whole folded names (and alternative names), sorted. */
	names: Key[];
	/** Folded names from each later word on ("densham surgery" for "The Densham Surgery"), sorted. */
	words: Key[];
	/** Practice and LSOA codes, lower case, sorted. */
	codes: Key[];
	/** Names and word tails of places and practices, by first letter, for typo matching. */
	fuzzy: Map<string, Key[]>;
}

const byKey = (a: Key, b: Key) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id);

/**
 * Build the search index once (places.json, practices, LSOAs); query it with `suggest` as the user
 * types. Neighbourhood names ("Leeds 001A") are matched by prefix only: 33,755 of them under ~300
 * district names would swamp typo matching, and the district itself is a place.
 */
export function prepareSearchIndex(src: SearchSources): SearchIndex {
	const entries: SearchEntry[] = [];
	const prominence: number[] = [];
	const names: Key[] = [];
	const words: Key[] = [];
	const codes: Key[] = [];
	const fuzzy = new Map<string, Key[]>();
	const addName = (name: string, id: number, typos: boolean) => {
		const key = foldForSearch(name);
		if (!key) return;
		names.push({ key, id });
		if (typos) addFuzzy(key, id);
		for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) {
			const tail = key.slice(i + 1);
			words.push({ key: tail, id });
			if (typos) addFuzzy(tail, id);
		}
	};
	const addFuzzy = (key: string, id: number) => {
		const list = fuzzy.get(key[0]);
		if (list) list.push({ key, id });
		else fuzzy.set(key[0], [{ key, id }]);
	};

	if (src.places) {
		const { types, areas, places } = src.places;
		for (const [name, alt, type, area, lat, lon, w, s, e, n] of places) {
			const id = entries.length;
			const bbox: SearchEntry['bbox'] =
				w !== undefined && s !== undefined && e !== undefined && n !== undefined ? [w, s, e, n] : null;
			const where = areas[area];
			entries.push({
				kind: 'place',
				label: name,
				detail: [types[type], where].filter(Boolean).join(' · '),
				code: null,
				lat,
				lon,
				bbox
			});
			prominence.push(type);
			addName(name, id, true);
			if (alt && alt !== name) addName(alt, id, true);
		}
	}
	for (const p of src.practices ?? []) {
		if (p.lat === null || p.lon === null) continue;
		const id = entries.length;
		entries.push({
			kind: 'practice',
			label: p.name,
			detail: ['GP practice', p.postcode, p.code].filter(Boolean).join(' · '),
			code: p.code,
			lat: p.lat,
			lon: p.lon,
			bbox: null
		});
		prominence.push(100);
		addName(p.name, id, true);
		codes.push({ key: p.code.toLowerCase(), id });
	}
	for (const l of src.lsoas ?? []) {
		const id = entries.length;
		entries.push({
			kind: 'lsoa',
			label: l.name,
			detail: `Neighbourhood (LSOA) · ${l.code}`,
			code: l.code,
			lat: l.centreLat,
			lon: l.centreLon,
			bbox: null
		});
		prominence.push(200);
		names.push({ key: foldForSearch(l.name), id });
		codes.push({ key: l.code.toLowerCase(), id });
	}
	names.sort(byKey);
	words.sort(byKey);
	codes.sort(byKey);
	for (const list of fuzzy.values()) list.sort(byKey);
	return { entries, prominence: Int32Array.from(prominence), names, words, codes, fuzzy };
}

/** First index in a sorted key list whose key is ≥ q. */
function lowerBound(list: readonly Key[], q: string): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (list[mid].key < q) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

// Rows of the edit-distance table, reused between calls: suggest compares the query with thousands
// of names per keystroke, and allocating three arrays each time would cost more than the sums.
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edit distance from `q` to the closest prefix of `key` (a typo in what has been typed so far),
 * counting a swap of neighbours as one edit; gives up (returns max + 1) once no prefix can be within `max`.
 */
export function prefixDistance(q: string, key: string, max: number): number {
	const m = q.length;
	const n = Math.min(key.length, m + max);
	if (rows[0].length < n + 1) rows = [new Int32Array(2 * n + 2), new Int32Array(2 * n + 2), new Int32Array(2 * n + 2)];
	let [prev2, prev, cur] = rows;
	for (let j = 0; j <= n; j++) prev[j] = j;
	for (let i = 1; i <= m; i++) {
		cur[0] = i;
		let rowMin = i;
		const qi = q.charCodeAt(i - 1);
		for (let j = 1; j <= n; j++) {
			const kj = key.charCodeAt(j - 1);
			let d = prev[j - 1] + (qi === kj ? 0 : 1);
			if (prev[j] + 1 < d) d = prev[j] + 1;
			if (cur[j - 1] + 1 < d) d = cur[j - 1] + 1;
			if (i > 1 && j > 1 && qi === key.charCodeAt(j - 2) && q.charCodeAt(i - 2) === kj && prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
			if (d < rowMin) rowMin = d;
		}
		if (rowMin > max) return max + 1;
		[prev2, prev, cur] = [prev, cur, prev2];
	}
	let best = max + 1;
	for (let j = 0; j <= n; j++) if (prev[j] < best) best = prev[j];
	return best;
}

/** Typos allowed for a query of this length: none under 4 letters, 1 up to 7, then 2. */
const typoBudget = (len: number) => (len < 4 ? 0 : len < 8 ? 1 : 2);

const TIER = { code: 0, prefix: 1, word: 2, fuzzy: 3 } as const;

/**
 * Suggestions as the user types: codes and whole-name prefixes first, then names with a later word
 * starting with the text, then names within a typo or two. Within a tier: exact names first, then
 * places by prominence (cities, towns, suburbs, villages), practices, neighbourhoods, then shorter names.
 * On the built data (27k places, 6.2k practices, 33.8k LSOAs) a query takes well under 5 ms.
 */
export function suggest(text: string, index: SearchIndex, n = 8): Suggestion[] {
	const q = typeof text === 'string' ? foldForSearch(text) : '';
	if (!q || n <= 0) return [];
	// Best candidate per entry: [tier, exact ? 0 : 1, distance].
	const found = new Map<number, [number, number, number]>();
	const offer = (id: number, tier: number, exact: boolean, dist = 0) => {
		const had = found.get(id);
		const cand: [number, number, number] = [tier, exact ? 0 : 1, dist];
		if (
			!had ||
			cand[0] < had[0] ||
			(cand[0] === had[0] && (cand[1] < had[1] || (cand[1] === had[1] && cand[2] < had[2])))
		)
			found.set(id, cand);
	};
	const scanPrefix = (list: readonly Key[], query: string, tier: number) => {
		for (let i = lowerBound(list, query); i < list.length && list[i].key.startsWith(query); i++)
			offer(list[i].id, tier, list[i].key === query);
	};
	const compact = q.replace(/ /g, '');
	if (compact.length >= 2) scanPrefix(index.codes, compact, TIER.code);
	scanPrefix(index.names, q, TIER.prefix);
	scanPrefix(index.words, q, TIER.word);

	const budget = typoBudget(q.length);
	if (found.size < n && budget > 0) {
		// Typos: same first letter (first letters are rarely mistyped, and it keeps the scan short).
		for (const k of index.fuzzy.get(q[0]) ?? []) {
			if (found.has(k.id)) continue;
			const d = prefixDistance(q, k.key, budget);
			if (d <= budget) offer(k.id, TIER.fuzzy, false, d);
		}
	}
	const label = (id: number) => index.entries[id].label;
	const before = ([a, x]: [number, [number, number, number]], [b, y]: [number, [number, number, number]]) =>
		x[0] - y[0] ||
		x[1] - y[1] ||
		x[2] - y[2] ||
		index.prominence[a] - index.prominence[b] ||
		label(a).length - label(b).length ||
		(label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : a - b);
	// Keep only the best n (a one-letter query finds thousands; sorting them all would be wasted).
	const best: [number, [number, number, number]][] = [];
	for (const e of found) {
		if (best.length === n && before(e, best[n - 1]) >= 0) continue;
		let at = best.length;
		while (at > 0 && before(e, best[at - 1]) < 0) at--;
		best.splice(at, 0, e);
		if (best.length > n) best.pop();
	}
	const matchOf: Suggestion['match'][] = ['code', 'prefix', 'word', 'fuzzy'];
	return best.map(([id, [tier]]) => ({ ...index.entries[id], match: matchOf[tier] }));
}

// ---------------------------------------------------------------- nearest practices

export interface NearPractice<P> {
	practice: P;
	km: number;
}

/** The `n` practices nearest a point, straight-line km, nearest first (ties by code); unplaced practices skipped. */
export function nearestPractices<P extends { code: string; lat: number | null; lon: number | null }>(
	lat: number,
	lon: number,
	practices: readonly P[],
	n = 5
): NearPractice<P>[] {
	if (!Number.isFinite(lat) || !Number.isFinite(lon) || !(n > 0)) return [];
	const all: NearPractice<P>[] = [];
	for (const p of practices)
		if (p.lat !== null && p.lon !== null) all.push({ practice: p, km: distanceKm(lat, lon, p.lat, p.lon) });
	all.sort((a, b) => a.km - b.km || a.practice.code.localeCompare(b.practice.code));
	return all.slice(0, Math.floor(n));
}

// ---------------------------------------------------------------- network footprints

export interface FootprintProps {
	code: string;
	name: string;
}

export interface NetworkHit extends FootprintProps {
	/** The point lies in this network's footprint (km is then 0). */
	inside: boolean;
	/** Straight-line km to the footprint's edge when outside. */
	km: number;
	/** Other footprints that also hold the point (footprints may overlap). */
	alsoInside: FootprintProps[];
}

const isArea = (f: Feature<Geometry | null, FootprintProps>): f is Feature<Polygon | MultiPolygon, FootprintProps> =>
	f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';

/**
 * The Deep End network whose footprint holds the point, or else the nearest, with the distance to
 * its edge in km. Null when there are no footprints (or the position is not a number).
 */
export function networkAt(
	lon: number,
	lat: number,
	footprints: FeatureCollection<Geometry | null, FootprintProps>
): NetworkHit | null {
	if (!Number.isFinite(lon) || !Number.isFinite(lat) || !footprints || !Array.isArray(footprints.features)) return null;
	const areas = footprints.features.filter(isArea);
	const pt: [number, number] = [lon, lat];
	// A malformed footprint (e.g. a ring with too few points) makes turf throw: skip it, keep the rest.
	const safely = <T>(f: () => T, fallback: T): T => {
		try {
			return f();
		} catch {
			return fallback;
		}
	};
	const inside = areas.filter((f) => safely(() => booleanPointInPolygon(pt, f), false));
	const props = (f: Feature<Polygon | MultiPolygon, FootprintProps>): FootprintProps => ({
		code: f.properties.code,
		name: f.properties.name
	});
	if (inside.length) return { ...props(inside[0]), inside: true, km: 0, alsoInside: inside.slice(1).map(props) };
	let best: { f: Feature<Polygon | MultiPolygon, FootprintProps>; km: number } | null = null;
	for (const f of areas) {
		const km = Math.abs(safely(() => pointToPolygonDistance(pt, f, { units: 'kilometers' }), NaN));
		if (Number.isFinite(km) && (!best || km < best.km)) best = { f, km };
	}
	return best ? { ...props(best.f), inside: false, km: best.km, alsoInside: [] } : null;
}

// ---------------------------------------------------------------- postcodes not found

// Postcode areas outside Great Britain's postcode list (Code-Point Open).
const NOT_IN_GB: Record<string, string> = {
	BT: 'Northern Ireland',
	GY: 'Guernsey',
	JE: 'Jersey',
	IM: 'the Isle of Man'
};

const orList = (xs: readonly string[]) =>
	xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;

/**
 * Why a postcode search found nothing, in words, with "did you mean" from the postcodes of its
 * outward code (or any list: outward codes work too). Null when the input is in `known` after all.
 * Never throws: anything that is not a postcode gets a message saying what a postcode looks like.
 */
export function explainUnknownPostcode(input: unknown, knownPostcodesInOutcode: readonly string[]): string | null {
	const known = Array.isArray(knownPostcodesInOutcode)
		? knownPostcodesInOutcode.filter((k): k is string => typeof k === 'string')
		: [];
	const typed = typeof input === 'string' ? input.trim().replace(/\s+/g, ' ') : '';
	if (!typed) return 'Type a postcode, like LS1 1UR.';
	const shown = typed.length > 40 ? `${typed.slice(0, 39)}…` : typed;
	const p = parsePostcode(typed);
	if (!p) {
		if (looksLikePostcode(typed))
			return `'${shown}' is not a whole postcode: it needs a number and two letters after the space, like LS1 1UR.`;
		return `'${shown}' is not a postcode: a postcode looks like LS1 1UR or M1 1AE.`;
	}
	const area = /^[A-Z]+/.exec(p.outcode)?.[0] ?? '';
	const elsewhere = NOT_IN_GB[area];
	if (elsewhere) return `${area} postcodes are in ${elsewhere}, which this atlas does not cover: it maps England.`;
	const compactKnown = new Set(known.map(compactPostcode));
	if (p.kind === 'full') {
		const pc = `${p.outcode} ${p.incode}`;
		if (compactKnown.has(compactPostcode(pc))) return null;
		// One slip first; two only when nothing is one away (so the closest are offered, not all).
		const near = suggestPostcodes(pc, known, 3, 1).length
			? suggestPostcodes(pc, known, 3, 1)
			: suggestPostcodes(pc, known, 3, 2);
		if (near.length) return `No postcode ${pc} — did you mean ${orList(near)}?`;
		if (!known.length)
			return `No postcode ${pc}: there is no postcode district ${p.outcode}. Check the first half of the postcode.`;
		return `No postcode ${pc} in ${p.outcode}. Check the second half of the postcode, or search for ${p.outcode} alone.`;
	}
	if (p.kind === 'outcode') {
		if (compactKnown.has(p.outcode) || known.some((k) => outcodeOf(k) === p.outcode)) return null;
		const near = suggestPostcodes(p.outcode, known, 3, 1);
		if (near.length) return `No postcode district ${p.outcode} — did you mean ${orList(near)}?`;
		return `No postcode district ${p.outcode}. Check it, or type a full postcode or a town.`;
	}
	const sector = p.sector!;
	if (known.some((k) => parsePostcode(k)?.sector === sector)) return null;
	return `No postcodes in ${sector}. Type the full postcode, or the district ${p.outcode} alone.`;
}
