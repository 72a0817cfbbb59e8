// The small SVG maps' geometry, worked by hand: Web Mercator pixels, tile ranges, zoom to fit, paths.
import { describe, expect, it } from 'vitest';
import { pad, project, ringsToPath, tilesFor, viewBoxOf, zoomToFit } from '../src/lib/briefs/svgMap';

describe('Web Mercator pixels', () => {
	it('puts (0, 0) at the centre of the world and the antimeridian at its edge', () => {
		expect(project(0, 0, 0)).toEqual([128, 128]);
		expect(project(-180, 0, 1)[0]).toBe(0);
		expect(project(180, 0, 1)[0]).toBe(512);
		// Latitude 85.0511° is the top edge of the square world.
		expect(project(0, 85.0511287798, 0)[1]).toBeCloseTo(0, 4);
	});
	it('finds the tiles covering England at zoom 5: x 15–16 (15.49, 16.16), y 9–10 (9.99, 10.86)', () => {
		const t = tilesFor([-5.75, 49.95, 1.77, 55.82], 5);
		expect(t).toEqual([
			[15, 9],
			[15, 10],
			[16, 9],
			[16, 10]
		]);
	});
	it('zooms to fit: a 1° wide box at the equator is 0.71 px at zoom 0, so 2^9 fits 400 px', () => {
		// 256 / 360 = 0.711 px per degree at z0; 400 / 0.711 = 562 → floor(log2 562) = 9.
		expect(zoomToFit([0, -0.1, 1, 0.1], 400, 0, 12)).toBe(9);
		expect(zoomToFit([0, -0.1, 1, 0.1], 400, 0, 8)).toBe(8);
	});
});

describe('paths', () => {
	it('scales tile coordinates into zoom pixels and closes each ring; drops degenerate rings', () => {
		const d = ringsToPath(
			[
				[
					{ x: 0, y: 0 },
					{ x: 4096, y: 0 },
					{ x: 4096, y: 2048 }
				],
				[{ x: 1, y: 1 }]
			],
			2,
			3,
			4096
		);
		expect(d).toBe('M512.0 768.0L768.0 768.0L768.0 896.0Z');
	});
	it('pads boxes and gives the view box', () => {
		expect(pad([0, 0, 10, 10], 0.1)).toEqual([-1, -1, 11, 11]);
		// A single point still gets a box (at least 0.05° × 0.03° each side).
		expect(pad([1, 50, 1, 50], 0.1)).toEqual([0.95, 49.97, 1.05, 50.03]);
		const [x, y, w, h] = viewBoxOf([-180, -85.0511287798, 180, 85.0511287798], 0);
		expect(x).toBeCloseTo(0, 6);
		expect(y).toBeCloseTo(0, 3);
		expect(w).toBeCloseTo(256, 6);
		expect(h).toBeCloseTo(256, 3);
	});
});
