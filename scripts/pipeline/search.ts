// Search step: Code-Point Open (every GB postcode) and OS Open Names (populated places) -> the
// search box's indexes: one small file per outward code, an outward-code index, and place names.
//
// `readCodePoint` parses Code-Point once into a compact structure (postcodes grouped by outward
// code, in order) that serves both this step's index writer and the practices step's postcode
// look-ups, so the 100 MB file is read once per build.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
	MAJOR_PLACE_FIELDS,
	OUTCODE_INDEX_FIELDS,
	PLACE_SEARCH_FIELDS,
	compareOutcodes,
	foldPlaceName,
	normalisePostcode,
	outcodeFileName,
	parsePostcode,
	type MajorPlaceFile,
	type MajorPlaceRow,
	type OutcodeFile,
	type OutcodeIndexFile,
	type OutcodeIndexRow,
	type PlaceSearchFile,
	type PlaceSearchRow
} from '../../src/lib/domain/postcode';
import type { LocationSource } from '../../src/lib/domain/practice';
import { InputError, readCsv, readText, type Cell } from './read';

const CODE_POINT_SOURCE =
	'OS Code-Point Open 2025.4.0 (Oct 2025). Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © Royal Mail copyright and database right 2025.';
const OPEN_NAMES_SOURCE = 'OS Open Names (2017). Contains OS data © Crown copyright and database right.';

// Great Britain with a margin: Scilly (49.9 N) to Shetland (60.9 N), St Kilda (8.6 W) to Lowestoft (1.8 E).
const GB_LAT = { min: 49, max: 61 };
const GB_LON = { min: -9, max: 2 };

/** Round to `dp` decimal places (5 dp ≈ 1 m). */
const round = (x: number, dp: number) => {
	const f = 10 ** dp;
	return Math.round(x * f) / f || 0; // `|| 0`: no "-0"
};

/** Write a file atomically: temp file in the same directory, then rename. */
function writeAtomic(path: string, content: string | Uint8Array): void {
	const tmp = `${path}.tmp-${process.pid}`;
	writeFileSync(tmp, content);
	renameSync(tmp, path);
}

// ---------------------------------------------------------------- Code-Point Open

export type Country = 'E' | 'S' | 'W';
const COUNTRIES: readonly Country[] = ['E', 'S', 'W'];

/** The positioned postcodes of one outward code, in inward-code order (parallel arrays). */
export interface OutcodeGroup {
	outcode: string;
	incodes: string[];
	lat: Float64Array;
	lon: Float64Array;
	/** Postcodes per country (from Code-Point's country code). */
	countries: Record<Country, number>;
}

export interface PostcodePoint {
	postcode: string;
	lat: number;
	lon: number;
}

export interface SectorCentroid {
	lat: number;
	lon: number;
	/** Postcodes averaged. */
	n: number;
}

export interface PostcodeLocation {
	lat: number;
	lon: number;
	source: Exclude<LocationSource, 'none'>;
}

export interface CodePoint {
	/** File label for messages. */
	label: string;
	/** Every outward code with a positioned postcode, in natural order (AB1, AB2, ..., AB10). */
	outcodes: ReadonlyMap<string, OutcodeGroup>;
	/** Postcodes with a position. */
	postcodes: number;
	byCountry: Record<Country, number>;
	/** Postcodes with blank latitude/longitude (Code-Point positional quality 90): left out. */
	skippedNoPosition: number;
	/** The first few of those, for the build report. */
	noPositionExamples: string[];
	readMs: number;
	/** Position of a live postcode (any spacing or case); null if unknown or not positioned. */
	lookup(postcode: string): [lat: number, lon: number] | null;
	/** Mean position of each sector's postcodes ("LS1 1" -> ...), computed once on first use. */
	sectors(): ReadonlyMap<string, SectorCentroid>;
	/** A postcode's position, or, if it is not live, its sector's centroid (flagged); else null. */
	locate(postcode: string): PostcodeLocation | null;
	/** Every positioned postcode, in order. */
	points(): Generator<PostcodePoint>;
}

interface GroupBuilder {
	incodes: string[];
	lat: number[];
	lon: number[];
	countries: Record<Country, number>;
}

