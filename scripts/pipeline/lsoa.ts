// LSOA step: every 2021 LSOA in England with IoD2025, population, attributed GP provision and the
// distance from its centre to the nearest practice. Also the spatial helpers the practices step
// uses to find the LSOA a practice stands in.
import Flatbush from 'flatbush';
import { booleanPointInPolygon, bbox as turfBbox, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { attributedRate, type AttributedProvision } from '../../src/lib/domain/provision';
import { weightedMean, weightedMedian, ftePer10kWeighted } from '../../src/lib/domain/metrics';
import type { Practice } from '../../src/lib/domain/practice';
import { NearestIndex } from '../../src/lib/domain/nearest';
import {
	DECILE_PROPERTY,
	GP_FTE_PROPERTY,
	IMD_SCORE_PROPERTY,
	LSOA_COUNT_PROPERTY,
	type TileProperties
} from '../../src/lib/domain/formats/lsoaTiles';
import { IMD_DOMAINS, type Imd2025Row, type LsoaGeography } from './inputs';

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
	const centreIndex = new NearestIndex([...centres].map(([code, [lon, lat]]) => ({ code, lon, lat })));
	return (lon: number, lat: number): { code: string; method: 'inside' | 'nearest' } | null => {
		for (const i of index.search(lon, lat, lon, lat)) {
			if (booleanPointInPolygon([lon, lat], features[i]))
				return { code: features[i].properties.LSOA21CD, method: 'inside' };
		}
		const [near] = centreIndex.nearest(lon, lat, 1, maxKm);
		return near === undefined ? null : { code: near.item.code, method: 'nearest' };
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
	const index = new NearestIndex(practices);
	return (lon: number, lat: number, n = 1): NearestPractice[] =>
		index.nearest(lon, lat, n).map(({ item, km }) => ({ code: item.code, km }));
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

/** An LSOA's properties in the `lsoa` tile layer (see src/lib/domain/formats/lsoaTiles.ts). */
export function lsoaTileProperties(r: LsoaRow): TileProperties {
	const props: TileProperties = { code: r.code, name: r.name };
	for (const d of IMD_DOMAINS) props[DECILE_PROPERTY[d]] = r.imd.decile[d];
	props[IMD_SCORE_PROPERTY] = Math.round(r.imd.score.imd * 100) / 100;
	if (r.gpFtePer10kWeighted !== null) props[GP_FTE_PROPERTY] = Math.round(r.gpFtePer10kWeighted * 100) / 100;
	return props;
}

/**
 * Local-authority properties for the zooms below 8, where LSOAs are too small to draw: each decile
 * measure is the decile of the authority's median resident (population-weighted median of its LSOA
 * deciles), the IMD score its population-weighted mean, and GP FTE per 10,000 the attributed rate
 * summed over its LSOAs.
 */
export function ladTileProperties(rows: readonly LsoaRow[]): Map<string, TileProperties> {
	const byLad = new Map<string, LsoaRow[]>();
	for (const r of rows) {
		const list = byLad.get(r.ladCode);
		if (list) list.push(r);
		else byLad.set(r.ladCode, [r]);
	}
	const out = new Map<string, TileProperties>();
	for (const [code, members] of byLad) {
		const weights = members.map((m) => m.population ?? 0);
		const props: TileProperties = { code, name: members[0].ladName, [LSOA_COUNT_PROPERTY]: members.length };
		for (const d of IMD_DOMAINS) {
			const med = weightedMedian(
				members.map((m) => m.imd.decile[d]),
				weights
			);
			if (med !== null) props[DECILE_PROPERTY[d]] = med;
		}
		const score = weightedMean(
			members.map((m) => m.imd.score.imd),
			weights
		);
		if (score !== null) props[IMD_SCORE_PROPERTY] = Math.round(score * 100) / 100;
		const fte = members.reduce((s, m) => s + m.attributedFte, 0);
		const wp = members.reduce((s, m) => s + m.attributedWeightedPatients, 0);
		const rate = ftePer10kWeighted(fte, wp);
		if (rate !== null) props[GP_FTE_PROPERTY] = Math.round(rate * 100) / 100;
		out.set(code, props);
	}
	return out;
}
