// Find's suggestions as the user types: one search index over places, practices and neighbourhoods.
import type { Bounds } from '$lib/domain/bbox';
import type { PlaceSearchFile } from '$lib/domain/postcode';
import { foldForSearch } from './query';

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
	bbox: Bounds | null;
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

/** Places with prominence (type index in places.json: City 0, Town 1, …) up to this are major. */
const MAJOR_PLACE = 1;

/**
 * Suggestions as the user types: codes first, then exact names (or an exact later word of a city or
 * town: "Hull" → Kingston upon Hull), then whole-name prefixes, then names with a later word starting with the
 * text, then names within a typo or two. Within a tier: exact names first, then
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
	// Codes first; then exact names, counting an exact later word of a city or town as exact ("Hull" is
	// the last word of Kingston upon Hull, a city: before Hullbridge, a village whose name merely starts
	// so); then by tier.
	const exactFirst = (id: number, x: [number, number, number]) =>
		x[0] === TIER.code
			? -1
			: x[1] === 0 && (x[0] === TIER.prefix || (x[0] === TIER.word && index.prominence[id] <= MAJOR_PLACE))
				? 0
				: 1;
	const before = ([a, x]: [number, [number, number, number]], [b, y]: [number, [number, number, number]]) =>
		exactFirst(a, x) - exactFirst(b, y) ||
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
