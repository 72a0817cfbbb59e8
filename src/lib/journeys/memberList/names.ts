// Matching typed practice names to the practice table: tokens, a weighted similarity, and a matcher
// prepared once per table. Names are only ever suggested, for the user to confirm.
import { foldPlaceName, normalisePostcode, outcodeOf } from '$lib/domain/postcode';
import { MEMBER_LIST_LIMITS, type MemberListPractice, type NameCandidate } from './types';

// Words that say what kind of place a practice is rather than which one: they count for little.
const GENERIC = new Set([
	'surgery',
	'medical',
	'centre',
	'practice',
	'health',
	'group',
	'partnership',
	'partners',
	'gp',
	'dr',
	'clinic',
	'family',
	'doctors',
	'primary',
	'care',
	'healthcare',
	'road',
	'street',
	'lane',
	'house',
	'st',
	'pms',
	'apms',
	'limited',
	'ltd',
	'new',
	'suite'
]);
const STOP = new Set(['the', 'and', 'of', 'at', 's']);
// Abbreviations in the practice file and in people's lists, to one spelling.
const SYNONYMS: Record<string, string> = {
	center: 'centre',
	ctr: 'centre',
	cntr: 'centre',
	cen: 'centre',
	med: 'medical',
	pract: 'practice',
	prac: 'practice',
	surg: 'surgery',
	surgeries: 'surgery',
	hlth: 'health',
	hc: 'health',
	saint: 'st',
	drs: 'dr',
	doctor: 'dr',
	grp: 'group'
};
const GENERIC_WEIGHT = 0.25;

const weight = (t: string) => (GENERIC.has(t) ? GENERIC_WEIGHT : 1);

/** Words of a practice name for matching: folded, punctuation as spaces, abbreviations expanded. */
export function nameTokens(name: string): string[] {
	return foldPlaceName(name.replace(/&/g, ' and '))
		.replace(/[^a-z0-9]+/g, ' ')
		.split(' ')
		.filter((t) => t && !STOP.has(t))
		.map((t) => SYNONYMS[t] ?? t);
}

// Rows of the bounded edit distance, reused (matching runs on one thread at a time).
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edits (insertions, deletions, substitutions, adjacent swaps: optimal string alignment, as
 * editDistance in domain/postcode) between two words, counted up to `max`: any more gives max + 1.
 * Stops as soon as a row of the table exceeds `max`, and allocates nothing: matching 2,000 typed
 * names calls it millions of times.
 */
export function boundedEdits(a: string, b: string, max: number): number {
	const m = a.length;
	const n = b.length;
	if (Math.abs(m - n) > max) return max + 1;
	if (n + 1 > rows[0].length) rows = rows.map(() => new Int32Array(2 * (n + 1)));
	let [prev2, prev, cur] = rows;
	for (let j = 0; j <= n; j++) prev[j] = j;
	for (let i = 1; i <= m; i++) {
		cur[0] = i;
		let rowMin = i;
		for (let j = 1; j <= n; j++) {
			const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
			let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
				d = Math.min(d, prev2[j - 2] + 1);
			cur[j] = d;
			if (d < rowMin) rowMin = d;
		}
		if (rowMin > max) return max + 1;
		[prev2, prev, cur] = [prev, cur, prev2];
	}
	return Math.min(prev[n], max + 1);
}

/** How well two words match: same 1, one slip 0.8 (two for long words 0.6), one a prefix of the other 0.7. */
export function tokenMatch(q: string, t: string): number {
	if (q === t) return 1;
	const short = Math.min(q.length, t.length);
	if (short >= 4) {
		const d = Math.abs(q.length - t.length) <= 2 ? boundedEdits(q, t, 2) : 3;
		if (d === 1) return 0.8;
		if (d === 2 && short >= 7) return 0.6;
	}
	if (short >= 3 && (t.startsWith(q) || q.startsWith(t))) return 0.7;
	return 0;
}

/**
 * Similarity of two names as token lists: a weighted Dice coefficient, 2·matched / (weight of the
 * query + weight of the name), each query word matched to the best unused word of the name and
 * counted at the lighter word's weight times the match quality, so the score never exceeds 1.
 * Generic words ("surgery", "medical") weigh a quarter of a distinctive word.
 */
