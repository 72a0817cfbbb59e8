// An evidence brief's figures, for an ICB, Sub-ICB location, PCN, practice or Deep End network: who
// is in it, its deprivation profile, provision against England and against practices of similar
// deprivation, shortfall net and gross, the equity measures, and its most under-provided practices.
// Pure: the page hands it the loaded tables. Tested in tests/briefs.test.ts.
import { isEnglish, type AppPractice } from '$lib/data/practices';
import type { AppNetwork } from '$lib/data/networks';
import type { AreaRecord } from '$lib/data/areas';
import { groupRate, quintileRatio, deprivationSlope, shortfall, deepEndCutoff, isDeepEnd } from '$lib/domain/equity';
import type { QuintileRatio, DeprivationSlope, Shortfall } from '$lib/domain/equity';
import { practiceShortfalls, quintileTable, referenceRates, type PracticeShortfall } from '$lib/journeys/commission';
import type { QuintileTable, ReferenceRates } from '$lib/journeys/commission';
import { equityMember, fteCounts } from './adapt';
import { NATION_NAME, type Nation } from '$lib/domain/nations';

export const BRIEF_LEVELS = ['icb', 'sicbl', 'pcn', 'practice', 'network'] as const;
export type BriefLevel = (typeof BRIEF_LEVELS)[number];

export const BRIEF_LEVEL_LABELS: Record<BriefLevel, string> = {
	icb: 'Integrated care board',
	sicbl: 'Sub-ICB location',
	pcn: 'Primary care network',
	practice: 'GP practice',
	network: 'Deep End network (estimated membership)'
};

/** The level in a brief URL; `subicb` is read as `sicbl`. */
export function parseBriefLevel(s: string | undefined): BriefLevel | null {
	const v = (s ?? '').toLowerCase();
	if (v === 'subicb' || v === 'sub-icb') return 'sicbl';
	return (BRIEF_LEVELS as readonly string[]).includes(v) ? (v as BriefLevel) : null;
}

export interface BriefSubject {
	level: BriefLevel;
	code: string;
	name: string;
	/** The practices the brief is about (one for a practice). */
	practices: AppPractice[];
	/** Practices the "most under-provided" table lists: the subject's, or for a practice its PCN's. */
	peers: AppPractice[];
	peersLabel: string;
	/** Where it sits (e.g. "NHS North East and North Cumbria ICB"), if anywhere. */
	parent: string | null;
	/** For a network: its rule in words and a note that membership is an estimate. */
	note: string | null;
}

export type SubjectResult = { ok: true; subject: BriefSubject } | { ok: false; reason: string };

/**
 * Who a brief is about, among England's practices only: a brief compares GP FTE per need-weighted
 * patient with England's, which Wales (no practice workforce published) and Scotland (headcount, no
 * need weighting) cannot give. A Welsh or Scottish subject gets a reason, not England's figures.
 */
export function englishBriefSubject(
	level: BriefLevel,
	rawCode: string,
	practices: readonly AppPractice[],
	areas: readonly AreaRecord[],
	networks: readonly AppNetwork[]
): SubjectResult {
	const english = practices.filter(isEnglish);
	const other = practices.find((p) => p.code === rawCode.trim().toUpperCase() && !isEnglish(p));
	if (level === 'practice' && other)
		return {
			ok: false,
			reason: `${other.name} (${other.code}) is in ${NATION_NAME[other.nation as Nation]}; ${OUTSIDE}`
		};
	const found = briefSubject(level, rawCode, english, areas, networks);
	if (found.ok && level === 'network' && found.subject.practices.length === 0)
		return { ok: false, reason: `${found.subject.name} has no practices in England; ${OUTSIDE}` };
	return found;
}

const OUTSIDE =
	'briefs cover England only, where practice GP FTE and need-weighted lists are published (Wales publishes no practice workforce; Scotland publishes GP headcount without need weighting)';

