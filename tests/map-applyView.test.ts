// The one helper that applies view changes to the map, against a fake map that records every call:
// only what changed is touched (measure, filters, ICB veil, layer visibility, camera, selection).
import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import {
	applyNetworkHighlight,
	applyView,
	ensureMasks,
	ensureMeasures,
	recolourProvision,
	repaintKind,
	type ViewTarget
} from '../src/lib/map/applyView';
import { FILL_OPACITY, buildStyle, fteMaskId, imdMaskId, measureLayerId } from '../src/lib/map/style';
import { fteOutsideFilter } from '../src/lib/map/paint';
import { DEFAULT_VIEW, type ViewParams } from '../src/lib/state/url';

type Call = [string, ...unknown[]];

/** A map that knows its layers and camera and records what is done to it. */
class FakeMap implements ViewTarget {
	calls: Call[] = [];
	layers: string[];
	center = { lng: DEFAULT_VIEW.center[0], lat: DEFAULT_VIEW.center[1] };
	zoom = DEFAULT_VIEW.zoom;
	constructor(view: ViewParams = DEFAULT_VIEW, masks = false) {
		const style = buildStyle(
			{
				lsoaUrl: 'x',
				boundariesUrl: 'y',
				fontUrl: 'z',
				boundaryLayers: ['land', 'label'],
				places: [],
				englandRate: 5.5
			},
			view,
			{ masks }
		);
		this.layers = style.layers.map((l) => l.id);
	}
	getLayer(id: string) {
		return this.layers.includes(id) ? { id } : undefined;
	}
	addLayer(layer: LayerSpecification, beforeId?: string) {
		this.layers.push(layer.id);
		this.calls.push(['addLayer', layer.id, beforeId]);
	}
	setPaintProperty(id: string, name: string, value: unknown) {
		this.calls.push(['setPaintProperty', id, name, value]);
	}
	setFilter(id: string, filter: unknown) {
		this.calls.push(['setFilter', id, filter]);
	}
	setLayoutProperty(id: string, name: string, value: unknown) {
		this.calls.push(['setLayoutProperty', id, name, value]);
	}
	getLayersOrder() {
		return [...this.layers];
	}
	getCenter() {
		return this.center;
	}
	getZoom() {
		return this.zoom;
	}
	jumpTo(o: { center: [number, number]; zoom: number }) {
		this.calls.push(['jumpTo', o.center, o.zoom]);
	}
	named(name: string) {
		return this.calls.filter((c) => c[0] === name);
	}
}

const ctx = { englandRate: 5.5, boundaryLayers: ['land', 'label', 'icb', 'network'] };
const view = (over: Partial<ViewParams> = {}): ViewParams => ({ ...DEFAULT_VIEW, ...over });

