// The postcode and place search files (postcodes/<OUTCODE>.json, postcodes/index.json, places.json,
// places-major.json): their shapes, one definition for the pipeline writer and the app reader, and the
// look-ups the app does on an outcode file.
import { parsePostcode } from './postcode';

// ---------------------------------------------------------------- index files
//
// Shapes of the postcode search files the pipeline writes (scripts/pipeline/search.ts) and the app
// reads, with the two look-ups the app needs on them.

/** One postcode in an outcode file: inward code, latitude, longitude (WGS84, 5 dp ≈ 1 m). */
export type OutcodePostcode = [incode: string, lat: number, lon: number];

/** `postcodes/<OUTCODE>.json`: every positioned postcode of one outward code, in inward-code order. */
export interface OutcodeFile {
	outcode: string;
	postcodes: OutcodePostcode[];
}

/**
 * One outward code in `postcodes/index.json`: centroid (mean of its postcodes), bounding box,
 * postcode count, and the countries its postcodes lie in, most postcodes first: "E", "S", "W", or
 * e.g. "EW" for the 25 cross-border outward codes (CH1, SY10, TD15, ...).
 */
export type OutcodeIndexRow = [
	outcode: string,
	lat: number,
	lon: number,
	west: number,
	south: number,
	east: number,
	north: number,
	postcodes: number,
	countries: string
];

export const OUTCODE_INDEX_FIELDS = [
	'outcode',
	'lat',
	'lon',
	'west',
	'south',
	'east',
	'north',
	'postcodes',
	'countries'
] as const;

/** `postcodes/index.json`. */
export interface OutcodeIndexFile {
	source: string;
	fields: typeof OUTCODE_INDEX_FIELDS;
	/** In natural outward-code order (AB1, AB2, ..., AB10). */
	outcodes: OutcodeIndexRow[];
}

/** File name of an outward code's postcodes, relative to the postcodes folder. */
export const outcodeFileName = (outcode: string) => `${outcode}.json`;

/** A postcode's position in its outcode file (binary search; the file is in inward-code order). */
export function findInOutcodeFile(
	file: OutcodeFile,
	postcode: string
): { postcode: string; lat: number; lon: number } | null {
	const p = parsePostcode(postcode);
	if (!p || p.kind !== 'full' || p.outcode !== file.outcode) return null;
	const list = file.postcodes;
	let lo = 0;
	let hi = list.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const inc = list[mid][0];
		if (inc === p.incode) return { postcode: `${p.outcode} ${inc}`, lat: list[mid][1], lon: list[mid][2] };
		if (inc < p.incode!) lo = mid + 1;
		else hi = mid - 1;
	}
	return null;
}

/** Centroid (mean position) of a sector's postcodes in its outcode file; null if none. */
export function sectorCentroidInFile(
	file: OutcodeFile,
	sector: string
): { lat: number; lon: number; n: number } | null {
	const p = parsePostcode(sector);
	if (!p?.sector || p.outcode !== file.outcode) return null;
	const digit = p.sector.slice(-1);
	let lat = 0;
	let lon = 0;
	let n = 0;
	for (const [inc, y, x] of file.postcodes) {
		if (inc[0] !== digit) continue;
		lat += y;
		lon += x;
		n++;
	}
	return n ? { lat: lat / n, lon: lon / n, n } : null;
}

/** The full postcodes of an outcode file ("LS1 1UR", ...), e.g. for suggestPostcodes. */
export const postcodesInFile = (file: OutcodeFile): string[] => file.postcodes.map(([inc]) => `${file.outcode} ${inc}`);

// ---------------------------------------------------------------- place files
//
// The place-name files beside the postcode index (from OS Open Names), for the search box and the
// map's labels. Kept here so the app and the pipeline share one definition of the search files.

/**
 * One place in `places.json`: the English name (Swansea, not Abertawe), the Welsh or Gaelic name
 * (or another name) or "", the type and area as indexes into the file's `types` and `areas`,
 * the position, and for cities and towns only their extent (3 dp ≈ 100 m, plenty to fly to a place).
 */
export type PlaceSearchRow = [
	name: string,
	alt: string,
	type: number,
	area: number,
	lat: number,
	lon: number,
	west?: number,
	south?: number,
	east?: number,
	north?: number
];

export const PLACE_SEARCH_FIELDS = [
	'name',
	'alt',
	'type',
	'area',
	'lat',
	'lon',
	'west',
	'south',
	'east',
	'north'
] as const;

/** `places.json`: populated places, in alphabetical order of name (accents ignored). */
export interface PlaceSearchFile {
	source: string;
	fields: typeof PLACE_SEARCH_FIELDS;
	/** OS Open Names local types, most prominent first ("City", "Town", ...). */
	types: string[];
	/** "District, County" (or the one that is given) labels, e.g. "Forest of Dean, Gloucestershire". */
	areas: string[];
	places: PlaceSearchRow[];
}

/** One city or town in `places-major.json`; rank: bigger = more prominent (cities first, then by extent). */
export type MajorPlaceRow = [name: string, alt: string, kind: 'City' | 'Town', rank: number, lat: number, lon: number];

export const MAJOR_PLACE_FIELDS = ['name', 'alt', 'kind', 'rank', 'lat', 'lon'] as const;

/** `places-major.json`: cities and towns for map labels, most prominent first. */
export interface MajorPlaceFile {
	source: string;
	fields: typeof MAJOR_PLACE_FIELDS;
	rows: MajorPlaceRow[];
}
