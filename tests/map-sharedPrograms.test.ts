// Each layer type compiles one shader program: every fill, line and circle of the style is written in
// the same paint kinds (maplibre's constant / source / camera / composite), checked with maplibre's
// own style-spec parser so that a value it would read differently fails here.
import { describe, expect, it } from 'vitest';
import { latest, normalizePropertyExpression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { buildStyle } from '../src/lib/map/style';
import { maskLayers } from '../src/lib/map/areaLayers';
import { perFeature, perFeatureByZoom, sharedProgram } from '../src/lib/map/sharedPrograms';
import { DEFAULT_VIEW } from '../src/lib/state/url';

const inputs = {
	lsoaUrl: 'http://127.0.0.1/data/lsoa.pmtiles',
	boundariesUrl: 'http://127.0.0.1/data/boundaries.pmtiles',
	fontUrl: 'http://127.0.0.1/inter.woff2',
	boundaryLayers: ['land', 'nhser', 'icb', 'sicbl', 'lad', 'network', 'label'],
	places: [],
	englandRate: 5.5
};

type Spec = Record<string, Record<string, unknown>>;
function kind(type: 'fill' | 'line' | 'circle', property: string, value: unknown): string {
	const spec = (latest as unknown as Spec)[`paint_${type}`][property];
	return (normalizePropertyExpression(value as never, property as never, spec as never) as { kind: string }).kind;
}
const kinds = (l: LayerSpecification, props: string[]) =>
	props.map((p) => kind(l.type as 'fill' | 'line' | 'circle', p, (l.paint as Record<string, unknown>)[p]));

describe('one shader program per layer type', () => {
	const view = { ...DEFAULT_VIEW, imd: [1, 3] as [number, number], icb: 'E54000057' };
	const style = buildStyle(inputs, view, { measures: ['imd', 'fte', 'hea'], masks: true });
	const layers = [...style.layers, ...maskLayers(view)];

	it('is still a valid style', () => expect(validateStyleMin(style)).toEqual([]));

	it('writes every fill with a per-feature colour, a constant opacity and a constant outline colour', () => {
		const fills = layers.filter((l) => l.type === 'fill');
		expect(fills.map((l) => l.id)).toEqual(
			expect.arrayContaining(['land', 'icb-veil', 'fill-imd-lsoa', 'fill-fte-lsoa'])
		);
		for (const l of fills) {
			// Unset, maplibre takes the fill colour per feature: a second colour array for every fill.
			expect([l.id, (l.paint as Record<string, unknown>)['fill-outline-color']]).toEqual([l.id, expect.any(String)]);
			expect([l.id, ...kinds(l, ['fill-color', 'fill-opacity', 'fill-outline-color'])]).toEqual([
				l.id,
				'source',
				'constant',
				'constant'
			]);
		}
	});

	it('writes every line with a per-feature colour, and width and opacity per feature and zoom', () => {
		const lines = layers.filter((l) => l.type === 'line');
		expect(lines.map((l) => l.id)).toEqual(expect.arrayContaining(['coast', 'icb-line', 'area-outline', 'lsoa-edge']));
		for (const l of lines)
			expect([l.id, ...kinds(l, ['line-color', 'line-width', 'line-opacity'])]).toEqual([
				l.id,
				'source',
				'composite',
				'composite'
			]);
	});

	it('writes every circle with colours and sizes per point, and opacity by zoom only (a uniform)', () => {
		const circles = layers.filter((l) => l.type === 'circle');
		expect(circles.map((l) => l.id)).toEqual(['practices', 'practice-selected', 'practice-highlight', 'search-marker']);
		const uniform = (k: string) => (k === 'constant' || k === 'camera' ? 'uniform' : k);
		for (const l of circles)
			expect([
				l.id,
				...kinds(l, [
					'circle-color',
					'circle-stroke-color',
					'circle-radius',
					'circle-stroke-width',
					'circle-opacity',
					'circle-stroke-opacity'
				]).map(uniform)
			]).toEqual([l.id, 'source', 'source', 'composite', 'composite', 'uniform', 'uniform']);
	});

	it('keeps the values: a constant stays its value for every feature, a zoom curve keeps its stops', () => {
		expect(perFeature('#fff')).toEqual(['case', ['has', '__atlas_never'], '#fff', '#fff']);
		// Already per feature: unchanged.
		const state = ['case', ['boolean', ['feature-state', 'hover'], false], 2, 1];
		expect(perFeature(state as never)).toBe(state);
		expect(perFeatureByZoom(['interpolate', ['linear'], ['zoom'], 4, 0.4, 10, 1.2])).toEqual([
			'interpolate',
			['linear'],
			['zoom'],
			4,
			perFeature(0.4),
			10,
			perFeature(1.2)
		]);
		expect(perFeatureByZoom(['step', ['zoom'], 1, 8, 2] as never)).toEqual([
			'step',
			['zoom'],
			perFeature(1),
			8,
			perFeature(2)
		]);
		expect(perFeatureByZoom(0.9)).toEqual([
			'interpolate',
			['linear'],
			['zoom'],
			0,
			perFeature(0.9),
			24,
			perFeature(0.9)
		]);
		// Writing a layer twice changes nothing more.
		const line = sharedProgram({ id: 'x', type: 'line', source: 's', paint: { 'line-width': 2 } });
		expect(sharedProgram(line)).toEqual(line);
		expect(kinds(line, ['line-color', 'line-width', 'line-opacity'])).toEqual(['source', 'composite', 'composite']);
	});
});
