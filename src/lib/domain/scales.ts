// Colour scales for the atlas's measures, built with d3-scale from colour-blind-safe ColorBrewer and
// viridis-family palettes. Pure (no DOM): the map turns a scale into maplibre paint expressions and
// the practices' colours; the legend draws its swatches and ticks from the same scale, so they cannot differ.
import { scaleDiverging, scaleLinear, scaleOrdinal, scaleSequential } from 'd3-scale';
import { interpolatePuOr, interpolateYlGnBu } from 'd3-scale-chromatic';

export type Rgba = [number, number, number, number];

/** Colour for "no data" (no patients attributed, FTE not reported): neutral, distinct from every palette colour. */
export const NO_DATA_COLOUR = '#d4d1cc';

export interface DecileScale {
	kind: 'decile';
	/** Colour of decile 1..10; index 0 = decile 1 = most deprived = the strong end. */
	colours: string[];
	colour(decile: number | null | undefined): string;
}

export interface ContinuousScale {
	kind: 'sequential' | 'diverging';
	/** [low, high] or [low, midpoint, high]; values outside are clamped. */
	domain: number[];
	colour(value: number | null | undefined): string;
	/** Evenly spaced value/colour pairs from low to high, for interpolating expressions and gradient legends. */
	stops(count?: number): [number, string][];
	/** Round values for the legend's tick marks. */
	ticks(count?: number): number[];
}

export type MeasureScale = DecileScale | ContinuousScale;

/**
 * ColorBrewer YlGnBu, reversed so that decile 1 (most deprived) is the darkest navy and decile 10
 * the palest yellow.
 */
export function decileScale(): DecileScale {
	// Decile 1 at t = 1 (darkest navy), decile 10 at t = 0.06 (pale yellow, still distinct from white).
	const colours = Array.from({ length: 10 }, (_, i) => toHex(interpolateYlGnBu(1 - (i / 9) * 0.94)));
	const scale = scaleOrdinal<number, string>().domain([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).range(colours);
	return {
		kind: 'decile',
		colours,
		colour: (d) =>
			d === null || d === undefined || !Number.isInteger(d) || d < 1 || d > 10 ? NO_DATA_COLOUR : scale(d)
	};
}

/**
 * Sequential scale where high values are the strong (dark) end: for deprivation scores and shares.
 */
export function sequentialScale(low: number, high: number): ContinuousScale {
	const scale = scaleSequential(interpolateYlGnBu).domain([low, high]).clamp(true);
	return continuous(
		'sequential',
		[low, high],
		(v) => scale(v),
		(count = 5) => scaleLinear().domain([low, high]).ticks(count)
	);
}

/**
 * Diverging scale for provision: low values (fewer GPs for the need) are the strong orange end,
 * `mid` (the England rate) is near white, high values purple. ColorBrewer PuOr is colour-blind safe.
 */
export function divergingScale(low: number, mid: number, high: number): ContinuousScale {
	// d3's interpolatePuOr runs purple (t = 0) to orange (t = 1); flipped so that low = orange.
	const scale = scaleDiverging((t: number) => interpolatePuOr(1 - t))
		.domain([low, mid, high])
		.clamp(true);
	const ticks = (count = 5) => scaleLinear().domain([low, high]).ticks(count);
	return continuous('diverging', [low, mid, high], (v) => scale(v), ticks);
}

function continuous(
	kind: 'sequential' | 'diverging',
	domain: number[],
	raw: (v: number) => string,
	ticks: (count?: number) => number[]
): ContinuousScale {
	const low = domain[0];
	const high = domain[domain.length - 1];
	return {
		kind,
		domain,
		colour: (v) => (v === null || v === undefined || !Number.isFinite(v) ? NO_DATA_COLOUR : toHex(raw(v))),
		stops(count = 9) {
			const out: [number, string][] = [];
			for (let i = 0; i < count; i++) {
				const v = low + ((high - low) * i) / (count - 1);
				out.push([round6(v), toHex(raw(v))]);
			}
			return out;
		},
		ticks: (count = 5) => ticks(count).filter((t) => t >= low && t <= high)
	};
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** Parse '#rgb', '#rrggbb' or 'rgb(r, g, b)' into an RGBA array (alpha 0–255). */
export function toRgba(colour: string, alpha = 255): Rgba {
	const c = colour.trim();
	let m = /^#([0-9a-f]{6})$/i.exec(c);
	if (m) {
		const n = parseInt(m[1], 16);
		return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
	}
	m = /^#([0-9a-f]{3})$/i.exec(c);
	if (m) {
		const [r, g, b] = m[1].split('').map((h) => parseInt(h + h, 16));
		return [r, g, b, alpha];
	}
	m = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i.exec(c);
	if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
	throw new Error(`Not a colour: ${colour}`);
}

/** An RGBA array (alpha 0–255) as a CSS colour, for maplibre's paint. */
export function cssRgba([r, g, b, a]: Rgba): string {
	return `rgba(${r},${g},${b},${Math.round((a / 255) * 1000) / 1000})`;
}

/** '#rrggbb' for any colour string toRgba reads. */
export function toHex(colour: string): string {
	const [r, g, b] = toRgba(colour);
	return '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
}

/** Relative luminance (WCAG), to pick dark or light text over a swatch. */
export function luminance(colour: string): number {
	const [r, g, b] = toRgba(colour).map((v) => {
		const s = v / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
