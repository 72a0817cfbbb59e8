// Cities and towns for the base map's labels (static/data/places-major.json, from OS Open Names).
// The pipeline may write GeoJSON points, a columnar table or plain records; all three are read.
import { DataError } from './errors';

export interface Place {
	name: string;
	lon: number;
	lat: number;
	/** 'City' | 'Town' (OS Open Names local type), lower-cased. */
	kind: string;
	/** Bigger = shown earlier: cities before towns; optionally by population or extent. */
	rank: number;
}

const kindRank = (kind: string) => (kind === 'city' ? 3 : kind === 'town' ? 2 : kind === 'suburban area' ? 1 : 0);

function record(r: Record<string, unknown>, lon?: number, lat?: number): Place | null {
	const name = String(r.name ?? r.NAME1 ?? '');
	const x = lon ?? Number(r.lon ?? r.longitude ?? r.lng);
	const y = lat ?? Number(r.lat ?? r.latitude);
	const kind = String(r.kind ?? r.type ?? r.local_type ?? r.localType ?? 'town').toLowerCase();
	if (!name || !Number.isFinite(x) || !Number.isFinite(y)) return null;
	const extra = Number(r.rank ?? r.size ?? 0);
	return { name, lon: x, lat: y, kind, rank: kindRank(kind) * 1e9 + (Number.isFinite(extra) ? extra : 0) };
}

export function parsePlaces(doc: unknown, file = 'data/places-major.json'): Place[] {
	let out: (Place | null)[];
	const d = doc as Record<string, unknown>;
	if (Array.isArray(doc)) out = (doc as Record<string, unknown>[]).map((r) => (Array.isArray(r) ? null : record(r)));
	else if (d && d.type === 'FeatureCollection' && Array.isArray(d.features)) {
		out = (d.features as { geometry?: { coordinates?: number[] }; properties?: Record<string, unknown> }[]).map((f) =>
			record(f.properties ?? {}, f.geometry?.coordinates?.[0], f.geometry?.coordinates?.[1])
		);
	} else if (d && Array.isArray(d.fields) && Array.isArray(d.rows)) {
		const fields = d.fields as string[];
		out = (d.rows as unknown[][]).map((row) => record(Object.fromEntries(fields.map((f, i) => [f, row[i]]))));
	} else if (d && Array.isArray(d.places)) {
		return parsePlaces(d.places, file);
	} else throw new DataError(file, 'is not a list of places (expected GeoJSON points, {fields, rows} or records)');
	const places = out.filter((p): p is Place => p !== null);
	if (places.length === 0) throw new DataError(file, 'holds no place with a name and a position');
	return places.sort((a, b) => b.rank - a.rank);
}
