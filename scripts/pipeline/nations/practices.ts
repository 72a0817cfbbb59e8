// Welsh and Scottish practices as practice records (src/lib/domain/practice.ts): located by their
// postcode in Code-Point Open, placed in the neighbourhood containing them, with what each nation
// publishes. England-only fields are null or empty (no PCN, ICB, FTE or IoD2025 shares), never 0.
import { per10kRegistered } from '../../../src/lib/domain/nations';
import type { Practice } from '../../../src/lib/domain/practice';
import type { Located } from '../practices';
import type { GpHeadcountRow, ScottishPracticeRow, WalesPracticeDeprivation, WelshPracticeRow } from '../inputs';
import { nationFields } from './practiceFields';

export interface NationPracticeInputs {
	locate: (postcode: string) => Located | null;
	/** The Welsh LSOA or Scottish data zone containing a point, with its decile; null outside. */
	neighbourhoodAt: (lon: number, lat: number) => { code: string; decile: number } | null;
}

/** The fields every non-English practice shares: England's organisation and measures left empty. */
function base(code: string, name: string, address: string, postcode: string, input: NationPracticeInputs) {
	const where = input.locate(postcode);
	const hood = where ? input.neighbourhoodAt(where.lon, where.lat) : null;
	return {
		record: {
			code,
			name,
			address,
			postcode,
			lat: where ? Math.round(where.lat * 1e6) / 1e6 : null,
			lon: where ? Math.round(where.lon * 1e6) / 1e6 : null,
			locationSource: where ? where.source : 'none',
			lsoa: null,
			region: null,
			pcnCode: '',
			pcnName: '',
			sicblCode: '',
			sicblOds: '',
			sicblName: '',
			icbCode: '',
			icbOds: '',
			icbName: '',
			nhserCode: '',
			nhserName: '',
			needRatio: null,
			needRatioDefaulted: false,
			weightedPatients: null,
			fteStatus: 'not-published',
			gpFte: null,
			gpFteAll: null,
			nurseFte: null,
			dpcFte: null,
			gpFtePer10kWeighted: null,
			gpFteAllPer10kWeighted: null,
			nurseFtePer10kWeighted: null,
			dpcFtePer10kWeighted: null,
			listedPatients2023: 0,
			unplacedNoLsoa: 0,
			unplacedWelsh: 0,
			unplacedUnknown: 0,
			unplacedShare: null,
			imdScore: null,
			share10: null,
			share15: null,
			share20: null,
			decileShares: null,
			imdScore2019: null,
			deepEndRank: null,
			imdQuintile: null,
			locationImdScore: null
		} satisfies Partial<Practice>,
		neighbourhood: hood,
		located: where !== null
	};
}

/**
 * Welsh practices: active W… GP practices in epraccur; list size and the share of patients in the
 * 20% most deprived WIMD 2019 LSOAs from StatsWales (April 2024): `wimdShare20` = patients in the
 * most deprived 20% ÷ patients, null when StatsWales suppresses the practice or does not list it.
 */
export function buildWelshPractices(
	practices: readonly WelshPracticeRow[],
	deprivation: ReadonlyMap<string, WalesPracticeDeprivation>,
	input: NationPracticeInputs
): Practice[] {
	return practices.map((p) => {
		const b = base(p.code, p.name, p.address, p.postcode, input);
		const d = deprivation.get(p.code);
		const share = d && !d.suppressed && d.patients! > 0 ? d.deprived20! / d.patients! : null;
		return {
			...b.record,
			patients: d?.patients ?? null,
			patientsSource: d ? 'statswales-2024-04' : 'none',
			...nationFields('W', {
				healthBoard: p.healthBoard || null,
				wimdShare20: share,
				premisesDecile: b.neighbourhood?.decile ?? null
			})
		} as Practice;
	});
}

/**
 * Scottish practices: the PHS list (October 2024) with list size, health board and premises data
 * zone; GP headcount by designation per 10,000 registered patients (headcount, unweighted: not FTE).
 * A practice with no GP listed keeps null headcount (PHS lists none), not 0.
 */
export function buildScottishPractices(
	practices: readonly ScottishPracticeRow[],
	headcount: ReadonlyMap<string, GpHeadcountRow>,
	deciles: ReadonlyMap<string, number>,
	input: NationPracticeInputs
): Practice[] {
	return practices.map((p) => {
		const b = base(p.code, p.name, p.address, p.postcode, input);
		const h = headcount.get(p.code);
		// The premises data zone as PHS gives it; the one containing the postcode when PHS has none.
		const zone = p.dataZone ?? b.neighbourhood?.code ?? null;
		return {
			...b.record,
			patients: p.listSize,
			patientsSource: 'phs-2024-10',
			...nationFields('S', {
				healthBoard: p.healthBoard,
				gpHeadcount: h?.headcount ?? null,
				gpHeadcountPer10k: h ? per10kRegistered(h.headcount, p.listSize) : null,
				gpPerformerHeadcount: h?.performer ?? null,
				gpSalariedHeadcount: h?.salaried ?? null,
				gpRegistrarHeadcount: h?.registrar ?? null,
				gpRetaineeHeadcount: h?.retainee ?? null,
				premisesDecile: zone ? (deciles.get(zone) ?? null) : null
			})
		} as Practice;
	});
}
