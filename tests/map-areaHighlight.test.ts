import { describe, expect, it, vi } from 'vitest';
import { area, union } from '@turf/turf';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { FeatureCollection, Polygon } from 'geojson';
import {
	areaShape,
	createAreaHighlight,
	outlineData,
	selectedArea,
	type AreaPiece
} from '../src/lib/map/areaHighlight';

// A square of the given corners, as a tile piece at zoom z.
const square = (x0: number, y0: number, x1: number, y1: number, z = 10): AreaPiece => ({
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[x0, y0],
				[x1, y0],
				[x1, y1],
				[x0, y1],
				[x0, y0]
			]
		]
	},
	_z: z
});

describe('areaShape: one area from its pieces in the tiles', () => {
	it('merges pieces cut at a tile edge (overlapping in the tiles’ buffer) into one polygon with no seam', () => {
		// The area is [0, 2] × [0, 1]; the tile edge is at x = 1, each piece runs 0.1 into the other tile.
		const shape = areaShape([square(0, 0, 1.1, 1), square(0.9, 0, 2, 1)], union)!;
		expect(shape.geometry.type).toBe('Polygon');
		const ring = (shape.geometry as Polygon).coordinates[0];
		// The four corners and the closing point: no vertex left on the cut.
		expect(ring).toHaveLength(5);
		expect(ring.every(([x]) => x === 0 || x === 2)).toBe(true);
		const whole = areaShape([square(0, 0, 2, 1)], union)!;
		expect(area(shape)).toBeCloseTo(area(whole), 0);
	});

	it('uses only the most detailed tiles: a coarser parent still on screen is left out', () => {
		const shape = areaShape([square(0, 0, 1, 1, 10), square(-5, -5, 5, 5, 8)], union)!;
		expect((shape.geometry as Polygon).coordinates[0]).toEqual(square(0, 0, 1, 1).geometry.coordinates![0 as never]);
	});

	it('gives none when the area is in no loaded tile, or only as lines or points', () => {
		expect(areaShape([], union)).toBeNull();
		expect(areaShape([{ geometry: { type: 'Point', coordinates: [0, 0] } }], union)).toBeNull();
	});
});

describe('outlineData', () => {
	const a = areaShape([square(0, 0, 1, 1)], union);
	const b = areaShape([square(2, 2, 3, 3)], union);
	it('draws the selected area over the hovered one, each with its role', () => {
		const fc = outlineData({ hover: a, selected: b }, false);
		expect(fc.features.map((f) => f.properties?.role)).toEqual(['hover', 'selected']);
	});
	it('leaves the hover out when the pointer is over the selected area', () => {
		expect(outlineData({ hover: a, selected: a }, true).features.map((f) => f.properties?.role)).toEqual(['selected']);
	});
	it('is empty when nothing is hovered or selected', () => {
		expect(outlineData({ hover: null, selected: null }, false).features).toEqual([]);
	});
});

describe('selectedArea', () => {
	it('outlines a selected neighbourhood; not a practice, nor an authority (the map draws no authority layer)', () => {
		expect(selectedArea({ kind: 'lsoa', code: 'E01000001' })).toEqual({ sourceLayer: 'lsoa', id: 'E01000001' });
		expect(selectedArea({ kind: 'practice', code: 'B86001' })).toBeNull();
		expect(selectedArea({ kind: 'lad', code: 'E08000035' })).toBeNull();
		expect(selectedArea(null)).toBeNull();
	});
});

describe('createAreaHighlight', () => {
	// The few maplibre methods it uses: the outline source, the LSOA tiles' features, and `idle`.
	function fakeMap(pieces: Record<string, AreaPiece[]>) {
		const data: FeatureCollection[] = [];
		const idle: (() => void)[] = [];
		const map = {
			getSource: () => ({ setData: (d: FeatureCollection) => data.push(d) }),
			querySourceFeatures: (_s: string, o: { filter: [string, unknown, string] }) => pieces[o.filter[2]] ?? [],
			on: (_e: string, fn: () => void) => idle.push(fn)
		};
		return { map: map as unknown as MaplibreMap, data, idle: () => idle.forEach((f) => f()) };
	}

	it('draws the hovered area once turf has loaded, redraws only when the area or its pieces change, and clears it', async () => {
		const pieces: Record<string, AreaPiece[]> = { E01000001: [square(0, 0, 1.1, 1), square(0.9, 0, 2, 1)] };
		const { map, data, idle } = fakeMap(pieces);
		const h = createAreaHighlight(map, async () => union);
		h.setHover({ sourceLayer: 'lsoa', id: 'E01000001' });
		expect(data).toHaveLength(0);
		await vi.waitFor(() => expect(data).toHaveLength(1));
		expect(data[0].features[0].geometry.type).toBe('Polygon');
		h.setHover({ sourceLayer: 'lsoa', id: 'E01000001' });
		idle();
		expect(data).toHaveLength(1);
		// The map zoomed in: the area's pieces now come from more detailed tiles.
		pieces.E01000001 = [square(0, 0, 2, 1, 12)];
		idle();
		expect(data).toHaveLength(2);
		h.setHover(null);
		expect(data[2].features).toEqual([]);
	});

	it('keeps the selection outlined while the pointer moves over other areas', async () => {
		const { map, data } = fakeMap({ A: [square(0, 0, 1, 1)], B: [square(2, 0, 3, 1)] });
		const h = createAreaHighlight(map, async () => union);
		h.setSelected({ sourceLayer: 'lsoa', id: 'A' });
		await vi.waitFor(() => expect(data).toHaveLength(1));
		h.setHover({ sourceLayer: 'lsoa', id: 'B' });
		expect(data.at(-1)!.features.map((f) => f.properties?.role)).toEqual(['hover', 'selected']);
		h.setHover({ sourceLayer: 'lsoa', id: 'A' });
		expect(data.at(-1)!.features.map((f) => f.properties?.role)).toEqual(['selected']);
	});
});
