// Recruit journey: a Deep End group looks over the practices in its footprint, ranked by its
// membership rule, to see which it could bring in and how far each is from an existing member.
import type { AppPractice } from '$lib/data/practices';
import { distanceKm } from '$lib/domain/metrics';
import {
	inFootprint,
	rankByRule,
	type Footprint,
	type MembershipRule,
	type RankedPractice,
	type RuleMeasure
} from '$lib/domain/networks';
import {
	AREA_LEVEL_LABELS,
	levelOfCode,
	practiceAreaCode,
	tidyAreaCode,
	type AreaLevel,
	type AreaLookups,
	type PlacedPractice
} from './areas';

export type RecruitPractice = PlacedPractice &
	Pick<
		AppPractice,
		'name' | 'postcode' | 'lat' | 'lon' | 'pcnName' | 'patients' | 'imdScore' | 'gpFtePer10kWeighted' | RuleMeasure
	>;

/** A footprint as the network data states it, or any test of a practice (e.g. from buildFootprint). */
export type FootprintTest<P> = Footprint | ((p: P) => boolean);

export interface CandidateRow {
	code: string;
	name: string;
	postcode: string;
	pcnCode: string;
	pcnName: string;
	/** Rank in the footprint by the rule's measure, 1 = most deprived; null when the measure is unknown. */
	rank: number | null;
	/** Rank among all England's practices by the same measure. */
	nationalRank: number | null;
	value: number | null;
	/** Eligible under the rule. */
	selected: boolean;
	/** On the uploaded member list (always false when no list was given). */
	isMember: boolean;
	patients: number | null;
	imdScore: number | null;
	gpFtePer10kWeighted: number | null;
	/** Straight-line distance to the nearest member other than itself; null when there is none. */
	nearestMemberKm: number | null;
	nearestMemberCode: string | null;
}

export interface CandidateRanking {
	rows: CandidateRow[];
	/** What "member" means for the distances: the uploaded list, or the practices the rule selects. */
	distanceFrom: 'uploaded' | 'rule';
	/** Members with a location that distances were measured to (members may lie outside the footprint). */
	membersPlaced: number;
	/** Uploaded codes that are not practices in the table (so no distance could use them). */
	membersUnknown: string[];
}

/**
 * Every practice inside the footprint, ranked by the rule, with the distance from each to the
 * nearest member. Practices without a value for the rule's measure come last (by name), never first.
 * `practices` is all of England's practices: national ranks and members outside the footprint need them.
 *
 * Cost: the rule's ranking (rankByRule, whose national ranking sorts ~6,200 values) is remembered
 * per practice table, rule and set of footprint practices, and a stated footprint's practices per
 * table, so re-running with a new member list only rebuilds rows and, per practice, scans the members
 * nearest in latitude. Measured on the built data (6,202 practices; Yorkshire and the Humber, 598
 * practices, nationalTop 10% of share15; 311 uploaded members or the 100 the rule selects), bundled
 * with esbuild, on a shared 2-core server CPU: about 5.8 ms for a new rule (mostly rankByRule's
 * national ranking), about 1.2 ms for a rule and footprint already seen.
 */
