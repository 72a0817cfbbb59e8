// The PMTiles archives: maplibre's pmtiles:// protocol, opening and checking the two archives, and
// telling real data problems from the noise of a moving map. Tile requests maplibre no longer needs
// are aborted; a dropped connection or a 5xx is retried with back-off before anything is reported.
import { FetchSource, PMTiles, Protocol, type Header, type RangeResponse, type Source } from 'pmtiles';
import { DataError } from '$lib/data/errors';
import { dataUrl } from '$lib/data/load';

export const protocol = new Protocol({ metadata: true });

export const absolute = (u: string) => new URL(u, window.location.href).href;

/** Waits before the second and third attempts of a range request. */
export const RETRY_DELAYS_MS = [300, 1000];

/** A request cancelled on purpose (by maplibre, the browser or a navigation): not a data problem. */
export function isCancellation(e: unknown): boolean {
	const err = e as { name?: string; message?: string } | null;
	if (!err) return false;
	if (err.name === 'AbortError') return true;
	return /\b(abort(ed)?|cancel(l)?ed)\b|ERR_ABORTED|NS_BINDING_ABORTED/i.test(err.message ?? '');
}

/** A failure that may pass if tried again: a network error (fetch's TypeError) or a server error. */
export function isTransient(e: unknown): boolean {
	if (e instanceof TypeError) return true;
	const m = /Bad response code: (\d{3})/.exec((e as Error | null)?.message ?? '');
	return m !== null && (Number(m[1]) >= 500 || m[1] === '408' || m[1] === '429');
}

const wait = (ms: number, signal?: AbortSignal) =>
	new Promise<void>((resolve, reject) => {
		const t = setTimeout(resolve, ms);
		signal?.addEventListener('abort', () => (clearTimeout(t), reject(abortError())), { once: true });
	});

const abortError = () => new DOMException('The tile is no longer needed', 'AbortError');

/** Range requests with retries; what maplibre cancelled stays an AbortError (which maplibre ignores). */
export class RetryingSource implements Source {
	constructor(
		private readonly inner: Source,
		private readonly delays: readonly number[] = RETRY_DELAYS_MS,
		private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void> = wait
	) {}

	getKey(): string {
		return this.inner.getKey();
	}

	async getBytes(offset: number, length: number, signal?: AbortSignal, etag?: string): Promise<RangeResponse> {
		for (let attempt = 0; ; attempt++) {
			try {
				return await this.inner.getBytes(offset, length, signal, etag);
			} catch (e) {
				if (signal?.aborted) throw abortError();
				// A connection dropped under a request still wanted is a network error: worth another try.
				if (!isTransient(e) || attempt >= this.delays.length) throw e;
				await this.sleep(this.delays[attempt], signal);
			}
		}
	}
}

/** The parts of a PMTiles header that say where each section of the archive lies. */
export type ArchiveSections = Pick<
	Header,
	| 'rootDirectoryOffset'
	| 'rootDirectoryLength'
	| 'jsonMetadataOffset'
	| 'jsonMetadataLength'
	| 'leafDirectoryOffset'
	| 'leafDirectoryLength'
	| 'tileDataOffset'
	| 'tileDataLength'
>;

/** How many bytes an archive must have: the end of its last section, as its header states. */
export function archiveLength(h: ArchiveSections): number {
	return Math.max(
		h.rootDirectoryOffset + h.rootDirectoryLength,
		h.jsonMetadataOffset + h.jsonMetadataLength,
		(h.leafDirectoryOffset ?? 0) + (h.leafDirectoryLength ?? 0),
		(h.tileDataOffset ?? 0) + (h.tileDataLength ?? 0)
	);
}

/**
 * A truncated archive (a copy or upload cut short) reads its header and first tiles fine and fails
 * only where the map later looks: read the last byte the header promises, once, on load, and say so
 * at once when it is not there (a server answers 416 or an empty range past the end of a file).
 */
