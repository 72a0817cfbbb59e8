// The practice marks: which practices the filters keep, their size (area ∝ list size), colour (by
// the chosen practice measure) and outline (Deep End network estimated members). Plain functions;
// practiceOverlay.ts turns them into the map's data and practiceMarkLayers.ts into its paint.
import { cssRgba, toRgba, type MeasureScale } from '$lib/domain/scales';
import type { AppPractice } from '$lib/data/practices';
import type { ViewParams } from '$lib/state/url';
import { practiceMeasure, practiceScale } from './measures';

/** Radius in pixels of a practice with 10,000 patients at zoom 6; area grows in proportion to list size. */
export const BASE_RADIUS_PX = 2.6;
export const REFERENCE_LIST = 10_000;

export function practiceRadius(patients: number | null): number {
	const n = patients !== null && patients > 0 ? patients : 1_000;
	return BASE_RADIUS_PX * Math.sqrt(n / REFERENCE_LIST);
}

/**
 * Marks grow with zoom, slower than the map, so that neither cities nor streets drown in circles.
 * Below zoom 7 they shrink faster (×0.59 a zoom level), so that at national zoom the ~6,200 marks
 * leave the neighbourhoods' colours readable between them.
 */
export function radiusScale(zoom: number): number {
	const k = zoom >= 7 ? 0.5 : 0.75;
	return Math.min(5, Math.max(0.3, 2 ** ((zoom - 7) * k)));
}

/**
 * Opacity of the practice marks: at national and regional zoom (5–8) the neighbourhood colours show
 * through them (0.55 at zoom 5 and below, rising to 1 at zoom 8); every practice stays drawn and
 * clickable at every zoom, and the Practices list and Find name them.
 */
export function practiceOpacity(zoom: number): number {
	return Math.min(1, Math.max(0.55, 0.55 + ((zoom - 5) * 0.45) / 3));
}

/** Smallest radius in pixels: a list of any size stays a visible dot. */
export const minRadius = (zoom: number) => (zoom < 7 ? 0.9 : 1.2);

/** Outlines thin out below zoom 9 (to 0.45 of their width at zoom 6 and below). */
export function lineWidthScale(zoom: number): number {
	return Math.min(1, Math.max(0.45, (zoom - 4) / 5));
}

export function keepsPractice(p: AppPractice, v: Pick<ViewParams, 'imd' | 'fte' | 'icb'>): boolean {
	if (p.lat === null || p.lon === null) return false;
	if (v.icb && p.icbCode !== v.icb) return false;
	if (v.imd[0] > 1 || v.imd[1] < 10) {
		if (p.imdDecile === null || p.imdDecile < v.imd[0] || p.imdDecile > v.imd[1]) return false;
	}
	if (v.fte[0] !== null || v.fte[1] !== null) {
		const r = p.gpFtePer10kWeighted;
		if (r === null) return false;
		if (v.fte[0] !== null && r < v.fte[0]) return false;
		if (v.fte[1] !== null && r > v.fte[1]) return false;
	}
	return true;
}

export function visiblePractices(
	all: readonly AppPractice[],
	v: Pick<ViewParams, 'imd' | 'fte' | 'icb'>
): AppPractice[] {
	// Big lists first, so small practices draw on top and stay clickable.
	return all.filter((p) => keepsPractice(p, v)).sort((a, b) => (b.patients ?? 0) - (a.patients ?? 0));
}

/** A practice's paint as CSS colours (the map reads them from each point's properties). */
export interface PracticeStyle {
	scale: MeasureScale;
	fill: (p: AppPractice) => string;
	line: (p: AppPractice) => string;
	lineWidth: (p: AppPractice) => number;
}

const MEMBER_LINE = cssRgba([17, 17, 17, 255]);
const PLAIN_LINE = cssRgba([255, 255, 255, 220]);

export function practiceStyle(
	v: Pick<ViewParams, 'practiceMeasure'>,
	englandRate: number,
	members: ReadonlySet<string>
): PracticeStyle {
	const m = practiceMeasure(v.practiceMeasure);
	const scale = practiceScale(m, englandRate);
	const cache = new Map<string, string>();
	return {
		scale,
		fill: (p) => {
			const c = scale.colour(p[m.field] as number | null);
			let css = cache.get(c);
			if (!css) cache.set(c, (css = cssRgba(toRgba(c, 240))));
			return css;
		},
		line: (p) => (members.has(p.code) ? MEMBER_LINE : PLAIN_LINE),
		lineWidth: (p) => (members.has(p.code) ? 2 : 0.6)
	};
}
