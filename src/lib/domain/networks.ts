// Deep End networks: footprints and membership rules, and the ranking a rule implies.
import { competitionRank } from './metrics';
import type { Practice } from './practice';

/** Measures a membership rule can rank practices by; higher = more deprived for all of them. */
export type RuleMeasure = 'share10' | 'share15' | 'share20' | 'imdScore' | 'locationImdScore';

export const RULE_MEASURE_LABELS: Record<RuleMeasure, string> = {
	share10: "share of patients in England's most deprived 10% of LSOAs",
	share15: "share of patients in England's most deprived 15% of LSOAs",
	share20: "share of patients in England's most deprived 20% of LSOAs",
	imdScore: 'patient-weighted IMD 2025 score',
	locationImdScore: "IMD 2025 score of the practice's own LSOA"
};

export type Selection =
	/** Practices in the footprint whose national rank by the measure is in the top `fraction` of all practices. */
	| { kind: 'nationalTop'; fraction: number }
	/** The `n` highest-ranked practices within the footprint. */
	| { kind: 'topN'; n: number }
	/** Practices whose measure is at least `min` (a share 0–1, or a score). */
	| { kind: 'threshold'; min: number };

export interface MembershipRule {
	measure: RuleMeasure;
	selection: Selection;
}

export type Footprint = { kind: 'icb' | 'region' | 'sicbl' | 'lad' | 'country'; codes: string[]; description: string };

export interface Network {
	id: string;
	name: string;
	shortName: string;
	country: string;
	status: 'established' | 'proposed';
	footprint: Footprint | null;
	footprintCodesFromSource: boolean;
	statedRule: string;
	rule: MembershipRule | null;
	ruleNote: string;
	publishedMemberCount: number | null;
	sourceUrl: string;
	otherSources: string[];
}

export interface RankedPractice {
	code: string;
	value: number;
	/** Rank within the candidate list (1 = most deprived by the measure). */
	rank: number;
	/** Rank among all practices in England by the same measure. */
	nationalRank: number;
	selected: boolean;
}

type Measured = Pick<Practice, 'code' | RuleMeasure>;

export function describeRule(rule: MembershipRule): string {
	const m = RULE_MEASURE_LABELS[rule.measure];
	const s = rule.selection;
	if (s.kind === 'nationalTop')
		return `Practices in the footprint ranked in the top ${Math.round(s.fraction * 100)}% of England's practices by ${m}`;
	if (s.kind === 'topN') return `The ${s.n} practices in the footprint with the highest ${m}`;
	const min = rule.measure.startsWith('share') ? `${Math.round(s.min * 100)}%` : String(s.min);
	return `Practices in the footprint with ${m} of at least ${min}`;
}

/**
 * Rank the footprint's practices by the rule's measure and mark those the rule selects.
 * `national` is every practice in England (for national ranks); `inFootprint` the candidates.
 * Practices without a value for the measure are left out (they cannot be ranked).
 */
export function rankByRule(
	rule: MembershipRule,
	national: readonly Measured[],
	inFootprint: readonly Measured[]
): RankedPractice[] {
	const nationalValues = national.map((p) => p[rule.measure]);
	const nationalRanks = competitionRank(nationalValues, true);
	const nationalRankOf = new Map(national.map((p, i) => [p.code, nationalRanks[i]]));
	const nationalCount = nationalValues.filter((v) => v !== null).length;
	const candidates = inFootprint.filter((p) => p[rule.measure] !== null);
	const localRanks = competitionRank(
		candidates.map((p) => p[rule.measure]),
		true
	);
	const ranked = candidates.map((p, i) => {
		const value = p[rule.measure] as number;
		const rank = localRanks[i]!;
		const nationalRank = nationalRankOf.get(p.code) ?? rank;
		const s = rule.selection;
		const selected =
			s.kind === 'topN'
				? rank <= s.n
				: s.kind === 'threshold'
					? value >= s.min
					: nationalRank <= Math.floor(s.fraction * nationalCount);
		return { code: p.code, value, rank, nationalRank, selected };
	});
	return ranked.sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
}

/** Is the practice inside the footprint? Uses the practice's ICB/Sub-ICB codes, or its location's region. */
export function inFootprint(f: Footprint, p: Pick<Practice, 'icbCode' | 'sicblCode' | 'region'>): boolean {
	switch (f.kind) {
		case 'icb':
			return f.codes.includes(p.icbCode);
		case 'sicbl':
			return f.codes.includes(p.sicblCode);
		case 'region':
			return p.region !== null && f.codes.includes(p.region);
		default:
			return false; // LAD and country footprints hold no English practices in this atlas's data
	}
}
