// Recruit's CSV export: the ranked footprint with the rule, its vintage, the quality flags and the
// sources in "# " header lines. Numbers are rounded as people read them: patients to whole people,
// distances to 0.1 km, shares to 0.1 percentage point, scores and rates to 2 decimals.
import { describeRule, RULE_VINTAGE_LABELS, type MembershipRule } from '$lib/domain/networks';
import { describeQualityFlags, QUALITY_FLAG_CODES, QUALITY_FLAGS } from '$lib/domain/practiceFlags';
import { csvWithHeader, type CsvColumn } from './exportCsv';
import type { CandidateRanking, CandidateRow } from './recruit';

const round = (v: number | null, dp: number) => (v === null ? null : Math.round(v * 10 ** dp) / 10 ** dp);
/** A share as a percentage with one decimal (0.48765 → 48.8). */
const pct1 = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export interface RecruitExportInfo {
	/** What the footprint is: the network's name, or the custom footprint's description. */
	where: string;
	rule: MembershipRule;
	/** "from members.csv (31 practices)", or null when no list was loaded. */
	members: string | null;
	/** The data line naming every input's vintage. */
	dataLine: string;
	/** yyyy-mm-dd. */
	generated: string;
}

export function recruitCsv(ranking: CandidateRanking, info: RecruitExportInfo): string {
	const share = info.rule.measure.startsWith('share');
	const excluded = ranking.excludedFlagged.length;
	const columns: CsvColumn<CandidateRow>[] = [
		{ key: 'rank', label: 'rank_in_footprint' },
		{ key: 'nationalRank', label: 'national_rank' },
		{ key: 'code', label: 'practice_code' },
		{ key: 'name', label: 'practice_name' },
		{ key: 'postcode', label: 'postcode' },
		{ key: 'pcnCode', label: 'pcn_code' },
		{ key: 'pcnName', label: 'pcn_name' },
		share
			? { key: 'value', label: `rule_value_${info.rule.measure}_pct`, value: (r) => pct1(r.value) }
			: { key: 'value', label: `rule_value_${info.rule.measure}`, value: (r) => round(r.value, 2) },
		{ key: 'selected', label: 'eligible_by_rule', value: (r) => (r.selected ? 'yes' : 'no') },
		{ key: 'isMember', label: 'current_member', value: (r) => (r.isMember ? 'yes' : 'no') },
		{ key: 'patients', label: 'registered_patients', value: (r) => round(r.patients, 0) },
		{ key: 'imdScore', label: 'imd_score', value: (r) => round(r.imdScore, 2) },
		{ key: 'gpFtePer10kWeighted', label: 'gp_fte_per_10k_weighted', value: (r) => round(r.gpFtePer10kWeighted, 2) },
		{ key: 'nearestMemberKm', label: 'km_to_nearest_member', value: (r) => round(r.nearestMemberKm, 1) },
		{ key: 'flags', label: 'quality_flags', value: (r) => describeQualityFlags(r.flags) }
	];
	return csvWithHeader(
		[
			`Deep End Atlas: practices ranked for recruitment, ${info.where}`,
			`Rule: ${describeRule(info.rule)}. Vintage: ${RULE_VINTAGE_LABELS[info.rule.vintage]}.`,
			info.rule.includeFlagged
				? 'Flagged practices (quality_flags) are ranked with the rest.'
				: `${excluded} flagged practice${excluded === 1 ? ' is' : 's are'} listed but left out of the rule's ranking (rank blank): ${QUALITY_FLAG_CODES.map((c) => `${QUALITY_FLAGS[c].label} = ${QUALITY_FLAGS[c].definition}`).join('; ')}`,
			info.members
				? `Members: ${info.members}`
				: 'Members: none loaded; distances are to the practices the rule selects',
			'Rounding: patients to whole people, shares to 0.1 percentage point, distances to 0.1 km, scores and rates to 2 decimals.',
			info.dataLine,
			'Licence: Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2025.',
			`Generated: ${info.generated}`
		],
		columns,
		ranking.rows
	);
}
