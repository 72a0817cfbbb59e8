// The practices over the map, as a pure function: from the practice table, the view and the journey's
// highlight to the props of deck.gl ScatterplotLayers. No deck.gl or WebGL here (the map wraps each
// description in a ScatterplotLayer), so the tests can check what is drawn, where and in what colour.
import type { ScatterplotLayerProps } from '@deck.gl/layers';
import type { Rgba } from '$lib/domain/scales';
import type { AppPractice, PracticeTable } from '$lib/data/practices';
import type { ViewParams } from '$lib/state/url';
import {
	inBounds,
	practiceOpacity,
	practiceRadius,
	practiceStyle,
	radiusScale,
	visiblePractices,
	type Bounds
} from './practiceLayers';
import { ROLE_COLOURS, type HighlightRole, type MapHighlight } from './types';

/** A practice with the role a journey gave it. */
export interface RoleMark {
	p: AppPractice;
	role: HighlightRole;
}

/** One deck.gl ScatterplotLayer's props; `beforeId` puts it under the map's labels. */
export type OverlayLayer<D> = ScatterplotLayerProps<D> & { id: string; beforeId: string; data: D[] };
export type AnyOverlayLayer = OverlayLayer<AppPractice> | OverlayLayer<RoleMark> | OverlayLayer<[number, number]>;

export interface OverlayInput {
	table: PracticeTable | null;
	members: ReadonlySet<string>;
	view: Pick<ViewParams, 'layers' | 'imd' | 'fte' | 'icb' | 'practiceMeasure' | 'selection'>;
	englandRate: number;
	zoom: number;
	highlight: MapHighlight;
	/** Draw only the practices in this area (practiceBounds); null or absent: all. */
	bounds?: Bounds | null;
}

/** deck.gl draws under this style layer, so that place and area labels stay on top. */
export const BEFORE_ID = 'labels-anchor';
export const SELECTED_LINE: [number, number, number, number] = [224, 17, 95, 255];

// Stable accessors and data: deck.gl compares them by reference, and a new one means recomputing
// every practice's attributes.
const position = (p: AppPractice): [number, number] => [p.lon!, p.lat!];
const radius = (p: AppPractice) => practiceRadius(p.patients);
const shownCache = new WeakMap<
	PracticeTable,
	{ key: string; shown: AppPractice[]; area: string; near: AppPractice[] }
>();

function shownPractices(table: PracticeTable, v: OverlayInput['view'], bounds: Bounds | null): AppPractice[] {
	const key = `${v.imd}|${v.fte}|${v.icb}`;
	let hit = shownCache.get(table);
	if (hit?.key !== key) {
		const shown = visiblePractices(table.practices, v);
		shownCache.set(table, (hit = { key, shown, area: '', near: shown }));
	}
	if (!bounds) return hit.shown;
	if (hit.area !== String(bounds))
		[hit.area, hit.near] = [String(bounds), hit.shown.filter((p) => inBounds(p, bounds))];
	return hit.near;
}

const located = (p: AppPractice | undefined): p is AppPractice => !!p && p.lat !== null && p.lon !== null;

/** The layers to draw, bottom to top: practices, the selected practice's ring, journey rings, the searched point. */
export function practiceOverlay(input: OverlayInput): AnyOverlayLayer[] {
	const { table, members, view, englandRate, zoom } = input;
	const scale = radiusScale(zoom);
	if (!table || !view.layers.includes('practices')) return highlightLayers(input, scale);
	const s = practiceStyle(view, englandRate, members);
	const layers: AnyOverlayLayer[] = [
		{
			id: 'practices',
			beforeId: BEFORE_ID,
			data: shownPractices(table, view, input.bounds ?? null),
			getPosition: position,
			getRadius: radius,
			radiusUnits: 'pixels',
			radiusScale: scale,
			radiusMinPixels: zoom < 7 ? 0.9 : 1.2,
			stroked: true,
			lineWidthUnits: 'pixels',
			getLineWidth: s.lineWidth,
			getLineColor: s.line,
			getFillColor: s.fill,
			lineWidthScale: Math.min(1, Math.max(0.45, (zoom - 4) / 5)),
			opacity: practiceOpacity(zoom),
			pickable: true,
			updateTriggers: {
				getFillColor: [view.practiceMeasure, englandRate],
				getLineColor: [members],
				getLineWidth: [members]
			}
		}
	];
	const sel = view.selection?.kind === 'practice' ? table.byCode.get(view.selection.code) : undefined;
	if (located(sel)) {
		layers.push({
			id: 'practice-selected',
			beforeId: BEFORE_ID,
			data: [sel],
			getPosition: position,
			getRadius: (p: AppPractice) => practiceRadius(p.patients) * scale + 5,
			radiusUnits: 'pixels',
			filled: false,
			stroked: true,
			lineWidthUnits: 'pixels',
			getLineWidth: 3,
			getLineColor: SELECTED_LINE
		});
	}
	layers.push(...highlightLayers(input, scale));
	return layers;
}

/** Rings for the journey's practices (drawn even when the practice layer is off) and the searched point. */
function highlightLayers({ table, highlight }: OverlayInput, scale: number): AnyOverlayLayer[] {
	const out: AnyOverlayLayer[] = [];
	if (table && highlight.roles.size) {
		const data: RoleMark[] = [];
		for (const [code, role] of highlight.roles) {
			const p = table.byCode.get(code);
			if (located(p)) data.push({ p, role });
		}
		out.push({
			id: 'practice-highlight',
			beforeId: BEFORE_ID,
			data,
			getPosition: (d: RoleMark) => position(d.p),
			getRadius: (d: RoleMark) => practiceRadius(d.p.patients) * scale + 3,
			radiusUnits: 'pixels',
			radiusMinPixels: 4,
			filled: true,
			getFillColor: (d: RoleMark): Rgba => (d.role === 'brushed' ? [0, 0, 0, 90] : [255, 255, 255, 0]),
			stroked: true,
			lineWidthUnits: 'pixels',
			getLineWidth: (d: RoleMark) => (d.role === 'brushed' ? 1.5 : 2.5),
			getLineColor: (d: RoleMark) => ROLE_COLOURS[d.role],
			pickable: true,
			updateTriggers: { getLineColor: [highlight.roles], getFillColor: [highlight.roles], getRadius: [scale] }
		});
	}
	if (highlight.marker) {
		out.push({
			id: 'search-marker',
			beforeId: BEFORE_ID,
			data: [highlight.marker],
			getPosition: (d: [number, number]) => d,
			getRadius: 9,
			radiusUnits: 'pixels',
			getFillColor: [224, 17, 95, 230],
			stroked: true,
			getLineColor: [255, 255, 255, 255],
			lineWidthUnits: 'pixels',
			getLineWidth: 3
		});
	}
	return out;
}

/** Layer ids a pointer can pick a practice from. */
export const PICKABLE_PRACTICE_LAYERS = ['practices', 'practice-highlight'];
