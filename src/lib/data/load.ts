// Fetching the atlas's data files from static/data, turning every failure (missing file, HTTP error,
// bad JSON, wrong shape) into a DataError the page shows on screen.
import { base } from '$app/paths';
import { DataError, asDataError } from './errors';
import { fetchJsonFrom, fetchTextFrom } from './fetchJson';
import { readPracticesInWorker } from './practicesProtocol';
import { parsePractices, type PracticeTable } from './practices';
import { parseLsoaDetail, type LsoaDetailTable } from './lsoaDetail';
import { parseNetworks, type NetworksDoc } from './networks';
import { parseSources, type SourcesDoc } from './sources';
import { parseAreas, type AreaRecord } from './areas';
import { parsePlaces, type Place } from './places';

/** URL of a file in static/data, relative to the app's base path. */
export const dataUrl = (name: string) => `${base}/data/${name}`;

const fetchText = (name: string) => fetchTextFrom(dataUrl(name), `data/${name}`);
const fetchJson = (name: string) => fetchJsonFrom(dataUrl(name), `data/${name}`);

const once = <T>(f: () => Promise<T>) => {
	let p: Promise<T> | null = null;
	return () =>
		(p ??= f().catch((e) => {
			p = null;
			throw e;
		}));
};

const guard = <T>(name: string, f: () => Promise<T>) =>
	once(async () => {
		try {
			return await f();
		} catch (e) {
			throw asDataError(`data/${name}`, e);
		}
	});

// In a worker where there is one (the page's thread stays free to draw the map).
export const loadPractices = guard<PracticeTable>(
	'practices.json',
	async () =>
		readPracticesInWorker(new URL(dataUrl('practices.json'), location.href).href, 'data/practices.json') ??
		parsePractices(await fetchJson('practices.json'))
);
export const loadLsoaDetail = guard<LsoaDetailTable>('lsoa-detail.json', async () =>
	parseLsoaDetail(await fetchJson('lsoa-detail.json'))
);
export const loadNetworks = guard<NetworksDoc>('networks.json', async () =>
	parseNetworks(await fetchJson('networks.json'))
);
export const loadSources = guard<SourcesDoc>('sources.json', async () => parseSources(await fetchJson('sources.json')));
export const loadAreas = guard<AreaRecord[]>('areas.csv', async () => parseAreas(await fetchText('areas.csv')));
export const loadPlaces = guard<Place[]>('places-major.json', async () =>
	parsePlaces(await fetchJson('places-major.json'))
);

// ---- files the journeys load on first use
import { decodePlaceSearch, type PlaceSearchFile } from '$lib/domain/formats/places';
import { decodeNetworkFootprints, type NetworkFootprintsFile } from '$lib/domain/formats/networkFootprints';
import { decodeOutcodeFile, type OutcodeFile } from '$lib/domain/formats/postcodes';

export const loadPlaceIndex = guard<PlaceSearchFile>('places.json', async () => {
	const doc = decodePlaceSearch(await fetchJson('places.json'));
	if (!doc) throw new DataError('data/places.json', 'is not a place index (no places/types arrays)');
	return doc;
});

export const loadFootprints = guard<NetworkFootprintsFile>('network-footprints.json', async () => {
	const doc = decodeNetworkFootprints(await fetchJson('network-footprints.json'));
	if (!doc) throw new DataError('data/network-footprints.json', 'is not a GeoJSON FeatureCollection');
	return doc;
});

const outcodeCache = new Map<string, Promise<OutcodeFile | null>>();
/** One outcode's postcodes; null when the outcode has no file (no such outcode in Great Britain). */
export function loadOutcode(outcode: string): Promise<OutcodeFile | null> {
	let p = outcodeCache.get(outcode);
	if (!p) {
		p = (async () => {
			const res = await fetch(dataUrl(`postcodes/${outcode}.json`)).catch((e) => {
				throw new DataError(`data/postcodes/${outcode}.json`, `could not be fetched (${(e as Error).message})`);
			});
			if (res.status === 404) return null;
			if (!res.ok) throw new DataError(`data/postcodes/${outcode}.json`, `could not be loaded (HTTP ${res.status})`);
			let doc: unknown;
			try {
				doc = await res.json();
			} catch (e) {
				throw new DataError(`data/postcodes/${outcode}.json`, `is corrupt: not valid JSON (${(e as Error).message})`);
			}
			const file = decodeOutcodeFile(doc);
			if (!file) throw new DataError(`data/postcodes/${outcode}.json`, 'is not an outcode file (no outcode/postcodes)');
			return file;
		})();
		p.catch(() => outcodeCache.delete(outcode));
		outcodeCache.set(outcode, p);
	}
	return p;
}

// ---- trends (static/data/trends/), loaded when a panel first shows them
import {
	decodePracticeTrends,
	decodeTrends,
	PRACTICE_TRENDS_FILE,
	TRENDS_FILE,
	type PracticeTrendsFile,
	type TrendsFile
} from '$lib/domain/formats/trends';

export const loadTrends = guard<TrendsFile>(TRENDS_FILE, async () => decodeTrends(await fetchJson(TRENDS_FILE)));
export const loadPracticeTrends = guard<PracticeTrendsFile>(PRACTICE_TRENDS_FILE, async () =>
	decodePracticeTrends(await fetchJson(PRACTICE_TRENDS_FILE))
);
