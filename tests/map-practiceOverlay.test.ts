// The practices as data: which practices are drawn, their radii, colours and outlines, the selected
// practice's ring, the journeys' rings and the searched point; and the circle layers' zoom scaling,
// evaluated with maplibre's own style-spec. No WebGL.
import { describe, expect, it } from 'vitest';
import { latest, normalizePropertyExpression } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import type { AppPractice, PracticeTable } from '../src/lib/data/practices';
import {
	SELECTED_LINE,
	practiceMarks,
	practicePoints,
	type MarkProps,
	type Marks,
	type OverlayInput
} from '../src/lib/map/practiceOverlay';
import { PICKABLE_PRACTICE_LAYERS, practiceMarkLayers } from '../src/lib/map/practiceMarkLayers';
import { buildStyle } from '../src/lib/map/style';
import { practiceRadius, radiusScale } from '../src/lib/map/practiceLayers';
import { practiceMeasure, practiceScale } from '../src/lib/map/measures';
import { HIGHLIGHT_LEGEND, NO_HIGHLIGHT, ROLE_COLOURS, type HighlightRole } from '../src/lib/map/types';
import { cssRgba, toRgba } from '../src/lib/domain/scales';
import { DEFAULT_VIEW } from '../src/lib/state/url';

function practice(code: string, over: Partial<AppPractice> = {}): AppPractice {
	return {
		code,
		name: `Practice ${code}`,
		lat: 53.8,
		lon: -1.55,
		icbCode: 'E54000054',
		patients: 10_000,
		imdDecile: 5,
		imdScore: 20,
		share15: 0.2,
		gpFtePer10kWeighted: 5,
		...over
	} as AppPractice;
}

const tableOf = (practices: AppPractice[]): PracticeTable => ({
	practices,
	byCode: new Map(practices.map((p) => [p.code, p]))
});

const A = practice('A00001', { patients: 4_000, gpFtePer10kWeighted: 3 });
const B = practice('B00002', { patients: 16_000, imdDecile: 1, gpFtePer10kWeighted: 8, lon: -1.5 });
const C = practice('C00003', { patients: 9_000, imdDecile: 9, icbCode: 'E54000999', lon: -1.6 });
const UNLOCATED = practice('D00004', { lat: null, lon: null });
const table = tableOf([A, B, C, UNLOCATED]);

const NO_MEMBERS: ReadonlySet<string> = new Set();

function input(over: Partial<OverlayInput> = {}, view: Partial<OverlayInput['view']> = {}): OverlayInput {
	return {
		table,
		members: NO_MEMBERS,
		view: { ...DEFAULT_VIEW, ...view },
		englandRate: 5.5,
		highlight: NO_HIGHLIGHT,
		...over
	};
}

const props = (m: Marks) => m.features.map((f) => f.properties);
const byCode = (m: Marks, code: string) => m.features.find((f) => f.properties.code === code)!.properties;

// A circle layer's paint value at a zoom for one point, as maplibre evaluates it.
const layers = practiceMarkLayers();
function paintAt(id: string, property: string, zoom: number, p: Partial<MarkProps> = {}): number {
	const layer = layers.find((l) => l.id === id) as LayerSpecification & { paint: Record<string, unknown> };
	const spec = (latest as unknown as Record<string, Record<string, unknown>>).paint_circle[property];
	const e = normalizePropertyExpression(layer.paint[property] as never, property as never, spec as never) as {
		evaluate(g: { zoom: number }, f?: unknown): number;
	};
	return e.evaluate({ zoom }, { type: 'Point', properties: p, geometry: [] });
}

