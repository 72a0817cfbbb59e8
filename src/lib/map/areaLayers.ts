// The LSOA choropleth's layers: one fill layer per measure (switching is an opacity change), masks
// that pale what the filters leave out, and the hover/selection outlines. Plain style data.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { ViewParams } from '$lib/state/url';
import { FILTERED_OUT_COLOUR, IMD_DECILE_PROPERTY, colourExpression, fteOutsideFilter } from './paint';
import { LSOA_TILE_LAYER, LSOA_TILE_MIN_ZOOM } from '$lib/domain/formats/lsoaTiles';
import { lsoaMeasure, lsoaScale, type LsoaMeasureKey } from './measures';
import { sharedProgram } from './sharedPrograms';

export const vis = (on: boolean) => (on ? 'visible' : 'none') as 'visible' | 'none';

/**
 * The source layers the choropleth draws: neighbourhoods (LSOAs) at every zoom of the map; below
 * zoom 8 the tiles coalesce LSOAs too small to draw with a neighbour (see formats/lsoaTiles.ts). The
 * archive's `lad` layer (local authorities, zooms 0-7) is not drawn; a link that selects an
 * authority still finds it there.
 */
export const AREA_SOURCE_LAYERS = [{ sourceLayer: LSOA_TILE_LAYER, zoom: { minzoom: LSOA_TILE_MIN_ZOOM } }] as const;

export const FILL_OPACITY = 0.92;

/** One fill layer per measure and source layer: switching measure is an opacity change, not a re-layout. */
export const measureLayerId = (key: LsoaMeasureKey, sourceLayer: string) => `fill-${key}-${sourceLayer}`;
export const imdMaskId = (decile: number, sourceLayer: string) => `mask-imd${decile}-${sourceLayer}`;
export const fteMaskId = (sourceLayer: string) => `mask-fte-${sourceLayer}`;

/** Fill layers of the given measures, each visible only when it is the view's measure. */
export function measureLayers(
	keys: readonly LsoaMeasureKey[],
	v: ViewParams,
	englandRate: number
): LayerSpecification[] {
	const out: LayerSpecification[] = [];
	for (const key of keys) {
		const m = lsoaMeasure(key);
		const colour = colourExpression(m.property, lsoaScale(m, englandRate));
		for (const { sourceLayer, zoom } of AREA_SOURCE_LAYERS) {
			out.push({
				id: measureLayerId(key, sourceLayer),
				type: 'fill',
				source: 'lsoa',
				'source-layer': sourceLayer,
				...zoom,
				layout: { visibility: vis(v.layers.includes('lsoa')) },
				paint: { 'fill-color': colour, 'fill-opacity': key === v.measure ? FILL_OPACITY : 0 }
			} as LayerSpecification);
		}
	}
	return out.map(sharedProgram);
}

/** Opacity of each IMD-decile mask for the view: opaque over the deciles the filter leaves out. */
export function imdMaskOpacity(decile: number, v: Pick<ViewParams, 'imd'>): number {
	return decile < v.imd[0] || decile > v.imd[1] ? 1 : 0;
}

/**
 * Masks that pale the areas the filters leave out: one per IMD decile (static filters; the IMD
 * filter only changes their opacity) and one for the provision range (its filter changes).
 */
export function maskLayers(v: ViewParams): LayerSpecification[] {
	const out: LayerSpecification[] = [];
	for (const { sourceLayer, zoom } of AREA_SOURCE_LAYERS) {
		for (let d = 1; d <= 10; d++) {
			out.push({
				id: imdMaskId(d, sourceLayer),
				type: 'fill',
				source: 'lsoa',
				'source-layer': sourceLayer,
				...zoom,
				filter: ['==', ['get', IMD_DECILE_PROPERTY], d],
				layout: { visibility: vis(v.layers.includes('lsoa')) },
				paint: { 'fill-color': FILTERED_OUT_COLOUR, 'fill-opacity': imdMaskOpacity(d, v) }
			} as LayerSpecification);
		}
		const fte = fteOutsideFilter(v);
		out.push({
			id: fteMaskId(sourceLayer),
			type: 'fill',
			source: 'lsoa',
			'source-layer': sourceLayer,
			...zoom,
			filter: fte ?? ['boolean', false],
			layout: { visibility: vis(v.layers.includes('lsoa') && fte !== null) },
			paint: { 'fill-color': FILTERED_OUT_COLOUR, 'fill-opacity': 1 }
		} as LayerSpecification);
	}
	return out.map(sharedProgram);
}

/** The source of the hovered and selected areas' outlines: a GeoJSON source holding only them (areaHighlight.ts). */
export const AREA_OUTLINE_SOURCE = 'area-outline';
export const AREA_OUTLINE_LAYER = 'area-outline';

/** The hovered area's outline, and over it the selected area's in magenta. */
export function outlineLayers(): LayerSpecification[] {
	const selected: ExpressionSpecification = ['==', ['get', 'role'], 'selected'];
	return [
		sharedProgram({
			id: AREA_OUTLINE_LAYER,
			type: 'line',
			source: AREA_OUTLINE_SOURCE,
			layout: { 'line-join': 'round' },
			paint: {
				'line-color': ['case', selected, '#e0115f', '#1d252c'],
				'line-width': ['case', selected, 3, 1.4],
				'line-opacity': ['case', selected, 1, 0.85]
			}
		})
	];
}
