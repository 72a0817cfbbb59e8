// LSOA step: every 2021 LSOA in England with IoD2025, population, attributed GP provision and the
// distance from its centre to the nearest practice. Also the spatial helpers the practices step
// uses to find the LSOA a practice stands in.
import Flatbush from 'flatbush';
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { booleanPointInPolygon, bbox as turfBbox, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { attributedRate, type AttributedProvision } from '../../src/lib/domain/provision';
import { distanceKm, weightedMean, weightedMedian, ftePer10kWeighted } from '../../src/lib/domain/metrics';
import type { Practice } from '../../src/lib/domain/practice';
import { IMD_DOMAINS, type Imd2025Row, type ImdDomain, type LsoaGeography } from './inputs';

type Area = Feature<Polygon | MultiPolygon, { LSOA21CD: string; LSOA21NM?: string }>;

/**
 * The LSOA containing a point: point-in-polygon over the LSOA 2021 polygons; a point just outside
 * every polygon (the super-generalised coastline cuts off a few seaside practices) takes the LSOA
 * whose centre is nearest, if within `maxKm`.
 */
export function lsoaLocator(lsoas: FeatureCollection, centres: ReadonlyMap<string, [number, number]>, maxKm = 3) {
	const features = lsoas.features as Area[];
	const index = new Flatbush(features.length);
	for (const f of features) {
		const [w, s, e, n] = turfBbox(f);
		index.add(w, s, e, n);
	}
	index.finish();
	const codes = [...centres.keys()];
	const centreIndex = new KDBush(codes.length);
	for (const c of codes) centreIndex.add(...centres.get(c)!);
	centreIndex.finish();
	return (lon: number, lat: number): { code: string; method: 'inside' | 'nearest' } | null => {
		for (const i of index.search(lon, lat, lon, lat)) {
			if (booleanPointInPolygon([lon, lat], features[i]))
				return { code: features[i].properties.LSOA21CD, method: 'inside' };
		}
		const [near] = around(centreIndex, lon, lat, 1, maxKm) as number[];
		return near === undefined ? null : { code: codes[near], method: 'nearest' };
	};
}

/** A point inside each LSOA: its centroid when that falls inside, otherwise a point on its surface. */
export function lsoaCentres(lsoas: FeatureCollection): Map<string, [number, number]> {
	const out = new Map<string, [number, number]>();
	for (const f of lsoas.features as Area[]) {
		const p = pointOnFeature(f).geometry.coordinates;
		out.set(f.properties.LSOA21CD, [p[0], p[1]]);
	}
	return out;
}

export interface NearestPractice {
	code: string;
	km: number;
}

export function nearestPracticeFinder(practices: readonly Practice[]) {
	const located = practices.filter((p) => p.lat !== null && p.lon !== null);
	const index = new KDBush(located.length);
	for (const p of located) index.add(p.lon!, p.lat!);
	index.finish();
	return (lon: number, lat: number, n = 1): NearestPractice[] =>
		(around(index, lon, lat, n) as number[]).map((i) => ({
			code: located[i].code,
			km: distanceKm(lat, lon, located[i].lat!, located[i].lon!)
		}));
}

export interface LsoaRow {
	code: string;
	name: string;
	ladCode: string;
	ladName: string;
	regionCode: string;
	sicblCode: string;
	icbCode: string;
	urbanRural: string;
	population: number | null;
	imd: Imd2025Row;
	centreLon: number;
	centreLat: number;
	patients: number;
	patientsCovered: number;
	attributedFte: number;
	attributedWeightedPatients: number;
	gpFtePer10kWeighted: number | null;
	nearestPracticeCode: string | null;
	nearestPracticeKm: number | null;
}

export function buildLsoaRows(args: {
	geography: readonly LsoaGeography[];
	imd: ReadonlyMap<string, Imd2025Row>;
	population: ReadonlyMap<string, number>;
	centres: ReadonlyMap<string, [number, number]>;
	provision: ReadonlyMap<string, AttributedProvision>;
	nearest: (lon: number, lat: number) => NearestPractice[];
}): { rows: LsoaRow[]; missing: Record<string, number> } {
	const missing = { imd: 0, population: 0, centre: 0, provision: 0 };
	const rows: LsoaRow[] = [];
	for (const g of args.geography) {
		const imd = args.imd.get(g.code);
		if (!imd) {
			missing.imd++;
			continue;
		}
		const centre = args.centres.get(g.code);
		if (!centre) missing.centre++;
		const pop = args.population.get(g.code) ?? null;
		if (pop === null) missing.population++;
		const a = args.provision.get(g.code);
		if (!a) missing.provision++;
		const near = centre ? args.nearest(centre[0], centre[1])[0] : undefined;
		rows.push({
			code: g.code,
			name: g.name,
			ladCode: g.lad,
			ladName: g.ladName,
			regionCode: g.region,
			sicblCode: g.sicbl,
			icbCode: g.icb,
			urbanRural: g.urbanRural,
			population: pop,
			imd,
			centreLon: centre?.[0] ?? NaN,
			centreLat: centre?.[1] ?? NaN,
			patients: a?.patients ?? 0,
			patientsCovered: a?.patientsCovered ?? 0,
			attributedFte: a?.fte ?? 0,
			attributedWeightedPatients: a?.weightedPatients ?? 0,
			gpFtePer10kWeighted: attributedRate(a),
			nearestPracticeCode: near?.code ?? null,
			nearestPracticeKm: near?.km ?? null
		});
	}
	return { rows, missing };
}

/** The compact measures the map colours LSOAs by (kept in the tiles; short keys keep tiles small). */
export const TILE_MEASURES = {
	imd_decile: 'IMD 2025 decile',
	inc_decile: 'Income decile',
	emp_decile: 'Employment decile',
	edu_decile: 'Education, skills & training decile',
	hea_decile: 'Health deprivation & disability decile',
	cri_decile: 'Crime decile',
	bar_decile: 'Barriers to housing & services decile',
	env_decile: 'Living environment decile',
	imd_score: 'IMD 2025 score',
	gp_fte_10k: 'GP FTE per 10,000 weighted patients (attributed)'
} as const;

const DOMAIN_KEYS: Record<ImdDomain, keyof typeof TILE_MEASURES> = {
	imd: 'imd_decile',
	income: 'inc_decile',
	employment: 'emp_decile',
	education_skills_training: 'edu_decile',
	health_deprivation_disability: 'hea_decile',
	crime: 'cri_decile',
	barriers_housing_services: 'bar_decile',
	living_environment: 'env_decile'
};

export function lsoaTileProperties(r: LsoaRow): Record<string, string | number> {
	const props: Record<string, string | number> = { code: r.code, name: r.name };
	for (const d of IMD_DOMAINS) props[DOMAIN_KEYS[d]] = r.imd.decile[d];
	props.imd_score = Math.round(r.imd.score.imd * 100) / 100;
	if (r.gpFtePer10kWeighted !== null) props.gp_fte_10k = Math.round(r.gpFtePer10kWeighted * 100) / 100;
	return props;
}

/**
 * Local-authority properties for the zooms below 8, where LSOAs are too small to draw: each decile
 * measure is the decile of the authority's median resident (population-weighted median of its LSOA
 * deciles), the IMD score its population-weighted mean, and GP FTE per 10,000 the attributed rate
 * summed over its LSOAs.
 */
export function ladTileProperties(rows: readonly LsoaRow[]): Map<string, Record<string, string | number>> {
	const byLad = new Map<string, LsoaRow[]>();
	for (const r of rows) {
		const list = byLad.get(r.ladCode);
		if (list) list.push(r);
		else byLad.set(r.ladCode, [r]);
	}
	const out = new Map<string, Record<string, string | number>>();
	for (const [code, members] of byLad) {
		const weights = members.map((m) => m.population ?? 0);
		const props: Record<string, string | number> = { code, name: members[0].ladName, lsoas: members.length };
		for (const d of IMD_DOMAINS) {
			const med = weightedMedian(
				members.map((m) => m.imd.decile[d]),
				weights
			);
			if (med !== null) props[DOMAIN_KEYS[d]] = med;
		}
		const score = weightedMean(
			members.map((m) => m.imd.score.imd),
			weights
		);
		if (score !== null) props.imd_score = Math.round(score * 100) / 100;
		const fte = members.reduce((s, m) => s + m.attributedFte, 0);
		const wp = members.reduce((s, m) => s + m.attributedWeightedPatients, 0);
		const rate = ftePer10kWeighted(fte, wp);
		if (rate !== null) props.gp_fte_10k = Math.round(rate * 100) / 100;
		out.set(code, props);
	}
	return out;
}
