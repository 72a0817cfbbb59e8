// Code-Point Open (every GB postcode with its position), read once per build into a compact
// structure (postcodes grouped by outward code, in order) that serves both the practices step's
// postcode look-ups and the search step's postcode index, so the 100 MB file is read once.
import { basename } from 'node:path';
import { compareOutcodes, normalisePostcode, parsePostcode } from '../../src/lib/domain/postcode';
import type { LocationSource } from '../../src/lib/domain/practice';
import { InputError, readCsv, readText } from './read';
import { GB_LAT, GB_LON } from './lib/geo';

export type Country = 'E' | 'S' | 'W';
export const COUNTRIES: readonly Country[] = ['E', 'S', 'W'];

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
