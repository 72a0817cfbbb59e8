// The league table: every ICB, Sub-ICB location or PCN with its equity measures (src/lib/domain/equity),
// the England line, and sorting. Pure: the page hands it the practice table and the area names.
import {
	deepEndCutoff,
	deprivationSlope,
	groupRate,
	isDeepEnd,
	quintileRatio,
	shortfall,
	type EquityMember
} from './equity';

export const LEAGUE_LEVELS = ['icb', 'sicbl', 'pcn'] as const;
export type LeagueLevel = (typeof LEAGUE_LEVELS)[number];

export const LEAGUE_LEVEL_LABELS: Record<LeagueLevel, { one: string; many: string }> = {
	icb: { one: 'ICB', many: 'Integrated care boards' },
	sicbl: { one: 'Sub-ICB location', many: 'Sub-ICB locations' },
	pcn: { one: 'PCN', many: 'Primary care networks' }
};

/** The level in a league or brief URL; `subicb` is read as `sicbl` (the atlas's name for a Sub-ICB location). */
export function parseLeagueLevel(s: string | undefined): LeagueLevel | null {
	const v = (s ?? '').toLowerCase();
	if (v === 'subicb' || v === 'sub-icb') return 'sicbl';
	return (LEAGUE_LEVELS as readonly string[]).includes(v) ? (v as LeagueLevel) : null;
}

/** What the league needs of a practice. `gpFte` counts only when `fteUsable`. */
export interface LeaguePractice {
	code: string;
	pcnCode: string;
	sicblCode: string;
	icbCode: string;
	patients: number | null;
	weightedPatients: number | null;
	gpFte: number | null;
	fteUsable: boolean;
	imdScore: number | null;
	imdQuintile: number | null;
	deepEndRank: number | null;
	implausible?: boolean;
}

export interface LeagueArea {
	code: string;
	name: string;
}

export interface LeagueRow {
	code: string;
	name: string;
	practices: number;
	patients: number;
	/** GP FTE per 10,000 weighted patients over the area's practices whose FTE counts. */
	rate: number | null;
	/** Q5 rate ÷ Q1 rate (national quintiles of practices). */
	ratio: number | null;
	rateMost: number | null;
	rateLeast: number | null;
	ratioCaveat: string | null;
	/** Slope of practice rate on IMD score, per 10 IMD points. */
	slope: number | null;
	slopeCaveat: string | null;
	deepEndPractices: number;
	/** Whole-time GPs short of England's rate in the area's Deep End practices, net and gross. */
	deepEndNet: number | null;
	deepEndGross: number | null;
	/** Practices with a quality flag, left out of the ratio and slope (kept in rates and shortfalls). */
	excluded: number;
	/** Measures added after the table is built (e.g. trends), by column key, and why one is flagged. */
	extra: Record<string, number | null>;
	extraCaveats: Record<string, string | null>;
}

const levelCode = (p: LeaguePractice, level: LeagueLevel | 'england') =>
	level === 'england'
		? 'E92000001'
		: level === 'icb'
			? p.icbCode
			: level === 'sicbl'
				? p.sicblCode
				: p.pcnCode && p.pcnCode !== 'U'
					? p.pcnCode
					: null;

const asMember = (p: LeaguePractice): EquityMember => ({
	gpFte: p.fteUsable ? p.gpFte : null,
	weightedPatients: p.weightedPatients,
	imdScore: p.imdScore,
	imdQuintile: p.imdQuintile,
	implausible: p.implausible
});

function row(code: string, name: string, members: LeaguePractice[], englandRate: number, cutoff: number): LeagueRow {
	const eq = members.map(asMember);
	const q = quintileRatio(eq);
	const s = deprivationSlope(eq);
	const deep = members.filter((p) => isDeepEnd(p.deepEndRank, cutoff));
	const deepShort = deep.length ? shortfall(deep.map(asMember), englandRate) : null;
	return {
		code,
		name,
		practices: members.length,
		patients: members.reduce((t, p) => t + (p.patients ?? 0), 0),
		rate: groupRate(eq).rate,
		ratio: q.ratio,
		rateMost: q.most.rate,
		rateLeast: q.least.rate,
		ratioCaveat: q.caveat,
		slope: s.per10,
		slopeCaveat: s.caveat,
		deepEndPractices: deep.length,
		deepEndNet: deepShort && deepShort.practicesWithFte ? deepShort.net : null,
		deepEndGross: deepShort && deepShort.practicesWithFte ? deepShort.gross : null,
		excluded: members.filter((p) => p.implausible).length,
		extra: {},
		extraCaveats: {}
	};
}