export function nameSimilarity(
	query: readonly string[],
	name: readonly string[],
	match: (q: string, t: string) => number = tokenMatch
): number {
	const wq = query.reduce((s, t) => s + weight(t), 0);
	const wn = name.reduce((s, t) => s + weight(t), 0);
	if (wq + wn === 0) return 0;
	const used = new Array<boolean>(name.length).fill(false);
	let matched = 0;
	for (const q of query) {
		let best = 0;
		let at = -1;
		for (let j = 0; j < name.length; j++) {
			if (used[j]) continue;
			const m = match(q, name[j]);
			if (m > best) {
				best = m;
				at = j;
			}
		}
		if (at >= 0) {
			used[at] = true;
			// The lighter of the two words: "newlands" matching "new" counts as much as "new" does.
			matched += Math.min(weight(q), weight(name[at])) * best;
		}
	}
	return (2 * matched) / (wq + wn);
}

export interface MemberMatcher {
	byCode: Map<string, MemberListPractice>;
	pcnNames: Map<string, string>;
	/** Candidates for a typed name (with the row's postcode, if any), best first. */
	candidates(name: string, postcode: string | null): NameCandidate[];
}

/** Prepare the practice table for matching once; reuse it for every file the user tries. */
export function memberMatcher(practices: readonly MemberListPractice[]): MemberMatcher {
	const tokens = practices.map((p) => nameTokens(p.name));
	const byToken = new Map<string, number[]>();
	tokens.forEach((ts, i) => {
		for (const t of new Set(ts)) {
			const list = byToken.get(t);
			if (list) list.push(i);
			else byToken.set(t, [i]);
		}
	});
	// The practice file's words by first letter: a typed word is compared only with words sharing its
	// first letter (people rarely mistype the first letter, and it makes the scan ~20 times shorter).
	const vocabulary = new Map<string, string[]>();
	for (const t of byToken.keys()) {
		const list = vocabulary.get(t[0]);
		if (list) list.push(t);
		else vocabulary.set(t[0], [t]);
	}
	const similarWords = new Map<string, string[]>();
	// Word pairs already compared (a list repeats its words, and the practice file its own).
	const pairs = new Map<string, Map<string, number>>();
	const match = (q: string, t: string) => {
		let row = pairs.get(q);
		if (!row) pairs.set(q, (row = new Map()));
		let m = row.get(t);
		if (m === undefined) row.set(t, (m = tokenMatch(q, t)));
		return m;
	};
	// Words of the practice file close to a typed word (memoised: lists repeat words a lot).
	const near = (q: string): string[] => {
		let hit = similarWords.get(q);
		if (!hit) similarWords.set(q, (hit = (vocabulary.get(q[0]) ?? []).filter((t) => tokenMatch(q, t) > 0)));
		return hit;
	};
	const pcnNames = new Map<string, string>();
	for (const p of practices) if (p.pcnCode && p.pcnCode !== 'U' && p.pcnName) pcnNames.set(p.pcnCode, p.pcnName);
	return {
		byCode: new Map(practices.map((p) => [p.code.toUpperCase(), p])),
		pcnNames,
		candidates(name, postcode) {
			const q = nameTokens(name);
			if (q.length === 0) return [];
			// Practices sharing a distinctive word, or any word when the name has only generic ones.
			const distinctive = q.filter((t) => !GENERIC.has(t));
			const pool = new Set<number>();
			for (const t of distinctive.length ? distinctive : q)
				for (const v of near(t)) for (const i of byToken.get(v) ?? []) pool.add(i);
			const pc = normalisePostcode(postcode);
			const oc = pc ? outcodeOf(pc) : null;
			const out: (NameCandidate & { place: number })[] = [];
			for (const i of pool) {
				const p = practices[i];
				let score = nameSimilarity(q, tokens[i], match);
				// A matching postcode makes a plausible name near certain; a matching district helps a little.
				// `place` also breaks ties, so of two PARK SURGERYs the one at the row's postcode comes first.
				let place = 2;
				if (pc && score > 0.3) {
					if (normalisePostcode(p.postcode) === pc) place = 0;
					else if (oc && outcodeOf(p.postcode) === oc) place = 1;
					score += (1 - score) * [0.5, 0.15, 0][place];
				}
				if (score >= MEMBER_LIST_LIMITS.minScore)
					out.push({ code: p.code, name: p.name, postcode: p.postcode, score: Math.round(score * 1000) / 1000, place });
			}
			out.sort(
				(a, b) =>
					b.score - a.score ||
					a.place - b.place ||
					a.name.localeCompare(b.name) ||
					a.postcode.localeCompare(b.postcode) ||
					a.code.localeCompare(b.code)
			);
			return out.slice(0, MEMBER_LIST_LIMITS.maxCandidates).map(({ place: _, ...c }) => c);
		}
	};
}
