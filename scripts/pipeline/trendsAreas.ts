// Trends, per area: practices' series summed into today's PCN, Sub-ICB, ICB and NHS region (current
// geography), IoD2025 IMD quintiles of today's practices, England (every practice in a year's file),
// and the practices in no area (closed or merged since; today's practices in no PCN). The parts add up
// to England in every year: tests/trends-output.test.ts checks it on the full build.
import { emptyPaymentsSums, emptyWorkforceSums, type FinancialYear } from '../../src/lib/domain/trends';
import { competitionRank } from '../../src/lib/domain/metrics';
import type { Practice } from '../../src/lib/domain/practice';
import {
	addPracticeTrend,
	type AreaTrend,
	type DeprivationChange,
	type PracticeTrend,
	type TrendLevel
} from '../../src/lib/domain/formats/trends';

const ENGLAND = 'E92000001';

/** England's practices only: the trends are English data (practices of other nations have no ICB). */
export const isEnglishPractice = (p: Practice) => /^E54\d{6}$/.test(p.icbCode);

interface AreaId {
	level: TrendLevel;
	code: string;
	name: string;
	parentCode: string;
}

const QUINTILE_NAMES = ['Q1 (least deprived)', 'Q2', 'Q3', 'Q4', 'Q5 (most deprived)'];

/** The areas a practice of today's mapping file belongs to. */
function areasOf(p: Practice): AreaId[] {
	const ids: AreaId[] = [
		{ level: 'nhser', code: p.nhserCode, name: p.nhserName, parentCode: ENGLAND },
		{ level: 'icb', code: p.icbCode, name: p.icbName, parentCode: p.nhserCode },
		{ level: 'sicbl', code: p.sicblCode, name: p.sicblName, parentCode: p.icbCode },
		p.pcnCode === 'U'
			? { level: 'no-pcn', code: 'U', name: 'Practices in no PCN', parentCode: ENGLAND }
			: { level: 'pcn', code: p.pcnCode, name: p.pcnName, parentCode: p.sicblCode }
	];
	if (p.imdQuintile !== null)
		ids.push({
			level: 'quintile',
			code: `Q${p.imdQuintile}`,
			name: QUINTILE_NAMES[p.imdQuintile - 1],
			parentCode: ENGLAND
		});
	return ids;
}

function emptyArea(id: AreaId, nw: number, np: number): AreaTrend {
	return {
		...id,
		workforce: emptyWorkforceSums(nw),
		payments: emptyPaymentsSums(np),
		cqc: { Outstanding: 0, Good: 0, 'Requires improvement': 0, Inadequate: 0, none: 0 },
		lifeExpectancy: null
	};
}

function addPractice(a: AreaTrend, t: PracticeTrend | undefined) {
	if (t) addPracticeTrend(a, t);
}

/** Sums as written: FTE to 0.01, patients and pounds to whole numbers (float noise left out of the file). */
function roundSums(a: AreaTrend) {
	const r = (v: number, dp = 0) => Math.round(v * 10 ** dp) / 10 ** dp;
	a.workforce.gpFte = a.workforce.gpFte.map((v) => r(v, 2));
	a.workforce.weightedPatients = a.workforce.weightedPatients.map((v) => r(v));
	a.payments.weightedPatients = a.payments.weightedPatients.map((v) => r(v));
	a.payments.total = a.payments.total.map((v) => r(v));
	a.payments.covid = a.payments.covid.map((v) => (v === null ? null : r(v)));
	a.payments.pcn = a.payments.pcn.map((v) => (v === null ? null : r(v)));
}

export interface TrendAreas {
	england: AreaTrend;
	quintiles: AreaTrend[];
	unassigned: AreaTrend;
	noPcn: AreaTrend;
	areas: AreaTrend[];
}

