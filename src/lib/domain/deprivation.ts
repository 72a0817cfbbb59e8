// Practice deprivation: the deprivation of a practice's registered population, from its patients'
// home LSOAs. Registrations are on 2011 LSOAs (July 2023); IoD2025 is on 2021 LSOAs, so patients are
// first crossed from 2011 to 2021 LSOAs.
import { competitionRank, DEPRIVED_FRACTIONS, inMostDeprived } from './metrics';
import type { PopulationDeprivation } from './practice';

export interface CrosswalkTarget {
	code: string;
	/** Share of the 2011 LSOA's patients placed in this 2021 LSOA (shares of one 2011 LSOA sum to 1). */
	share: number;
}

/**
 * LSOA 2011 → 2021 crosswalk from the ONS lookup. Unchanged (U) and merged (M) 2011 LSOAs map whole
 * to their single 2021 LSOA; a split (S) or irregular (X) 2011 LSOA shares its patients among its
 * 2021 children in proportion to their Census 2021 population (equal shares if none is known).
 */
export function buildCrosswalk(
	pairs: readonly { lsoa11: string; lsoa21: string }[],
	population2021: ReadonlyMap<string, number>
): Map<string, CrosswalkTarget[]> {
	const children = new Map<string, string[]>();
	for (const { lsoa11, lsoa21 } of pairs) {
		const list = children.get(lsoa11);
		if (!list) children.set(lsoa11, [lsoa21]);
		else if (!list.includes(lsoa21)) list.push(lsoa21);
	}
	const out = new Map<string, CrosswalkTarget[]>();
	for (const [lsoa11, codes] of children) {
		const pops = codes.map((c) => population2021.get(c) ?? 0);
		const total = pops.reduce((a, b) => a + b, 0);
		out.set(
			lsoa11,
			codes.map((code, i) => ({ code, share: total > 0 ? pops[i] / total : 1 / codes.length }))
		);
	}
	return out;
}

export interface Imd2025Lsoa {
	score: number;
	rank: number;
	decile: number;
}

export interface DeprivationContext {
	crosswalk: ReadonlyMap<string, CrosswalkTarget[]>;
	imd2025: ReadonlyMap<string, Imd2025Lsoa>;
	/** Number of LSOAs ranked in IoD2025 (33,755): the base for "most deprived x%". */
	lsoaCount2025: number;
	/** IoD2019 IMD score and national rank (1 = most deprived) by 2011 LSOA. */
	imd2019: ReadonlyMap<string, { score: number; rank: number }>;
	/** Number of LSOAs ranked in IoD2019 (32,844). */
	lsoaCount2019: number;
}

/**
 * IoD2019 ranks from the scores: 1 = highest score, ties share a rank. The official ranks order the
 * unrounded scores; on the real file (32,844 LSOAs) the ranks from the published 3-decimal scores give
 * exactly the same LSOAs in the most deprived 10%, 15% and 20% as the official ranks.
 */
export function rankIod2019(scores: ReadonlyMap<string, number>): Map<string, { score: number; rank: number }> {
	const codes = [...scores.keys()];
	const ranks = competitionRank(codes.map((c) => scores.get(c)!));
	return new Map(codes.map((c, i) => [c, { score: scores.get(c)!, rank: ranks[i]! }]));
}

export interface PracticeDeprivation extends PopulationDeprivation {
	/** Patients in the registrations file (July 2023) for this practice. */
	listedPatients: number;
	/** Patients placed in an England 2021 LSOA with an IoD2025 score. */
	placedPatients: number;
	/** Patients recorded with no LSOA (`NO2011`). */
	noLsoaPatients: number;
	/** Patients living in Welsh LSOAs (outside IoD2025). */
	welshPatients: number;
	/** Patients with an LSOA code the lookups do not know. */
	unknownLsoaPatients: number;
	/** Patients (2021 LSOA, count — fractional after splits) — the practice's footprint, for attribution. */
	patientsByLsoa21: Map<string, number>;
}

/** Deprivation of one practice's registered population from its patients by 2011 LSOA. */
export function practiceDeprivation(
	registrations: readonly { lsoa11: string; patients: number }[],
	ctx: DeprivationContext
): PracticeDeprivation {
	let listed = 0;
	let noLsoa = 0;
	let welsh = 0;
	let unknown = 0;
	let placed = 0;
	let scoreSum = 0;
	const deprived = [0, 0, 0];
	const deciles = new Array<number>(10).fill(0);
	let score19Sum = 0;
	let placed19 = 0;
	const deprived19 = [0, 0, 0];
	const byLsoa21 = new Map<string, number>();

	for (const { lsoa11, patients } of registrations) {
		listed += patients;
		if (lsoa11 === 'NO2011') {
			noLsoa += patients;
			continue;
		}
		if (lsoa11.startsWith('W')) {
			welsh += patients;
			continue;
		}
		// IoD2019 is on 2011 LSOAs, as the registrations are: no crossing needed.
		const i19 = ctx.imd2019.get(lsoa11);
		if (i19 !== undefined) {
			score19Sum += i19.score * patients;
			placed19 += patients;
			DEPRIVED_FRACTIONS.forEach((f, k) => {
				if (inMostDeprived(i19.rank, ctx.lsoaCount2019, f)) deprived19[k] += patients;
			});
		}
		const targets = ctx.crosswalk.get(lsoa11);
		if (!targets) {
			unknown += patients;
			continue;
		}
		for (const t of targets) {
			const imd = ctx.imd2025.get(t.code);
			const n = patients * t.share;
			if (!imd) {
				unknown += n;
				continue;
			}
			placed += n;
			scoreSum += imd.score * n;
			deciles[imd.decile - 1] += n;
			DEPRIVED_FRACTIONS.forEach((f, k) => {
				if (inMostDeprived(imd.rank, ctx.lsoaCount2025, f)) deprived[k] += n;
			});
			byLsoa21.set(t.code, (byLsoa21.get(t.code) ?? 0) + n);
		}
	}
	const has = placed > 0;
	return {
		listedPatients: listed,
		placedPatients: placed,
		noLsoaPatients: noLsoa,
		welshPatients: welsh,
		unknownLsoaPatients: unknown,
		imdScore: has ? scoreSum / placed : null,
		share10: has ? deprived[0] / placed : null,
		share15: has ? deprived[1] / placed : null,
		share20: has ? deprived[2] / placed : null,
		decileShares: has ? deciles.map((d) => d / placed) : null,
		imdScore2019: placed19 > 0 ? score19Sum / placed19 : null,
		iod2019Share10: placed19 > 0 ? deprived19[0] / placed19 : null,
		iod2019Share15: placed19 > 0 ? deprived19[1] / placed19 : null,
		iod2019Share20: placed19 > 0 ? deprived19[2] / placed19 : null,
		patientsByLsoa21: byLsoa21
	};
}