describe('practice points', () => {
	it('draws the located practices, largest first (small ones on top), with their code for picking', () => {
		const data = practicePoints(input());
		expect(props(data).map((p) => p.code)).toEqual(['B00002', 'C00003', 'A00001']);
		expect(data.features[0].geometry.coordinates).toEqual([-1.5, 53.8]);
		expect(byCode(data, 'B00002').r).toBeCloseTo(practiceRadius(16_000));
		expect(PICKABLE_PRACTICE_LAYERS).toEqual(['practices', 'practice-highlight']);
	});

	it('keeps only the practices the IMD, provision and ICB filters keep; none when the layer is off', () => {
		const codes = (view: Partial<OverlayInput['view']>) => props(practicePoints(input({}, view))).map((p) => p.code);
		expect(codes({ imd: [1, 3] })).toEqual(['B00002']);
		expect(codes({ fte: [4, null] })).toEqual(['B00002', 'C00003']);
		expect(codes({ icb: 'E54000999' })).toEqual(['C00003']);
		expect(codes({ layers: ['lsoa'] })).toEqual([]);
		expect(props(practicePoints(input({ table: null })))).toEqual([]);
	});

	it('keeps the same collection while its inputs are unchanged (a new one is tiled again in the worker)', () => {
		expect(practicePoints(input())).toBe(
			practicePoints(input({}, { selection: { kind: 'practice', code: 'A00001' } }))
		);
		expect(practicePoints(input({}, { imd: [1, 3] }))).not.toBe(practicePoints(input()));
		expect(practicePoints(input({}, { practiceMeasure: 'imd' }))).not.toBe(practicePoints(input()));
		expect(practicePoints(input({ englandRate: 4 }))).not.toBe(practicePoints(input()));
		expect(practicePoints(input({ members: new Set(['A00001']) }))).not.toBe(practicePoints(input()));
	});

	it('colours by the chosen practice measure against the England rate', () => {
		for (const key of ['fte', 'imd', 'share15'] as const) {
			const data = practicePoints(input({}, { practiceMeasure: key }));
			const m = practiceMeasure(key);
			const scale = practiceScale(m, 5.5);
			for (const p of [A, B, C])
				expect(byCode(data, p.code).fill, `${key} ${p.code}`).toBe(
					cssRgba(toRgba(scale.colour(p[m.field] as number), 240))
				);
		}
		// Provision below England's rate and above it are different colours.
		const fte = practicePoints(input());
		expect(byCode(fte, 'A00001').fill).not.toBe(byCode(fte, 'B00002').fill);
		expect(cssRgba([17, 17, 17, 255])).toBe('rgba(17,17,17,1)');
	});

	it('outlines network members in black, others in thin white', () => {
		const data = practicePoints(input({ members: new Set(['A00001']) }));
		expect(byCode(data, 'A00001')).toMatchObject({ line: 'rgba(17,17,17,1)', lw: 2 });
		expect(byCode(data, 'B00002')).toMatchObject({ line: 'rgba(255,255,255,0.863)', lw: 0.6 });
	});
});

describe('practice layers: sizes and opacity by zoom', () => {
	it('are circles under the labels, the practices first and the marks over them', () => {
		expect(layers.map((l) => [l.id, l.type])).toEqual([
			['practices', 'circle'],
			['practice-selected', 'circle'],
			['practice-highlight', 'circle'],
			['search-marker', 'circle']
		]);
		// In the map's style they sit under every label.
		const style = buildStyle(
			{
				lsoaUrl: 'l',
				boundariesUrl: 'b',
				fontUrl: 'f',
				boundaryLayers: ['icb', 'label'],
				places: [],
				englandRate: 4.3
			},
			DEFAULT_VIEW
		);
		const ids = style.layers.map((l) => l.id);
		const firstLabel = style.layers.findIndex((l) => l.type === 'symbol');
		expect(ids.indexOf('search-marker')).toBeGreaterThan(ids.indexOf('practices'));
		expect(ids.indexOf('search-marker')).toBeLessThan(firstLabel);
	});

	it('sizes circles by list size and zoom, with a smallest dot', () => {
		const r = practiceRadius(16_000);
		for (const zoom of [5, 7, 9, 12])
			expect(paintAt('practices', 'circle-radius', zoom, { r })).toBeCloseTo(r * radiusScale(zoom), 3);
		expect(radiusScale(7)).toBe(1);
		expect(radiusScale(9)).toBe(2);
		// Area in proportion to the list: four times the patients, twice the radius.
		expect(practiceRadius(16_000) / practiceRadius(4_000)).toBeCloseTo(2);
		// National zoom: smaller (down to a 0.9 px dot) and see-through, so the neighbourhoods read.
		expect(radiusScale(5)).toBeCloseTo(2 ** -1.5, 12);
		expect(radiusScale(3)).toBe(0.3);
		expect(paintAt('practices', 'circle-radius', 5, { r: 0.5 })).toBeCloseTo(0.9, 6);
		expect(paintAt('practices', 'circle-radius', 10, { r: 0.1 })).toBeCloseTo(1.2, 6);
		expect(paintAt('practices', 'circle-opacity', 5)).toBeCloseTo(0.55, 3);
		expect(paintAt('practices', 'circle-opacity', 6.5)).toBeCloseTo(0.775, 3);
		expect(paintAt('practices', 'circle-opacity', 8)).toBe(1);
		expect(paintAt('practices', 'circle-opacity', 10)).toBe(1);
		// Outlines thin out at national zoom.
		expect(paintAt('practices', 'circle-stroke-width', 5, { lw: 2 })).toBeCloseTo(0.9, 6);
		expect(paintAt('practices', 'circle-stroke-width', 9, { lw: 2 })).toBe(2);
	});

	it('rings sit outside the practice: 5 px for the selection, 3 px (at least 4 px) for a journey', () => {
		const r = practiceRadius(16_000);
		expect(paintAt('practice-selected', 'circle-radius', 9, { r })).toBeCloseTo(r * 2 + 5, 3);
		expect(paintAt('practice-highlight', 'circle-radius', 9, { r })).toBeCloseTo(r * 2 + 3, 3);
		expect(paintAt('practice-highlight', 'circle-radius', 4, { r: 0.1 })).toBe(4);
		expect(paintAt('search-marker', 'circle-radius', 12, { r: 9 })).toBe(9);
	});
});

