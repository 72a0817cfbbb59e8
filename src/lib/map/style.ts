// The atlas's maplibre style, built from the view: an offline base map (sea, land, boundary lines,
// place and area labels drawn with a shipped font) and the LSOA choropleth, all from our own files.
import type {
	ExpressionSpecification,
	LayerSpecification,
	SourceSpecification,
	StyleSpecification,
	VectorSourceSpecification
} from 'maplibre-gl';
import type { TileRange } from './archives';
import type { LayerKey, ViewParams } from '$lib/state/url';
import type { Place } from '$lib/data/places';
import { filtersOnAreas } from './paint';
import { AREA_OUTLINE_SOURCE, maskLayers, measureLayers, outlineLayers, vis } from './areaLayers';
import { MARK_SOURCE, PRACTICE_SOURCE, practiceMarkLayers } from './practiceMarkLayers';
import { BOUNDARIES } from './boundaries';
import type { LsoaMeasureKey } from './measures';
import { sharedProgram } from './sharedPrograms';

// Style data split by concern; importers of './style' keep finding everything here.
export * from './areaLayers';
export * from './boundaries';

export const FONT = 'Inter';
export const SEA = '#d5e0e8';
export const LAND = '#f3f1ec';

export interface StyleInputs {
	lsoaUrl: string;
	boundariesUrl: string;
	fontUrl: string;
	/** Source layers present in the boundaries archive (to add area labels only when there are label points). */
	boundaryLayers: string[];
	places: Place[];
	englandRate: number;
	/** The archives' zooms and bounds (from their headers), so that maplibre asks for tiles at once. */
	tileRanges?: { lsoa: TileRange; boundaries: TileRange };
}

/** A vector source from a PMTiles archive: its tile URLs when the range is known, else its TileJSON. */
export function pmtilesSource(url: string, range?: TileRange): VectorSourceSpecification {
	if (!range) return { type: 'vector', url: `pmtiles://${url}` };
	return { type: 'vector', tiles: [`pmtiles://${url}/{z}/{x}/{y}`], ...range };
}

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

export interface StyleOptions {
	/** Measures to build fill layers for; the view's own measure is always included. */
	measures?: readonly LsoaMeasureKey[];
	/** Include the filter masks (the map adds them after the first paint unless a filter is on). */
	masks?: boolean;
	/**
	 * Hide every layer the first colours do not need (land, boundaries, labels, the neighbourhood
	 * outlines): the first paint then waits for no boundary tile, glyph or font, and compiles no line or
	 * text shader (each a long stall in software WebGL). The map reveals them once the colours are on screen.
	 */
	baseHidden?: boolean;
}

/** The first colours need the sea and the neighbourhood fills (with the filter masks over them). */
export function drawsFirstColours(l: LayerSpecification): boolean {
	return l.type === 'background' || (l.type === 'fill' && l.source === 'lsoa');
}

/** Ids of the layers to show once the first colours are on screen: those `baseHidden` hid (those `pick` picks, if given). */
export function deferredLayerIds(
	full: StyleSpecification,
	pick: (l: LayerSpecification) => boolean = () => true
): string[] {
	return full.layers
		.filter(
			(l) =>
				!drawsFirstColours(l) && (l.layout as { visibility?: string } | undefined)?.visibility !== 'none' && pick(l)
		)
		.map((l) => l.id);
}

/** A layer's source ('' for a background). */
export const sourceOf = (l: LayerSpecification): string => ('source' in l ? (l.source as string) : '');

/** The data of a GeoJSON source the map fills later (the outlines, the practices). */
const NOTHING_YET: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export function buildStyle(inputs: StyleInputs, v: ViewParams, opts: StyleOptions = {}): StyleSpecification {
	const on = (k: LayerKey) => v.layers.includes(k);
	const measures = [...new Set([v.measure, ...(opts.measures ?? [])])];
	const sources: Record<string, SourceSpecification> = {
		lsoa: pmtilesSource(inputs.lsoaUrl, inputs.tileRanges?.lsoa),
		boundaries: pmtilesSource(inputs.boundariesUrl, inputs.tileRanges?.boundaries),
		places: { type: 'geojson', data: placesGeojson(inputs.places) },
		[AREA_OUTLINE_SOURCE]: { type: 'geojson', data: NOTHING_YET },
		[PRACTICE_SOURCE]: { type: 'geojson', data: NOTHING_YET, maxzoom: 12 },
		[MARK_SOURCE]: { type: 'geojson', data: NOTHING_YET, maxzoom: 12 }
	};
	let layers: LayerSpecification[] = [
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
	// The practices (their data arrives with the practice table), then the labels above everything.
	layers.push(...practiceMarkLayers());
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
	layers = layers.map(sharedProgram);
	if (opts.baseHidden)
		for (const l of layers) if (!drawsFirstColours(l)) l.layout = { ...l.layout, visibility: 'none' } as never;
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
