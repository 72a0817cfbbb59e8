// The practice overlay as data: which practices are drawn, their radii, colours and outlines, the
// selected practice's ring, the journeys' rings and the searched point. No WebGL: the layers are
// plain props, checked by calling their accessors.
import { describe, expect, it } from 'vitest';
import type { AppPractice, PracticeTable } from '../src/lib/data/practices';
import {
	BEFORE_ID,
	SELECTED_LINE,
	practiceOverlay,
	type AnyOverlayLayer,
	type OverlayInput,
	type RoleMark
} from '../src/lib/map/practiceOverlay';
import {
	CULL_FROM_ZOOM,
	practiceBounds,
	practiceRadius,
	radiusScale,
	type Bounds
} from '../src/lib/map/practiceLayers';
import { practiceMeasure, practiceScale } from '../src/lib/map/measures';
import { HIGHLIGHT_LEGEND, NO_HIGHLIGHT, ROLE_COLOURS, type HighlightRole } from '../src/lib/map/types';
import { toRgba } from '../src/lib/domain/scales';
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

function input(over: Partial<OverlayInput> = {}, view: Partial<OverlayInput['view']> = {}): OverlayInput {
	return {
		table,
		members: new Set(),
		view: { ...DEFAULT_VIEW, ...view },
		englandRate: 5.5,
		zoom: 7,
		highlight: NO_HIGHLIGHT,
		...over
	};
}

const byId = (layers: AnyOverlayLayer[], id: string) => layers.find((l) => l.id === id);
// Accessors are functions of one datum in these layers; constants are returned as they are.
const call = <T>(accessor: unknown, d: unknown): T =>
	(typeof accessor === 'function' ? accessor(d, {}) : accessor) as T;

