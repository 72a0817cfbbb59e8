// Geometry helpers for the tile step: reading GeoJSON inputs, dissolving polygons by a key, and
// placing label points. All geometry is WGS84 longitude/latitude.
//
// Dissolve uses turf's union (polyclip-ts, an exact sweep-line boolean). Measured on the mirror's
// boundaries it gives the same parts and holes as mapshaper's topological -dissolve2 (Wales: 20
// parts, 0 holes; Scotland: 505 parts, 2 holes; LSOAs by authority: 444 parts, 8 holes) without
// mapshaper's ~160 MB of dependencies; mapshaper is ~7× faster on LSOAs (1.4 s vs 10 s), which the
// pipeline can afford. The only holes either tool leaves from these inputs come from the small
// self-intersections in the BSC files (e.g. a 165 m² and a 9,350 m² "hole" inside Highland and
// Argyll and Bute), so holes under `minHoleKm2` are filled as slivers.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { area as turfArea, featureCollection, union } from '@turf/turf';
import polylabel from 'polylabel';
import { BOXES, checkAreaFeatures, checkFeatureKeys, type Box } from './geometryChecks';
import { decodeInput, InputError, readInputBytes, REFETCH } from './read';

// --- reading ----------------------------------------------------------------------------------

/** 1-based line and column of a character offset, for JSON error messages. */
function lineColumnAt(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < offset && i < text.length; i++) {
		if (text.charCodeAt(i) === 10) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, column: offset - lineStart + 1 };
}

/**
 * Offset of the first JSON syntax error in `text` (JSON.parse's messages do not always give one).
 * Only called after JSON.parse has failed.
 */
export function jsonErrorOffset(text: string): number {
	let i = 0;
	const fail = (): never => {
		throw i;
	};
	const ws = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
	};
	const literal = (word: string) => {
		for (const ch of word) {
			if (text[i] !== ch) fail();
			i++;
		}
	};
	const string = () => {
		i++; // opening quote
		while (i < text.length && text[i] !== '"') {
			if (text.charCodeAt(i) < 0x20) fail();
			i += text[i] === '\\' ? 2 : 1;
		}
		if (i >= text.length) fail();
		i++;
	};
	const number = () => {
		const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
		if (!m || m[0].length === 0) fail();
		i += m![0].length;
	};
	const value = (): void => {
		ws();
		const c = text[i];
		if (c === '{') {
			i++;
			ws();
			if (text[i] === '}') return void i++;
			for (;;) {
				ws();
				if (text[i] !== '"') fail();
				string();
				ws();
				if (text[i] !== ':') fail();
				i++;
				value();
				ws();
				if (text[i] === ',') i++;
				else if (text[i] === '}') return void i++;
				else fail();
			}
		} else if (c === '[') {
			i++;
			ws();
			if (text[i] === ']') return void i++;
			for (;;) {
				value();
				ws();
				if (text[i] === ',') i++;
				else if (text[i] === ']') return void i++;
				else fail();
			}
		} else if (c === '"') string();
		else if (c === 't') literal('true');
		else if (c === 'f') literal('false');
		else if (c === 'n') literal('null');
		else number();
	};
	try {
		value();
		ws();
		return i < text.length ? i : text.length;
	} catch (at) {
		if (typeof at === 'number') return at;
		throw at;
	}
}

/** A boundary file's features read as `{ code, name }`, from the file's own property names (e.g. ICB23CD, ICB23NM). */
export function readCodeNamed(path: string, codeKey: string, nameKey: string): Feature[] {
	return readGeojson(path).features.map((f) => ({
		...f,
		properties: { code: f.properties![codeKey], name: f.properties![nameKey] }
	}));
}

/**
 * Read a GeoJSON FeatureCollection from `path` (gzip when the file starts with the gzip magic
 * bytes, whatever its name). Errors name the file, and for bad JSON the line and column; every
 * feature must be an area inside `box`, and with `key` its code property must be present and unique
 * (geometryChecks.ts).
 */
export function readGeojson(path: string, label: string = path, box: Box = BOXES.uk, key?: string): FeatureCollection {
	const bytes = readInputBytes(path, label);
	const text = decodeInput(bytes, label);
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (err) {
		const message = (err as Error).message.split('\n')[0].slice(0, 200);
		const { line, column } = lineColumnAt(text, jsonErrorOffset(text));
		throw new InputError(label, line, String(column), `invalid JSON (${message})`, REFETCH);
	}
	const fc = data as Partial<FeatureCollection> | null;
	if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
		throw new InputError(
			label,
			1,
			'1',
			'not a GeoJSON FeatureCollection (expected {"type":"FeatureCollection","features":[…]})',
			REFETCH
		);
	}
	fc.features.forEach((f, i) => {
		if (!f || f.type !== 'Feature')
			throw new InputError(label, null, null, `features[${i}] is not a GeoJSON Feature`, REFETCH);
	});
	checkAreaFeatures(fc.features, label, REFETCH, box);
	if (key) checkFeatureKeys(fc.features as Feature[], label, key, REFETCH);
	return fc as FeatureCollection;
}

