// The maplibre style and paint expressions, checked with maplibre's own style-spec validator and
// expression evaluator (the same code the browser runs).
import { describe, expect, it } from 'vitest';
import {
	createPropertyExpression,
	featureFilter,
	latest,
	validateStyleMin,
	type StylePropertySpecification
} from '@maplibre/maplibre-gl-style-spec';
import {
	buildStyle,
	layerIdsFor,
	BOUNDARIES,
	imdMaskOpacity,
	measureLayers,
	maskLayers,
	measureLayerId
} from '../src/lib/map/style';
import { FILTERED_OUT_COLOUR, fteOutsideFilter, lsoaFillColour, lsoaFilterExpression } from '../src/lib/map/paint';
import { LSOA_MEASURES, lsoaMeasure, lsoaScale } from '../src/lib/map/measures';
import { DEFAULT_VIEW, type ViewParams } from '../src/lib/state/url';
import { NO_DATA_COLOUR, decileScale, toHex } from '../src/lib/domain/scales';

const inputs = {
	lsoaUrl: 'http://127.0.0.1/data/lsoa.pmtiles',
	boundariesUrl: 'http://127.0.0.1/data/boundaries.pmtiles',
	fontUrl: 'http://127.0.0.1/inter.woff2',
	boundaryLayers: ['land', 'nhser', 'region', 'icb', 'sicbl', 'lad', 'network', 'label'],
	places: [{ name: 'Leeds', lon: -1.55, lat: 53.8, kind: 'city', rank: 3e9 }],
	englandRate: 5.5
};

/** Evaluate a fill-color value for one feature's properties; returns '#rrggbb'. */
function fillFor(value: unknown, properties: Record<string, unknown>): string {
	const spec = (latest as unknown as { paint_fill: Record<string, StylePropertySpecification> }).paint_fill[
		'fill-color'
	];
	const parsed = createPropertyExpression(value, 'layers.lsoa-fill.paint.fill-color', spec);
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	const c = parsed.value.evaluate({ zoom: 9 }, { type: 'Polygon', properties } as never) as {
		r: number;
		g: number;
		b: number;
	};
	return toHex(`rgb(${Math.round(c.r * 255)}, ${Math.round(c.g * 255)}, ${Math.round(c.b * 255)})`);
}

