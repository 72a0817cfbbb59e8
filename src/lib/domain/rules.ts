// Membership rules: IMD vintage + measure + selection, and the ranking a rule implies.
//
// A rule reads one practice figure: the vintage says which index (IoD2025 on 2021 LSOAs, IoD2019 on
// 2011 LSOAs, WIMD 2019 for Wales, SIMD 2020v2 for Scotland), the measure which figure of it (share of
// patients in the nation's most deprived 10/15/20% of neighbourhoods, patient-weighted score, or the
// score of the practice's own neighbourhood). Practices with a quality flag (domain/practiceFlags) are
// left out of the ranking unless the rule includes them, and counted.
import { competitionRank } from './metrics';
import { parseQualityFlags } from './practiceFlags';

export type RuleVintage = 'iod2025' | 'iod2019' | 'wimd2019' | 'simd2020';
/** Measures a membership rule can rank practices by; higher = more deprived for all of them. */
export type RuleMeasure = 'share10' | 'share15' | 'share20' | 'imdScore' | 'locationImdScore';

export const RULE_VINTAGES: readonly RuleVintage[] = ['iod2025', 'iod2019', 'wimd2019', 'simd2020'];
export const RULE_MEASURES: readonly RuleMeasure[] = ['share15', 'share10', 'share20', 'imdScore', 'locationImdScore'];

export const RULE_VINTAGE_LABELS: Record<RuleVintage, string> = {
	iod2025: 'IoD2025 (England, 2021 LSOAs)',
	iod2019: 'IoD2019 (England, 2011 LSOAs)',
	wimd2019: 'WIMD 2019 (Wales)',
	simd2020: 'SIMD 2020v2 (Scotland)'
};

const AREAS: Record<RuleVintage, string> = {
	iod2025: "England's",
	iod2019: "England's",
	wimd2019: "Wales's",
	simd2020: "Scotland's"
};
const INDEX: Record<RuleVintage, string> = {
	iod2025: 'IMD 2025',
	iod2019: 'IMD 2019',
	wimd2019: 'WIMD 2019',
	simd2020: 'SIMD 2020v2'
};

export type Selection =
	/** Practices in the footprint whose national rank by the measure is in the top `fraction` of the nation's practices. */
	| { kind: 'nationalTop'; fraction: number }
	/** The `n` highest-ranked practices within the footprint. */
	| { kind: 'topN'; n: number }
	/** Practices whose measure is at least `min` (a share 0–1, or a score). */
	| { kind: 'threshold'; min: number };

export interface MembershipRule {
	vintage: RuleVintage;
	measure: RuleMeasure;
	selection: Selection;
	/** Keep practices with a quality flag in the ranking (default: left out and counted). */
	includeFlagged?: boolean;
}

/** The practice field holding a rule's figure, or null when open data has no such figure. */
export function ruleField(vintage: RuleVintage, measure: RuleMeasure): string | null {
	if (vintage === 'iod2025') return measure;
	if (vintage === 'iod2019')
		return {
			share10: 'iod2019Share10',
			share15: 'iod2019Share15',
			share20: 'iod2019Share20',
			imdScore: 'imdScore2019',
			locationImdScore: 'locationImdScore2019'
		}[measure];
	// StatsWales publishes only the share in Wales's most deprived 20% per practice.
	if (vintage === 'wimd2019') return measure === 'share20' ? 'wimdShare20' : null;
	return null; // practice populations by SIMD data zone are not openly published
}

/** Why a rule cannot be applied from open data; null when it can. */
export function ruleUnavailable(rule: Pick<MembershipRule, 'vintage' | 'measure'>): string | null {
	if (ruleField(rule.vintage, rule.measure)) return null;
	if (rule.vintage === 'simd2020')
		return 'Scottish practice populations by SIMD data zone are not openly published, so no practice share or score by SIMD can be computed.';
	return `StatsWales publishes only each practice's share of patients in Wales's most deprived 20% of LSOAs: ${measureLabel(rule.vintage, rule.measure)} is not available.`;
}

export function measureLabel(vintage: RuleVintage, measure: RuleMeasure): string {
	const areas = AREAS[vintage];
	if (measure === 'imdScore') return `patient-weighted ${INDEX[vintage]} score`;
	if (measure === 'locationImdScore') return `${INDEX[vintage]} score of the practice's own neighbourhood`;
	return `share of patients in ${areas} most deprived ${measure.slice(5)}% of neighbourhoods (${INDEX[vintage]})`;
}

