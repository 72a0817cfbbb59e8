// Commission journey, neighbourhoods: the LSOAs of an area, ranked by attributed GP provision.
import type { LsoaDetail } from '$lib/data/lsoaDetail';
import { AREA_LEVEL_LABELS, type AreaLevel, type PlacedPractice } from '../areas';
import { lsoaImdDecile } from '../deciles';
import { shortOf } from './practices';

export type NeighbourhoodRecord = Pick<
	LsoaDetail,
	| 'code'
	| 'name'
	| 'ladName'
	| 'icbCode'
	| 'patients'
	| 'patientsCovered'
	| 'attributedFte'
	| 'attributedWeightedPatients'
	| 'gpFtePer10kWeighted'
	| 'imdScore'
	| 'imdRank'
	| 'centreLat'
	| 'centreLon'
>;

/**
 * LSOA → area look-ups for levels lsoa-detail.json does not carry. lsoa.csv has them
 * (sub_icb_code, lad24_code, region_code); lsoa-detail has only the ICB.
 */
export interface LsoaAreaLookups {
	sicblOfLsoa?: ReadonlyMap<string, string>;
	ladOfLsoa?: ReadonlyMap<string, string>;
	regionOfLsoa?: ReadonlyMap<string, string>;
}

export type LsoaSelection<L> = { ok: true; lsoas: L[] } | { ok: false; reason: string };

/**
 * The LSOAs of an area. ICB (and so NHS England region, via each ICB's region as the practices give
 * it) comes from lsoa-detail; Sub-ICB, local authority and ONS region need look-ups from lsoa.csv.
 * PCNs have no boundary: their patients live in LSOAs shared with other PCNs, so none is given.
 */
export function lsoasInArea<L extends NeighbourhoodRecord>(
	lsoas: Iterable<L>,
	level: AreaLevel,
	code: string,
	practices: readonly Pick<PlacedPractice, 'icbCode' | 'nhserCode'>[],
	lookups: LsoaAreaLookups = {}
): LsoaSelection<L> {
	const all = [...lsoas];
	const c = code.trim().toUpperCase();
	const by = (map: ReadonlyMap<string, string> | undefined, name: string): LsoaSelection<L> =>
		map
			? { ok: true, lsoas: all.filter((l) => map.get(l.code) === c) }
			: { ok: false, reason: `neighbourhoods by ${name} need the LSOA look-up table (lsoa.csv), which is not loaded` };
	switch (level) {
		case 'england':
			return { ok: true, lsoas: all };
		case 'icb':
			return { ok: true, lsoas: all.filter((l) => l.icbCode === c) };
		case 'nhser': {
			const icbs = new Set(practices.filter((p) => p.nhserCode === c).map((p) => p.icbCode));
			return { ok: true, lsoas: all.filter((l) => icbs.has(l.icbCode)) };
		}
		case 'sicbl':
			return by(lookups.sicblOfLsoa, AREA_LEVEL_LABELS.sicbl);
		case 'lad':
			return by(lookups.ladOfLsoa, AREA_LEVEL_LABELS.lad);
		case 'region':
			return by(lookups.regionOfLsoa, AREA_LEVEL_LABELS.region);
		case 'pcn':
			return {
				ok: false,
				reason:
					'a Primary Care Network has no boundary: its patients live in neighbourhoods it shares with other networks'
			};
	}
}

export interface NeighbourhoodRow {
	code: string;
	name: string;
	ladName: string;
	/** Attributed GP FTE per 10,000 weighted patients. */
	gpFtePer10kWeighted: number;
	/** Rate minus England's (negative = below England). */
	vsEngland: number;
	/** Attributed whole-time GPs short of England's rate (0 when at or above it). */
	shortfallEngland: number;
	/** Share of residents' registrations at practices whose FTE counts: how much of the LSOA the rate speaks for. */
	coverage: number | null;
	patients: number | null;
	imdScore: number | null;
	imdDecile: number | null;
	centreLat: number;
	centreLon: number;
}

export interface NeighbourhoodRanking {
	/** Lowest rate first. */
	rows: NeighbourhoodRow[];
	/** LSOAs with no attributed rate (no registered patients at practices with usable FTE). */
	withoutRate: { code: string; name: string }[];
}

/** Neighbourhoods ranked by attributed GP FTE per 10,000 weighted patients, lowest (furthest below England) first. */
export function rankNeighbourhoods(
	lsoas: Iterable<NeighbourhoodRecord>,
	englandRate: number,
	lsoaCount?: number
): NeighbourhoodRanking {
	const rows: NeighbourhoodRow[] = [];
	const withoutRate: { code: string; name: string }[] = [];
	for (const l of lsoas) {
		const rate = l.gpFtePer10kWeighted;
		if (rate === null || !Number.isFinite(rate)) {
			withoutRate.push({ code: l.code, name: l.name });
			continue;
		}
		const short =
			l.attributedFte !== null && l.attributedWeightedPatients !== null
				? shortOf(englandRate, l.attributedWeightedPatients, l.attributedFte)
				: 0;
		rows.push({
			code: l.code,
			name: l.name,
			ladName: l.ladName,
			gpFtePer10kWeighted: rate,
			vsEngland: rate - englandRate,
			shortfallEngland: short,
			coverage: l.patients && l.patientsCovered !== null ? l.patientsCovered / l.patients : null,
			patients: l.patients,
			imdScore: l.imdScore,
			imdDecile: lsoaImdDecile(l.imdRank, lsoaCount),
			centreLat: l.centreLat,
			centreLon: l.centreLon
		});
	}
	rows.sort(
		(a, b) =>
			a.gpFtePer10kWeighted - b.gpFtePer10kWeighted ||
			b.shortfallEngland - a.shortfallEngland ||
			a.code.localeCompare(b.code)
	);
	withoutRate.sort((a, b) => a.code.localeCompare(b.code));
	return { rows, withoutRate };
}
