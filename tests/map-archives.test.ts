// Telling real data problems from the noise of a moving map: cancelled tile requests are not errors,
// dropped connections and server errors are retried with back-off, and what reaches the screen is in
// words for people (the developer's command goes to the console).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { bytesToHeader, type RangeResponse, type Source } from 'pmtiles';
import {
	RetryingSource,
	archiveLength,
	checkArchiveLength,
	isCancellation,
	isTransient,
	mapErrorToDataError
} from '../src/lib/map/archives';
import { writeVectorArchive } from '../scripts/pipeline/tiles';
import { DataError, MAP_DATA_ADVICE } from '../src/lib/data/errors';

/** A source that fails with the given errors, in order, then answers. */
function flaky(...failures: unknown[]) {
	const seen: number[] = [];
	const source: Source = {
		getKey: () => 'http://127.0.0.1/data/lsoa.pmtiles',
		async getBytes(offset: number): Promise<RangeResponse> {
			seen.push(offset);
			const f = failures.shift();
			if (f) throw f;
			return { data: new ArrayBuffer(4) };
		}
	};
	return { source, seen };
}

const naps: number[] = [];
const nap = async (ms: number, signal?: AbortSignal) => {
	naps.push(ms);
	if (signal?.aborted) throw new DOMException('no longer needed', 'AbortError');
};

describe('range requests', () => {
	it('retries a dropped connection and a server error, waiting longer each time', async () => {
		naps.length = 0;
		const { source, seen } = flaky(new TypeError('Failed to fetch'), new Error('Bad response code: 503'));
		const r = await new RetryingSource(source, [300, 1000], nap).getBytes(100, 10);
		expect(r.data.byteLength).toBe(4);
		expect(seen).toEqual([100, 100, 100]);
		expect(naps).toEqual([300, 1000]);
	});

	it('gives up after the retries and reports the last failure', async () => {
		const { source, seen } = flaky(new TypeError('a'), new TypeError('b'), new TypeError('c'));
		await expect(new RetryingSource(source, [1, 1], nap).getBytes(0, 10)).rejects.toThrow('c');
		expect(seen).toHaveLength(3);
	});

	it('does not retry a missing file or a corrupt answer', async () => {
		const missing = flaky(new Error('Bad response code: 404'));
		await expect(new RetryingSource(missing.source, [1, 1], nap).getBytes(0, 10)).rejects.toThrow('404');
		expect(missing.seen).toHaveLength(1);
		const corrupt = flaky(new Error('Wrong magic number for PMTiles archive'));
		await expect(new RetryingSource(corrupt.source, [1, 1], nap).getBytes(0, 10)).rejects.toThrow('magic');
		expect(corrupt.seen).toHaveLength(1);
	});

	it('a request maplibre cancelled ends as an AbortError, without retrying', async () => {
		const controller = new AbortController();
		controller.abort();
		const { source, seen } = flaky(new TypeError('Failed to fetch'));
		const err = await new RetryingSource(source, [1, 1], nap).getBytes(0, 10, controller.signal).catch((e) => e);
		expect(err.name).toBe('AbortError');
		expect(isCancellation(err)).toBe(true);
		expect(seen).toHaveLength(1);
	});

	it('classifies failures', () => {
		expect(isCancellation(new DOMException('The user aborted a request.', 'AbortError'))).toBe(true);
		expect(isCancellation(new Error('cancelled'))).toBe(true);
		expect(isCancellation(new Error('net::ERR_ABORTED'))).toBe(true);
		expect(isCancellation(new Error('Bad response code: 500'))).toBe(false);
		expect(isCancellation(new Error('Unimplemented type: 4'))).toBe(false);
		expect(isTransient(new TypeError('NetworkError when attempting to fetch resource.'))).toBe(true);
		expect(isTransient(new Error('Bad response code: 502'))).toBe(true);
		expect(isTransient(new Error('Bad response code: 429'))).toBe(true);
		expect(isTransient(new Error('Bad response code: 404'))).toBe(false);
	});
});