/**
 * Read Code-Point Open (columns postcode, country_code, latitude, longitude; others ignored).
 * Rows without a position are counted and left out; a malformed value or a duplicate postcode
 * stops the build with an InputError naming file, line and column.
 */
export function readCodePoint(path: string, label: string = basename(path)): CodePoint {
	const t0 = performance.now();
	const groups = new Map<string, GroupBuilder>();
	let skippedNoPosition = 0;
	const noPositionExamples: string[] = [];
	readCsv(path, {
		label,
		columns: [
			{
				name: 'postcode',
				pattern: /^[A-Z]{1,2}\d[A-Z\d]? *\d[A-Z]{2}$/,
				patternHint: 'a postcode like TS18 1HU (upper case)'
			},
			{
				name: 'country_code',
				pattern: /^(E92000001|S92000003|W92000004)$/,
				patternHint: 'a GB country code (E92000001, S92000003 or W92000004)'
			},
			{ name: 'latitude', type: 'number', optional: true, ...GB_LAT },
			{ name: 'longitude', type: 'number', optional: true, ...GB_LON }
		],
		// Consume each row as it is validated and keep none: 1.7 M row objects would cost ~200 MB.
		where: (r) => {
			const raw = r.postcode as string;
			// Code-Point writes "LS1 1UR"; other spacings ("LS11UR", "B1  1AA") are normalised.
			const sp = raw.length - 4;
			const postcode = raw[sp] === ' ' && raw.indexOf(' ') === sp ? raw : normalisePostcode(raw)!;
			if (r.latitude === null || r.longitude === null) {
				skippedNoPosition++;
				if (noPositionExamples.length < 5) noPositionExamples.push(postcode);
				return false;
			}
			const cut = postcode.length - 4;
			const outcode = postcode.slice(0, cut);
			let g = groups.get(outcode);
			if (!g) groups.set(outcode, (g = { incodes: [], lat: [], lon: [], countries: { E: 0, S: 0, W: 0 } }));
			g.incodes.push(postcode.slice(cut + 1));
			g.lat.push(r.latitude as number);
			g.lon.push(r.longitude as number);
			g.countries[(r.country_code as string)[0] as Country]++;
			return false;
		}
	});

	const outcodes = new Map<string, OutcodeGroup>();
	const byCountry: Record<Country, number> = { E: 0, S: 0, W: 0 };
	let postcodes = 0;
	for (const outcode of [...groups.keys()].sort(compareOutcodes)) {
		const b = groups.get(outcode)!;
		const order = b.incodes
			.map((_, i) => i)
			.sort((i, j) => (b.incodes[i] < b.incodes[j] ? -1 : b.incodes[i] > b.incodes[j] ? 1 : 0));
		const g: OutcodeGroup = {
			outcode,
			incodes: order.map((i) => b.incodes[i]),
			lat: Float64Array.from(order, (i) => b.lat[i]),
			lon: Float64Array.from(order, (i) => b.lon[i]),
			countries: b.countries
		};
		for (let i = 1; i < g.incodes.length; i++) {
			if (g.incodes[i] === g.incodes[i - 1]) throw duplicateError(path, label, `${outcode} ${g.incodes[i]}`);
		}
		for (const c of COUNTRIES) byCountry[c] += b.countries[c];
		postcodes += g.incodes.length;
		outcodes.set(outcode, g);
	}

	const lookupIndex = (postcode: string): [OutcodeGroup, number] | null => {
		const p = parsePostcode(postcode);
		if (p?.kind !== 'full') return null;
		const g = outcodes.get(p.outcode);
		if (!g) return null;
		const i = binarySearch(g.incodes, p.incode!);
		return i < 0 ? null : [g, i];
	};
	function* points(): Generator<PostcodePoint> {
		for (const g of outcodes.values()) {
			for (let i = 0; i < g.incodes.length; i++)
				yield { postcode: `${g.outcode} ${g.incodes[i]}`, lat: g.lat[i], lon: g.lon[i] };
		}
	}
	let sectors: Map<string, SectorCentroid> | null = null;
	const codePoint: CodePoint = {
		label,
		outcodes,
		postcodes,
		byCountry,
		skippedNoPosition,
		noPositionExamples,
		readMs: Math.round(performance.now() - t0),
		lookup(postcode) {
			const hit = lookupIndex(postcode);
			return hit ? [hit[0].lat[hit[1]], hit[0].lon[hit[1]]] : null;
		},
		sectors() {
			return (sectors ??= groupSectorCentroids(outcodes.values()));
		},
		locate(postcode) {
			const at = codePoint.lookup(postcode);
			if (at) return { lat: at[0], lon: at[1], source: 'postcode' };
			const sector = parsePostcode(postcode)?.sector;
			const c = sector ? codePoint.sectors().get(sector) : undefined;
			return c ? { lat: c.lat, lon: c.lon, source: 'postcode-sector' } : null;
		},
		points
	};
	return codePoint;
}