const isShare = (m: RuleMeasure) => m.startsWith('share');
/** Percent for people: 0.5 → "50%", 0.125 → "12.5%". */
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function describeRule(rule: MembershipRule): string {
	const m = measureLabel(rule.vintage, rule.measure);
	const s = rule.selection;
	const nation = AREAS[rule.vintage];
	if (s.kind === 'nationalTop')
		return `Practices in the footprint ranked in the top ${pct(s.fraction)} of ${nation} practices by ${m}`;
	if (s.kind === 'topN') return `The ${s.n} practices in the footprint with the highest ${m}`;
	const min = isShare(rule.measure) ? pct(s.min) : String(s.min);
	return `Practices in the footprint with ${m} of at least ${min}`;
}

/** A value for a rule's threshold from what a person typed: shares in percent (50 → 0.5), scores as they are. */
export function thresholdFromInput(measure: RuleMeasure, typed: number): number {
	return isShare(measure) ? typed / 100 : typed;
}
/** The threshold as a person types it: 0.5 → 50 for shares. */
export function thresholdForInput(measure: RuleMeasure, min: number): number {
	return isShare(measure) ? Math.round(min * 100 * 1000) / 1000 : min;
}

export interface RankedPractice {
	code: string;
	value: number;
	/** Rank within the candidate list (1 = most deprived by the measure). */
	rank: number;
	/** Rank among the nation's practices by the same measure. */
	nationalRank: number;
	selected: boolean;
}

export interface RuleRanking {
	ranked: RankedPractice[];
	/** Footprint practices left out because of a quality flag (0 when the rule includes them). */
	excludedFlagged: string[];
	/** Footprint practices with no value for the rule's figure (cannot be ranked). */
	noValue: number;
	/** Why the rule cannot be applied at all (then `ranked` is empty). */
	unavailable: string | null;
}

export type RulePractice = { code: string; qualityFlags?: string | null };

const valueOf = (p: RulePractice, field: string): number | null => {
	const v = (p as Record<string, unknown>)[field];
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
const flagged = (p: RulePractice) => parseQualityFlags(p.qualityFlags).length > 0;

/**
 * Rank the footprint's practices by the rule's figure and mark those the rule selects.
 * `national` is every practice (national ranks count those with a value: one nation's, as each
 * index covers one nation); `inFootprint` the candidates. Flagged practices are left out of both
 * unless `rule.includeFlagged`.
 */
export function rankByRule(
	rule: MembershipRule,
	national: readonly RulePractice[],
	inFootprint: readonly RulePractice[]
): RuleRanking {
	const field = ruleField(rule.vintage, rule.measure);
	if (!field)
		return { ranked: [], excludedFlagged: [], noValue: inFootprint.length, unavailable: ruleUnavailable(rule) };
	const keep = (p: RulePractice) => rule.includeFlagged || !flagged(p);
	const nationalKept = national.filter((p) => keep(p) && valueOf(p, field) !== null);
	const nationalRanks = competitionRank(nationalKept.map((p) => valueOf(p, field)));
	const nationalRankOf = new Map(nationalKept.map((p, i) => [p.code, nationalRanks[i]!]));
	const excludedFlagged = inFootprint.filter((p) => !keep(p) && valueOf(p, field) !== null).map((p) => p.code);
	const candidates = inFootprint.filter((p) => keep(p) && valueOf(p, field) !== null);
	const localRanks = competitionRank(candidates.map((p) => valueOf(p, field)));
	const s = rule.selection;
	const cut = s.kind === 'nationalTop' ? Math.floor(s.fraction * nationalKept.length + 1e-9) : 0;
	const ranked = candidates.map((p, i) => {
		const value = valueOf(p, field)!;
		const rank = localRanks[i]!;
		const nationalRank = nationalRankOf.get(p.code) ?? rank;
		const selected = s.kind === 'topN' ? rank <= s.n : s.kind === 'threshold' ? value >= s.min : nationalRank <= cut;
		return { code: p.code, value, rank, nationalRank, selected };
	});
	ranked.sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
	return {
		ranked,
		excludedFlagged,
		noValue: inFootprint.filter((p) => valueOf(p, field) === null).length,
		unavailable: null
	};
}
