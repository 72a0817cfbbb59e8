// A Deep End group's own member list, read from a file the user picks (it never leaves the browser):
// a CSV or plain list of ODS practice codes or practice names. Codes are matched outright; names are
// only suggested, for the user to confirm; everything else is reported line by line with a reason.
// The result is plain data: the UI must render every `input` as text, never as markup.
import { editDistance, foldPlaceName, normalisePostcode, outcodeOf } from '$lib/domain/postcode';

export interface MemberListPractice {
	code: string;
	name: string;
	postcode: string;
	pcnCode?: string;
	pcnName?: string;
}

export interface MatchedMember {
	/** Line of the file, 1 = first line (the header, if any, counts). */
	line: number;
	code: string;
	input: string;
}

export interface NameCandidate {
	code: string;
	name: string;
	postcode: string;
	/** Similarity 0–1 of the typed name (and postcode, if the row has one) to the practice. */
	score: number;
}

export interface MemberToConfirm {
	line: number;
	input: string;
	/** Best first. */
	candidates: NameCandidate[];
	/** An earlier line with the same name (and no postcode to tell them apart): the same practice twice, or two of one name. */
	sameNameAs?: number;
}

export interface BadMemberRow {
	line: number;
	input: string;
	reason: string;
}

export interface MemberListResult {
	matched: MatchedMember[];
	toConfirm: MemberToConfirm[];
	bad: BadMemberRow[];
	/** A problem with the file as a whole (too large, not text, truncated); null when none. */
	problem: string | null;
	/** The header row's cells when the first row was taken as a header. */
	header: string[] | null;
}

export const MEMBER_LIST_LIMITS = {
	/** Characters of text (≈ bytes for the ASCII files these are). */
	maxChars: 5 * 1024 * 1024,
	maxRows: 20_000,
	/** Name candidates offered per row. */
	maxCandidates: 8,
	/** Below this similarity a practice is not offered for a typed name. */
	minScore: 0.5,
	/** Inputs are echoed back at most this long. */
	maxEcho: 200,
	/** England's longest practice name has 40 characters; far longer text is not a name (and would be slow to match). */
	maxNameChars: 150
};

/** ODS code of a GP practice: a letter and five digits (A81001, Y03303). */
const PRACTICE_CODE = /^[A-Z]\d{5}$/;
/** Something meant as a code but mistyped: short, no spaces, mostly digits ("A8100", "A810011"). */
const BROKEN_CODE = /^[A-Z]{0,2}\d[A-Z\d]{2,6}$/;

// ---------------------------------------------------------------- name matching

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

