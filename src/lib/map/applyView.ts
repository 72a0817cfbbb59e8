// Applying a view change to the map, in one place: compare the view the map shows with the next one
// and touch only what differs (measure, filters, ICB veil, layer visibility, camera; the selected
// area's outline is areaHighlight.ts). The map is any object with the handful of maplibre methods used
// here, so the tests can pass a recorder.
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayerKey, ViewParams } from '$lib/state/url';
import { LSOA_MEASURE_KEYS, lsoaMeasure, lsoaScale, type LsoaMeasureKey } from './measures';
import { colourExpression, fteOutsideFilter } from './paint';
import {
	AREA_SOURCE_LAYERS,
	FILL_OPACITY,
	fteMaskId,
	imdMaskId,
	imdMaskOpacity,
	layerIdsFor,
	maskLayers,
	measureLayerId,
	measureLayers
} from './style';

/** The maplibre methods the view needs (maplibregl.Map has them all). */
export interface ViewTarget {
	getLayer(id: string): unknown;
	addLayer(layer: LayerSpecification, beforeId?: string): unknown;
	setPaintProperty(id: string, name: string, value: unknown): unknown;
	setFilter(id: string, filter: FilterSpecification | null): unknown;
	setLayoutProperty(id: string, name: string, value: unknown): unknown;
	getLayersOrder(): string[];
	getCenter(): { lng: number; lat: number };
	getZoom(): number;
	jumpTo(options: { center: [number, number]; zoom: number }): unknown;
}

export interface ViewContext {
	englandRate: number;
	/** Source layers of the boundaries archive (labels are added only when it has label points). */
	boundaryLayers: readonly string[];
}

const sameRange = (a: readonly unknown[], b: readonly unknown[]) => String(a) === String(b);

/** Which repaint a change causes (for the timings the benchmark reads), or null. */
export function repaintKind(prev: ViewParams, next: ViewParams): 'measure' | 'filter' | null {
	if (prev.measure !== next.measure) return 'measure';
	return sameRange(prev.imd, next.imd) && sameRange(prev.fte, next.fte) ? null : 'filter';
}

/** Add the fill layers of measures the style does not have yet (the first style holds only the view's). */
export function ensureMeasures(map: ViewTarget, v: ViewParams, ctx: ViewContext, keys = LSOA_MEASURE_KEYS) {
	const missing = keys.filter((k: LsoaMeasureKey) => !map.getLayer(measureLayerId(k, 'lsoa')));
	for (const layer of measureLayers(missing, v, ctx.englandRate)) map.addLayer(layer, 'masks-anchor');
}

/** Add the filter masks, unless the style already has them. */
export function ensureMasks(map: ViewTarget, v: ViewParams) {
	if (map.getLayer(imdMaskId(1, 'lsoa'))) return;
	for (const layer of maskLayers(v)) map.addLayer(layer, 'lsoa-edge');
}

/** Only the provision measure's colours depend on the England rate. */
export function recolourProvision(map: ViewTarget, englandRate: number) {
	const m = lsoaMeasure('fte');
	for (const { sourceLayer } of AREA_SOURCE_LAYERS) {
		const id = measureLayerId('fte', sourceLayer);
		if (map.getLayer(id))
			map.setPaintProperty(id, 'fill-color', colourExpression(m.property, lsoaScale(m, englandRate)));
	}
}

export function setLayerVisibility(map: ViewTarget, key: LayerKey, on: boolean, v: ViewParams, ctx: ViewContext) {
	for (const id of layerIdsFor(key, [...ctx.boundaryLayers], map.getLayersOrder()))
		map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
	if (key === 'lsoa') {
		const fteOn = on && fteOutsideFilter(v) !== null;
		for (const { sourceLayer } of AREA_SOURCE_LAYERS)
			if (map.getLayer(fteMaskId(sourceLayer)))
				map.setLayoutProperty(fteMaskId(sourceLayer), 'visibility', fteOn ? 'visible' : 'none');
	}
}

