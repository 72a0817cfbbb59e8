// Pointer interaction: what is under the pointer (a practice, else an area, both from maplibre's
// rendered features), the hover outline (areaHighlight.ts), the tooltip and a click's selection.
import type { Map as MaplibreMap, PointLike } from 'maplibre-gl';
import type { AppPractice } from '$lib/data/practices';
import type { ViewParams } from '$lib/state/url';
import { PICKABLE_PRACTICE_LAYERS } from './practiceMarkLayers';
import { AREA_SOURCE_LAYERS, measureLayerId } from './style';
import type { AtlasMapCallbacks } from './types';
import type { AreaRef } from './areaHighlight';

export interface InteractionState {
	/** The view the map shows now. */
	view(): ViewParams;
	/** The practice of a code, once the practice table has loaded. */
	practice(code: string): AppPractice | null;
	/** Outline the area under the pointer (or none). */
	hoverArea(ref: AreaRef | null): void;
}

export function attachInteraction(
	map: MaplibreMap,
	state: InteractionState,
	cb: Pick<AtlasMapCallbacks, 'onHover' | 'onSelect'>
) {
	/** The topmost practice mark within 3 pixels (the smallest practices are drawn last, on top). */
	const pickPractice = (x: number, y: number): AppPractice | null => {
		const layers = PICKABLE_PRACTICE_LAYERS.filter((id) => map.getLayer(id));
		if (!layers.length) return null;
		const box: [PointLike, PointLike] = [
			[x - 3, y - 3],
			[x + 3, y + 3]
		];
		const code = map.queryRenderedFeatures(box, { layers })[0]?.properties?.code;
		return typeof code === 'string' && code ? state.practice(code) : null;
	};

	const areaAt = (point: PointLike) => {
		const view = state.view();
		if (!view.layers.includes('lsoa')) return null;
		const layers = AREA_SOURCE_LAYERS.map((a) => measureLayerId(view.measure, a.sourceLayer)).filter((id) =>
			map.getLayer(id)
		);
		const f = map.queryRenderedFeatures(point, { layers })[0];
		if (!f) return null;
		return {
			kind: (f.sourceLayer === 'lsoa' ? 'lsoa' : 'lad') as 'lsoa' | 'lad',
			props: f.properties ?? {},
			sourceLayer: f.sourceLayer!
		};
	};

	map.on('mousemove', (e) => {
		const { x, y } = e.point;
		const practice = pickPractice(x, y);
		map.getCanvas().style.cursor = practice ? 'pointer' : '';
		if (practice) {
			state.hoverArea(null);
			cb.onHover({ x, y, kind: 'practice', practice });
			return;
		}
		const area = areaAt(e.point);
		if (area) {
			state.hoverArea({ sourceLayer: area.sourceLayer, id: String(area.props.code) });
			cb.onHover({ x, y, kind: area.kind, props: area.props });
		} else {
			state.hoverArea(null);
			cb.onHover(null);
		}
	});
	map.getCanvas().addEventListener('mouseleave', () => {
		state.hoverArea(null);
		cb.onHover(null);
	});
	map.on('click', (e) => {
		const practice = pickPractice(e.point.x, e.point.y);
		if (practice) return cb.onSelect({ kind: 'practice', code: practice.code });
		const area = areaAt(e.point);
		if (area) return cb.onSelect({ kind: area.kind, code: String(area.props.code) }, area.props);
		cb.onSelect(null);
	});
}