/** Who a brief is about, from its level and code. */
export function briefSubject(
	level: BriefLevel,
	rawCode: string,
	practices: readonly AppPractice[],
	areas: readonly AreaRecord[],
	networks: readonly AppNetwork[]
): SubjectResult {
	const code = level === 'network' ? rawCode.trim() : rawCode.trim().toUpperCase();
	const areaName = (c: string) => areas.find((a) => a.code === c)?.name ?? c;
	if (level === 'practice') {
		const p = practices.find((x) => x.code === code);
		if (!p) return { ok: false, reason: `no practice with code ${code}` };
		const pcn = p.pcnCode && p.pcnCode !== 'U' ? practices.filter((x) => x.pcnCode === p.pcnCode) : [p];
		return {
			ok: true,
			subject: {
				level,
				code,
				name: p.name,
				practices: [p],
				peers: pcn,
				peersLabel: pcn.length > 1 ? `practices in ${p.pcnName || p.pcnCode}` : 'this practice',
				parent: [p.pcnName, areaName(p.icbCode)].filter(Boolean).join(' · '),
				note: null
			}
		};
	}
	if (level === 'network') {
		const n = networks.find((x) => x.id === code);
		if (!n) return { ok: false, reason: `no Deep End network with id ${code}` };
		const members = new Set((n.estimatedMembers ?? []).filter((m) => m.selected).map((m) => m.code));
		if (!members.size)
			return { ok: false, reason: `${n.name} has no practices the atlas can estimate (no English footprint or rule)` };
		const list = practices.filter((p) => members.has(p.code));
		return {
			ok: true,
			subject: {
				level,
				code,
				name: n.name,
				practices: list,
				peers: list,
				peersLabel: 'estimated member practices',
				parent: n.footprint?.description ?? null,
				note: `Members estimated by the atlas: ${n.ruleDescription ?? 'the network’s rule'}. No network publishes a list of practice codes.`
			}
		};
	}
	const field = level === 'icb' ? 'icbCode' : level === 'sicbl' ? 'sicblCode' : 'pcnCode';
	const list = practices.filter((p) => p[field] === code);
	if (!list.length) return { ok: false, reason: `no practices in ${BRIEF_LEVEL_LABELS[level]} ${code}` };
	const parentCode = level === 'icb' ? null : list[0].icbCode;
	return {
		ok: true,
		subject: {
			level,
			code,
			name: level === 'pcn' ? list[0].pcnName || areaName(code) : areaName(code),
			practices: list,
			peers: list,
			peersLabel: 'practices',
			parent: parentCode ? areaName(parentCode) : null,
			note: null
		}
	};
}

export interface BriefFigures {
	practices: number;
	practicesWithFte: number;
	patients: number;
	weightedPatients: number;
	rate: number | null;
	englandRate: number;
	/** The rate the subject would have if each practice had its national IMD decile's rate. */
	similarRate: number | null;
	/** Net shortfall against England (overall rate vs England's), and gross (sum over practices below it). */
	vsEngland: Shortfall;
	vsSimilar: Shortfall | null;
	/** Patient-weighted IMD 2025 score and share of patients in each national IMD decile (0 = most deprived). */
	imdScore: number | null;
	/** England's patient-weighted IMD 2025 score over all practices. */
	englandImdScore: number | null;
	decileShares: number[] | null;
	share15: number | null;
	deepEndPractices: number;
	ratio: QuintileRatio;
	/** England's own most ÷ least deprived fifth ratio. */
	englandRatio: number | null;
	slope: DeprivationSlope;
	quintiles: QuintileTable;
	/** The peers below England's rate, largest gross shortfall first. */
	mostShort: PracticeShortfall[];
	withoutFte: number;
}

/** Patient-weighted mean of practice IMD 2025 scores (practices with a score and a list). */
export function patientWeightedImd(practices: readonly Pick<AppPractice, 'patients' | 'imdScore'>[]): number | null {
	let sum = 0;
	let n = 0;
	for (const p of practices) {
		if (p.imdScore === null || !p.patients) continue;
		sum += p.imdScore * p.patients;
		n += p.patients;
	}
	return n > 0 ? sum / n : null;
}