export interface League {
	level: LeagueLevel;
	rows: LeagueRow[];
	england: LeagueRow;
	/** The Deep End cut used (Deep End rank ≤ this). */
	deepEndCutoff: number;
	/** Practices in no area of this level (e.g. PCN code "U"). */
	unassigned: number;
}

/** Every area of the level with its measures, and England's line (England's own rate is the reference). */
export function buildLeague(
	practices: readonly LeaguePractice[],
	areas: readonly LeagueArea[],
	level: LeagueLevel
): League {
	const cutoff = deepEndCutoff(practices.filter((p) => p.deepEndRank !== null).length);
	const englandRate = groupRate(practices.map(asMember)).rate ?? 0;
	const byArea = new Map<string, LeaguePractice[]>();
	let unassigned = 0;
	for (const p of practices) {
		const c = levelCode(p, level);
		if (!c) {
			unassigned++;
			continue;
		}
		let list = byArea.get(c);
		if (!list) byArea.set(c, (list = []));
		list.push(p);
	}
	const names = new Map(areas.map((a) => [a.code, a.name]));
	const codes = new Set([...areas.map((a) => a.code), ...byArea.keys()]);
	const rows = [...codes].map((c) => row(c, names.get(c) ?? c, byArea.get(c) ?? [], englandRate, cutoff));
	return {
		level,
		rows,
		england: row('E92000001', 'England', [...practices], englandRate, cutoff),
		deepEndCutoff: cutoff,
		unassigned
	};
}

export type LeagueSortKey =
	| 'name'
	| 'practices'
	| 'patients'
	| 'rate'
	| 'ratio'
	| 'slope'
	| 'deepEndPractices'
	| 'deepEndNet'
	| 'deepEndGross'
	| `extra:${string}`;

export const sortValue = (r: LeagueRow, key: LeagueSortKey): number | string | null =>
	key.startsWith('extra:')
		? (r.extra[key.slice(6)] ?? null)
		: (r[key as Exclude<LeagueSortKey, `extra:${string}`>] ?? null);

/** Why this row's value for the key is flagged (shown, but sorted after the ranked rows), or null. */
export const caveatOf = (r: LeagueRow, key: LeagueSortKey): string | null =>
	key === 'ratio'
		? r.ratioCaveat
		: key === 'slope'
			? r.slopeCaveat
			: key.startsWith('extra:')
				? (r.extraCaveats[key.slice(6)] ?? null)
				: null;

export const isCaveated = (r: LeagueRow, key: LeagueSortKey) => caveatOf(r, key) !== null;

/** One collator for every comparison (String.localeCompare builds one per call: slow over 1,297 rows). */
const collate = new Intl.Collator('en-GB').compare;

/**
 * Rows sorted by a column: ranked rows first (ascending or descending), then caveated rows in the same
 * order, then rows with no value; ties by name. Returns a new array.
 */
export function sortLeague(rows: readonly LeagueRow[], key: LeagueSortKey, dir: 'asc' | 'desc'): LeagueRow[] {
	const sign = dir === 'asc' ? 1 : -1;
	const tier = (r: LeagueRow) => (sortValue(r, key) === null ? 2 : isCaveated(r, key) ? 1 : 0);
	return rows
		.map((r) => ({ r, t: tier(r), v: sortValue(r, key) }))
		.sort((a, b) => {
			if (a.t !== b.t) return a.t - b.t;
			if (a.v !== null && b.v !== null && a.v !== b.v)
				return typeof a.v === 'string'
					? sign * collate(a.v, b.v as string)
					: sign * ((a.v as number) - (b.v as number));
			return collate(a.r.name, b.r.name) || collate(a.r.code, b.r.code);
		})
		.map((e) => e.r);
}

/** Rank (1 = first) of each ranked row in a sorted list; caveated and empty rows get null. */
export function ranks(sorted: readonly LeagueRow[], key: LeagueSortKey): Map<string, number> {
	const out = new Map<string, number>();
	let k = 0;
	for (const r of sorted) if (sortValue(r, key) !== null && !isCaveated(r, key)) out.set(r.code, ++k);
	return out;
}
