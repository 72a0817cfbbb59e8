// The practices over the map, as a pure function: from the practice table, the view and the journey's
// highlight to the two GeoJSON sources the map draws them from (practiceMarkLayers.ts): the practices
// themselves, and the marks over them (the selected practice's ring, a journey's rings, the searched
// point). Each point carries its own paint (radius at zoom 7, CSS colours, outline width), so the tests
// can check what is drawn, where and in what colour; zoom scaling is in the layers' expressions.
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { AppPractice, PracticeTable } from '$lib/data/practices';
import type { ViewParams } from '$lib/state/url';
import { cssRgba } from '$lib/domain/scales';
import { practiceRadius, practiceStyle, visiblePractices } from './practiceLayers';
import { ROLE_COLOURS, type MapHighlight } from './types';

export interface OverlayInput {
	table: PracticeTable | null;
	members: ReadonlySet<string>;
	view: Pick<ViewParams, 'layers' | 'imd' | 'fte' | 'icb' | 'practiceMeasure' | 'selection'>;
	englandRate: number;
	highlight: MapHighlight;
}

/** What each point carries: `r` is the radius in pixels at zoom 7 (the layers scale it by zoom). */
export interface MarkProps {
	code: string;
	r: number;
	fill: string;
	line: string;
	lw: number;
	/** Marks only: which mark (each has its own layer). */
	kind?: MarkKind;
}
export type MarkKind = 'selected' | 'role' | 'marker';
export type Marks = FeatureCollection<Point, MarkProps>;

export const SELECTED_LINE = cssRgba([224, 17, 95, 255]);
const NONE = 'rgba(0,0,0,0)';

const point = (lon: number, lat: number, props: MarkProps): Feature<Point, MarkProps> => ({
	type: 'Feature',
	properties: props,
	geometry: { type: 'Point', coordinates: [lon, lat] }
});
const located = (p: AppPractice | undefined): p is AppPractice & { lat: number; lon: number } =>
	!!p && p.lat !== null && p.lon !== null;
const collection = (features: Feature<Point, MarkProps>[]): Marks => ({ type: 'FeatureCollection', features });
const EMPTY: Marks = collection([]);

// The same collection while the table and the inputs it depends on are unchanged: each new one is
// sent to maplibre's worker and tiled again.
const practiceCache = new WeakMap<PracticeTable, { key: string; members: ReadonlySet<string>; data: Marks }>();

/** The practices the filters keep, largest list first (so small practices draw on top and stay clickable). */
export function practicePoints(input: OverlayInput): Marks {
	const { table, members, view, englandRate } = input;
	if (!table || !view.layers.includes('practices')) return EMPTY;
	const key = `${view.imd}|${view.fte}|${view.icb}|${view.practiceMeasure}|${englandRate}`;
	const hit = practiceCache.get(table);
	if (hit && hit.key === key && hit.members === members) return hit.data;
	const s = practiceStyle(view, englandRate, members);
	const data = collection(
		visiblePractices(table.practices, view).map((p) =>
			point(p.lon!, p.lat!, {
				code: p.code,
				r: practiceRadius(p.patients),
				fill: s.fill(p),
				line: s.line(p),
				lw: s.lineWidth(p)
			})
		)
	);
	practiceCache.set(table, { key, members, data });
	return data;
}

/** The marks, bottom to top: the selected practice's ring, the journey's rings by role, the searched point. */
export function practiceMarks({ table, view, highlight }: OverlayInput): Marks {
	const out: Feature<Point, MarkProps>[] = [];
	const sel = view.selection?.kind === 'practice' && table ? table.byCode.get(view.selection.code) : undefined;
	if (located(sel) && view.layers.includes('practices'))
		out.push(
			point(sel.lon, sel.lat, {
				kind: 'selected',
				code: sel.code,
				r: practiceRadius(sel.patients),
				fill: NONE,
				line: SELECTED_LINE,
				lw: 3
			})
		);
	if (table)
		for (const [code, role] of highlight.roles) {
			const p = table.byCode.get(code);
			if (!located(p)) continue;
			out.push(
				point(p.lon, p.lat, {
					kind: 'role',
					code,
					r: practiceRadius(p.patients),
					fill: role === 'brushed' ? cssRgba([0, 0, 0, 90]) : NONE,
					line: cssRgba(ROLE_COLOURS[role]),
					lw: role === 'brushed' ? 1.5 : 2.5
				})
			);
		}
	if (highlight.marker) {
		const [lon, lat] = highlight.marker;
		out.push(
			point(lon, lat, { kind: 'marker', code: '', r: 9, fill: cssRgba([224, 17, 95, 230]), line: '#fff', lw: 3 })
		);
	}
	return collection(out);
}