/** How well two words match: same 1, one slip 0.8 (two for long words 0.6), one a prefix of the other 0.7. */
function tokenMatch(q: string, t: string): number {
	if (q === t) return 1;
	const short = Math.min(q.length, t.length);
	if (short >= 4) {
		const d = Math.abs(q.length - t.length) <= 2 ? editDistance(q, t) : 3;
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
export function nameSimilarity(query: readonly string[], name: readonly string[]): number {
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
			const m = tokenMatch(q, name[j]);
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
				let score = nameSimilarity(q, tokens[i]);
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

// ---------------------------------------------------------------- reading the file

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Split one line into cells. Quotes are honoured within a line but never across lines: a stray quote
 * must not swallow the rest of the file, and practice codes and names never hold a line break.
 */
function splitLine(line: string, delimiter: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (quoted) {
			if (ch === '"' && line[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"' && cell.trim() === '') {
			quoted = true;
			cell = '';
		} else if (ch === delimiter) {
			cells.push(cell);
			cell = '';
		} else cell += ch;
	}
	cells.push(cell);
	return cells.map((c) => c.trim());
}

/** The delimiter found on most of the first lines (outside quotes); comma when none is. */
function detectDelimiter(lines: readonly string[]): string {
	const sample = lines.filter((l) => l.trim()).slice(0, 100);
	let best: string = ',';
	let bestLines = 0;
	for (const d of DELIMITERS) {
		const n = sample.filter((l) => splitLine(l, d).length > 1).length;
		if (n > bestLines) {
			best = d;
			bestLines = n;
		}
	}
	return best;
}

const fold = (s: string) =>
	foldPlaceName(s)
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
const HEADER_CELLS = new Set([
	'code',
	'ods',
	'ods code',
	'practice code',
	'practice ods code',
	'org code',
	'organisation code',
	'organization code',
	'gp practice code',
	'gp code',
	'practice',
	'practice name',
	'name',
	'gp practice',
	'gp practice name',
	'surgery',
	'organisation',
	'organisation name',
	'organization',
	'organization name',
	'postcode',
	'post code',
	'member',
	'members'
]);
const isHeaderCell = (c: string) => {
	const f = fold(c);
	return HEADER_CELLS.has(f) || (f.split(' ').length <= 3 && /\b(code|name|postcode)\b/.test(f));
};
// Codes are read without spaces and case: " a81 001 " is A81001.
const asCode = (c: string) => c.replace(/\s+/g, '').toUpperCase();
const isCode = (c: string) => PRACTICE_CODE.test(asCode(c));
const isPostcode = (c: string) => normalisePostcode(c) !== null;

type Role = 'code' | 'name' | 'postcode';

/** Column roles from a header row's labels. */
function rolesFromHeader(header: readonly string[]): Map<Role, number> {
	const roles = new Map<Role, number>();
	header.forEach((h, i) => {
		const f = fold(h);
		const role: Role | null = /post ?code/.test(f)
			? 'postcode'
			: /\b(code|ods)\b/.test(f)
				? 'code'
				: /\b(name|practice|surgery|organi[sz]ation|member)s?\b/.test(f)
					? 'name'
					: null;
		if (role && !roles.has(role)) roles.set(role, i);
	});
	return roles;
}

/** Column roles from the cells: a column is the code (postcode) column when most of its filled cells are codes (postcodes). */
function rolesFromCells(rows: readonly string[][]): Map<Role, number> {
	const roles = new Map<Role, number>();
	const width = Math.max(0, ...rows.map((r) => r.length));
	for (let i = 0; i < width; i++) {
		const filled = rows.map((r) => r[i] ?? '').filter(Boolean);
		if (!filled.length) continue;
		if (!roles.has('code') && filled.filter(isCode).length * 2 >= filled.length) roles.set('code', i);
		else if (!roles.has('postcode') && filled.filter(isPostcode).length * 2 >= filled.length) roles.set('postcode', i);
	}
	return roles;
}

const echo = (s: string) =>
	s.length > MEMBER_LIST_LIMITS.maxEcho ? `${s.slice(0, MEMBER_LIST_LIMITS.maxEcho - 1)}…` : s;

/**
 * Read a member list. `practices` is the practice table (or a matcher prepared from it). Each
 * non-empty row lands in exactly one of matched / toConfirm / bad; blank rows between filled rows are
 * reported as empty, blank rows at the start or end are ignored.
 */
export function parseMemberList(
	text: string,
	practices: readonly MemberListPractice[] | MemberMatcher
): MemberListResult {
	const result: MemberListResult = { matched: [], toConfirm: [], bad: [], problem: null, header: null };
	if (typeof text !== 'string' || text.trim() === '') {
		result.problem = 'the file is empty';
		return result;
	}
	if (text.length > MEMBER_LIST_LIMITS.maxChars) {
		result.problem = `the file is too large (${(text.length / 1024 / 1024).toFixed(1)} MB): a member list must be under 5 MB`;
		return result;
	}
	if (text.startsWith('PK\u0003\u0004') || text.includes('\u0000')) {
		result.problem =
			'this is not a text file: save the list as CSV (or plain text, one practice a line) and choose that';
		return result;
	}
	const matcher = Array.isArray(practices) ? memberMatcher(practices) : (practices as MemberMatcher);
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	const delimiter = detectDelimiter(lines);
	let rows = lines.map((l, i) => ({ line: i + 1, cells: splitLine(l, delimiter) }));
	const filled = (r: { cells: string[] }) => r.cells.some(Boolean);
	const first = rows.findIndex(filled);
	const last = rows.findLastIndex(filled);
	if (first < 0) {
		result.problem = 'the file holds no practice codes or names';
		return result;
	}
	rows = rows.slice(first, last + 1);

	// A header: the first row has a column label and no practice code or postcode.
	const head = rows[0].cells;
	let roles: Map<Role, number>;
	if (head.some(isHeaderCell) && !head.some(isCode) && !head.some(isPostcode)) {
		result.header = head;
		roles = rolesFromHeader(head);
		rows = rows.slice(1);
		if (rows.length === 0) {
			result.problem = 'the file has a header row but no practices under it';
			return result;
		}
	} else roles = rolesFromCells(rows.map((r) => r.cells));

	if (rows.length > MEMBER_LIST_LIMITS.maxRows) {
		result.problem = `the list has ${rows.length.toLocaleString('en-GB')} rows: only the first ${MEMBER_LIST_LIMITS.maxRows.toLocaleString('en-GB')} were read`;
		rows = rows.slice(0, MEMBER_LIST_LIMITS.maxRows);
	}

	const codeLines = new Map<string, number>();
	const nameLines = new Map<string, number>();
	for (const { line, cells } of rows) {
		const input = echo(cells.filter(Boolean).join(', '));
		if (!cells.some(Boolean)) {
			result.bad.push({ line, input: '', reason: 'empty row' });
			continue;
		}
		const codeCol = roles.get('code');
		const codeCell = codeCol !== undefined ? (cells[codeCol] ?? '') : (cells.find(isCode) ?? '');
		const postcodeCol = roles.get('postcode');
		const postcode =
			postcodeCol !== undefined && isPostcode(cells[postcodeCol] ?? '')
				? cells[postcodeCol]
				: (cells.find(isPostcode) ?? '');

		if (isCode(codeCell)) {
			const code = asCode(codeCell);
			const seen = codeLines.get(code);
			if (seen !== undefined) result.bad.push({ line, input: echo(codeCell), reason: `duplicate of line ${seen}` });
			else if (matcher.byCode.has(code)) {
				codeLines.set(code, line);
				result.matched.push({ line, code, input: echo(codeCell) });
			} else result.bad.push({ line, input: echo(codeCell), reason: unknownCodeReason(code, matcher) });
			continue;
		}
		const nameCol = roles.get('name');
		let name = nameCol !== undefined ? (cells[nameCol] ?? '') : '';
		if (!name && codeCell && BROKEN_CODE.test(codeCell.toUpperCase())) {
			result.bad.push({
				line,
				input: echo(codeCell),
				reason: `${codeCell} is not a practice code: a code is a letter and five digits, like A81001`
			});
			continue;
		}
		// No name column: the row's other words are the name (a name may hold the delimiter, unquoted).
		if (!name) name = cells.filter((c) => c && !isPostcode(c) && !isCode(c)).join(', ');
		if (!name) {
			result.bad.push({
				line,
				input,
				reason: postcode ? 'only a postcode: add the practice code or name' : 'no practice code or name in this row'
			});
			continue;
		}
		if (name.length > MEMBER_LIST_LIMITS.maxNameChars) {
			result.bad.push({
				line,
				input: echo(name),
				reason: `too long to be a practice name (${name.length} characters)`
			});
			continue;
		}
		// Name and postcode repeated: a duplicate. A name alone repeated may be two practices of the same
		// name (England has six PARK SURGERYs), so it is still offered, marked for the user.
		const pc = normalisePostcode(postcode);
		const key = `${nameTokens(name).join(' ')}|${pc ?? ''}`;
		const seen = nameLines.get(key);
		if (seen !== undefined && pc) {
			result.bad.push({ line, input: echo(name), reason: `duplicate of line ${seen}` });
			continue;
		}
		if (seen === undefined) nameLines.set(key, line);
		const candidates = matcher.candidates(name, pc);
		if (!candidates.length)
			result.bad.push({ line, input: echo(name), reason: `no practice name close to '${echo(name)}'` });
		else if (seen !== undefined) result.toConfirm.push({ line, input: echo(name), candidates, sameNameAs: seen });
		else result.toConfirm.push({ line, input: echo(name), candidates });
	}
	return result;
}

function unknownCodeReason(code: string, matcher: MemberMatcher): string {
	const pcn = matcher.pcnNames.get(code);
	if (pcn) return `${code} is a Primary Care Network (${pcn}), not a practice: list its practices instead`;
	// Welsh practices' codes begin with W; they are outside England's registrations file.
	if (code.startsWith('W')) return `${code} looks like a Welsh practice: not a practice in England's mapping file`;
	return `unknown practice code ${code}`;
}