export function rankNetworkCandidates<P extends RecruitPractice>(
	practices: readonly P[],
	footprint: FootprintTest<P>,
	rule: MembershipRule,
	members?: ReadonlySet<string>
): CandidateRanking {
	const memo = memoFor(practices);
	const inside = footprintPractices(memo, practices, footprint);
	// The ranking depends only on the table, the rule and which practices are inside.
	const key = `${JSON.stringify(rule)}|${inside.map((p) => p.code).join(',')}`;
	let ranked = memo.rankings.get(key);
	if (!ranked) {
		ranked = rankByRule(rule, practices, inside);
		if (memo.rankings.size > 50) memo.rankings.clear();
		memo.rankings.set(key, ranked);
	}
	const rankOf = new Map(ranked.map((r) => [r.code, r]));

	const byCode = memo.byCode as Map<string, P>;
	const memberCodes = members
		? [...members].map((c) => c.trim().toUpperCase())
		: ranked.filter((r) => r.selected).map((r) => r.code);
	const memberSet = new Set(memberCodes);
	const placed: Point[] = [];
	const membersUnknown: string[] = [];
	for (const code of memberSet) {
		const p = byCode.get(code);
		if (!p) membersUnknown.push(code);
		else if (p.lat !== null && p.lon !== null) placed.push({ code, lat: p.lat, lon: p.lon });
	}
	const nearest = nearestFinder(placed);

	const row = (p: P): CandidateRow => {
		const r = rankOf.get(p.code);
		const near = p.lat !== null && p.lon !== null ? nearest(p.lat, p.lon, p.code) : null;
		return {
			code: p.code,
			name: p.name,
			postcode: p.postcode,
			pcnCode: p.pcnCode,
			pcnName: p.pcnName,
			rank: r?.rank ?? null,
			nationalRank: r?.nationalRank ?? null,
			value: r?.value ?? null,
			selected: r?.selected ?? false,
			isMember: members ? memberSet.has(p.code) : false,
			patients: p.patients,
			imdScore: p.imdScore,
			gpFtePer10kWeighted: p.gpFtePer10kWeighted,
			nearestMemberKm: near?.km ?? null,
			nearestMemberCode: near?.code ?? null
		};
	};
	const valued = ranked.map((r) => row(byCode.get(r.code)!));
	const unvalued = inside
		.filter((p) => !rankOf.has(p.code))
		.sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code))
		.map(row);
	return {
		rows: [...valued, ...unvalued],
		distanceFrom: members ? 'uploaded' : 'rule',
		membersPlaced: placed.length,
		membersUnknown
	};
}

// Per practice table (the array itself, so a reloaded table starts afresh): its code index and the
// rule rankings already worked out, keyed by the rule and the codes inside the footprint.
// A stated footprint (plain data) also remembers which practices it holds; a predicate is run afresh
// each time, since a function can change its answers.
interface Memo {
	byCode: Map<string, RecruitPractice>;
	rankings: Map<string, RankedPractice[]>;
	inside: Map<string, RecruitPractice[]>;
}
const memos = new WeakMap<readonly RecruitPractice[], Memo>();

function memoFor(practices: readonly RecruitPractice[]): Memo {
	let m = memos.get(practices);
	if (!m)
		memos.set(
			practices,
			(m = { byCode: new Map(practices.map((p) => [p.code, p])), rankings: new Map(), inside: new Map() })
		);
	return m;
}

function footprintPractices<P extends RecruitPractice>(
	memo: Memo,
	practices: readonly P[],
	footprint: FootprintTest<P>
): P[] {
	if (typeof footprint === 'function') return practices.filter(footprint);
	const key = `${footprint.kind}:${footprint.codes.join(',')}`;
	let inside = memo.inside.get(key) as P[] | undefined;
	if (!inside) {
		inside = practices.filter((p) => inFootprint(footprint, p));
		if (memo.inside.size > 50) memo.inside.clear();
		memo.inside.set(key, inside);
	}
	return inside;
}

interface Point {
	code: string;
	lat: number;
	lon: number;
}

// Kilometres per radian of latitude on the sphere distanceKm uses: no two points whose latitudes
// differ by Δφ can be closer than this × Δφ, which lets the scan stop early.
const KM_PER_RADIAN = 6371.0088;

/**
 * Nearest point to a position, other than one code. Points are sorted by latitude; the scan walks
 * out both ways from the query's latitude and stops once the latitude gap alone exceeds the best
 * distance found. Exact (same haversine as distanceKm), and fast for England's north–south spread.
 */
