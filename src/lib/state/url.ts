// The atlas view as URL search parameters, both ways. Pure: parse never throws (a mangled link opens
// the default view for whatever it cannot read), and serialize writes only what differs from the
// default so that links stay short.
import {
	LSOA_MEASURE_KEYS,
	PRACTICE_MEASURE_KEYS,
	type LsoaMeasureKey,
	type PracticeMeasureKey
} from '$lib/map/measures';

export const LAYER_KEYS = ['lsoa', 'practices', 'labels', 'lad', 'icb', 'sicbl', 'region', 'network'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

export type Selection =
	{ kind: 'practice'; code: string } | { kind: 'lsoa'; code: string } | { kind: 'lad'; code: string };

/** Modes (journeys) other than the map itself; the map keeps the parameter for them. */
export type Panel = 'sources' | 'list' | null;

export interface ViewParams {
	center: [number, number];
	zoom: number;
	measure: LsoaMeasureKey;
	practiceMeasure: PracticeMeasureKey;
	layers: LayerKey[];
	/** IMD decile range, inclusive, 1 = most deprived. */
	imd: [number, number];
	/** GP FTE per 10,000 weighted patients, inclusive; null = open end. */
	fte: [number | null, number | null];
	/** ICB (E54 code) the view is filtered to. */
	icb: string | null;
	selection: Selection | null;
	panel: Panel;
	/** Journey mode (issue 4: recruit, commission, find); kept as given. */
	mode: string | null;
	/** Mode-specific parameters the map does not interpret, kept so links round-trip. */
	extra: Record<string, string>;
}

export const DEFAULT_VIEW: ViewParams = {
	center: [-1.9, 52.9],
	zoom: 5.6,
	measure: 'imd',
	practiceMeasure: 'fte',
	layers: ['lsoa', 'practices', 'labels', 'icb'],
	imd: [1, 10],
	fte: [null, null],
	icb: null,
	selection: null,
	panel: null,
	mode: null,
	extra: {}
};

const KNOWN = new Set(['c', 'z', 'm', 'pm', 'l', 'imd', 'fte', 'icb', 'sel', 'panel', 'mode']);

const CODE = /^[A-Z0-9]{3,12}$/;

export function parseView(params: URLSearchParams): ViewParams {
	const v: ViewParams = structuredClone(DEFAULT_VIEW);
	const c = params.get('c');
	if (c) {
		const [lon, lat] = c.split(',').map(Number);
		if (Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 85)
			v.center = [lon, lat];
	}
	const z = Number(params.get('z'));
	if (params.has('z') && Number.isFinite(z) && z >= 0 && z <= 22) v.zoom = z;
	const m = params.get('m');
	if (m && (LSOA_MEASURE_KEYS as string[]).includes(m)) v.measure = m as LsoaMeasureKey;
	const pm = params.get('pm');
	if (pm && (PRACTICE_MEASURE_KEYS as string[]).includes(pm)) v.practiceMeasure = pm as PracticeMeasureKey;
	const l = params.get('l');
	if (l !== null) v.layers = LAYER_KEYS.filter((k) => l.split(',').includes(k));
	const imd = params.get('imd');
	if (imd) {
		const [a, b] = imd.split('-').map(Number);
		if (Number.isInteger(a) && Number.isInteger(b) && a >= 1 && b <= 10 && a <= b) v.imd = [a, b];
	}
	const fte = /^(\d+(?:\.\d+)?)?-(\d+(?:\.\d+)?)?$/.exec(params.get('fte') ?? '');
	if (fte) {
		const a = fte[1] === undefined ? null : Number(fte[1]);
		const b = fte[2] === undefined ? null : Number(fte[2]);
		if (a === null || b === null || a <= b) v.fte = [a, b];
	}
	const icb = params.get('icb');
	if (icb && CODE.test(icb)) v.icb = icb;
	const sel = params.get('sel');
	if (sel) {
		const [kind, code] = sel.split(':');
		const kinds = { p: 'practice', l: 'lsoa', a: 'lad' } as const;
		if (kind in kinds && code && CODE.test(code)) v.selection = { kind: kinds[kind as keyof typeof kinds], code };
	}
	const panel = params.get('panel');
	if (panel === 'sources' || panel === 'list') v.panel = panel;
	const mode = params.get('mode');
	if (mode && /^[a-z-]{1,20}$/.test(mode)) v.mode = mode;
	for (const [k, val] of params) if (!KNOWN.has(k)) v.extra[k] = val;
	return v;
}

const fmt = (n: number, digits: number) => String(Number(n.toFixed(digits)));

export function serializeView(v: ViewParams): URLSearchParams {
	const p = new URLSearchParams();
	if (v.mode) p.set('mode', v.mode);
	p.set('c', `${fmt(v.center[0], 4)},${fmt(v.center[1], 4)}`);
	p.set('z', fmt(v.zoom, 2));
	if (v.measure !== DEFAULT_VIEW.measure) p.set('m', v.measure);
	if (v.practiceMeasure !== DEFAULT_VIEW.practiceMeasure) p.set('pm', v.practiceMeasure);
	const layers = LAYER_KEYS.filter((k) => v.layers.includes(k));
	if (layers.join(',') !== DEFAULT_VIEW.layers.join(',')) p.set('l', layers.join(','));
	if (v.imd[0] !== 1 || v.imd[1] !== 10) p.set('imd', `${v.imd[0]}-${v.imd[1]}`);
	if (v.fte[0] !== null || v.fte[1] !== null) p.set('fte', `${v.fte[0] ?? ''}-${v.fte[1] ?? ''}`);
	if (v.icb) p.set('icb', v.icb);
	if (v.selection) p.set('sel', `${{ practice: 'p', lsoa: 'l', lad: 'a' }[v.selection.kind]}:${v.selection.code}`);
	if (v.panel) p.set('panel', v.panel);
	for (const [k, val] of Object.entries(v.extra)) if (!KNOWN.has(k)) p.set(k, val);
	return p;
}

/** Are the filters narrowing anything? */
export function filtersActive(v: Pick<ViewParams, 'imd' | 'fte' | 'icb'>): boolean {
	return v.imd[0] !== 1 || v.imd[1] !== 10 || v.fte[0] !== null || v.fte[1] !== null || v.icb !== null;
}