// --- polygons ---------------------------------------------------------------------------------

type Areal = Polygon | MultiPolygon;

export function polygonsOf(geometry: Areal): Position[][][] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Geodesic area of one ring in km² (turf's spherical formula). */
export function ringAreaKm2(ring: Position[]): number {
	return turfArea({ type: 'Polygon', coordinates: [ring] }) / 1e6;
}

function isAreal(f: Feature): f is Feature<Areal> {
	return f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';
}

export interface DissolveOptions {
	/** Interior holes smaller than this are slivers from mismatched edges and are filled. Default 1 km². */
	minHoleKm2?: number;
}

/**
 * One (Multi)Polygon feature per key: the union of the key's members, with holes smaller than
 * `minHoleKm2` filled. Features whose key is '' are left out. Properties come from `props`
 * (default `{ code: key }`). Keys come out in first-seen order.
 */
export function dissolve(
	features: Feature[],
	keyOf: (f: Feature) => string,
	props?: (key: string, members: Feature[]) => Record<string, unknown>,
	options: DissolveOptions = {}
): Feature<Areal>[] {
	const minHoleKm2 = options.minHoleKm2 ?? 1;
	const groups = new Map<string, Feature<Areal>[]>();
	features.forEach((f, i) => {
		const key = keyOf(f);
		if (key === '') return;
		if (!isAreal(f)) {
			throw new Error(
				`dissolve: feature ${i} (key ${key}) is a ${f.geometry?.type ?? 'null geometry'}, not a Polygon or MultiPolygon`
			);
		}
		const members = groups.get(key);
		if (members) members.push(f);
		else groups.set(key, [f]);
	});

	const out: Feature<Areal>[] = [];
	for (const [key, members] of groups) {
		// A lone member is unioned with itself, which also repairs its self-intersections.
		const inputs = members.length === 1 ? [members[0], members[0]] : members;
		const merged = union(featureCollection(inputs));
		if (!merged) throw new Error(`dissolve: the union of key ${key} (${members.length} features) is empty`);
		const polygons = polygonsOf(merged.geometry).map((rings) => [
			rings[0],
			...rings.slice(1).filter((hole) => ringAreaKm2(hole) >= minHoleKm2)
		]);
		const geometry: Areal =
			polygons.length === 1
				? { type: 'Polygon', coordinates: polygons[0] }
				: { type: 'MultiPolygon', coordinates: polygons };
		out.push({ type: 'Feature', properties: props ? props(key, members) : { code: key }, geometry });
	}
	return out;
}

// --- labels -----------------------------------------------------------------------------------

/**
 * A point well inside the largest part of a polygon, for placing its name: the pole of
 * inaccessibility (polylabel), computed in a local equirectangular frame so that east-west
 * degrees are not over-weighted at UK latitudes. Precision ~50 m.
 */
export function labelPoint(geometry: Areal): [number, number] {
	const parts = polygonsOf(geometry);
	let largest = parts[0];
	let largestArea = -1;
	for (const p of parts) {
		const a = ringAreaKm2(p[0]);
		if (a > largestArea) {
			largestArea = a;
			largest = p;
		}
	}
	const lat0 = largest[0].reduce((s, c) => s + c[1], 0) / largest[0].length;
	const kx = Math.cos((lat0 * Math.PI) / 180);
	const local = largest.map((ring) => ring.map((c) => [c[0] * kx, c[1]] as [number, number]));
	const [x, y] = polylabel(local, 0.0005);
	return [Math.round((x / kx) * 1e6) / 1e6, Math.round(y * 1e6) / 1e6];
}

/**
 * One label point per polygon feature, with properties `kind`, `code`, `name` (from the feature's
 * `code` and `name` properties, or `codeOf` / `nameOf`) and `area_km2` (of the whole feature, to
 * rank labels with symbol-sort-key or hide small areas' names at low zooms).
 */
export function labelFeatures(
	features: Feature[],
	kind: string,
	codeOf: (f: Feature) => string = (f) => String(f.properties?.code ?? ''),
	nameOf: (f: Feature) => string = (f) => String(f.properties?.name ?? '')
): Feature<Point>[] {
	return features.map((f, i) => {
		if (!isAreal(f)) throw new Error(`labelFeatures(${kind}): feature ${i} is not a Polygon or MultiPolygon`);
		const code = codeOf(f);
		if (!code) throw new Error(`labelFeatures(${kind}): feature ${i} has no code`);
		const properties: Record<string, string | number> = { kind, code };
		const name = nameOf(f);
		if (name) properties.name = name;
		properties.area_km2 = Math.round(turfArea(f) / 1e5) / 10;
		return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: labelPoint(f.geometry) } };
	});
}
