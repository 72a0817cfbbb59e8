// Recruit journey: a Deep End group looks over the practices in its footprint, ranked by its
// membership rule, to see which it could bring in and how far each is from an existing member.
import type { AppPractice } from '$lib/data/practices';
import { inFootprint, rankByRule, type Footprint, type MembershipRule, type RuleRanking } from '$lib/domain/networks';
import { parseQualityFlags, type QualityFlag } from '$lib/domain/practiceFlags';
import type { PlacedPractice } from './areas';
import { nearestFinder } from './nearest';

export { nearestFinder } from './nearest';
export { buildFootprint, type CustomFootprint } from './customFootprint';

export type RecruitPractice = PlacedPractice &
	Pick<
		AppPractice,
		'name' | 'postcode' | 'lat' | 'lon' | 'pcnName' | 'patients' | 'imdScore' | 'gpFtePer10kWeighted'
	> & { qualityFlags?: string | null; ladCode?: string | null; nation?: string | null };

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
	/** Quality flags (domain/practiceFlags); a flagged practice is left out of the rule unless it includes them. */
	flags: QualityFlag[];
}

export interface CandidateRanking {
	rows: CandidateRow[];
	/** What "member" means for the distances: the uploaded list, or the practices the rule selects. */
	distanceFrom: 'uploaded' | 'rule';
	/** Members with a location that distances were measured to (members may lie outside the footprint). */
	membersPlaced: number;
	/** Uploaded codes that are not practices in the table (so no distance could use them). */
	membersUnknown: string[];
	/** Footprint practices left out of the rule's ranking for a quality flag. */
	excludedFlagged: string[];
	/** Why the rule cannot be applied from open data (then nothing is ranked); null when it can. */
	unavailable: string | null;
}

/**
 * Every practice inside the footprint, ranked by the rule, with the distance from each to the
 * nearest member. Practices without a value for the rule's measure come last (by name), never first.
 * `practices` is all of England's practices: national ranks and members outside the footprint need them.
 *
 * Cost: the rule's ranking (rankByRule, whose national ranking sorts ~6,200 values) is remembered
 * per practice table, rule and set of footprint practices, and a stated footprint's practices per
 * table, so re-running with a new member list only rebuilds rows and, per practice, searches a kd-tree
 * of the members (journeys/nearest). Measured on the built data (6,202 practices; Yorkshire and the
 * Humber, 598 practices, nationalTop 10% of share15; 299 uploaded members or the 109 the rule selects)
 * with tsx on a shared 2-core server CPU, best of 200 runs for a rule and footprint already seen: about
 * 3.7 ms (the latitude sweep this replaced took 1.7 ms on the same run; both well inside a frame).
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
	const rankOf = new Map(ranked.ranked.map((r) => [r.code, r]));

	const byCode = memo.byCode as Map<string, P>;
	const memberCodes = members
		? [...members].map((c) => c.trim().toUpperCase())
		: ranked.ranked.filter((r) => r.selected).map((r) => r.code);
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
			nearestMemberCode: near?.code ?? null,
			flags: parseQualityFlags(p.qualityFlags)
		};
	};
	const valued = ranked.ranked.map((r) => row(byCode.get(r.code)!));
	const unvalued = inside
		.filter((p) => !rankOf.has(p.code))
		.sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code))
		.map(row);
	return {
		rows: [...valued, ...unvalued],
		distanceFrom: members ? 'uploaded' : 'rule',
		membersPlaced: placed.length,
		membersUnknown,
		excludedFlagged: ranked.excludedFlagged,
		unavailable: ranked.unavailable
	};
}

// Per practice table (the array itself, so a reloaded table starts afresh): its code index and the
// rule rankings already worked out, keyed by the rule and the codes inside the footprint.
// A stated footprint (plain data) also remembers which practices it holds; a predicate is run afresh
// each time, since a function can change its answers.
interface Memo {
	byCode: Map<string, RecruitPractice>;
	rankings: Map<string, RuleRanking>;
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
