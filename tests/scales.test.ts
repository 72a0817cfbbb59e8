import { describe, expect, it } from 'vitest';
import {
	NO_DATA_COLOUR,
	decileScale,
	divergingScale,
	luminance,
	sequentialScale,
	toHex,
	toRgba
} from '../src/lib/domain/scales';

describe('decileScale', () => {
	const s = decileScale();
	it('has ten distinct colours, decile 1 darkest', () => {
		expect(s.colours).toHaveLength(10);
		expect(new Set(s.colours).size).toBe(10);
		const lum = s.colours.map(luminance);
		for (let i = 1; i < 10; i++) expect(lum[i]).toBeGreaterThan(lum[i - 1]);
		expect(lum[0]).toBeLessThan(0.05);
		expect(lum[9]).toBeGreaterThan(0.8);
	});
	it('maps deciles to colours and anything else to no-data', () => {
		expect(s.colour(1)).toBe(s.colours[0]);
		expect(s.colour(10)).toBe(s.colours[9]);
		for (const bad of [0, 11, 2.5, null, undefined]) expect(s.colour(bad as number)).toBe(NO_DATA_COLOUR);
	});
	it('no-data colour differs from every decile colour', () => {
		expect(s.colours).not.toContain(NO_DATA_COLOUR);
	});
});

describe('sequentialScale', () => {
	const s = sequentialScale(5, 55);
	it('gets darker with higher values and clamps', () => {
		expect(luminance(s.colour(55))).toBeLessThan(luminance(s.colour(30)));
		expect(luminance(s.colour(30))).toBeLessThan(luminance(s.colour(5)));
		expect(s.colour(100)).toBe(s.colour(55));
		expect(s.colour(-3)).toBe(s.colour(5));
		expect(s.colour(null)).toBe(NO_DATA_COLOUR);
		expect(s.colour(NaN)).toBe(NO_DATA_COLOUR);
	});
	it('stops run evenly from low to high with the scale colours', () => {
		const stops = s.stops(11);
		expect(stops[0][0]).toBe(5);
		expect(stops[10][0]).toBe(55);
		expect(stops[5]).toEqual([30, s.colour(30)]);
	});
	it('ticks are round numbers inside the domain', () => {
		expect(s.ticks(5)).toEqual([10, 20, 30, 40, 50]);
	});
});

describe('divergingScale', () => {
	const s = divergingScale(2.5, 5.5, 8.5);
	it('is pale at the midpoint and strong at both ends', () => {
		expect(luminance(s.colour(5.5))).toBeGreaterThan(0.85);
		expect(luminance(s.colour(2.5))).toBeLessThan(0.3);
		expect(luminance(s.colour(8.5))).toBeLessThan(0.1);
	});
	it('low values are orange (red > blue), high values purple (blue > red)', () => {
		const [r1, , b1] = toRgba(s.colour(3));
		const [r2, , b2] = toRgba(s.colour(8));
		expect(r1).toBeGreaterThan(b1);
		expect(b2).toBeGreaterThan(r2);
	});
});

describe('colour parsing', () => {
	it('reads hex and rgb()', () => {
		expect(toRgba('#ff8000')).toEqual([255, 128, 0, 255]);
		expect(toRgba('#f80', 10)).toEqual([255, 136, 0, 10]);
		expect(toRgba('rgb(1, 2, 3)')).toEqual([1, 2, 3, 255]);
		expect(toHex('rgb(255, 0, 16)')).toBe('#ff0010');
		expect(() => toRgba('blue')).toThrow(/Not a colour/);
	});
});
