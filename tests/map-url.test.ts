import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, filtersActive, parseView, serializeView, type ViewParams } from '../src/lib/state/url';

const roundTrip = (v: ViewParams) => parseView(new URLSearchParams(serializeView(v).toString()));

describe('view URL', () => {
	it('the default view round-trips and stays short', () => {
		const s = serializeView(DEFAULT_VIEW).toString();
		expect(s).toBe('c=-1.9%2C52.9&z=5.6');
		expect(roundTrip(DEFAULT_VIEW)).toEqual(DEFAULT_VIEW);
	});

	it('a full view round-trips: centre, zoom, layers, measures, filters, selection, panel, mode', () => {
		const v: ViewParams = {
			center: [-1.5491, 53.8008],
			zoom: 10.25,
			measure: 'hea',
			practiceMeasure: 'share15',
			layers: ['lsoa', 'practices', 'network', 'sicbl'],
			imd: [1, 3],
			fte: [2.5, null],
			icb: 'E54000054',
			selection: { kind: 'practice', code: 'B86001' },
			panel: 'sources',
			mode: 'recruit',
			extra: { network: 'yh' }
		};
		const back = roundTrip(v);
		expect(back).toEqual({ ...v, layers: ['lsoa', 'practices', 'sicbl', 'network'] });
	});

	it('selections of each kind round-trip', () => {
		for (const selection of [
			{ kind: 'lsoa', code: 'E01011365' },
			{ kind: 'lad', code: 'E08000035' }
		] as const) {
			expect(roundTrip({ ...DEFAULT_VIEW, selection }).selection).toEqual(selection);
		}
	});

	it('ignores values it cannot read and keeps the defaults', () => {
		const v = parseView(
			new URLSearchParams('c=abc,1&z=99&m=nope&pm=x&imd=7-2&fte=-1-3&icb=<script>&sel=q:X1&panel=evil&mode=DROP TABLE')
		);
		expect(v).toEqual(DEFAULT_VIEW);
	});

	it('an empty layer list hides everything (not the defaults)', () => {
		expect(parseView(new URLSearchParams('l=')).layers).toEqual([]);
		expect(serializeView({ ...DEFAULT_VIEW, layers: [] }).get('l')).toBe('');
	});

	it('open-ended FTE ranges', () => {
		expect(parseView(new URLSearchParams('fte=-5.5')).fte).toEqual([null, 5.5]);
		expect(parseView(new URLSearchParams('fte=4-')).fte).toEqual([4, null]);
		expect(serializeView({ ...DEFAULT_VIEW, fte: [null, 5.5] }).get('fte')).toBe('-5.5');
	});

	it('filtersActive', () => {
		expect(filtersActive(DEFAULT_VIEW)).toBe(false);
		expect(filtersActive({ ...DEFAULT_VIEW, imd: [1, 2] })).toBe(true);
		expect(filtersActive({ ...DEFAULT_VIEW, fte: [null, 4] })).toBe(true);
		expect(filtersActive({ ...DEFAULT_VIEW, icb: 'E54000050' })).toBe(true);
	});
});
