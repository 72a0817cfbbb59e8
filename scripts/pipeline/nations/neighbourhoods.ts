// Welsh LSOAs (2011, WIMD 2019) and Scottish data zones (2011, SIMD 2020v2): each neighbourhood with
// its decile within its own nation, a point-in-polygon locator, and their features for the tiles.
import Flatbush from 'flatbush';
import { booleanPointInPolygon, bbox as turfBbox, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Nation } from '../../../src/lib/domain/nations';
import { DECILE_PROPERTY, LSOA_COUNT_PROPERTY, type TileProperties } from '../../../src/lib/domain/formats/lsoaTiles';
import { weightedMedian } from '../../../src/lib/domain/metrics';
import { NATION_PROPERTY, RANK_PROPERTY } from '../../../src/lib/domain/formats/nationTiles';

export interface Neighbourhood {
	code: string;
	name: string;
	nation: Exclude<Nation, 'E'>;
	/** Rank within the nation (1 = most deprived) and its count. */
	rank: number;
	of: number;
	decile: number;
	/** Local authority (W06 / S12) code. */
	ladCode: string | null;
	/** Scotland: residents (SIMD 2020v2 population); null in Wales (no 2011-LSOA population input). */
	population: number | null;
	centreLon: number;
	centreLat: number;
}

type Area = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

/** Join boundary features to index rows by code; counts what does not join either way. */
export function joinNeighbourhoods(
	geo: FeatureCollection,
	codeKey: string,
	nameKey: string,
	nation: Exclude<Nation, 'E'>,
	rows: ReadonlyMap<string, { rank: number; decile: number; population?: number }>,
	ladOf: (f: Area, code: string) => string | null
): { neighbourhoods: Neighbourhood[]; features: Area[]; noIndex: string[]; noBoundary: string[] } {
	const neighbourhoods: Neighbourhood[] = [];
	const features: Area[] = [];
	const noIndex: string[] = [];
	const seen = new Set<string>();
	for (const f of geo.features as Area[]) {
		const code = String(f.properties?.[codeKey] ?? '');
		const row = rows.get(code);
		if (!row) {
			noIndex.push(code);
			continue;
		}
		seen.add(code);
		const [lon, lat] = pointOnFeature(f).geometry.coordinates;
		neighbourhoods.push({
			code,
			name: String(f.properties?.[nameKey] ?? code),
			nation,
			rank: row.rank,
			of: rows.size,
			decile: row.decile,
			ladCode: ladOf(f, code),
			population: row.population ?? null,
			centreLon: Math.round(lon * 1e5) / 1e5,
			centreLat: Math.round(lat * 1e5) / 1e5
		});
		features.push(f);
	}
	const noBoundary = [...rows.keys()].filter((c) => !seen.has(c));
	return { neighbourhoods, features, noIndex, noBoundary };
}

/** The neighbourhood containing a point (point in polygon on the boundaries); null outside them all. */
export function neighbourhoodLocator(features: readonly Area[], codes: readonly string[]) {
	const index = new Flatbush(Math.max(1, features.length));
	for (const f of features) {
		const [w, s, e, n] = turfBbox(f);
		index.add(w, s, e, n);
	}
	if (features.length === 0) index.add(0, 0, 0, 0);
	index.finish();
	return (lon: number, lat: number): string | null => {
		for (const i of index.search(lon, lat, lon, lat)) {
			if (i < features.length && booleanPointInPolygon([lon, lat], features[i])) return codes[i];
		}
		return null;
	};
}

/** A neighbourhood's tile properties: its code, name, nation, decile within the nation and rank. */
export function neighbourhoodTileProperties(n: Neighbourhood): TileProperties {
	return {
		code: n.code,
		name: n.name,
		[NATION_PROPERTY]: n.nation,
		[DECILE_PROPERTY.imd]: n.decile,
		[RANK_PROPERTY]: n.rank
	};
}

/**
 * Local-authority properties for the low zooms, as for England (lsoa.ts `ladTileProperties`): the
 * decile of the authority's median resident within its own nation (Scotland: weighted by SIMD
 * population; Wales: the median LSOA, no 2011-LSOA population being an input). Only the IMD decile:
 * the domain deciles, IMD score and GP FTE are England's measures.
 */
export function nationLadTileProperties(
	neighbourhoods: readonly Neighbourhood[],
	ladNames: ReadonlyMap<string, string>
): Map<string, TileProperties> {
	const byLad = new Map<string, Neighbourhood[]>();
	for (const n of neighbourhoods) {
		if (!n.ladCode) continue;
		const list = byLad.get(n.ladCode);
		if (list) list.push(n);
		else byLad.set(n.ladCode, [n]);
	}
	const out = new Map<string, TileProperties>();
	for (const [code, members] of byLad) {
		const med = weightedMedian(
			members.map((m) => m.decile),
			members.map((m) => m.population ?? 1)
		);
		const props: TileProperties = {
			code,
			name: ladNames.get(code) ?? code,
			[LSOA_COUNT_PROPERTY]: members.length,
			[NATION_PROPERTY]: members[0].nation
		};
		if (med !== null) props[DECILE_PROPERTY.imd] = med;
		out.set(code, props);
	}
	return out;
}