function binarySearch(sorted: readonly string[], key: string): number {
	let lo = 0;
	let hi = sorted.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (sorted[mid] === key) return mid;
		if (sorted[mid] < key) lo = mid + 1;
		else hi = mid - 1;
	}
	return -1;
}

/** Build the error for a postcode listed twice, finding its lines (only on this failure path). */
function duplicateError(path: string, label: string, postcode: string): InputError {
	const lines: number[] = [];
	const text = readText(path, label);
	let lineNo = 0;
	for (let pos = 0; pos < text.length;) {
		let end = text.indexOf('\n', pos);
		if (end < 0) end = text.length;
		lineNo++;
		const comma = text.indexOf(',', pos);
		if (lineNo > 1 && comma > pos && comma < end && normalisePostcode(text.slice(pos, comma)) === postcode)
			lines.push(lineNo);
		pos = end + 1;
	}
	const [first, again] = lines;
	return new InputError(
		label,
		again ?? null,
		'postcode',
		`duplicate postcode "${postcode}"${first ? ` (first seen on line ${first})` : ''}`,
		'each postcode must appear once: remove the duplicate row, or check the file against data/sources.json, or re-fetch it with `npm run fetch-data -- --force`'
	);
}

/** Sector centroids from the grouped, ordered postcodes (a sector's postcodes are contiguous). */
function groupSectorCentroids(groups: Iterable<OutcodeGroup>): Map<string, SectorCentroid> {
	const out = new Map<string, SectorCentroid>();
	for (const g of groups) {
		let i = 0;
		while (i < g.incodes.length) {
			const digit = g.incodes[i][0];
			let lat = 0;
			let lon = 0;
			let j = i;
			for (; j < g.incodes.length && g.incodes[j][0] === digit; j++) {
				lat += g.lat[j];
				lon += g.lon[j];
			}
			out.set(`${g.outcode} ${digit}`, { lat: lat / (j - i), lon: lon / (j - i), n: j - i });
			i = j;
		}
	}
	return out;
}

/**
 * Mean position of each postcode sector's postcodes ("TS18 1HU" counts towards "TS18 1").
 * Postcodes that do not parse are ignored. Same result as `CodePoint.sectors()`, for any rows.
 */
export function sectorCentroids(points: Iterable<PostcodePoint>): Map<string, SectorCentroid> {
	const sums = new Map<string, { lat: number; lon: number; n: number }>();
	for (const p of points) {
		const parsed = parsePostcode(p.postcode);
		if (parsed?.kind !== 'full') continue;
		const sector = parsed.sector!;
		const s = sums.get(sector);
		if (s) {
			s.lat += p.lat;
			s.lon += p.lon;
			s.n++;
		} else sums.set(sector, { lat: p.lat, lon: p.lon, n: 1 });
	}
	for (const s of sums.values()) {
		s.lat /= s.n;
		s.lon /= s.n;
	}
	return sums;
}

/** Postcode -> [lat, lon] for every positioned postcode (1.7 M entries: prefer `CodePoint.lookup`). */
export function postcodeLookup(codePoint: CodePoint): Map<string, [number, number]> {
	const out = new Map<string, [number, number]>();
	for (const p of codePoint.points()) out.set(p.postcode, [p.lat, p.lon]);
	return out;
}

