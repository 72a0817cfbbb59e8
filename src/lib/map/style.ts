// The atlas's maplibre style, built from the view: an offline base map (sea, land, boundary lines,
// place and area labels drawn with a shipped font) and the LSOA choropleth, all from our own files.
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { LayerKey, ViewParams } from '$lib/state/url';
import type { Place } from '$lib/data/places';
import { FILTERED_OUT_COLOUR, IMD_DECILE_PROPERTY, colourExpression, fteOutsideFilter, filtersOnAreas } from './paint';
import { lsoaMeasure, lsoaScale, type LsoaMeasureKey } from './measures';

export const FONT = 'Inter';
export const SEA = '#d5e0e8';
export const LAND = '#f3f1ec';

/** Zoom at which the tiles switch from local authorities (coarse stand-in) to LSOAs. */
export const LSOA_MIN_ZOOM = 8;

export interface BoundaryDef {
	key: Exclude<LayerKey, 'lsoa' | 'practices' | 'labels'>;
	label: string;
	sourceLayer: string;
	/** Kind in the boundaries archive's `label` layer. */
	labelKinds: string[];
	colour: string;
	width: [number, number];
	dash?: number[];
	minzoom?: number;
	labelMinZoom: number;
}

export const BOUNDARIES: readonly BoundaryDef[] = [
	{
		key: 'lad',
		label: 'Local authorities',
		sourceLayer: 'lad',
		labelKinds: ['lad'],
		colour: '#7d7a73',
		width: [0.3, 1.1],
		labelMinZoom: 8.5
	},
	{
		key: 'sicbl',
		label: 'Sub-ICB locations',
		sourceLayer: 'sicbl',
		labelKinds: ['sicbl'],
		colour: '#4f5d69',
		width: [0.6, 1.6],
		dash: [3, 2],
		labelMinZoom: 7.5
	},
	{
		key: 'icb',
		label: 'Integrated care boards',
		sourceLayer: 'icb',
		labelKinds: ['icb'],
		colour: '#26313b',
		width: [0.9, 2.4],
		labelMinZoom: 6.2
	},
	{
		key: 'region',
		label: 'NHS England regions',
		sourceLayer: 'nhser',
		labelKinds: ['nhser', 'region'],
		colour: '#111418',
		width: [1.6, 3.2],
		labelMinZoom: 4.5
	},
	{
		key: 'network',
		label: 'Deep End network footprints',
		sourceLayer: 'network',
		labelKinds: ['network'],
		colour: '#c51b7d',
		width: [2.2, 4],
		labelMinZoom: 4.5
	}
];

export interface StyleInputs {
	lsoaUrl: string;
	boundariesUrl: string;
	fontUrl: string;
	/** Source layers present in the boundaries archive (to add area labels only when there are label points). */
	boundaryLayers: string[];
	places: Place[];
	englandRate: number;
}

const vis = (on: boolean) => (on ? 'visible' : 'none') as 'visible' | 'none';

const widthByZoom = ([a, b]: [number, number]): ExpressionSpecification => [
	'interpolate',
	['linear'],
	['zoom'],
	5,
	a,
	11,
	b
];

export function placesGeojson(places: Place[]): GeoJSON.FeatureCollection {
	return {
		type: 'FeatureCollection',
		features: places.map((p, i) => ({
			type: 'Feature',
			id: i,
			properties: { name: p.name, kind: p.kind, rank: p.rank },
			geometry: { type: 'Point', coordinates: [p.lon, p.lat] }
		}))
	};
}

/** The two source layers of the LSOA archive: local authorities below zoom 8, LSOAs from zoom 8. */
export const AREA_SOURCE_LAYERS = [
	{ sourceLayer: 'lad', zoom: { maxzoom: LSOA_MIN_ZOOM } },
	{ sourceLayer: 'lsoa', zoom: { minzoom: LSOA_MIN_ZOOM } }
] as const;

export const FILL_OPACITY = 0.92;

