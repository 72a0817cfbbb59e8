// What the rest of the app sees of the map: the handle, the callbacks and the journey highlight.
// Types and small constants only, so that panels can import them without pulling in maplibre.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { DataError } from '$lib/data/errors';
import type { AppPractice, PracticeTable } from '$lib/data/practices';
import type { Place } from '$lib/data/places';
import type { Selection, ViewParams } from '$lib/state/url';
import type { AreaOutline } from './areaOutline';

export type HoverInfo =
	| { x: number; y: number; kind: 'practice'; practice: AppPractice }
	| { x: number; y: number; kind: 'lsoa' | 'lad'; props: Record<string, unknown> };

export interface AtlasMapCallbacks {
	onMove(center: [number, number], zoom: number): void;
	onHover(h: HoverInfo | null): void;
	onSelect(sel: Selection | null, props?: Record<string, unknown>): void;
	onError(e: DataError): void;
	/** Called once, when the first LSOA (or local authority) colours have been drawn. */
	onPainted(msSinceNavigation: number): void;
}

export interface AtlasMapHandle {
	map: MaplibreMap;
	update(v: ViewParams): void;
	setPractices(table: PracticeTable | null, members: ReadonlySet<string>): void;
	setEnglandRate(rate: number): void;
	setPlaces(places: Place[]): void;
	/** Properties of an area feature by code, if its tile is loaded. */
	findArea(kind: 'lsoa' | 'lad', code: string): Record<string, unknown> | null;
	/** Camera moves wait for the style, so they may be called as soon as the handle exists. */
	flyTo(center: [number, number], zoom?: number): void;
	/** A journey's marks over the practices: rings by role, a searched point, one network's footprint. */
	setHighlight(h: MapHighlight): void;
	fitBounds(bounds: [number, number, number, number]): void;
	destroy(): void;
}

/** Roles a journey gives practices on the map (drawn as rings over the practice circles). */
export type HighlightRole = 'member' | 'eligible' | 'candidate' | 'brushed' | 'near';

export interface MapHighlight {
	roles: ReadonlyMap<string, HighlightRole>;
	/** A searched point (Find). */
	marker: [number, number] | null;
	/** Show only this network's footprint (and switch footprints on); null = as the layers say. */
	network: string | null;
	/** An area to outline (Commission's chosen ICB or Sub-ICB); absent = none. */
	area?: AreaOutline | null;
}

export const NO_HIGHLIGHT: MapHighlight = { roles: new Map(), marker: null, network: null };

type Rgba = [number, number, number, number];

// Colour-blind-safe (Okabe–Ito): blue, vermillion, reddish purple, black, bluish green.
export const ROLE_COLOURS: Record<HighlightRole, Rgba> = {
	member: [0, 114, 178, 255],
	eligible: [213, 94, 0, 255],
	candidate: [204, 121, 167, 255],
	brushed: [0, 0, 0, 255],
	near: [0, 158, 115, 255]
};

/** The same colours as CSS, for the journeys' legends. */
export const HIGHLIGHT_LEGEND = Object.fromEntries(
	Object.entries(ROLE_COLOURS).map(([role, [r, g, b]]) => [role, `rgb(${r},${g},${b})`])
) as Record<HighlightRole, string>;

/** England's extent (west, south, east, north): the first view when a link gives no camera. */
export const ENGLAND_BOUNDS: [number, number, number, number] = [-5.75, 49.95, 1.77, 55.82];
