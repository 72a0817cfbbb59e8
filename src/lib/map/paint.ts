// Maplibre expressions built from the view: LSOA colour by measure, with the filters folded in.
// Plain functions of plain data, so the tests can check them without a browser.
import type { ExpressionSpecification } from 'maplibre-gl';
import { NO_DATA_COLOUR, type MeasureScale } from '$lib/domain/scales';
import type { LsoaMeasure } from './measures';
import type { ViewParams } from '$lib/state/url';

/** Areas the filters leave out: pale, so the kept areas stand out while the shape of England stays. */
export const FILTERED_OUT_COLOUR = '#ebe9e4';

export const FTE_PROPERTY = 'gp_fte_10k';
export const IMD_DECILE_PROPERTY = 'imd_decile';

/** Colour for a feature's value of `property` under `scale`; features without a number get the no-data colour. */
export function colourExpression(property: string, scale: MeasureScale): ExpressionSpecification {
	if (scale.kind === 'decile') {
		const pairs = scale.colours.flatMap((c, i) => [i + 1, c]);
		return ['match', ['get', property], ...pairs, NO_DATA_COLOUR] as unknown as ExpressionSpecification;
	}
	const stops = scale.stops(11).flatMap(([v, c]) => [v, c]);
	return [
		'case',
		['==', ['typeof', ['get', property]], 'number'],
		['interpolate', ['linear'], ['get', property], ...stops],
		NO_DATA_COLOUR
	] as unknown as ExpressionSpecification;
}

/** True for features the filters keep, or null when no filter applies to areas. */
export function lsoaFilterExpression(v: Pick<ViewParams, 'imd' | 'fte'>): ExpressionSpecification | null {
	const parts: ExpressionSpecification[] = [];
	if (v.imd[0] > 1 || v.imd[1] < 10) {
		parts.push(['>=', ['to-number', ['get', IMD_DECILE_PROPERTY], 0], v.imd[0]]);
		parts.push(['<=', ['to-number', ['get', IMD_DECILE_PROPERTY], 99], v.imd[1]]);
	}
	if (v.fte[0] !== null || v.fte[1] !== null) {
		// Areas without an attributed rate cannot meet a provision filter.
		parts.push(['==', ['typeof', ['get', FTE_PROPERTY]], 'number']);
		if (v.fte[0] !== null) parts.push(['>=', ['to-number', ['get', FTE_PROPERTY], -1], v.fte[0]]);
		if (v.fte[1] !== null) parts.push(['<=', ['to-number', ['get', FTE_PROPERTY], 1e9], v.fte[1]]);
	}
	if (parts.length === 0) return null;
	return parts.length === 1 ? parts[0] : (['all', ...parts] as ExpressionSpecification);
}

/** The fill colour of the LSOA (and coarse local-authority) layers for this view. */
export function lsoaFillColour(
	measure: LsoaMeasure,
	scale: MeasureScale,
	v: Pick<ViewParams, 'imd' | 'fte'>
): ExpressionSpecification {
	const colour = colourExpression(measure.property, scale);
	const keep = lsoaFilterExpression(v);
	return keep ? (['case', keep, colour, FILTERED_OUT_COLOUR] as ExpressionSpecification) : colour;
}

/** True for features the provision filter leaves out (no rate, or outside the range); null when no such filter. */
export function fteOutsideFilter(v: Pick<ViewParams, 'fte'>): ExpressionSpecification | null {
	if (v.fte[0] === null && v.fte[1] === null) return null;
	const parts: ExpressionSpecification[] = [['!=', ['typeof', ['get', FTE_PROPERTY]], 'number']];
	if (v.fte[0] !== null) parts.push(['<', ['to-number', ['get', FTE_PROPERTY], -1], v.fte[0]]);
	if (v.fte[1] !== null) parts.push(['>', ['to-number', ['get', FTE_PROPERTY], 1e9], v.fte[1]]);
	return ['any', ...parts] as ExpressionSpecification;
}

/** Does any filter pale areas (as opposed to ICB, which veils with the boundary layer)? */
export function filtersOnAreas(v: Pick<ViewParams, 'imd' | 'fte'>): boolean {
	return v.imd[0] > 1 || v.imd[1] < 10 || v.fte[0] !== null || v.fte[1] !== null;
}
