// The map itself: maplibre (base map, LSOA choropleth from PMTiles) with a deck.gl overlay for the
// practices. Loaded lazily by the page. It owns no state: the page calls update() with the view, and
// the map reports camera moves, hovers and clicks back through callbacks.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import fontUrl from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?url';
import { PMTiles, Protocol } from 'pmtiles';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { DataError } from '$lib/data/errors';
import { dataUrl } from '$lib/data/load';
import type { AppPractice, PracticeTable } from '$lib/data/practices';
import type { Place } from '$lib/data/places';
import type { LayerKey, Selection, ViewParams } from '$lib/state/url';
import type { LsoaMeasureKey } from './measures';
import { LSOA_MEASURE_KEYS, lsoaMeasure, lsoaScale } from './measures';
import { colourExpression, fteOutsideFilter, filtersOnAreas } from './paint';
import { practiceRadius, practiceStyle, radiusScale, visiblePractices } from './practiceLayers';
import {
	AREA_SOURCE_LAYERS,
	FILL_OPACITY,
	buildStyle,
	fteMaskId,
	imdMaskId,
	imdMaskOpacity,
	layerIdsFor,
	maskLayers,
	measureLayerId,
	measureLayers,
	placesGeojson
} from './style';

export type HoverInfo =
	| { x: number; y: number; kind: 'practice'; practice: AppPractice }
	| { x: number; y: number; kind: 'lsoa' | 'lad'; props: Record<string, unknown> };

export interface AtlasMapCallbacks {
	onMove(center: [number, number], zoom: number): void;
	onHover(h: HoverInfo | null): void;
	onSelect(sel: Selection | null, props?: Record<string, unknown>): void;
	onError(e: DataError): void;
	/** Called once, when the first LSOA (or local authority) colours have been drawn. */
	onPainted(msSinceNavigation: number): void;
}

export interface AtlasMapHandle {
	map: maplibregl.Map;
	update(v: ViewParams): void;
	setPractices(table: PracticeTable | null, members: ReadonlySet<string>): void;
	setEnglandRate(rate: number): void;
	setPlaces(places: Place[]): void;
	/** Properties of an area feature by code, if its tile is loaded. */
	findArea(kind: 'lsoa' | 'lad', code: string): Record<string, unknown> | null;
	flyTo(center: [number, number], zoom?: number): void;
	/** A journey's marks over the practices: rings by role, a searched point, one network's footprint. */
	setHighlight(h: MapHighlight): void;
	fitBounds(bounds: [number, number, number, number]): void;
	destroy(): void;
}

/** Roles a journey gives practices on the map (drawn as rings over the practice circles). */
export type HighlightRole = 'member' | 'eligible' | 'candidate' | 'brushed' | 'near';

export interface MapHighlight {
	roles: ReadonlyMap<string, HighlightRole>;
	/** A searched point (Find). */
	marker: [number, number] | null;
	/** Show only this network's footprint (and switch footprints on); null = as the layers say. */
	network: string | null;
}

// Colour-blind-safe pairs (Okabe–Ito): vermillion, bluish green, blue, reddish purple, black.
const ROLE_COLOURS: Record<HighlightRole, [number, number, number, number]> = {
	member: [0, 114, 178, 255],
	eligible: [213, 94, 0, 255],
	candidate: [204, 121, 167, 255],
	brushed: [0, 0, 0, 255],
	near: [0, 158, 115, 255]
};
export const HIGHLIGHT_LEGEND: Record<HighlightRole, string> = {
	member: 'rgb(0,114,178)',
	eligible: 'rgb(213,94,0)',
	candidate: 'rgb(204,121,167)',
	brushed: 'rgb(0,0,0)',
	near: 'rgb(0,158,115)'
};

/** Timings the tests and the benchmark read (window.__atlas). */
export interface AtlasTimings {
	paintedAt: number | null;
	/** Each repaint: from the paint change to the first frame drawn with it (`frame`) and to the map's next idle (`ms`, all tiles redrawn); `end` on the page clock. */
	repaints: { what: string; ms: number; frame: number; end: number }[];
	ready: boolean;
}

