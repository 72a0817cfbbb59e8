// What the first paint draws and waits for: only the sea and the neighbourhood fills (no boundary
// tile, glyph, line or text shader); the rest revealed afterwards; tiles asked for at
// once (no TileJSON round trip); the map's code preloaded from the page's head.
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { buildStyle, deferredLayerIds, drawsFirstColours, pmtilesSource, sourceOf } from '../src/lib/map/style';
import { chunkFiles } from '../src/lib/prerender/mapPreload';
import { tableFromWorker } from '../src/lib/data/practicesProtocol';
import { DataError } from '../src/lib/data/errors';
import { DEFAULT_VIEW } from '../src/lib/state/url';
import type { AppPractice } from '../src/lib/data/practices';

const range = { minzoom: 4, maxzoom: 12, bounds: [-8.7, 49.8, 1.8, 60.9] as [number, number, number, number] };
const inputs = {
	lsoaUrl: 'http://127.0.0.1/data/lsoa.pmtiles',
	boundariesUrl: 'http://127.0.0.1/data/boundaries.pmtiles',
	fontUrl: 'http://127.0.0.1/inter.woff2',
	boundaryLayers: ['land', 'nhser', 'region', 'icb', 'sicbl', 'lad', 'network', 'label'],
	places: [],
	englandRate: 5.5,
	tileRanges: { lsoa: range, boundaries: { ...range, minzoom: 0 } }
};
const visible = (s: StyleSpecification) =>
	s.layers.filter((l) => (l.layout as { visibility?: string } | undefined)?.visibility !== 'none');

describe('first paint', () => {
	it('draws only the sea and the neighbourhood fills', () => {
		const first = buildStyle(inputs, DEFAULT_VIEW, { baseHidden: true });
		expect(validateStyleMin(first)).toEqual([]);
		const ids = visible(first).map((l) => `${l.id}:${l.type}`);
		expect(ids).toContain('sea:background');
		expect(ids).toContain('fill-imd-lsoa:fill');
		expect(visible(first).every(drawsFirstColours)).toBe(true);
		// The hover and selection outlines are lines (a shader of their own): they wait too.
		expect(ids.some((i) => i.startsWith('area-outline'))).toBe(false);
	});

	it('reveals afterwards exactly what the full style shows', () => {
		const full = buildStyle(inputs, DEFAULT_VIEW);
		const later = deferredLayerIds(full);
		const first = buildStyle(inputs, DEFAULT_VIEW, { baseHidden: true });
		expect([...visible(first).map((l) => l.id), ...later].sort()).toEqual(
			visible(full)
				.map((l) => l.id)
				.sort()
		);
		for (const id of ['land', 'coast', 'icb-line', 'area-outline', 'place-city']) expect(later).toContain(id);
		// Revealed in three parts: the base map, the practices, and the LSOA source's layers (laid out
		// again together).
		const practices = ['practices', 'practice-marks'];
		const onLsoa = deferredLayerIds(full, (l) => sourceOf(l) === 'lsoa');
		const marks = deferredLayerIds(full, (l) => practices.includes(sourceOf(l)));
		const rest = deferredLayerIds(full, (l) => !['lsoa', ...practices].includes(sourceOf(l)));
		expect([...onLsoa, ...marks, ...rest].sort()).toEqual([...later].sort());
		expect(marks).toEqual(['practices', 'practice-selected', 'practice-highlight', 'search-marker']);
		expect(onLsoa).toContain('lsoa-edge');
		expect(onLsoa).not.toContain('coast');
		// The outlines have their own small source: shown with the base map, no LSOA tile laid out again.
		expect(rest).toEqual(expect.arrayContaining(['land', 'coast', 'icb-line', 'place-city', 'area-outline']));
		expect(onLsoa).not.toContain('area-outline');
	});

	it('asks for no fill-outline shader: every fill is drawn without antialiasing', () => {
		const full = buildStyle(inputs, { ...DEFAULT_VIEW, imd: [1, 3] }, { measures: ['imd', 'fte', 'hea'], masks: true });
		const fills = full.layers.filter((l) => l.type === 'fill');
		expect(fills.length).toBeGreaterThan(5);
		for (const l of fills)
			expect([l.id, (l.paint as Record<string, unknown>)['fill-antialias']]).toEqual([l.id, false]);
	});

	it('gives maplibre the tile URLs and range from the archive header (no TileJSON request)', () => {
		expect(pmtilesSource('http://h/data/lsoa.pmtiles', range)).toEqual({
			type: 'vector',
			tiles: ['pmtiles://http://h/data/lsoa.pmtiles/{z}/{x}/{y}'],
			...range
		});
		expect(pmtilesSource('http://h/data/lsoa.pmtiles')).toEqual({
			type: 'vector',
			url: 'pmtiles://http://h/data/lsoa.pmtiles'
		});
		const style = buildStyle(inputs, DEFAULT_VIEW);
		expect(style.sources.lsoa).toMatchObject({
			tiles: ['pmtiles://http://127.0.0.1/data/lsoa.pmtiles/{z}/{x}/{y}'],
			maxzoom: 12
		});
		expect(style.sources.boundaries).toMatchObject({ minzoom: 0 });
	});
});

describe('map chunks preloaded from the page head', () => {
	const manifest = {
		'src/lib/map/atlasMap.ts': { file: '_app/immutable/chunks/map.js', imports: ['_shared.js', 'pmtiles'] },
		'_shared.js': { file: '_app/immutable/chunks/shared.js', imports: ['src/lib/map/atlasMap.ts'] },
		pmtiles: { file: '_app/immutable/chunks/pmtiles.js', imports: ['_shared.js'] }
	};
	it('lists the entry and its static imports once each, entry first (cycles are fine)', () => {
		expect(chunkFiles(manifest, 'src/lib/map/atlasMap.ts')).toEqual([
			'_app/immutable/chunks/map.js',
			'_app/immutable/chunks/shared.js',
			'_app/immutable/chunks/pmtiles.js'
		]);
	});
	it('lists nothing for an entry the manifest lacks', () => {
		expect(chunkFiles(manifest, 'src/nope.ts')).toEqual([]);
	});
});

describe('practices read in a worker', () => {
	const p = (code: string) => ({ code, name: code }) as unknown as AppPractice;
	it('rebuilds the table and its index from the rows', () => {
		const t = tableFromWorker({ ok: true, practices: [p('A81001'), p('B82002')] });
		expect(t.practices.map((x) => x.code)).toEqual(['A81001', 'B82002']);
		expect(t.byCode.get('B82002')).toBe(t.practices[1]);
	});
	it("turns the worker's report back into the DataError the page shows", () => {
		const m = {
			ok: false as const,
			error: { file: 'data/practices.json', problem: 'row 3 has 2 values, expected 50', hint: 'h', advice: 'a' }
		};
		let err: unknown;
		try {
			tableFromWorker(m);
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(DataError);
		expect((err as DataError).message).toBe('data/practices.json: row 3 has 2 values, expected 50');
		expect((err as DataError).advice).toBe('a');
	});
});