export interface PostcodeIndexStats {
	postcodes: number;
	outcodes: number;
	byCountry: Record<Country, number>;
	skippedNoPosition: number;
	noPositionExamples: string[];
	largestOutcode: string;
	largestFileBytes: number;
	totalBytes: number;
	indexBytes: number;
	/** Time to read Code-Point (when given a path) and to write the files. */
	readMs: number;
	ms: number;
}

/**
 * Write `outDir/postcodes/<OUTCODE>.json` (one small file per outward code, coordinates 5 dp) and
 * `outDir/postcodes/index.json` (every outward code with centroid, bounding box, count and
 * countries). Files left over from an earlier build in that folder are removed.
 */
export function buildPostcodeIndex(source: CodePoint | string, outDir: string): PostcodeIndexStats {
	const codePoint = typeof source === 'string' ? readCodePoint(source) : source;
	const t0 = performance.now();
	const dir = join(outDir, 'postcodes');
	mkdirSync(dir, { recursive: true });
	const written = new Set<string>();
	const rows: OutcodeIndexRow[] = [];
	let largestOutcode = '';
	let largestFileBytes = 0;
	let totalBytes = 0;
	for (const g of codePoint.outcodes.values()) {
		const file: OutcodeFile = { outcode: g.outcode, postcodes: [] };
		let sumLat = 0;
		let sumLon = 0;
		let w = Infinity;
		let s = Infinity;
		let e = -Infinity;
		let n = -Infinity;
		for (let i = 0; i < g.incodes.length; i++) {
			const lat = round(g.lat[i], 5);
			const lon = round(g.lon[i], 5);
			file.postcodes.push([g.incodes[i], lat, lon]);
			sumLat += g.lat[i];
			sumLon += g.lon[i];
			// The box of the rounded positions, so it holds every position in the file exactly.
			if (lon < w) w = lon;
			if (lon > e) e = lon;
			if (lat < s) s = lat;
			if (lat > n) n = lat;
		}
		const name = outcodeFileName(g.outcode);
		const json = JSON.stringify(file);
		const bytes = Buffer.byteLength(json);
		writeAtomic(join(dir, name), json);
		written.add(name);
		totalBytes += bytes;
		if (bytes > largestFileBytes) {
			largestFileBytes = bytes;
			largestOutcode = g.outcode;
		}
		const count = g.incodes.length;
		const countries = COUNTRIES.filter((c) => g.countries[c] > 0)
			.sort((a, b) => g.countries[b] - g.countries[a])
			.join('');
		rows.push([g.outcode, round(sumLat / count, 5), round(sumLon / count, 5), w, s, e, n, count, countries]);
	}
	const index: OutcodeIndexFile = { source: CODE_POINT_SOURCE, fields: OUTCODE_INDEX_FIELDS, outcodes: rows };
	const indexJson = JSON.stringify(index);
	writeAtomic(join(dir, 'index.json'), indexJson);
	written.add('index.json');
	for (const f of readdirSync(dir)) {
		if (f.endsWith('.json') && !written.has(f)) rmSync(join(dir, f));
	}
	return {
		postcodes: codePoint.postcodes,
		outcodes: rows.length,
		byCountry: codePoint.byCountry,
		skippedNoPosition: codePoint.skippedNoPosition,
		noPositionExamples: codePoint.noPositionExamples,
		largestOutcode,
		largestFileBytes,
		totalBytes,
		indexBytes: Buffer.byteLength(indexJson),
		readMs: codePoint.readMs,
		ms: Math.round(performance.now() - t0)
	};
}

// ---------------------------------------------------------------- OS Open Names

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
	const searchJson = JSON.stringify(search);
	writeAtomic(join(outDir, 'places.json'), searchJson);

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
	const majorJson = JSON.stringify(majorFile);
	writeAtomic(join(outDir, 'places-major.json'), majorJson);

	return {
		places: rows.length,
		placesByType,
		majorPlaces: majorRows.length,
		bytes: Buffer.byteLength(searchJson),
		gzipBytes: gzipSync(searchJson).length,
		majorBytes: Buffer.byteLength(majorJson),
		majorGzipBytes: gzipSync(majorJson).length,
		ms: Math.round(performance.now() - t0)
	};
}