export function buildTrendAreas(
	series: ReadonlyMap<string, PracticeTrend>,
	practices: readonly Practice[],
	workforceYears: readonly FinancialYear[],
	paymentsYears: readonly FinancialYear[]
): TrendAreas {
	const nw = workforceYears.length;
	const np = paymentsYears.length;
	const england = emptyArea({ level: 'england', code: ENGLAND, name: 'England', parentCode: '' }, nw, np);
	const unassigned = emptyArea(
		{
			level: 'unassigned',
			code: 'closed',
			name: 'Practices closed or merged since (in no area today)',
			parentCode: ENGLAND
		},
		nw,
		np
	);
	const groups = new Map<string, AreaTrend>();
	const leSums = new Map<AreaTrend, { year: number; f: number; fw: number; m: number; mw: number; n: number }>();
	const latestLe = Math.max(0, ...[...series.values()].map((t) => t.lifeExpectancy?.year ?? 0));
	const english = practices.filter(isEnglishPractice);
	const today = new Map(english.map((p) => [p.code, p]));
	for (const [code, t] of series) {
		addPractice(england, t);
		if (!today.has(code)) addPractice(unassigned, t);
	}
	for (const p of english) {
		const t = series.get(p.code);
		for (const target of [england, ...areasOf(p)]) {
			let a: AreaTrend;
			if (target === england) a = england;
			else {
				const id = target as AreaId;
				const key = `${id.level} ${id.code}`;
				a = groups.get(key) ?? emptyArea(id, nw, np);
				groups.set(key, a);
				addPractice(a, t);
			}
			// Context of today's practices (England included).
			a.cqc[t?.cqc?.rating ?? 'none']++;
			const le = t?.lifeExpectancy;
			if (le && le.year === latestLe && p.patients) {
				const s = leSums.get(a) ?? { year: le.year, f: 0, fw: 0, m: 0, mw: 0, n: 0 };
				if (le.female !== null) {
					s.f += le.female * p.patients;
					s.fw += p.patients;
				}
				if (le.male !== null) {
					s.m += le.male * p.patients;
					s.mw += p.patients;
				}
				s.n++;
				leSums.set(a, s);
			}
		}
	}
	for (const [a, s] of leSums)
		a.lifeExpectancy = {
			year: s.year,
			female: s.fw > 0 ? Math.round((s.f / s.fw) * 100) / 100 : null,
			male: s.mw > 0 ? Math.round((s.m / s.mw) * 100) / 100 : null,
			practices: s.n
		};
	const all = [...groups.values()];
	for (const a of [england, unassigned, ...all]) roundSums(a);
	const order: TrendLevel[] = ['nhser', 'icb', 'sicbl', 'pcn'];
	const areas = all
		.filter((a) => order.includes(a.level))
		.sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level) || a.code.localeCompare(b.code));
	const quintiles = [1, 2, 3, 4, 5].map(
		(q) =>
			groups.get(`quintile Q${q}`) ??
			emptyArea({ level: 'quintile', code: `Q${q}`, name: QUINTILE_NAMES[q - 1], parentCode: ENGLAND }, nw, np)
	);
	const noPcn =
		groups.get('no-pcn U') ??
		emptyArea({ level: 'no-pcn', code: 'U', name: 'Practices in no PCN', parentCode: ENGLAND }, nw, np);
	return { england, quintiles, unassigned, noPcn, areas };
}

/**
 * Deprivation change per practice: IoD2019 and IoD2025 patient-weighted scores, each ranked among the
 * practices given (1 = most deprived; ties share a rank), with how many were ranked under each.
 */
export function deprivationChange(practices: readonly Practice[]): {
	get(code: string): DeprivationChange | undefined;
	ranked: { imd2019: number; imd2025: number };
} {
	const r2019 = competitionRank(practices.map((p) => p.imdScore2019));
	const r2025 = competitionRank(practices.map((p) => p.imdScore));
	const r = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
	const byCode = new Map(
		practices.map((p, i) => [
			p.code,
			{ imd2019: r(p.imdScore2019), rank2019: r2019[i], imd2025: r(p.imdScore), rank2025: r2025[i] }
		])
	);
	return {
		get: (code) => byCode.get(code),
		ranked: {
			imd2019: r2019.filter((x) => x !== null).length,
			imd2025: r2025.filter((x) => x !== null).length
		}
	};
}