/** One fill layer per measure and source layer: switching measure is an opacity change, not a re-layout. */
export const measureLayerId = (key: LsoaMeasureKey, sourceLayer: string) => `fill-${key}-${sourceLayer}`;
export const imdMaskId = (decile: number, sourceLayer: string) => `mask-imd${decile}-${sourceLayer}`;
export const fteMaskId = (sourceLayer: string) => `mask-fte-${sourceLayer}`;
export const outlineId = (sourceLayer: string) => `outline-${sourceLayer}`;

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
				paint: { 'fill-color': colour, 'fill-opacity': key === v.measure ? FILL_OPACITY : 0, 'fill-antialias': false }
			} as LayerSpecification);
		}
	}
	return out;
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
				paint: { 'fill-color': FILTERED_OUT_COLOUR, 'fill-opacity': imdMaskOpacity(d, v), 'fill-antialias': false }
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
			paint: { 'fill-color': FILTERED_OUT_COLOUR, 'fill-opacity': 1, 'fill-antialias': false }
		} as LayerSpecification);
	}
	return out;
}

/** Hover and selection outlines, driven by feature state (no re-layout on hover). */
export function outlineLayers(): LayerSpecification[] {
	const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
	const hover: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
	return AREA_SOURCE_LAYERS.map(
		({ sourceLayer, zoom }) =>
			({
				id: outlineId(sourceLayer),
				type: 'line',
				source: 'lsoa',
				'source-layer': sourceLayer,
				...zoom,
				paint: {
					'line-color': ['case', selected, '#e0115f', '#1d252c'],
					'line-width': ['case', selected, 3, 1.4],
					'line-opacity': ['case', selected, 1, hover, 0.85, 0]
				}
			}) as LayerSpecification
	);
}

export interface StyleOptions {
	/** Measures to build fill layers for; the view's own measure is always included. */
	measures?: readonly LsoaMeasureKey[];
	/** Include the filter masks (the map adds them after the first paint unless a filter is on). */
	masks?: boolean;
}