describe('practice marks', () => {
	it('rings the selected practice, only when it has a position', () => {
		const marks = practiceMarks(input({}, { selection: { kind: 'practice', code: 'B00002' } }));
		expect(props(marks)).toEqual([
			{ kind: 'selected', code: 'B00002', r: practiceRadius(16_000), fill: 'rgba(0,0,0,0)', line: SELECTED_LINE, lw: 3 }
		]);
		const none = (selection: OverlayInput['view']['selection']) => props(practiceMarks(input({}, { selection })));
		expect(none({ kind: 'practice', code: 'D00004' })).toEqual([]);
		expect(none({ kind: 'practice', code: 'Z99999' })).toEqual([]);
		expect(none({ kind: 'lsoa', code: 'E01000001' })).toEqual([]);
	});

	it("draws a journey's rings by role (even with the practice layer off) and the searched point", () => {
		const roles = new Map<string, HighlightRole>([
			['A00001', 'member'],
			['B00002', 'brushed'],
			['D00004', 'near'],
			['Z99999', 'eligible']
		]);
		const highlight = { roles, marker: [-1.4, 53.7] as [number, number], network: null };
		for (const marks of [
			practiceMarks(input({ highlight })),
			practiceMarks(input({ highlight }, { layers: ['lsoa'] }))
		]) {
			// Unknown and unlocated practices have no ring.
			expect(props(marks).map((p) => [p.kind, p.code])).toEqual([
				['role', 'A00001'],
				['role', 'B00002'],
				['marker', '']
			]);
			const [member, brushed, marker] = props(marks);
			expect(member).toMatchObject({ line: cssRgba(ROLE_COLOURS.member), lw: 2.5, fill: 'rgba(0,0,0,0)' });
			expect(member.r).toBeCloseTo(practiceRadius(4_000));
			expect(brushed).toMatchObject({ lw: 1.5, fill: cssRgba([0, 0, 0, 90]) });
			expect(marker.r).toBe(9);
			expect(marks.features[2].geometry.coordinates).toEqual([-1.4, 53.7]);
		}
	});

	it('draws nothing but the searched point before the practice table has loaded', () => {
		expect(props(practiceMarks(input({ table: null })))).toEqual([]);
		const marker = { ...NO_HIGHLIGHT, marker: [-1, 52] as [number, number] };
		expect(props(practiceMarks(input({ table: null, highlight: marker }))).map((p) => p.kind)).toEqual(['marker']);
	});

	it('gives the legends the ring colours as CSS', () => {
		expect(HIGHLIGHT_LEGEND).toEqual({
			member: 'rgb(0,114,178)',
			eligible: 'rgb(213,94,0)',
			candidate: 'rgb(204,121,167)',
			brushed: 'rgb(0,0,0)',
			near: 'rgb(0,158,115)'
		});
	});
});