export function nearestFinder(
	points: readonly Point[]
): (lat: number, lon: number, exclude?: string) => { code: string; km: number } | null {
	const sorted = points.slice().sort((a, b) => a.lat - b.lat);
	const lats = sorted.map((p) => p.lat);
	return (lat, lon, exclude) => {
		let lo = 0;
		let hi = lats.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (lats[mid] < lat) lo = mid + 1;
			else hi = mid;
		}
		let bestCode: string | null = null;
		let bestKm = Infinity;
		const gapKm = (i: number) => (Math.abs(lats[i] - lat) * Math.PI * KM_PER_RADIAN) / 180;
		let up = lo;
		let down = lo - 1;
		while (up < sorted.length || down >= 0) {
			const upGap = up < sorted.length ? gapKm(up) : Infinity;
			const downGap = down >= 0 ? gapKm(down) : Infinity;
			if (Math.min(upGap, downGap) > bestKm) break;
			const p = upGap <= downGap ? sorted[up++] : sorted[down--];
			if (p.code === exclude) continue;
			const km = distanceKm(lat, lon, p.lat, p.lon);
			if (km < bestKm || (km === bestKm && bestCode !== null && p.code < bestCode)) {
				bestKm = km;
				bestCode = p.code;
			}
		}
		return bestCode === null ? null : { code: bestCode, km: bestKm };
	};
}

// ---------------------------------------------------------------- build your own network

export type CustomFootprint =
	| {
			ok: true;
			level: AreaLevel;
			codes: string[];
			/** "Integrated Care Board E54000050", "2 Sub-ICB locations: E38000001, E38000002". */
			description: string;
			/** Practices in the footprint when it was built (the caller may show the count). */
			practiceCount: number;
			contains: (p: PlacedPractice) => boolean;
	  }
	| { ok: false; reason: string };

const KNOWN_KINDS =
	'an ICB (E54…), Sub-ICB location (E38…), NHS England region (E40…), region (E12…), local authority (E06…–E09…) or PCN (U…) code';

/**
 * A footprint from a list of area codes of one kind, for a group that is not one of the listed
 * networks. `codes` may be one string of codes separated by commas, semicolons, spaces or lines.
 * Codes with no practice are refused (a typo would otherwise silently shrink the footprint).
 * Local authorities need `lookups.ladOfLsoa`: practice records carry no local authority code.
 */
export function buildFootprint(
	codes: string | readonly string[],
	practices: readonly PlacedPractice[],
	lookups: AreaLookups = {}
): CustomFootprint {
	const list = (typeof codes === 'string' ? codes.split(/[\s,;]+/) : codes.flatMap((c) => c.split(/[\s,;]+/)))
		.map(tidyAreaCode)
		.filter(Boolean);
	const unique = [...new Set(list)];
	if (unique.length === 0) return { ok: false, reason: 'no area codes given' };
	const levels = new Map<string, AreaLevel>();
	for (const c of unique) {
		const level = levelOfCode(c);
		if (!level) return { ok: false, reason: `${c} is not ${KNOWN_KINDS}` };
		levels.set(c, level);
	}
	const kinds = [...new Set(levels.values())];
	if (kinds.length > 1) {
		const example = kinds
			.map((k) => `${[...levels].find(([, l]) => l === k)![0]} is ${article(AREA_LEVEL_LABELS[k])}`)
			.join(', ');
		return { ok: false, reason: `codes must all be of one kind: ${example}` };
	}
	const level = kinds[0];
	if (level === 'lad' && !lookups.ladOfLsoa) {
		return {
			ok: false,
			reason:
				'local authority footprints need the LSOA-to-local-authority look-up: practice records carry no local authority code'
		};
	}
	const wanted = new Set(unique);
	const contains = (p: PlacedPractice) => {
		const c = practiceAreaCode(p, level, lookups);
		return c !== null && wanted.has(c);
	};
	const counts = new Map<string, number>();
	for (const p of practices) {
		const c = practiceAreaCode(p, level, lookups);
		if (c !== null && wanted.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
	}
	const empty = unique.filter((c) => !counts.has(c));
	if (empty.length) return { ok: false, reason: `no practices in ${AREA_LEVEL_LABELS[level]} ${empty.join(', ')}` };
	const label = AREA_LEVEL_LABELS[level];
	const description =
		unique.length === 1 ? `${capitalise(label)} ${unique[0]}` : `${unique.length} ${label}s: ${unique.join(', ')}`;
	const practiceCount = [...counts.values()].reduce((a, b) => a + b, 0);
	return { ok: true, level, codes: unique, description, practiceCount, contains };
}

const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);
// "an NHS England region": the article follows the sound, so initialisms read as letters.
const article = (s: string) => (/^([aeiouAEIOU]|NHS)/.test(s) ? `an ${s}` : `a ${s}`);
