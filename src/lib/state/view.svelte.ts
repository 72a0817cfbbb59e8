// The one view state of the atlas (Svelte 5 runes). Components read and write it; the map is
// rebuilt from it by plain functions in $lib/map; the page mirrors it into the URL.
import {
	DEFAULT_VIEW,
	parseView,
	serializeView,
	type LayerKey,
	type Panel,
	type Selection,
	type ViewParams
} from './url';
import type { LsoaMeasureKey, PracticeMeasureKey } from '$lib/map/measures';
import { codecFor, journeyFor, type JourneyMode, type JourneyParams } from '$lib/journeys/registry';

export class AtlasView {
	center = $state<[number, number]>(DEFAULT_VIEW.center);
	zoom = $state(DEFAULT_VIEW.zoom);
	measure = $state<LsoaMeasureKey>(DEFAULT_VIEW.measure);
	practiceMeasure = $state<PracticeMeasureKey>(DEFAULT_VIEW.practiceMeasure);
	layers = $state<LayerKey[]>([...DEFAULT_VIEW.layers]);
	imd = $state<[number, number]>([...DEFAULT_VIEW.imd]);
	fte = $state<[number | null, number | null]>([...DEFAULT_VIEW.fte]);
	icb = $state<string | null>(null);
	selection = $state<Selection | null>(null);
	panel = $state<Panel>(null);
	mode = $state<string | null>(null);
	extra = $state<Record<string, string>>({});

	constructor(initial: ViewParams = DEFAULT_VIEW) {
		this.apply(initial);
	}

	static fromUrl(search: string): AtlasView {
		return new AtlasView(parseUrlSearch(search));
	}

	apply(v: ViewParams) {
		this.center = [...v.center];
		this.zoom = v.zoom;
		this.measure = v.measure;
		this.practiceMeasure = v.practiceMeasure;
		this.layers = [...v.layers];
		this.imd = [...v.imd];
		this.fte = [...v.fte];
		this.icb = v.icb;
		this.selection = v.selection ? { ...v.selection } : null;
		this.panel = v.panel;
		this.mode = v.mode;
		this.extra = { ...v.extra };
	}

	/** A plain snapshot (reading it subscribes to every field). */
	get params(): ViewParams {
		return {
			center: [...this.center],
			zoom: this.zoom,
			measure: this.measure,
			practiceMeasure: this.practiceMeasure,
			layers: [...this.layers],
			imd: [...this.imd],
			fte: [...this.fte],
			icb: this.icb,
			selection: this.selection ? { ...this.selection } : null,
			panel: this.panel,
			mode: this.mode,
			extra: { ...this.extra }
		};
	}

	get search(): string {
		return serializeView(this.params).toString();
	}

	has(layer: LayerKey): boolean {
		return this.layers.includes(layer);
	}

	toggle(layer: LayerKey, on = !this.has(layer)) {
		const others = this.layers.filter((l) => l !== layer);
		this.layers = on ? [...others, layer] : others;
	}

	select(selection: Selection | null) {
		this.selection = selection;
	}

	resetFilters() {
		this.imd = [1, 10];
		this.fte = [null, null];
		this.icb = null;
	}

	/** The open journey, if the mode names one. */
	get journey(): JourneyMode | null {
		return journeyFor(this.mode)?.mode ?? null;
	}

	/** Open a journey (or the plain map, null) with its default parameters. */
	openJourney(mode: JourneyMode | null) {
		this.mode = mode;
		this.extra = {};
	}

	/** A journey's typed parameters, read from the URL values by its codec. */
	journeyParams<M extends JourneyMode>(mode: M): JourneyParams[M] {
		return codecFor(mode).parse(this.extra);
	}

	/** Change some of a journey's parameters; the codec writes them back as URL values. */
	setJourneyParams<M extends JourneyMode>(mode: M, patch: Partial<JourneyParams[M]>) {
		const codec = codecFor(mode);
		const rest = Object.entries(this.extra).filter(([k]) => !codec.keys.includes(k));
		this.extra = { ...Object.fromEntries(rest), ...codec.write({ ...codec.parse(this.extra), ...patch }) };
	}
}

/** The view in a URL's search string (with or without the leading "?"). */
export function parseUrlSearch(search: string): ViewParams {
	return parseView(new URLSearchParams(search));
}