declare global {
	interface Window {
		__atlas?: AtlasTimings & { map?: maplibregl.Map };
	}
}

/** England's extent (west, south, east, north): the first view when a link gives no camera. */
export const ENGLAND_BOUNDS: [number, number, number, number] = [-5.75, 49.95, 1.77, 55.82];

let protocolAdded = false;
const protocol = new Protocol({ metadata: true });

const absolute = (u: string) => new URL(u, window.location.href).href;

/** Open a PMTiles archive and read its header and metadata; a missing or corrupt file becomes a DataError. */
async function openArchive(name: string): Promise<{ archive: PMTiles; layers: string[] }> {
	const url = absolute(dataUrl(name));
	const archive = new PMTiles(url);
	try {
		const header = await archive.getHeader();
		if (header.tileType !== 1) throw new Error(`holds tile type ${header.tileType}, expected vector tiles (MVT)`);
		const meta = (await archive.getMetadata()) as { vector_layers?: { id: string }[] } | null;
		protocol.add(archive);
		return { archive, layers: (meta?.vector_layers ?? []).map((l) => l.id) };
	} catch (e) {
		const msg = (e as Error).message ?? String(e);
		if (/404|not found/i.test(msg)) throw new DataError(`data/${name}`, 'is missing (HTTP 404)');
		throw new DataError(`data/${name}`, `is corrupt or unreadable as a PMTiles archive (${msg})`);
	}
}