/** Measure: opacity of the per-measure layers. Filters: opacity of the decile masks, filter of the provision mask. */
function applyAreas(map: ViewTarget, prev: ViewParams, next: ViewParams, ctx: ViewContext) {
	if (prev.measure !== next.measure) {
		ensureMeasures(map, next, ctx, [next.measure]);
		for (const { sourceLayer } of AREA_SOURCE_LAYERS) {
			map.setPaintProperty(measureLayerId(prev.measure, sourceLayer), 'fill-opacity', 0);
			map.setPaintProperty(measureLayerId(next.measure, sourceLayer), 'fill-opacity', FILL_OPACITY);
		}
	}
	const fteChanged = !sameRange(prev.fte, next.fte);
	if (!sameRange(prev.imd, next.imd) || fteChanged) {
		ensureMasks(map, next);
		const lsoaOn = next.layers.includes('lsoa');
		for (const { sourceLayer } of AREA_SOURCE_LAYERS) {
			for (let d = 1; d <= 10; d++)
				map.setPaintProperty(imdMaskId(d, sourceLayer), 'fill-opacity', imdMaskOpacity(d, next));
			if (fteChanged) {
				const out = fteOutsideFilter(next);
				map.setFilter(fteMaskId(sourceLayer), out ?? ['boolean', false]);
				map.setLayoutProperty(fteMaskId(sourceLayer), 'visibility', lsoaOn && out ? 'visible' : 'none');
			}
		}
	}
}

/**
 * Move the camera only when the view asks for a new one (a link, Back, a journey) and the map is not
 * there already: camera moves the map makes itself (dragging, flyTo, fitBounds) reach the view later
 * through onMove, and jumping back to the older view camera in the meantime would cut them short.
 */
function applyCamera(map: ViewTarget, prev: ViewParams, next: ViewParams) {
	const asked = prev.center[0] !== next.center[0] || prev.center[1] !== next.center[1] || prev.zoom !== next.zoom;
	if (!asked) return;
	const c = map.getCenter();
	if (
		Math.abs(c.lng - next.center[0]) > 1e-4 ||
		Math.abs(c.lat - next.center[1]) > 1e-4 ||
		Math.abs(map.getZoom() - next.zoom) > 0.01
	)
		map.jumpTo({ center: next.center, zoom: next.zoom });
}

/** Bring the map from showing `prev` to showing `next`. */
export function applyView(map: ViewTarget, prev: ViewParams, next: ViewParams, ctx: ViewContext) {
	if (repaintKind(prev, next)) applyAreas(map, prev, next, ctx);
	if (prev.icb !== next.icb) {
		map.setFilter('icb-veil', ['!=', ['get', 'code'], next.icb ?? '']);
		map.setLayoutProperty('icb-veil', 'visibility', next.icb ? 'visible' : 'none');
	}
	for (const key of new Set<LayerKey>([...prev.layers, ...next.layers])) {
		const on = next.layers.includes(key);
		if (prev.layers.includes(key) !== on) setLayerVisibility(map, key, on, next, ctx);
	}
	applyCamera(map, prev, next);
}

const NETWORK_LAYERS = ['network-fill', 'network-casing', 'network-line', 'network-label'];

/** A journey's network: only its footprint drawn (and footprints switched on), or back to the layer toggle. */
export function applyNetworkHighlight(
	map: ViewTarget,
	prevNetwork: string | null,
	network: string | null,
	v: ViewParams,
	ctx: ViewContext
) {
	if (network === prevNetwork) return;
	const only: ExpressionSpecification | null = network ? ['==', ['get', 'code'], network] : null;
	for (const id of NETWORK_LAYERS) {
		if (!map.getLayer(id)) continue;
		if (id === 'network-label') {
			const isNetwork: ExpressionSpecification = ['in', ['get', 'kind'], ['literal', ['network']]];
			map.setFilter(id, only ? ['all', isNetwork, only] : isNetwork);
		} else map.setFilter(id, only);
	}
	setLayerVisibility(map, 'network', network !== null || v.layers.includes('network'), v, ctx);
}