describe('map errors on screen', () => {
	it('ignores cancelled requests and label fonts', () => {
		const reported = new Set<string>();
		const abort = new DOMException('signal is aborted without reason', 'AbortError');
		expect(mapErrorToDataError({ error: abort, sourceId: 'lsoa' }, reported)).toBeNull();
		expect(mapErrorToDataError({ error: new Error('cancelled'), sourceId: 'lsoa' }, reported)).toBeNull();
		const warn = console.warn;
		console.warn = () => {};
		try {
			expect(mapErrorToDataError({ error: new Error('glyphs > 65535 not supported') }, reported)).toBeNull();
		} finally {
			console.warn = warn;
		}
		expect(reported.size).toBe(0);
	});

	it('reports a tile that could not be read once per archive, in words for people', () => {
		const reported = new Set<string>();
		const e = mapErrorToDataError({ error: new Error('Bad response code: 500'), sourceId: 'lsoa' }, reported)!;
		expect(e).toBeInstanceOf(DataError);
		expect(e.file).toBe('data/lsoa.pmtiles');
		expect(e.problem).toContain('500');
		expect(e.advice).toBe(MAP_DATA_ADVICE);
		expect(e.advice).not.toMatch(/npm|npx|tsx/);
		// The command stays available to developers (logged to the console).
		expect(e.hint).toMatch(/npm run data/);
		expect(mapErrorToDataError({ error: new Error('again'), sourceId: 'lsoa' }, reported)).toBeNull();
		expect(mapErrorToDataError({ error: new Error('x'), sourceId: 'boundaries' }, reported)!.file).toBe(
			'data/boundaries.pmtiles'
		);
		// Other map errors: each message once.
		expect(mapErrorToDataError({ error: new Error('WebGL context lost') }, reported)!.file).toBe('map');
		expect(mapErrorToDataError({ error: new Error('WebGL context lost') }, reported)).toBeNull();
		expect(mapErrorToDataError({ error: new Error('out of memory') }, reported)!.problem).toBe('out of memory');
	});

	it('gives every data error a plain sentence for people', () => {
		expect(MAP_DATA_ADVICE).toBe(
			"The map data could not be loaded. Reload the page; if it keeps happening, the site's data may need rebuilding."
		);
		expect(new DataError('data/practices.json', 'is missing (HTTP 404)').advice).not.toMatch(/npm|npx|`/);
		expect(new DataError('data/boundaries.pmtiles', 'is missing').advice).toBe(MAP_DATA_ADVICE);
	});
});

describe('a truncated archive is reported on load', () => {
	/** A range source over some bytes, answering as sirv and the test harness do past the end (416 or empty). */
	const over = (bytes: Uint8Array, past: 'empty' | '416' = 'empty'): Source => ({
		getKey: () => 'http://127.0.0.1/data/lsoa.pmtiles',
		async getBytes(offset: number, length: number): Promise<RangeResponse> {
			if (offset >= bytes.length && past === '416') throw new Error('Bad response code: 416');
			return { data: bytes.slice(offset, offset + length).buffer };
		}
	});
	// Header of a 1,000-byte archive: directory 127–226, metadata 227–326, tiles 400–999, no leaves.
	const header = {
		rootDirectoryOffset: 127,
		rootDirectoryLength: 100,
		jsonMetadataOffset: 227,
		jsonMetadataLength: 100,
		leafDirectoryOffset: 327,
		leafDirectoryLength: 0,
		tileDataOffset: 400,
		tileDataLength: 600
	};

	it('the length an archive must have is the end of its last section', () => {
		expect(archiveLength(header)).toBe(1000);
		// Leaf directories after the tiles (as some writers place them).
		expect(archiveLength({ ...header, leafDirectoryOffset: 1000, leafDirectoryLength: 50 })).toBe(1050);
	});

	it('a whole archive passes; one cut short fails, naming the file and the length', async () => {
		await expect(checkArchiveLength(over(new Uint8Array(1000)), header, 'data/lsoa.pmtiles')).resolves.toBeUndefined();
		for (const past of ['empty', '416'] as const) {
			const e = await checkArchiveLength(over(new Uint8Array(700), past), header, 'data/lsoa.pmtiles').catch((x) => x);
			expect(e).toBeInstanceOf(DataError);
			expect(e.message).toMatch(/^data\/lsoa\.pmtiles: is truncated: its header says 1,000 bytes/);
			expect(e.advice).toBe(MAP_DATA_ADVICE);
		}
	});

	it('a real archive written by the pipeline, whole and cut by one byte', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'atlas-archive-'));
		const path = join(dir, 'a.pmtiles');
		const square: Feature = {
			type: 'Feature',
			properties: { code: 'A' },
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[-1.3, 54.5],
						[-1.2, 54.5],
						[-1.2, 54.6],
						[-1.3, 54.6],
						[-1.3, 54.5]
					]
				]
			}
		};
		await writeVectorArchive(path, [{ name: 'lsoa', features: [square], minzoom: 0, maxzoom: 6 }], {
			name: 'test',
			attribution: 'test'
		});
		const bytes = new Uint8Array(readFileSync(path));
		rmSync(dir, { recursive: true, force: true });
		const h = bytesToHeader(bytes.slice(0, 127).buffer);
		expect(archiveLength(h)).toBe(bytes.length);
		await expect(checkArchiveLength(over(bytes), h, 'data/a.pmtiles')).resolves.toBeUndefined();
		await expect(checkArchiveLength(over(bytes.slice(0, -1)), h, 'data/a.pmtiles')).rejects.toThrow(/truncated/);
	});
});
