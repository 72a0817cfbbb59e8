// The map itself: maplibre (base map, LSOA choropleth from PMTiles, practices as circles from GeoJSON).
// Loaded lazily by MapView. It owns no state: MapView calls update() with the view, and the map
// reports camera moves, hovers and clicks back through callbacks. This file wires the parts:
// archives.ts (data), style.ts (style as data), practiceOverlay.ts (practices, pure), interaction.ts
// (pointer), applyView.ts (view changes), instrument.ts (test timings, loaded only when asked for).
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import fontUrl from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?url';
import type { PracticeTable } from '$lib/data/practices';
import type { Place } from '$lib/data/places';
import type { ViewParams } from '$lib/state/url';
import { absolute, mapErrorToDataError, openAtlasArchives, protocol } from './archives';
import { loadInstrument } from './loadInstrument';
import { applyAreaOutline } from './areaOutline';
import {
	applyNetworkHighlight,
	applyView,
	ensureMasks,
	ensureMeasures,
	recolourProvision,
	repaintKind,
	type ViewContext
} from './applyView';
import { attachInteraction } from './interaction';
import { createAreaHighlight, selectedArea } from './areaHighlight';
import { filtersOnAreas } from './paint';
import { practiceMarks, practicePoints, type Marks } from './practiceOverlay';
import { MARK_SOURCE, PRACTICE_SOURCE } from './practiceMarkLayers';
import { buildStyle, deferredLayerIds, placesGeojson, sourceOf } from './style';
import { runAfterFirstColours } from './steps';
import type { Instrument } from './instrument';
import { ENGLAND_BOUNDS, NO_HIGHLIGHT, type AtlasMapCallbacks, type AtlasMapHandle, type MapHighlight } from './types';

// The page and the journey panels import these from here.
export type { AtlasMapCallbacks, AtlasMapHandle, HighlightRole, HoverInfo, MapHighlight } from './types';
export { ENGLAND_BOUNDS, HIGHLIGHT_LEGEND } from './types';

// At module load, before the archives are opened: the workers start fetching and compiling their
// script while the main thread is still busy with the page, instead of once the style arrives.
maplibregl.setWorkerUrl(absolute(workerUrl));
maplibregl.addProtocol('pmtiles', protocol.tile);
maplibregl.prewarm();