export async function checkArchiveLength(source: Source, header: ArchiveSections, file: string): Promise<void> {
	const length = archiveLength(header);
	let got = -1;
	let why = '';
	try {
		got = (await source.getBytes(length - 1, 1, undefined, undefined)).data.byteLength;
	} catch (e) {
		if (isTransient(e)) throw e;
		why = ` (${(e as Error).message ?? e})`;
	}
	if (got !== 1) {
		throw new DataError(
			file,
			`is truncated: its header says ${length.toLocaleString('en-GB')} bytes, but the file ends before that${why}`
		);
	}
}

export interface OpenedArchive {
	url: string;
	layers: string[];
	/** From the header: what maplibre would otherwise fetch again as TileJSON before its first tile. */
	tiles: TileRange;
}

export interface TileRange {
	minzoom: number;
	maxzoom: number;
	bounds: [number, number, number, number];
}

/** Open a PMTiles archive and read its header and metadata; a missing or corrupt file becomes a DataError. */
export async function openArchive(name: string): Promise<OpenedArchive> {
	const url = absolute(dataUrl(name));
	const source = new RetryingSource(new FetchSource(url));
	const archive = new PMTiles(source);
	try {
		const header = await archive.getHeader();
		if (header.tileType !== 1) throw new Error(`holds tile type ${header.tileType}, expected vector tiles (MVT)`);
		const [, meta] = await Promise.all([
			checkArchiveLength(source, header, `data/${name}`),
			archive.getMetadata() as Promise<{ vector_layers?: { id: string }[] } | null>
		]);
		protocol.add(archive);
		return {
			url,
			layers: (meta?.vector_layers ?? []).map((l) => l.id),
			tiles: {
				minzoom: header.minZoom,
				maxzoom: header.maxZoom,
				bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat]
			}
		};
	} catch (e) {
		if (e instanceof DataError) throw e;
		const msg = (e as Error).message ?? String(e);
		if (/404|not found/i.test(msg)) throw new DataError(`data/${name}`, 'is missing (HTTP 404)');
		if (isTransient(e)) throw new DataError(`data/${name}`, `could not be downloaded (${msg})`);
		throw new DataError(`data/${name}`, `is corrupt or unreadable as a PMTiles archive (${msg})`);
	}
}

function requireLayers(file: string, layers: string[], needed: string[]) {
	for (const layer of needed)
		if (!layers.includes(layer))
			throw new DataError(file, `has no "${layer}" layer (layers: ${layers.join(', ') || 'none'})`);
}

/** Both archives the map draws from, checked for the layers the style needs. */
export async function openAtlasArchives(): Promise<{ lsoa: OpenedArchive; boundaries: OpenedArchive }> {
	const [lsoa, boundaries] = await Promise.all([openArchive('lsoa.pmtiles'), openArchive('boundaries.pmtiles')]);
	requireLayers('data/lsoa.pmtiles', lsoa.layers, ['lad', 'lsoa']);
	requireLayers('data/boundaries.pmtiles', boundaries.layers, ['land']);
	return { lsoa, boundaries };
}

/**
 * What a maplibre `error` event means for the people using the atlas: null when it is noise (a
 * cancelled request, a label font), else a DataError to show. Tile errors reach here only after the
 * retries above.
 */
export function mapErrorToDataError(
	ev: { error?: unknown; sourceId?: string },
	alreadyReported: Set<string>
): DataError | null {
	const msg = (ev.error as Error | undefined)?.message ?? 'unknown map error';
	if (isCancellation(ev.error)) return null;
	if (/font|glyph/i.test(msg)) {
		console.warn('Label font:', msg);
		return null;
	}
	const archive = ev.sourceId === 'lsoa' || ev.sourceId === 'boundaries' ? ev.sourceId : null;
	// One banner per archive, however many tiles fail; other map errors once per message.
	const key = archive ?? `map: ${msg}`;
	if (alreadyReported.has(key)) return null;
	alreadyReported.add(key);
	if (!archive) return new DataError('map', msg, 'Reload the page; if it persists, rebuild the data.');
	return new DataError(`data/${archive}.pmtiles`, `a tile could not be read (${msg})`);
}