/** Weighted mean of the practices' decile shares, weighted by patients. */
export function decileProfile(practices: readonly Pick<AppPractice, 'patients' | 'decileShares'>[]): number[] | null {
	const sum = Array(10).fill(0);
	let total = 0;
	for (const p of practices) {
		if (!p.decileShares || !p.patients) continue;
		p.decileShares.forEach((s, i) => (sum[i] += s * p.patients!));
		total += p.patients;
	}
	return total > 0 ? sum.map((s) => s / total) : null;
}

/** Weighted patients × each practice's decile rate, pooled: the rate of "practices like these". */
export function similarRate(practices: readonly AppPractice[], rates: ReferenceRates): number | null {
	let expected = 0;
	let weighted = 0;
	for (const p of practices) {
		if (!fteCounts(p) || p.imdDecile === null) continue;
		const r = rates.byDecile[p.imdDecile - 1];
		if (r === null || r === undefined) continue;
		expected += r * p.weightedPatients!;
		weighted += p.weightedPatients!;
	}
	return weighted > 0 ? expected / weighted : null;
}

export function briefFigures(subject: BriefSubject, all: readonly AppPractice[], rates: ReferenceRates): BriefFigures {
	const ps = subject.practices;
	const members = ps.map(equityMember);
	const g = groupRate(members);
	const similar = similarRate(ps, rates);
	const cutoff = deepEndCutoff(all.filter((p) => p.deepEndRank !== null).length);
	const patients = ps.reduce((t, p) => t + (p.patients ?? 0), 0);
	const shareSum = ps.reduce((t, p) => t + (p.share15 !== null && p.patients ? p.share15 * p.patients : 0), 0);
	const sharePatients = ps.reduce((t, p) => t + (p.share15 !== null && p.patients ? p.patients : 0), 0);
	const engImd = patientWeightedImd(all);
	const peerShort = practiceShortfalls(subject.peers, rates, 'england');
	return {
		practices: ps.length,
		practicesWithFte: g.practicesWithFte,
		patients,
		weightedPatients: ps.reduce((t, p) => t + (p.weightedPatients ?? 0), 0),
		rate: g.rate,
		englandRate: rates.england,
		similarRate: similar,
		vsEngland: shortfall(members, rates.england),
		vsSimilar: similar === null ? null : similarShortfall(ps, rates),
		imdScore: patientWeightedImd(ps),
		englandImdScore: engImd,
		decileShares: decileProfile(ps),
		share15: sharePatients > 0 ? shareSum / sharePatients : null,
		deepEndPractices: ps.filter((p) => isDeepEnd(p.deepEndRank, cutoff)).length,
		ratio: quintileRatio(members),
		englandRatio: quintileRatio(all.map(equityMember)).ratio,
		slope: deprivationSlope(members),
		quintiles: quintileTable(ps, all),
		mostShort: peerShort.rows.filter((r) => r.shortfallEngland > 0),
		withoutFte: ps.filter((p) => !fteCounts(p)).length
	};
}

/** Shortfall against each practice's own decile rate (similar deprivation), net and gross. */
function similarShortfall(ps: readonly AppPractice[], rates: ReferenceRates): Shortfall {
	const out: Shortfall = { net: 0, gross: 0, practicesShort: 0, practicesWithFte: 0 };
	for (const p of ps) {
		const r = p.imdDecile === null ? null : rates.byDecile[p.imdDecile - 1];
		if (!fteCounts(p) || r === null || r === undefined) continue;
		const s = shortfall([equityMember(p)], r);
		out.net += s.net;
		out.gross += s.gross;
		out.practicesShort += s.practicesShort;
		out.practicesWithFte++;
	}
	return out;
}

export { referenceRates };