export async function createAtlasMap(
	container: HTMLElement,
	initial: ViewParams,
	englandRate: number,
	cb: AtlasMapCallbacks,
	options: { fitEngland?: boolean } = {}
): Promise<AtlasMapHandle> {
	const timings: AtlasTimings = { paintedAt: null, repaints: [], ready: false };
	window.__atlas = timings;
	if (!protocolAdded) {
		maplibregl.setWorkerUrl(absolute(workerUrl));
		maplibregl.addProtocol('pmtiles', protocol.tile);
		protocolAdded = true;
	}
	const [lsoa, boundaries] = await Promise.all([openArchive('lsoa.pmtiles'), openArchive('boundaries.pmtiles')]);
	for (const needed of ['lad', 'lsoa']) {
		if (!lsoa.layers.includes(needed))
			throw new DataError(
				'data/lsoa.pmtiles',
				`has no "${needed}" layer (layers: ${lsoa.layers.join(', ') || 'none'})`
			);
	}
	if (!boundaries.layers.includes('land'))
		throw new DataError(
			'data/boundaries.pmtiles',
			`has no "land" layer (layers: ${boundaries.layers.join(', ') || 'none'})`
		);

	let view = initial;
	let rate = englandRate;
	const inputs = {
		lsoaUrl: absolute(dataUrl('lsoa.pmtiles')),
		boundariesUrl: absolute(dataUrl('boundaries.pmtiles')),
		fontUrl: absolute(fontUrl),
		boundaryLayers: boundaries.layers,
		places: [] as Place[],
		englandRate
	};
	// The first style holds only what the first paint needs; the other measures and the filter masks
	// are added once the first colours are on screen, so that switching is then instant.
	const style = buildStyle(inputs, view, { masks: filtersOnAreas(view) });
	const map = new maplibregl.Map({
		container,
		style,
		...(options.fitEngland
			? {
					bounds: ENGLAND_BOUNDS,
					fitBoundsOptions: {
						padding: { top: 20, bottom: 30, left: container.clientWidth > 900 ? 330 : 10, right: 20 }
					}
				}
			: { center: view.center, zoom: view.zoom }),
		minZoom: 4,
		maxZoom: 15,
		maxBounds: [
			[-16, 47],
			[9, 62]
		],
		attributionControl: false,
		dragRotate: false,
		pitchWithRotate: false,
		touchPitch: false,
		fadeDuration: 0
	});
	window.__atlas = Object.assign(timings, { map });
	if (options.fitEngland) {
		// The view state takes the fitted camera, so that the first update() does not undo it.
		const c = map.getCenter();
		view = { ...view, center: [c.lng, c.lat], zoom: map.getZoom() };
		cb.onMove(view.center, view.zoom);
	}
	map.touchZoomRotate.disableRotation();
	map.keyboard.disableRotation();
	map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
	map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');

	map.on('error', (ev) => {
		const err = (ev as unknown as { error?: Error; sourceId?: string }).error;
		const source = (ev as unknown as { sourceId?: string }).sourceId;
		const msg = err?.message ?? 'unknown map error';
		if (source === 'lsoa' || source === 'boundaries') {
			cb.onError(new DataError(`data/${source}.pmtiles`, `a tile could not be read (${msg})`));
		} else if (/font|glyph/i.test(msg)) {
			console.warn('Label font:', msg);
		} else {
			cb.onError(new DataError('map', msg, 'Reload the page; if it persists, rebuild the data.'));
		}
	});

	// ---- practices (deck.gl)
	const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
	map.addControl(overlay as unknown as maplibregl.IControl);
	let table: PracticeTable | null = null;
	let members: ReadonlySet<string> = new Set();
	let shown: AppPractice[] = [];
	let shownKey = '';
	let highlight: MapHighlight = { roles: new Map(), marker: null, network: null };

	// Stable accessors: deck.gl compares them by reference, and a new function means recomputing
	// every practice's attributes.
	const position = (p: AppPractice) => [p.lon!, p.lat!];
	const radius = (p: AppPractice) => practiceRadius(p.patients);
	const renderPractices = () => {
		if (!table || !view.layers.includes('practices')) {
			overlay.setProps({ layers: highlightLayers(radiusScale(map.getZoom())) });
			return;
		}
		const key = `${view.imd}|${view.fte}|${view.icb}`;
		if (key !== shownKey) {
			shown = visiblePractices(table.practices, view);
			shownKey = key;
		}
		const s = practiceStyle(view, rate, members);
		const scale = radiusScale(map.getZoom());
		const layers: Layer[] = [
			new ScatterplotLayer<AppPractice>({
				id: 'practices',
				beforeId: 'labels-anchor',
				data: shown,
				getPosition: position,
				getRadius: radius,
				radiusUnits: 'pixels',
				radiusScale: scale,
				radiusMinPixels: 1.2,
				stroked: true,
				lineWidthUnits: 'pixels',
				getLineWidth: s.lineWidth,
				getLineColor: s.line,
				getFillColor: s.fill,
				lineWidthScale: Math.min(1, Math.max(0.45, (map.getZoom() - 4) / 5)),
				opacity: map.getZoom() < 7 ? 0.9 : 1,
				pickable: true,
				updateTriggers: { getFillColor: [view.practiceMeasure, rate], getLineColor: [members], getLineWidth: [members] }
			} as never)
		];
		const sel = view.selection?.kind === 'practice' ? table.byCode.get(view.selection.code) : undefined;
		if (sel && sel.lat !== null && sel.lon !== null) {
			layers.push(
				new ScatterplotLayer<AppPractice>({
					id: 'practice-selected',
					beforeId: 'labels-anchor',
					data: [sel],
					getPosition: (p: AppPractice) => [p.lon!, p.lat!],
					getRadius: (p: AppPractice) => practiceRadius(p.patients) * scale + 5,
					radiusUnits: 'pixels',
					filled: false,
					stroked: true,
					lineWidthUnits: 'pixels',
					getLineWidth: 3,
					getLineColor: [224, 17, 95, 255]
				} as never)
			);
		}
		layers.push(...highlightLayers(scale));
		overlay.setProps({ layers });
	};

	/** Rings for the journey's practices (drawn even when the practice layer is off) and the searched point. */
	const highlightLayers = (scale: number): Layer[] => {
		const out: Layer[] = [];
		if (table && highlight.roles.size) {
			const data = [...highlight.roles]
				.map(([code, role]) => ({ p: table!.byCode.get(code), role }))
				.filter((d) => d.p && d.p.lat !== null && d.p.lon !== null) as { p: AppPractice; role: HighlightRole }[];
			out.push(
				new ScatterplotLayer<{ p: AppPractice; role: HighlightRole }>({
					id: 'practice-highlight',
					beforeId: 'labels-anchor',
					data,
					getPosition: (d: { p: AppPractice }) => [d.p.lon!, d.p.lat!],
					getRadius: (d: { p: AppPractice }) => practiceRadius(d.p.patients) * scale + 3,
					radiusUnits: 'pixels',
					radiusMinPixels: 4,
					filled: true,
					getFillColor: (d: { role: HighlightRole }) => (d.role === 'brushed' ? [0, 0, 0, 90] : [255, 255, 255, 0]),
					stroked: true,
					lineWidthUnits: 'pixels',
					getLineWidth: (d: { role: HighlightRole }) => (d.role === 'brushed' ? 1.5 : 2.5),
					getLineColor: (d: { role: HighlightRole }) => ROLE_COLOURS[d.role],
					pickable: true,
					updateTriggers: { getLineColor: [highlight.roles], getFillColor: [highlight.roles], getRadius: [scale] }
				} as never)
			);
		}
		if (highlight.marker) {
			out.push(
				new ScatterplotLayer<[number, number]>({
					id: 'search-marker',
					beforeId: 'labels-anchor',
					data: [highlight.marker],
					getPosition: (d: [number, number]) => d,
					getRadius: 9,
					radiusUnits: 'pixels',
					getFillColor: [224, 17, 95, 230],
					stroked: true,
					getLineColor: [255, 255, 255, 255],
					lineWidthUnits: 'pixels',
					getLineWidth: 3
				} as never)
			);
		}
		return out;
	};

	// ---- camera and interaction
	map.on('zoom', () => {
		if (table && view.layers.includes('practices')) renderPractices();
	});
	map.on('moveend', () => {
		const c = map.getCenter();
		cb.onMove([c.lng, c.lat], map.getZoom());
	});

	let hovered: { sourceLayer: string; id: string } | null = null;
	const setHover = (next: { sourceLayer: string; id: string } | null) => {
		if (hovered && (!next || hovered.id !== next.id || hovered.sourceLayer !== next.sourceLayer)) {
			map.setFeatureState({ source: 'lsoa', sourceLayer: hovered.sourceLayer, id: hovered.id }, { hover: false });
		}
		if (next) map.setFeatureState({ source: 'lsoa', sourceLayer: next.sourceLayer, id: next.id }, { hover: true });
		hovered = next;
	};

	const pickPractice = (x: number, y: number): AppPractice | null => {
		if (!table) return null;
		const info = overlay.pickObject({ x, y, radius: 3, layerIds: ['practices', 'practice-highlight'] });
		const o = info?.object as (AppPractice & { p?: AppPractice }) | undefined;
		return o?.p ?? o ?? null;
	};
	const areaAt = (point: maplibregl.PointLike) => {
		if (!view.layers.includes('lsoa')) return null;
		const layers = AREA_SOURCE_LAYERS.map((a) => measureLayerId(view.measure, a.sourceLayer)).filter((id) =>
			map.getLayer(id)
		);
		const f = map.queryRenderedFeatures(point, { layers })[0];
		return f
			? {
					kind: (f.sourceLayer === 'lsoa' ? 'lsoa' : 'lad') as 'lsoa' | 'lad',
					props: f.properties ?? {},
					sourceLayer: f.sourceLayer!
				}
			: null;
	};

	map.on('mousemove', (e) => {
		const { x, y } = e.point;
		const practice = pickPractice(x, y);
		map.getCanvas().style.cursor = practice ? 'pointer' : '';
		if (practice) {
			setHover(null);
			cb.onHover({ x, y, kind: 'practice', practice });
			return;
		}
		const area = areaAt(e.point);
		if (area) {
			setHover({ sourceLayer: area.sourceLayer, id: String(area.props.code) });
			cb.onHover({ x, y, kind: area.kind, props: area.props });
		} else {
			setHover(null);
			cb.onHover(null);
		}
	});
	map.getCanvas().addEventListener('mouseleave', () => {
		setHover(null);
		cb.onHover(null);
	});
	map.on('click', (e) => {
		const practice = pickPractice(e.point.x, e.point.y);
		if (practice) return cb.onSelect({ kind: 'practice', code: practice.code });
		const area = areaAt(e.point);
		if (area) return cb.onSelect({ kind: area.kind, code: String(area.props.code) }, area.props);
		cb.onSelect(null);
	});

	// ---- first paint: the first idle after the LSOA source has tiles on screen
	const onIdle = () => {
		if (timings.paintedAt !== null) return;
		if (!map.isSourceLoaded('lsoa')) return;
		timings.paintedAt = performance.now();
		timings.ready = true;
		cb.onPainted(timings.paintedAt);
		// Then, in the background: every other measure's layers and the filter masks.
		setTimeout(() => {
			ensureMeasure(...LSOA_MEASURE_KEYS);
			ensureMasks();
		}, 50);
	};
	map.on('idle', onIdle);

	const ensureMeasure = (...keys: LsoaMeasureKey[]) => {
		const missing = keys.filter((k) => !map.getLayer(measureLayerId(k, 'lsoa')));
		for (const layer of measureLayers(missing, view, rate)) map.addLayer(layer, 'masks-anchor');
	};
	const ensureMasks = () => {
		if (map.getLayer(imdMaskId(1, 'lsoa'))) return;
		for (const layer of maskLayers(view)) map.addLayer(layer, 'lsoa-edge');
	};
	let selected: { sourceLayer: string; id: string } | null = null;
	const applySelection = () => {
		const s = view.selection;
		const next = s && (s.kind === 'lsoa' || s.kind === 'lad') ? { sourceLayer: s.kind, id: s.code } : null;
		if (selected && (!next || next.id !== selected.id))
			map.setFeatureState({ source: 'lsoa', sourceLayer: selected.sourceLayer, id: selected.id }, { selected: false });
		if (next) map.setFeatureState({ source: 'lsoa', sourceLayer: next.sourceLayer, id: next.id }, { selected: true });
		selected = next;
	};

	const timeRepaint = (what: string) => {
		const t0 = performance.now();
		let frame: number | null = null;
		map.once('render', () => (frame = performance.now() - t0));
		map.once('idle', () => {
			const end = performance.now();
			timings.repaints.push({ what, ms: end - t0, frame: frame ?? end - t0, end });
		});
	};

	/** Measure: opacity of the per-measure layers. Filters: opacity of the decile masks, filter of the provision mask. */
	const applyAreas = (prev: ViewParams, next: ViewParams) => {
		const lsoaOn = next.layers.includes('lsoa');
		if (prev.measure !== next.measure) {
			ensureMeasure(next.measure);
			for (const { sourceLayer } of AREA_SOURCE_LAYERS) {
				map.setPaintProperty(measureLayerId(prev.measure, sourceLayer), 'fill-opacity', 0);
				map.setPaintProperty(measureLayerId(next.measure, sourceLayer), 'fill-opacity', FILL_OPACITY);
			}
		}
		if (String(prev.imd) !== String(next.imd) || String(prev.fte) !== String(next.fte)) {
			ensureMasks();
			for (const { sourceLayer } of AREA_SOURCE_LAYERS) {
				for (let d = 1; d <= 10; d++)
					map.setPaintProperty(imdMaskId(d, sourceLayer), 'fill-opacity', imdMaskOpacity(d, next));
				if (String(prev.fte) !== String(next.fte)) {
					const out = fteOutsideFilter(next);
					map.setFilter(fteMaskId(sourceLayer), out ?? ['boolean', false]);
					map.setLayoutProperty(fteMaskId(sourceLayer), 'visibility', lsoaOn && out ? 'visible' : 'none');
				}
			}
		}
	};

	const setLayerVisibility = (key: LayerKey, on: boolean) => {
		for (const id of layerIdsFor(key, boundaries.layers, map.getLayersOrder()))
			map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
		if (key === 'lsoa') {
			const fteOn = on && fteOutsideFilter(view) !== null;
			for (const { sourceLayer } of AREA_SOURCE_LAYERS)
				if (map.getLayer(fteMaskId(sourceLayer)))
					map.setLayoutProperty(fteMaskId(sourceLayer), 'visibility', fteOn ? 'visible' : 'none');
		}
	};

	// Not map.isStyleLoaded(): that is false whenever tiles are loading, and re-queuing on it spins.
	let styleLoaded = false;
	const styleReady = new Promise<void>((resolve) => map.once('load', () => ((styleLoaded = true), resolve())));

	let pendingUpdate = false;
	const handle: AtlasMapHandle = {
		map,
		update(next) {
			const prev = view;
			view = next;
			if (!styleLoaded) {
				// Apply the latest view once, when the style has loaded (prev is the initial view).
				if (!pendingUpdate) {
					pendingUpdate = true;
					const initialView = prev;
					void styleReady.then(() => {
						pendingUpdate = false;
						const latest = view;
						view = initialView;
						handle.update(latest);
					});
				}
				return;
			}
			if (
				prev.measure !== next.measure ||
				String(prev.imd) !== String(next.imd) ||
				String(prev.fte) !== String(next.fte)
			) {
				timeRepaint(prev.measure !== next.measure ? 'measure' : 'filter');
				applyAreas(prev, next);
			}
			if (prev.icb !== next.icb) {
				map.setFilter('icb-veil', ['!=', ['get', 'code'], next.icb ?? '']);
				map.setLayoutProperty('icb-veil', 'visibility', next.icb ? 'visible' : 'none');
			}
			for (const key of new Set<LayerKey>([...prev.layers, ...next.layers])) {
				const on = next.layers.includes(key);
				if (prev.layers.includes(key) !== on) setLayerVisibility(key, on);
			}
			const c = map.getCenter();
			if (
				Math.abs(c.lng - next.center[0]) > 1e-4 ||
				Math.abs(c.lat - next.center[1]) > 1e-4 ||
				Math.abs(map.getZoom() - next.zoom) > 0.01
			) {
				map.jumpTo({ center: next.center, zoom: next.zoom });
			}
			applySelection();
			renderPractices();
		},
		setPractices(t, m) {
			table = t;
			members = m;
			shownKey = '';
			void styleReady.then(renderPractices);
		},
		setEnglandRate(r) {
			if (r === rate) return;
			rate = r;
			void styleReady.then(() => {
				// Only the provision measure's colours depend on the England rate.
				const m = lsoaMeasure('fte');
				for (const { sourceLayer } of AREA_SOURCE_LAYERS) {
					const id = measureLayerId('fte', sourceLayer);
					if (map.getLayer(id))
						map.setPaintProperty(id, 'fill-color', colourExpression(m.property, lsoaScale(m, rate)));
				}
				renderPractices();
			});
		},
		setPlaces(places) {
			void styleReady.then(() =>
				(map.getSource('places') as maplibregl.GeoJSONSource | undefined)?.setData(placesGeojson(places))
			);
		},
		findArea(kind, code) {
			const f = map.querySourceFeatures('lsoa', { sourceLayer: kind, filter: ['==', ['get', 'code'], code] })[0];
			return f ? (f.properties ?? null) : null;
		},
		setHighlight(h) {
			const prevNetwork = highlight.network;
			highlight = h;
			void styleReady.then(() => {
				if (h.network !== prevNetwork) {
					const filter = h.network ? (['==', ['get', 'code'], h.network] as maplibregl.FilterSpecification) : null;
					for (const id of ['network-fill', 'network-casing', 'network-line', 'network-label']) {
						if (!map.getLayer(id)) continue;
						if (id === 'network-label') {
							const isNetwork: maplibregl.FilterSpecification = ['in', ['get', 'kind'], ['literal', ['network']]];
							map.setFilter(id, h.network ? ['all', isNetwork, ['==', ['get', 'code'], h.network]] : isNetwork);
						} else map.setFilter(id, filter);
					}
					setLayerVisibility('network', h.network !== null || view.layers.includes('network'));
				}
				renderPractices();
			});
		},
		flyTo(center, zoom) {
			map.flyTo({ center, zoom: zoom ?? Math.max(map.getZoom(), 11), speed: 1.6 });
		},
		fitBounds(b) {
			map.fitBounds(
				[
					[b[0], b[1]],
					[b[2], b[3]]
				],
				{ padding: 40, maxZoom: 12 }
			);
		},
		destroy() {
			map.remove();
		}
	};
	void styleReady.then(() => {
		applySelection();
	});
	return handle;
}