export async function createAtlasMap(
	container: HTMLElement,
	initial: ViewParams,
	englandRate: number,
	cb: AtlasMapCallbacks,
	options: {
		fitEngland?: boolean;
		archives?: ReturnType<typeof openAtlasArchives>;
		instrument?: ReturnType<typeof loadInstrument>;
	} = {}
): Promise<AtlasMapHandle> {
	const [{ lsoa, boundaries }, instrumentModule] = await Promise.all([
		options.archives ?? openAtlasArchives(),
		options.instrument ?? loadInstrument()
	]);

	/** The latest view asked for, and the view the map shows (they differ until the style has loaded). */
	let view = initial;
	let shown = initial;
	const ctx: ViewContext = { englandRate, boundaryLayers: boundaries.layers };
	const inputs = {
		lsoaUrl: lsoa.url,
		boundariesUrl: boundaries.url,
		fontUrl: absolute(fontUrl),
		boundaryLayers: boundaries.layers,
		places: [] as Place[],
		englandRate,
		tileRanges: { lsoa: lsoa.tiles, boundaries: boundaries.tiles }
	};
	// The first style holds only what the first paint needs; the other measures and the filter masks
	// are added once the first colours are on screen, so that switching is then instant.
	const map = new maplibregl.Map({
		container,
		style: buildStyle(inputs, view, { masks: filtersOnAreas(view), baseHidden: true }),
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
	const instrument: Instrument | null = instrumentModule?.attachInstrumentation(map) ?? null;
	if (options.fitEngland) {
		// The view state takes the fitted camera, so that the first update() does not undo it.
		const c = map.getCenter();
		view = shown = { ...view, center: [c.lng, c.lat], zoom: map.getZoom() };
		cb.onMove(view.center, view.zoom);
	}
	map.touchZoomRotate.disableRotation();
	map.keyboard.disableRotation();
	map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
	map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');

	const reported = new Set<string>();
	map.on('error', (ev) => {
		const err = mapErrorToDataError(ev as unknown as { error?: unknown; sourceId?: string }, reported);
		if (err) cb.onError(err);
	});

	// ---- practices: circles from two GeoJSON sources, set again only when their data changes. Not
	// before the first colours: the one maplibre worker would tile them ahead of the LSOA tiles.
	let practicesShown = false;
	let table: PracticeTable | null = null;
	let members: ReadonlySet<string> = new Set();
	let highlight: MapHighlight = NO_HIGHLIGHT;
	let drawnPractices: Marks | null = null;
	let drawnMarks = '';
	let practicesQueued = false;
	const overlayInput = () => ({ table, members, view, englandRate: ctx.englandRate, highlight });
	const renderPractices = () => {
		if (!styleLoaded || !practicesShown) return;
		const marks = practiceMarks(overlayInput());
		const marksJson = JSON.stringify(marks);
		if (marksJson !== drawnMarks) {
			drawnMarks = marksJson;
			(map.getSource(MARK_SOURCE) as maplibregl.GeoJSONSource).setData(marks);
		}
		// The points after the next frame: a filter change draws the neighbourhoods' new colours first.
		if (practicesQueued) return;
		practicesQueued = true;
		requestAnimationFrame(() =>
			setTimeout(() => {
				practicesQueued = false;
				const practices = practicePoints(overlayInput());
				if (practices === drawnPractices) return;
				// As a data URL that maplibre's worker fetches and parses: handed the object, maplibre copies
				// its 7,488 features for the worker itself, which took ~170 ms of the page's thread in a profile.
				drawnPractices = practices;
				const url = 'data:application/json,' + encodeURIComponent(JSON.stringify(practices));
				(map.getSource(PRACTICE_SOURCE) as maplibregl.GeoJSONSource).setData(url);
			})
		);
	};

	// ---- camera and interaction
	map.on('moveend', () => {
		const c = map.getCenter();
		cb.onMove([c.lng, c.lat], map.getZoom());
	});
	const outlines = createAreaHighlight(map);
	attachInteraction(
		map,
		{ view: () => view, practice: (code) => table?.byCode.get(code) ?? null, hoverArea: outlines.setHover },
		cb
	);

	// ---- first paint: the first idle after the LSOA source has tiles on screen
	let painted = false;
	map.on('idle', () => {
		if (painted || !map.isSourceLoaded('lsoa')) return;
		painted = true;
		const at = performance.now();
		instrument?.painted(at);
		cb.onPainted(at);
		// Then, a step a frame, each with at most one new shader program (in software WebGL the frame that
		// first uses one waits 100–500 ms for the GPU process's queued frames): the practices, the base map's land and lines, the
		// labels, and last everything on the LSOA source in one step: its edges, the masks and every
		// other measure's layers (so that switching is instant). Only the layers the view shows; one
		// already shown stays as it is. Each change on the LSOA source lays its tiles out again in the
		// worker; in one step that happens once, not three times.
		const reveal = (pick: (l: maplibregl.LayerSpecification) => boolean) => {
			for (const id of deferredLayerIds(buildStyle(inputs, shown), pick))
				if (map.getLayer(id) && map.getLayoutProperty(id, 'visibility') === 'none')
					map.setLayoutProperty(id, 'visibility', 'visible');
		};
		const practices = (l: maplibregl.LayerSpecification) => [PRACTICE_SOURCE, MARK_SOURCE].includes(sourceOf(l));
		const onLsoa = (l: maplibregl.LayerSpecification) => sourceOf(l) === 'lsoa';
		runAfterFirstColours(map, [
			() => {
				practicesShown = true;
				reveal(practices);
				renderPractices();
			},
			() => reveal((l) => !onLsoa(l) && !practices(l) && l.type !== 'symbol'),
			() => reveal((l) => l.type === 'symbol'),
			() => {
				reveal(onLsoa);
				ensureMasks(map, view);
				ensureMeasures(map, view, ctx);
			}
		]);
	});

	// Not map.isStyleLoaded(): that is false whenever tiles are loading, and re-queuing on it spins.
	let styleLoaded = false;
	const styleReady = new Promise<void>((resolve) => map.once('load', () => resolve()));
	const whenStyled = (fn: () => void) => void styleReady.then(fn);

	/** Bring the map from the view it shows to the latest view. */
	const sync = () => {
		const prev = shown;
		shown = view;
		const kind = repaintKind(prev, view);
		if (kind) instrument?.repaint(kind);
		applyView(map, prev, view, ctx);
		outlines.setSelected(selectedArea(view.selection));
		renderPractices();
	};
	whenStyled(() => {
		styleLoaded = true;
		sync();
	});

	return {
		map,
		update(next) {
			view = next;
			if (styleLoaded) sync();
		},
		setPractices(t, m) {
			table = t;
			members = m;
			whenStyled(renderPractices);
		},
		setEnglandRate(r) {
			if (r === ctx.englandRate) return;
			ctx.englandRate = r;
			whenStyled(() => {
				recolourProvision(map, r);
				renderPractices();
			});
		},
		setPlaces(places) {
			whenStyled(() =>
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
			whenStyled(() => {
				applyNetworkHighlight(map, prevNetwork, h.network, view, ctx);
				applyAreaOutline(map, h.area ?? null);
				renderPractices();
			});
		},
		flyTo(center, zoom) {
			whenStyled(() => map.flyTo({ center, zoom: zoom ?? Math.max(map.getZoom(), 11), speed: 1.6 }));
		},
		fitBounds(b) {
			const bounds: [[number, number], [number, number]] = [
				[b[0], b[1]],
				[b[2], b[3]]
			];
			whenStyled(() => map.fitBounds(bounds, { padding: 40, maxZoom: 12 }));
		},
		destroy() {
			map.remove();
		}
	};
}
