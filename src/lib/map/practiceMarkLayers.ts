// The practices as maplibre circle layers, drawn from the GeoJSON of practiceOverlay.ts: colours and
// outline widths per point, sizes and opacity by zoom (practiceLayers.ts, sampled every half zoom).
// Every layer writes its paint in the same kinds (colours and sizes per point, opacity by zoom only),
// so that all of them share one shader program.
//
// Not deck.gl: in software WebGL (SwiftShader: machines without a GPU, such as many virtual desktops)
// deck.gl's instanced circles cost about 10 µs each per frame, and all 7,488 practices were half of a
// national frame; maplibre's circles cost 5–15 ms for all of them (scripts/bench/frameCost.ts).
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { lineWidthScale, minRadius, practiceOpacity, radiusScale } from './practiceLayers';
import type { MarkKind } from './practiceOverlay';

export const PRACTICE_SOURCE = 'practices';
export const MARK_SOURCE = 'practice-marks';
/** Layers a pointer can pick a practice from (each point's `code`). */
export const PICKABLE_PRACTICE_LAYERS = ['practices', 'practice-highlight'];

const ZOOMS = Array.from({ length: 23 }, (_, i) => 4 + i / 2);

/** A paint value by zoom, from a function of the zoom (sampled every half zoom, linear between). */
function byZoom(f: (z: number) => ExpressionSpecification | number): ExpressionSpecification {
	return ['interpolate', ['linear'], ['zoom'], ...ZOOMS.flatMap((z) => [z, f(z)])] as ExpressionSpecification;
}

const r: ExpressionSpecification = ['get', 'r'];
const lw: ExpressionSpecification = ['get', 'lw'];
const round = (x: number) => Math.round(x * 1e4) / 1e4;

function circles(
	id: string,
	source: string,
	radius: (z: number) => ExpressionSpecification,
	opacity: ExpressionSpecification | number,
	kind?: MarkKind
): LayerSpecification {
	return {
		id,
		type: 'circle',
		source,
		...(kind ? { filter: ['==', ['get', 'kind'], kind] } : {}),
		paint: {
			'circle-radius': byZoom(radius),
			'circle-color': ['to-color', ['get', 'fill']],
			'circle-stroke-color': ['to-color', ['get', 'line']],
			'circle-stroke-width': byZoom((z) => ['*', lw, round(kind ? 1 : lineWidthScale(z))]),
			'circle-opacity': opacity,
			'circle-stroke-opacity': opacity
		}
	} as LayerSpecification;
}

/** Bottom to top: the practices, the selected practice's ring, a journey's rings, the searched point. */
export function practiceMarkLayers(): LayerSpecification[] {
	const scaled = (z: number, plus = 0): ExpressionSpecification => ['+', ['*', r, round(radiusScale(z))], plus];
	const fade = byZoom((z) => round(practiceOpacity(z)));
	return [
		circles('practices', PRACTICE_SOURCE, (z) => ['max', minRadius(z), scaled(z)], fade),
		circles('practice-selected', MARK_SOURCE, (z) => scaled(z, 5), 1, 'selected'),
		circles('practice-highlight', MARK_SOURCE, (z) => ['max', 4, scaled(z, 3)], 1, 'role'),
		circles('search-marker', MARK_SOURCE, () => ['*', r, 1], 1, 'marker')
	];
}