describe('buildStyle', () => {
	it('is a valid maplibre style for every measure and with filters on', () => {
		for (const m of LSOA_MEASURES) {
			const v: ViewParams = {
				...DEFAULT_VIEW,
				measure: m.key,
				imd: [1, 3],
				fte: [2, 6],
				icb: 'E54000050',
				layers: ['lsoa', 'network']
			};
			const errors = validateStyleMin(
				buildStyle(inputs, v, { measures: LSOA_MEASURES.map((x) => x.key), masks: true }) as never
			);
			expect(errors.map((e) => e.message)).toEqual([]);
		}
	});

	it('uses no outside server: only our pmtiles, inline GeoJSON and the shipped font', () => {
		const style = buildStyle(inputs, DEFAULT_VIEW);
		expect(style.glyphs).toBeUndefined();
		expect(style.sprite).toBeUndefined();
		expect(JSON.stringify(style.sources)).not.toMatch(/https:\/\//);
		expect(style['font-faces']).toEqual({ Inter: inputs.fontUrl });
	});

	it('layer visibility follows the view', () => {
		const style = buildStyle(inputs, { ...DEFAULT_VIEW, layers: ['lsoa', 'network'] });
		const visibility = (id: string) =>
			(style.layers.find((l) => l.id === id)?.layout as { visibility?: string } | undefined)?.visibility;
		expect(visibility('fill-imd-lsoa')).toBe('visible');
		expect(visibility('network-line')).toBe('visible');
		expect(visibility('network-label')).toBe('visible');
		expect(visibility('icb-line')).toBe('none');
		expect(visibility('place-city')).toBe('none');
	});

	it('every toggle names layers that exist', () => {
		const ids = buildStyle(inputs, DEFAULT_VIEW, { masks: true }).layers.map((l) => l.id);
		for (const key of ['lsoa', 'labels', ...BOUNDARIES.map((b) => b.key)] as const) {
			const named = layerIdsFor(key, inputs.boundaryLayers, ids);
			expect(named.length).toBeGreaterThan(0);
			for (const id of named) expect(ids.includes(id), id).toBe(true);
		}
		expect(layerIdsFor('lsoa', inputs.boundaryLayers, ids)).toContain('fill-imd-lsoa');
	});

	it("one fill layer per measure, neighbourhoods from zoom 4; only the view's measure is opaque", () => {
		const v = { ...DEFAULT_VIEW, measure: 'edu' as const };
		const layers = measureLayers(['imd', 'edu'], v, 4.3);
		expect(layers.map((l) => l.id)).toEqual(['fill-imd-lsoa', 'fill-edu-lsoa']);
		expect(layers.map((l) => [l.type === 'fill' && l['source-layer'], l.minzoom])).toEqual([
			['lsoa', 4],
			['lsoa', 4]
		]);
		const opacity = (id: string) => (layers.find((l) => l.id === id)!.paint as Record<string, unknown>)['fill-opacity'];
		expect(opacity(measureLayerId('edu', 'lsoa'))).toBeGreaterThan(0.5);
		expect(opacity(measureLayerId('imd', 'lsoa'))).toBe(0);
		// The first style has only the view's measure; the others come after the first paint.
		expect(
			buildStyle(inputs, v)
				.layers.filter((l) => l.id.startsWith('fill-'))
				.map((l) => l.id)
		).toEqual(['fill-edu-lsoa']);
	});

	it('decile masks cover exactly the deciles the IMD filter leaves out', () => {
		const v = { ...DEFAULT_VIEW, imd: [2, 4] as [number, number] };
		expect([1, 2, 3, 4, 5, 10].map((d) => imdMaskOpacity(d, v))).toEqual([1, 0, 0, 0, 1, 1]);
		const masks = maskLayers(v).filter((l) => l.id.startsWith('mask-imd') && l.id.endsWith('-lsoa'));
		expect(masks).toHaveLength(10);
		const f = featureFilter((masks[6] as { filter: unknown }).filter as never, 'layers.mask.filter');
		expect(f.filter({ zoom: 9 }, { type: 3, properties: { imd_decile: 7 } } as never)).toBe(true);
		expect(f.filter({ zoom: 9 }, { type: 3, properties: { imd_decile: 6 } } as never)).toBe(false);
	});

	it('the provision mask covers areas outside the FTE range or without a rate', () => {
		expect(fteOutsideFilter(DEFAULT_VIEW)).toBeNull();
		const f = featureFilter(fteOutsideFilter({ fte: [3, 5] }) as never, 'layers.mask.filter');
		const out = (props: Record<string, unknown>) => f.filter({ zoom: 9 }, { type: 3, properties: props } as never);
		expect(out({ gp_fte_10k: 4 })).toBe(false);
		expect(out({ gp_fte_10k: 2.9 })).toBe(true);
		expect(out({ gp_fte_10k: 5.1 })).toBe(true);
		expect(out({})).toBe(true);
		const masks = maskLayers({ ...DEFAULT_VIEW, fte: [3, 5] });
		expect((masks.find((l) => l.id === 'mask-fte-lsoa')!.layout as { visibility: string }).visibility).toBe('visible');
		expect(
			(maskLayers(DEFAULT_VIEW).find((l) => l.id === 'mask-fte-lsoa')!.layout as { visibility: string }).visibility
		).toBe('none');
	});

	it('without a label layer in the archive, no area-label layers are added', () => {
		const style = buildStyle({ ...inputs, boundaryLayers: ['land', 'icb'] }, DEFAULT_VIEW);
		expect(style.layers.some((l) => l.id.endsWith('-label'))).toBe(false);
		expect(layerIdsFor('icb', ['land', 'icb'])).toEqual(['icb-line']);
	});
});

describe('LSOA fill colour', () => {
	const deciles = decileScale().colours;

	it('colours IMD deciles with decile 1 the strong end, and missing values as no data', () => {
		const m = lsoaMeasure('imd');
		const fill = lsoaFillColour(m, lsoaScale(m, 5.5), DEFAULT_VIEW);
		expect(fillFor(fill, { imd_decile: 1 })).toBe(deciles[0]);
		expect(fillFor(fill, { imd_decile: 10 })).toBe(deciles[9]);
		expect(fillFor(fill, {})).toBe(NO_DATA_COLOUR);
	});

	it('each domain measure reads its own property', () => {
		const m = lsoaMeasure('hea');
		const fill = lsoaFillColour(m, lsoaScale(m, 5.5), DEFAULT_VIEW);
		expect(fillFor(fill, { imd_decile: 1, hea_decile: 7 })).toBe(deciles[6]);
	});

	it('continuous measures interpolate from the same scale and treat absent values as no data', () => {
		const m = lsoaMeasure('fte');
		const scale = lsoaScale(m, 5.5);
		const fill = lsoaFillColour(m, scale, DEFAULT_VIEW);
		expect(fillFor(fill, { gp_fte_10k: 5.5 })).toBe(scale.colour(5.5));
		expect(fillFor(fill, { gp_fte_10k: 0.1 })).toBe(scale.colour(2.5));
		expect(fillFor(fill, {})).toBe(NO_DATA_COLOUR);
	});

	it('filters pale the areas they leave out', () => {
		const m = lsoaMeasure('imd');
		const v = { ...DEFAULT_VIEW, imd: [1, 2] as [number, number], fte: [null, 5] as [number | null, number | null] };
		const fill = lsoaFillColour(m, lsoaScale(m, 5.5), v);
		expect(fillFor(fill, { imd_decile: 2, gp_fte_10k: 4 })).toBe(deciles[1]);
		expect(fillFor(fill, { imd_decile: 3, gp_fte_10k: 4 })).toBe(FILTERED_OUT_COLOUR);
		expect(fillFor(fill, { imd_decile: 1, gp_fte_10k: 6 })).toBe(FILTERED_OUT_COLOUR);
		// No attributed rate: cannot meet a provision filter.
		expect(fillFor(fill, { imd_decile: 1 })).toBe(FILTERED_OUT_COLOUR);
	});

	it('no filter expression when the filters are open', () => {
		expect(lsoaFilterExpression(DEFAULT_VIEW)).toBeNull();
	});
});