export function buildStyle(inputs: StyleInputs, v: ViewParams, opts: StyleOptions = {}): StyleSpecification {
	const on = (k: LayerKey) => v.layers.includes(k);
	const measures = [...new Set([v.measure, ...(opts.measures ?? [])])];
	const sources: Record<string, SourceSpecification> = {
		// Feature ids are the area codes: hover and selection use feature state.
		lsoa: { type: 'vector', url: `pmtiles://${inputs.lsoaUrl}`, promoteId: { lsoa: 'code', lad: 'code' } },
		boundaries: { type: 'vector', url: `pmtiles://${inputs.boundariesUrl}` },
		places: { type: 'geojson', data: placesGeojson(inputs.places) }
	};
	const layers: LayerSpecification[] = [
		{ id: 'sea', type: 'background', paint: { 'background-color': SEA } },
		{ id: 'land', type: 'fill', source: 'boundaries', 'source-layer': 'land', paint: { 'fill-color': LAND } },
		...measureLayers(measures, v, inputs.englandRate),
		{ id: 'masks-anchor', type: 'background', layout: { visibility: 'none' }, paint: { 'background-color': '#000' } },
		...(opts.masks || filtersOnAreas(v) ? maskLayers(v) : []),
		{
			id: 'lsoa-edge',
			type: 'line',
			source: 'lsoa',
			'source-layer': 'lsoa',
			minzoom: 10,
			layout: { visibility: vis(on('lsoa')) },
			paint: {
				'line-color': '#ffffff',
				'line-opacity': ['interpolate', ['linear'], ['zoom'], 10, 0, 12, 0.45],
				'line-width': 0.5
			}
		},
		...outlineLayers(),
		{
			// Everything outside the chosen ICB is veiled; the filter reads the ICB from the global state.
			id: 'icb-veil',
			type: 'fill',
			source: 'boundaries',
			'source-layer': 'icb',
			filter: ['!=', ['get', 'code'], v.icb ?? ''],
			layout: { visibility: vis(v.icb !== null) },
			paint: { 'fill-color': '#f7f6f2', 'fill-opacity': 0.78 }
		},
		{
			id: 'network-fill',
			type: 'fill',
			source: 'boundaries',
			'source-layer': 'network',
			layout: { visibility: vis(on('network')) },
			paint: { 'fill-color': '#c51b7d', 'fill-opacity': 0.05 }
		},
		{
			id: 'coast',
			type: 'line',
			source: 'boundaries',
			'source-layer': 'land',
			paint: { 'line-color': '#9fb3c2', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 10, 1.2] }
		}
	];
	for (const b of BOUNDARIES) {
		if (b.key === 'network') {
			// A white casing under the magenta line keeps it legible over the darkest deciles.
			layers.push({
				id: 'network-casing',
				type: 'line',
				source: 'boundaries',
				'source-layer': b.sourceLayer,
				layout: { visibility: vis(on(b.key)), 'line-join': 'round' },
				paint: {
					'line-color': '#ffffff',
					'line-width': widthByZoom([b.width[0] + 2, b.width[1] + 2.5]),
					'line-opacity': 0.85
				}
			});
		}
		layers.push({
			id: `${b.key}-line`,
			type: 'line',
			source: 'boundaries',
			'source-layer': b.sourceLayer,
			...(b.minzoom !== undefined ? { minzoom: b.minzoom } : {}),
			layout: { visibility: vis(on(b.key)), 'line-join': 'round' },
			paint: {
				'line-color': b.colour,
				'line-width': widthByZoom(b.width),
				'line-opacity': b.key === 'lad' ? 0.55 : 0.9,
				...(b.dash ? { 'line-dasharray': b.dash } : {})
			}
		});
	}
	// Labels sit above everything, including the practices (deck.gl is inserted before 'labels-anchor').
	layers.push({
		id: 'labels-anchor',
		type: 'background',
		layout: { visibility: 'none' },
		paint: { 'background-color': '#000' }
	});
	const text = {
		'text-font': [FONT],
		'text-max-width': 9,
		'text-padding': 3
	};
	const halo = {
		'text-color': '#1d252c',
		'text-halo-color': 'rgba(255,255,255,0.92)',
		'text-halo-width': 1.6,
		'text-halo-blur': 0.3
	};
	if (inputs.boundaryLayers.includes('label')) {
		for (const b of BOUNDARIES) {
			if (b.key === 'lad') continue; // LSOA-level views are busy enough; the LSOA panel names the authority
			layers.push({
				id: `${b.key}-label`,
				type: 'symbol',
				source: 'boundaries',
				'source-layer': 'label',
				minzoom: b.labelMinZoom,
				filter: ['in', ['get', 'kind'], ['literal', b.labelKinds]],
				layout: {
					...text,
					visibility: vis(on(b.key)),
					'text-field': ['get', 'name'],
					'text-size': b.key === 'region' ? 13 : 11,
					'text-transform': b.key === 'region' ? 'uppercase' : 'none',
					'text-letter-spacing': b.key === 'region' ? 0.08 : 0.02
				},
				paint: {
					...halo,
					'text-color': b.key === 'network' ? '#8e0f58' : '#3b4650'
				}
			});
		}
	}
	layers.push(
		{
			id: 'place-town',
			type: 'symbol',
			source: 'places',
			minzoom: 7.5,
			filter: ['!=', ['get', 'kind'], 'city'],
			layout: {
				...text,
				visibility: vis(on('labels')),
				'text-field': ['get', 'name'],
				'text-size': 11,
				'symbol-sort-key': ['-', 0, ['get', 'rank']]
			},
			paint: { ...halo, 'text-color': '#39434c' }
		},
		{
			id: 'place-city',
			type: 'symbol',
			source: 'places',
			filter: ['==', ['get', 'kind'], 'city'],
			layout: {
				...text,
				visibility: vis(on('labels')),
				'text-field': ['get', 'name'],
				'text-size': ['interpolate', ['linear'], ['zoom'], 5, 11.5, 9, 15],
				'text-letter-spacing': 0.02,
				'symbol-sort-key': ['-', 0, ['get', 'rank']]
			},
			paint: halo
		}
	);
	return {
		version: 8,
		name: 'Deep End Atlas',
		'font-faces': { [FONT]: inputs.fontUrl },
		// Measure and filter changes show at once: no cross-fade frames.
		transition: { duration: 0, delay: 0 },
		sources,
		layers
	} as StyleSpecification;
}

/** Maplibre layer ids whose visibility follows a layer toggle (for the LSOA toggle: of the given style's layers). */
export function layerIdsFor(key: LayerKey, boundaryLayers: string[], styleLayerIds: readonly string[] = []): string[] {
	if (key === 'lsoa')
		return styleLayerIds.filter((id) => id.startsWith('fill-') || id.startsWith('mask-imd') || id === 'lsoa-edge');
	if (key === 'labels') return ['place-town', 'place-city'];
	if (key === 'practices') return [];
	const ids = [`${key}-line`];
	if (key === 'network') ids.push('network-fill', 'network-casing');
	if (boundaryLayers.includes('label') && key !== 'lad') ids.push(`${key}-label`);
	return ids;
}