describe('applyView', () => {
	it('touches nothing when nothing changed (a new object with the same values included)', () => {
		const map = new FakeMap();
		applyView(map, view(), view({ layers: [...DEFAULT_VIEW.layers], imd: [1, 10] }), ctx);
		expect(map.calls).toEqual([]);
	});

	it('measure: adds the missing measure layer once, then swaps opacity (neighbourhoods at every zoom)', () => {
		const map = new FakeMap();
		applyView(map, view(), view({ measure: 'hea' }), ctx);
		expect(map.named('addLayer')).toEqual([['addLayer', measureLayerId('hea', 'lsoa'), 'masks-anchor']]);
		expect(map.named('setPaintProperty')).toEqual([
			['setPaintProperty', 'fill-imd-lsoa', 'fill-opacity', 0],
			['setPaintProperty', 'fill-hea-lsoa', 'fill-opacity', FILL_OPACITY]
		]);
		map.calls = [];
		applyView(map, view({ measure: 'hea' }), view(), ctx);
		expect(map.named('addLayer')).toEqual([]);
		expect(map.named('setPaintProperty')).toHaveLength(2);
	});

	it('IMD filter: adds the masks if absent and sets each decile mask opacity; provision mask untouched', () => {
		const map = new FakeMap();
		const next = view({ imd: [1, 3] });
		applyView(map, view(), next, ctx);
		expect(map.named('addLayer').map((c) => c[1])).toContain(imdMaskId(1, 'lsoa'));
		const opacities = map.named('setPaintProperty');
		expect(opacities).toHaveLength(10);
		expect(opacities).toContainEqual(['setPaintProperty', imdMaskId(3, 'lsoa'), 'fill-opacity', 0]);
		expect(opacities).toContainEqual(['setPaintProperty', imdMaskId(4, 'lsoa'), 'fill-opacity', 1]);
		expect(map.named('setFilter')).toEqual([]);
		// Masks already there: not added again.
		map.calls = [];
		applyView(map, next, view({ imd: [2, 10] }), ctx);
		expect(map.named('addLayer')).toEqual([]);
	});

	it('provision filter: the mask filter and its visibility follow the range', () => {
		const map = new FakeMap(DEFAULT_VIEW, true);
		const next = view({ fte: [4, null] });
		applyView(map, view(), next, ctx);
		expect(map.named('setFilter')).toEqual([['setFilter', fteMaskId('lsoa'), fteOutsideFilter(next)]]);
		expect(map.named('setLayoutProperty')).toEqual([['setLayoutProperty', fteMaskId('lsoa'), 'visibility', 'visible']]);
		map.calls = [];
		applyView(map, next, view(), ctx);
		expect(map.named('setFilter')[0]).toEqual(['setFilter', fteMaskId('lsoa'), ['boolean', false]]);
		expect(map.named('setLayoutProperty')[0]).toEqual(['setLayoutProperty', fteMaskId('lsoa'), 'visibility', 'none']);
	});

	it('ICB: veils everything outside the chosen ICB, and lifts the veil', () => {
		const map = new FakeMap();
		applyView(map, view(), view({ icb: 'E54000054' }), ctx);
		expect(map.calls).toEqual([
			['setFilter', 'icb-veil', ['!=', ['get', 'code'], 'E54000054']],
			['setLayoutProperty', 'icb-veil', 'visibility', 'visible']
		]);
		map.calls = [];
		applyView(map, view({ icb: 'E54000054' }), view(), ctx);
		expect(map.calls).toEqual([
			['setFilter', 'icb-veil', ['!=', ['get', 'code'], '']],
			['setLayoutProperty', 'icb-veil', 'visibility', 'none']
		]);
	});

	it('layers: only the toggled layers change visibility', () => {
		const map = new FakeMap();
		applyView(map, view(), view({ layers: ['lsoa', 'practices', 'icb', 'network'] }), ctx);
		expect(map.calls).toEqual([
			['setLayoutProperty', 'place-town', 'visibility', 'none'],
			['setLayoutProperty', 'place-city', 'visibility', 'none'],
			['setLayoutProperty', 'network-line', 'visibility', 'visible'],
			['setLayoutProperty', 'network-fill', 'visibility', 'visible'],
			['setLayoutProperty', 'network-casing', 'visibility', 'visible'],
			['setLayoutProperty', 'network-label', 'visibility', 'visible']
		]);
		map.calls = [];
		applyView(map, view(), view({ layers: ['practices', 'labels', 'icb'] }), ctx);
		const ids = map.calls.map((c) => c[1]);
		expect(ids).toContain('fill-imd-lsoa');
		expect(ids).toContain('lsoa-edge');
		expect(map.calls.every((c) => c[3] === 'none')).toBe(true);
	});

	it('camera: jumps when the view asks for a new camera, not when the map moved by itself', () => {
		const map = new FakeMap();
		applyView(map, view(), view({ center: [-1.55, 53.8], zoom: 10 }), ctx);
		expect(map.calls).toEqual([['jumpTo', [-1.55, 53.8], 10]]);
		// The map is already where the view asks (a drag reported back through onMove).
		map.calls = [];
		map.center = { lng: -2, lat: 53 };
		map.zoom = 9;
		applyView(map, view(), view({ center: [-2, 53], zoom: 9 }), ctx);
		expect(map.calls).toEqual([]);
		// A flyTo or fitBounds under way: the view's camera is unchanged, so the map is left alone.
		map.center = { lng: -1.2, lat: 52.1 };
		applyView(map, view({ center: [-2, 53], zoom: 9 }), view({ center: [-2, 53], zoom: 9, measure: 'hea' }), ctx);
		expect(map.named('jumpTo')).toEqual([]);
	});

	it('leaves the selection to the outlines (areaHighlight): a new selection touches no layer', () => {
		const map = new FakeMap();
		applyView(map, view(), view({ selection: { kind: 'lsoa', code: 'E01000001' } }), ctx);
		expect(map.calls).toEqual([]);
	});

	it('names the repaint a change causes (for the benchmark)', () => {
		expect(repaintKind(view(), view({ measure: 'hea' }))).toBe('measure');
		expect(repaintKind(view(), view({ imd: [1, 2] }))).toBe('filter');
		expect(repaintKind(view(), view({ fte: [null, 6] }))).toBe('filter');
		expect(repaintKind(view(), view({ icb: 'E54000054', zoom: 9 }))).toBeNull();
	});
});

describe('map helpers around the view', () => {
	it('adds every measure and the masks after the first paint, once', () => {
		const map = new FakeMap();
		ensureMeasures(map, view(), ctx);
		ensureMasks(map, view());
		const added = map.named('addLayer').length;
		expect(added).toBe(9 + 11); // the other nine measures, ten decile masks and the provision mask
		ensureMeasures(map, view(), ctx);
		ensureMasks(map, view());
		expect(map.named('addLayer')).toHaveLength(added);
	});

	it('recolours only the provision layers when the England rate changes', () => {
		const map = new FakeMap(view({ measure: 'fte' }));
		recolourProvision(map, 6);
		expect(map.calls.map((c) => [c[1], c[2]])).toEqual([['fill-fte-lsoa', 'fill-color']]);
	});

	it("a journey's network: only its footprint, switched on; then back to the layer toggle", () => {
		const map = new FakeMap();
		applyNetworkHighlight(map, null, 'yorkshire_humber', view(), ctx);
		const only = ['==', ['get', 'code'], 'yorkshire_humber'];
		expect(map.named('setFilter')).toContainEqual(['setFilter', 'network-line', only]);
		expect(map.named('setLayoutProperty')).toContainEqual([
			'setLayoutProperty',
			'network-line',
			'visibility',
			'visible'
		]);
		map.calls = [];
		applyNetworkHighlight(map, 'yorkshire_humber', 'yorkshire_humber', view(), ctx);
		expect(map.calls).toEqual([]);
		applyNetworkHighlight(map, 'yorkshire_humber', null, view(), ctx);
		expect(map.named('setFilter')).toContainEqual(['setFilter', 'network-line', null]);
		expect(map.named('setLayoutProperty')).toContainEqual(['setLayoutProperty', 'network-line', 'visibility', 'none']);
	});
});
