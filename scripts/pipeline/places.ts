// Place names for the search box (places.json) and the map's labels (places-major.json), from OS Open
// Names populated places, in the formats of src/lib/domain/formats/places.ts.
import { basename, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { writeAtomic } from '../lib/atomicWrite';
import { gzipBytes } from './lib/gzip';
import {
	MAJOR_PLACE_FIELDS,
	MAJOR_PLACES_FILE,
	PLACES_FILE,
	PLACE_SEARCH_FIELDS,
	encodeMajorPlaces,
	encodePlaceSearch,
	type MajorPlaceFile,
	type MajorPlaceRow,
	type PlaceSearchFile,
	type PlaceSearchRow
} from '../../src/lib/domain/formats/places';
import { foldPlaceName } from '../../src/lib/domain/postcode';
import { readCsv, type Cell } from './read';
import { GB_LAT, GB_LON, round } from './lib/geo';

const OPEN_NAMES_SOURCE = 'OS Open Names (2017). Contains OS data © Crown copyright and database right.';

/** OS Open Names local types of populated places, most prominent first. */
export const PLACE_TYPES = ['City', 'Town', 'Suburban Area', 'Village', 'Hamlet', 'Other Settlement'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

/**
 * Types kept in places.json. Cities, towns, suburbs and villages make ~27,000 places, ~1.06 MB
 * (~335 KB gzipped); adding hamlets and other settlements would make 42,000 and ~1.6 MB for places
 * people rarely search by name (their postcodes are searchable).
 */
export const SEARCH_PLACE_TYPES: readonly PlaceType[] = ['City', 'Town', 'Suburban Area', 'Village'];

export interface PlaceRecord {
	id: string;
	/** English name where the place has one (Swansea), else the only name. */
	name: string;
	/** The other name (Abertawe), or "". */
	alt: string;
	type: PlaceType;
	/** "District, County", or whichever is given, or the region. */
	area: string;
	lat: number;
	lon: number;
	bbox: [west: number, south: number, east: number, north: number];
}

/** OS Open Names writes Welsh authorities bilingually ("Abertawe - Swansea"): keep the English. */
export function englishAreaName(name: string): string {
	if (!name.includes(' - ')) return name;
	const english = name.split(' - ').pop()!.trim();
	return english.charAt(0).toUpperCase() + english.slice(1);
}

/** Read and validate OS Open Names populated places. */
export function readPlaces(path: string, label: string = basename(path)): PlaceRecord[] {
	const lang = { optional: true, pattern: /^(eng|cym|gla)$/, patternHint: 'a language code eng, cym or gla' };
	const lat = { type: 'number' as const, ...GB_LAT };
	const lon = { type: 'number' as const, ...GB_LON };
	const rows = readCsv(path, {
		label,
		unique: 'id',
		columns: [
			{ name: 'id', pattern: /^osgb\d+$/, patternHint: 'an OS Open Names identifier like osgb4000000074549433' },
			{ name: 'name' },
			{ name: 'name_lang', ...lang },
			{ name: 'name2', optional: true },
			{ name: 'name2_lang', ...lang },
			{
				name: 'local_type',
				pattern: new RegExp(`^(${PLACE_TYPES.join('|')})$`),
				patternHint: `one of ${PLACE_TYPES.join(', ')}`
			},
			{ name: 'district_borough', optional: true },
			{ name: 'county_unitary', optional: true },
			{ name: 'region' },
			{ name: 'latitude', ...lat },
			{ name: 'longitude', ...lon },
			{ name: 'bbox_w', ...lon },
			{ name: 'bbox_s', ...lat },
			{ name: 'bbox_e', ...lon },
			{ name: 'bbox_n', ...lat }
		]
	});
	const s = (v: Cell) => (v === null ? '' : String(v));
	return rows.map((r) => {
		// Welsh or Gaelic first with an English second name: lead with the English for an English-language atlas.
		const swap = r.name2 !== null && r.name2_lang === 'eng' && (r.name_lang === 'cym' || r.name_lang === 'gla');
		const district = englishAreaName(s(r.district_borough));
		const county = englishAreaName(s(r.county_unitary));
		return {
			id: s(r.id),
			name: swap ? s(r.name2) : s(r.name),
			alt: swap ? s(r.name) : s(r.name2),
			type: r.local_type as PlaceType,
			area: district && county && district !== county ? `${district}, ${county}` : district || county || s(r.region),
			lat: r.latitude as number,
			lon: r.longitude as number,
			bbox: [r.bbox_w as number, r.bbox_s as number, r.bbox_e as number, r.bbox_n as number]
		};
	});
}

export interface PlaceIndexStats {
	places: number;
	placesByType: Partial<Record<PlaceType, number>>;
	majorPlaces: number;
	bytes: number;
	gzipBytes: number;
	majorBytes: number;
	majorGzipBytes: number;
	ms: number;
}

/** Extent of a place's box in km² (its size, as population is not given). */
function extentKm2([w, s, e, n]: PlaceRecord['bbox']): number {
	const kmPerDegLat = 111.2;
	return (e - w) * kmPerDegLat * Math.cos((((s + n) / 2) * Math.PI) / 180) * (n - s) * kmPerDegLat;
}

/** Alphabetical order of names with accents and apostrophes ignored; `folded` caches the folding. */
function byFoldedName(folded: Map<string, string>) {
	const fold = (name: string) => {
		let f = folded.get(name);
		if (f === undefined) folded.set(name, (f = foldPlaceName(name)));
		return f;
	};
	return (a: PlaceRecord, b: PlaceRecord) => {
		const fa = fold(a.name);
		const fb = fold(b.name);
		return fa < fb ? -1 : fa > fb ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
	};
}

/**
 * Write `outDir/places.json` (places of `types`, alphabetical, for the search box) and
 * `outDir/places-major.json` (cities and towns, most prominent first, for map labels).
 */
export function buildPlaceIndex(
	source: PlaceRecord[] | string,
	outDir: string,
	types: readonly PlaceType[] = SEARCH_PLACE_TYPES
): PlaceIndexStats {
	const t0 = performance.now();
	const records = typeof source === 'string' ? readPlaces(source) : source;
	mkdirSync(outDir, { recursive: true });

	const typeRank = (t: PlaceType) => PLACE_TYPES.indexOf(t);
	const byName = byFoldedName(new Map());
	const kept = records
		.filter((p) => types.includes(p.type))
		.sort(
			(a, b) =>
				byName(a, b) ||
				typeRank(a.type) - typeRank(b.type) ||
				(a.area < b.area ? -1 : a.area > b.area ? 1 : 0) ||
				a.lat - b.lat ||
				a.lon - b.lon
		);
	const fileTypes = PLACE_TYPES.filter((t) => types.includes(t));
	const areas = [...new Set(kept.map((p) => p.area))].sort();
	const areaIndex = new Map(areas.map((a, i) => [a, i]));
	const placesByType: Partial<Record<PlaceType, number>> = Object.fromEntries(fileTypes.map((t) => [t, 0]));
	const rows: PlaceSearchRow[] = kept.map((p) => {
		placesByType[p.type]!++;
		const row: PlaceSearchRow = [
			p.name,
			p.alt,
			fileTypes.indexOf(p.type),
			areaIndex.get(p.area)!,
			round(p.lat, 3),
			round(p.lon, 3)
		];
		// Extents only where zooming to fit matters; villages and suburbs get a fixed zoom.
		if (p.type === 'City' || p.type === 'Town')
			row.push(round(p.bbox[0], 3), round(p.bbox[1], 3), round(p.bbox[2], 3), round(p.bbox[3], 3));
		return row;
	});
	const search: PlaceSearchFile = {
		source: OPEN_NAMES_SOURCE,
		fields: PLACE_SEARCH_FIELDS,
		types: fileTypes,
		areas,
		places: rows
	};
	const searchJson = encodePlaceSearch(search);
	writeAtomic(join(outDir, PLACES_FILE), searchJson);

	// Label priority: cities before towns (population is not in Open Names); within each, larger extent first.
	const major = records
		.filter((p) => p.type === 'City' || p.type === 'Town')
		.map((p) => ({ p, extent: extentKm2(p.bbox) }))
		.sort((a, b) => typeRank(a.p.type) - typeRank(b.p.type) || b.extent - a.extent || byName(a.p, b.p));
	const majorRows: MajorPlaceRow[] = major.map(({ p }, i) => [
		p.name,
		p.alt,
		p.type as 'City' | 'Town',
		major.length - i,
		round(p.lat, 4),
		round(p.lon, 4)
	]);
	const majorFile: MajorPlaceFile = { source: OPEN_NAMES_SOURCE, fields: MAJOR_PLACE_FIELDS, rows: majorRows };
	const majorJson = encodeMajorPlaces(majorFile);
	writeAtomic(join(outDir, MAJOR_PLACES_FILE), majorJson);

	return {
		places: rows.length,
		placesByType,
		majorPlaces: majorRows.length,
		bytes: Buffer.byteLength(searchJson),
		gzipBytes: gzipBytes(searchJson),
		majorBytes: Buffer.byteLength(majorJson),
		majorGzipBytes: gzipBytes(majorJson),
		ms: Math.round(performance.now() - t0)
	};
}