describe('practice overlay', () => {
	it('draws the located practices, largest first, under the labels', () => {
		const layers = practiceOverlay(input());
		expect(layers.map((l) => l.id)).toEqual(['practices']);
		const practices = byId(layers, 'practices')!;
		expect(practices.beforeId).toBe(BEFORE_ID);
		expect((practices.data as AppPractice[]).map((p) => p.code)).toEqual(['B00002', 'C00003', 'A00001']);
		expect(call(practices.getPosition, B)).toEqual([-1.5, 53.8]);
		expect(practices.pickable).toBe(true);
	});

	it('keeps only the practices the IMD, provision and ICB filters keep', () => {
		const codes = (view: Partial<OverlayInput['view']>) =>
			(byId(practiceOverlay(input({}, view)), 'practices')!.data as AppPractice[]).map((p) => p.code);
		expect(codes({ imd: [1, 3] })).toEqual(['B00002']);
		expect(codes({ fte: [4, null] })).toEqual(['B00002', 'C00003']);
		expect(codes({ icb: 'E54000999' })).toEqual(['C00003']);
	});

	it('keeps the same data array while table and filters are unchanged (deck.gl compares by reference)', () => {
		const data = (i: OverlayInput) => byId(practiceOverlay(i), 'practices')!.data;
		expect(data(input({ zoom: 9 }))).toBe(data(input({ zoom: 7 })));
		expect(data(input({}, { imd: [1, 3] }))).not.toBe(data(input()));
	});

	it('from zoom 8 draws only the practices around the view, keeping the same array while that area holds', () => {
		// B at -1.5, C at -1.6, A at -1.55 (all at 53.8).
		const codes = (bounds: Bounds | null) =>
			(byId(practiceOverlay(input({ zoom: 10, bounds })), 'practices')!.data as AppPractice[]).map((p) => p.code);
		expect(codes(null)).toEqual(['B00002', 'C00003', 'A00001']);
		expect(codes([-1.56, 53.7, -1.4, 53.9])).toEqual(['B00002', 'A00001']);
		const data = (bounds: Bounds) => byId(practiceOverlay(input({ zoom: 10, bounds })), 'practices')!.data;
		expect(data([-1.56, 53.7, -1.4, 53.9])).toBe(data([-1.56, 53.7, -1.4, 53.9]));
		// Filters still apply inside the area.
		const inArea = practiceOverlay(input({ zoom: 10, bounds: [-1.7, 53.7, -1.4, 53.9] }, { imd: [1, 3] }));
		expect((byId(inArea, 'practices')!.data as AppPractice[]).map((p) => p.code)).toEqual(['B00002']);
	});

	it('practiceBounds: everywhere below zoom 8; from it the view with a view around it, kept until the view leaves it or zooms in', () => {
		const view: Bounds = [-1.6, 53.7, -1.4, 53.9];
		expect(practiceBounds(view, CULL_FROM_ZOOM - 0.01, null)).toBeNull();
		const area = practiceBounds(view, 10, null)!;
		expect(area[0]).toBeCloseTo(-1.8, 12);
		expect(area[1]).toBeCloseTo(53.5, 12);
		expect(area[2]).toBeCloseTo(-1.2, 12);
		expect(area[3]).toBeCloseTo(54.1, 12);
		// A pan within it keeps it (same array: nothing is redrawn).
		expect(practiceBounds([-1.7, 53.8, -1.5, 54.0], 10, area)).toBe(area);
		// Past its edge: a new area around the new view.
		expect(practiceBounds([-1.9, 53.8, -1.7, 54.0], 10, area)).not.toBe(area);
		// Zoomed in two levels: the area is now 36 views, so it is drawn again around the view.
		expect(practiceBounds([-1.525, 53.775, -1.475, 53.825], 12, area)).toEqual(
			[-1.575, 53.725, -1.425, 53.875].map((x, i) => expect.closeTo(x, 12) as unknown as number) as Bounds
		);
		// Zoomed out below zoom 8: all practices again.
		expect(practiceBounds([-3, 52, 0, 55], 7, area)).toBeNull();
	});

	it('sizes circles by list size and zoom', () => {
		for (const zoom of [5, 7, 9, 12]) {
			const l = byId(practiceOverlay(input({ zoom })), 'practices')!;
			expect(l.radiusScale).toBe(radiusScale(zoom));
			expect(call<number>(l.getRadius, B)).toBeCloseTo(practiceRadius(16_000));
		}
		expect(radiusScale(7)).toBe(1);
		expect(radiusScale(9)).toBe(2);
		// Area in proportion to the list: four times the patients, twice the radius.
		expect(practiceRadius(16_000) / practiceRadius(4_000)).toBeCloseTo(2);
		const far = byId(practiceOverlay(input({ zoom: 5 })), 'practices')!;
		// National zoom: smaller and see-through, so the neighbourhoods read between and under them.
		expect(radiusScale(5)).toBeCloseTo(2 ** -1.5, 12);
		expect(radiusScale(3)).toBe(0.3);
		expect(far.opacity).toBeCloseTo(0.55, 12);
		expect(byId(practiceOverlay(input({ zoom: 6.5 })), 'practices')!.opacity).toBeCloseTo(0.775, 12);
		expect(far.lineWidthScale).toBe(0.45);
		expect(far.pickable).toBe(true);
		expect(byId(practiceOverlay(input({ zoom: 8 })), 'practices')!.opacity).toBe(1);
		expect(byId(practiceOverlay(input({ zoom: 10 })), 'practices')!.opacity).toBe(1);
	});

	it('colours by the chosen practice measure against the England rate', () => {
		for (const key of ['fte', 'imd', 'share15'] as const) {
			const l = byId(practiceOverlay(input({}, { practiceMeasure: key })), 'practices')!;
			const m = practiceMeasure(key);
			const scale = practiceScale(m, 5.5);
			for (const p of [A, B, C])
				expect(call(l.getFillColor, p), `${key} ${p.code}`).toEqual(toRgba(scale.colour(p[m.field] as number), 240));
			expect(l.updateTriggers?.getFillColor).toEqual([key, 5.5]);
		}
		// Provision below England's rate and above it are different colours.
		const fte = byId(practiceOverlay(input()), 'practices')!;
		expect(call(fte.getFillColor, A)).not.toEqual(call(fte.getFillColor, B));
	});

	it('outlines network members in black, others in thin white', () => {
		const l = byId(practiceOverlay(input({ members: new Set(['A00001']) })), 'practices')!;
		expect(call(l.getLineColor, A)).toEqual([17, 17, 17, 255]);
		expect(call(l.getLineWidth, A)).toBe(2);
		expect(call(l.getLineColor, B)).toEqual([255, 255, 255, 220]);
		expect(call(l.getLineWidth, B)).toBe(0.6);
	});

	it('rings the selected practice, only when it has a position', () => {
		const layers = practiceOverlay(input({ zoom: 9 }, { selection: { kind: 'practice', code: 'B00002' } }));
		expect(layers.map((l) => l.id)).toEqual(['practices', 'practice-selected']);
		const ring = byId(layers, 'practice-selected')!;
		expect(ring.data).toEqual([B]);
		expect(call<number>(ring.getRadius, B)).toBeCloseTo(practiceRadius(16_000) * 2 + 5);
		expect(ring.getLineColor).toEqual(SELECTED_LINE);
		expect(ring.filled).toBe(false);
		const none = (selection: OverlayInput['view']['selection']) =>
			practiceOverlay(input({}, { selection })).map((l) => l.id);
		expect(none({ kind: 'practice', code: 'D00004' })).toEqual(['practices']);
		expect(none({ kind: 'practice', code: 'Z99999' })).toEqual(['practices']);
		expect(none({ kind: 'lsoa', code: 'E01000001' })).toEqual(['practices']);
	});

	it("draws a journey's rings by role (even with the practice layer off) and the searched point", () => {
		const roles = new Map<string, HighlightRole>([
			['A00001', 'member'],
			['B00002', 'brushed'],
			['D00004', 'near'],
			['Z99999', 'eligible']
		]);
		const highlight = { roles, marker: [-1.4, 53.7] as [number, number], network: null };
		for (const layers of [
			practiceOverlay(input({ highlight, zoom: 9 })),
			practiceOverlay(input({ highlight, zoom: 9 }, { layers: ['lsoa'] }))
		]) {
			const rings = byId(layers, 'practice-highlight')!;
			const data = rings.data as RoleMark[];
			// Unknown and unlocated practices have no ring.
			expect(data.map((d) => [d.p.code, d.role])).toEqual([
				['A00001', 'member'],
				['B00002', 'brushed']
			]);
			expect(call(rings.getLineColor, data[0])).toEqual(ROLE_COLOURS.member);
			expect(call(rings.getLineWidth, data[0])).toBe(2.5);
			expect(call(rings.getFillColor, data[0])).toEqual([255, 255, 255, 0]);
			expect(call(rings.getLineWidth, data[1])).toBe(1.5);
			expect(call(rings.getFillColor, data[1])).toEqual([0, 0, 0, 90]);
			expect(call<number>(rings.getRadius, data[0])).toBeCloseTo(practiceRadius(4_000) * 2 + 3);
			const marker = byId(layers, 'search-marker')!;
			expect(marker.data).toEqual([[-1.4, 53.7]]);
			expect(call(marker.getPosition, marker.data[0])).toEqual([-1.4, 53.7]);
		}
		expect(practiceOverlay(input({ highlight }, { layers: ['lsoa'] })).map((l) => l.id)).toEqual([
			'practice-highlight',
			'search-marker'
		]);
	});

	it('draws nothing but the searched point before the practice table has loaded', () => {
		expect(practiceOverlay(input({ table: null }))).toEqual([]);
		const marker = { ...NO_HIGHLIGHT, marker: [-1, 52] as [number, number] };
		expect(practiceOverlay(input({ table: null, highlight: marker })).map((l) => l.id)).toEqual(['search-marker']);
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
