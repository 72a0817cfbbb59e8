// The hovered and the selected neighbourhood's outlines, drawn from a small GeoJSON source that holds
// only those one or two areas. They used to be a line layer over every neighbourhood of the LSOA tiles,
// shown through feature state: drawn at opacity 0 everywhere else, it cost about a sixth of every
// national frame in software WebGL, and the worker built line geometry for every tile it laid out.
// Tiles cut an area at their edges, so its outline is the union of its pieces in the loaded tiles
// (turf's union, loaded on the first hover or selection: it is not needed for the first paint).
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { Selection } from '$lib/state/url';
import { AREA_OUTLINE_SOURCE, AREA_SOURCE_LAYERS } from './areaLayers';

export type OutlineRole = 'selected' | 'hover';

/** An area in the LSOA archive: its source layer and code (the features' `code`). */
export interface AreaRef {
	sourceLayer: string;
	id: string;
}

/** A piece of an area from one tile, as maplibre's querySourceFeatures returns it (`_z`: the tile's zoom). */
export interface AreaPiece {
	geometry: { type: string; coordinates?: unknown };
	_z?: number;
}

type Area = Feature<Polygon | MultiPolygon>;
/** Union of polygons (turf's `union`). */
export type Merge = (areas: FeatureCollection<Polygon | MultiPolygon>) => Area | null;
const loadMerge = async (): Promise<Merge> => (await import('@turf/turf')).union;

/** The area a selection outlines, if it is one the map draws. */
export function selectedArea(s: Selection | null): AreaRef | null {
	if (!s || (s.kind !== 'lsoa' && s.kind !== 'lad')) return null;
	return AREA_SOURCE_LAYERS.some((a) => a.sourceLayer === s.kind) ? { sourceLayer: s.kind, id: s.code } : null;
}

/**
 * One area's shape from its pieces: only those from the most detailed tiles present (while tiles load,
 * a coarser parent tile may still be drawn beside them), merged into one (Multi)Polygon.
 */
export function areaShape(pieces: readonly AreaPiece[], merge: Merge): Area | null {
	const polygons = pieces.filter((p) => p.geometry.type === 'Polygon' || p.geometry.type === 'MultiPolygon');
	if (!polygons.length) return null;
	const z = Math.max(...polygons.map((p) => p._z ?? 0));
	const finest = polygons
		.filter((p) => (p._z ?? 0) === z)
		.map((p): Area => ({ type: 'Feature', properties: {}, geometry: p.geometry as Polygon | MultiPolygon }));
	if (finest.length === 1) return finest[0];
	return merge({ type: 'FeatureCollection', features: finest });
}

/** The outline source's data: the hovered area under the selected one, the hover left out when it is the selection. */
export function outlineData(shapes: Partial<Record<OutlineRole, Area | null>>, sameArea: boolean): FeatureCollection {
	const out: Feature[] = [];
	for (const role of ['hover', 'selected'] as const) {
		const shape = shapes[role];
		if (!shape || (role === 'hover' && sameArea)) continue;
		out.push({ ...shape, properties: { role } });
	}
	return { type: 'FeatureCollection', features: out };
}

const sameRef = (a: AreaRef | null, b: AreaRef | null) =>
	a === b || (!!a && !!b && a.id === b.id && a.sourceLayer === b.sourceLayer);

/**
 * The map's outlines. Each change of hovered or selected area redraws them; so does each idle map (the
 * tiles under an area change as the map moves and zooms), when the pieces found differ from those drawn.
 */
export function createAreaHighlight(map: MaplibreMap, load: () => Promise<Merge> = loadMerge) {
	const refs: Record<OutlineRole, AreaRef | null> = { hover: null, selected: null };
	let drawn = '';
	let merge: Merge | null = null;
	let loading = false;
	const redraw = () => {
		const source = map.getSource(AREA_OUTLINE_SOURCE) as GeoJSONSource | undefined;
		if (!source) return;
		if (!merge) {
			if (!loading)
				void load().then((m) => {
					merge = m;
					redraw();
				});
			loading = true;
			return;
		}
		const found: Partial<Record<OutlineRole, AreaPiece[]>> = {};
		let key = '';
		for (const role of ['hover', 'selected'] as const) {
			const ref = refs[role];
			if (!ref) continue;
			const pieces = map.querySourceFeatures('lsoa', {
				sourceLayer: ref.sourceLayer,
				filter: ['==', ['get', 'code'], ref.id]
			}) as unknown as AreaPiece[];
			found[role] = pieces;
			key += `${role}:${ref.sourceLayer}/${ref.id}:${pieces.length}@${Math.max(0, ...pieces.map((p) => p._z ?? 0))};`;
		}
		if (key === drawn) return;
		drawn = key;
		const shapes = { hover: areaShape(found.hover ?? [], merge), selected: areaShape(found.selected ?? [], merge) };
		source.setData(outlineData(shapes, sameRef(refs.hover, refs.selected)));
	};
	map.on('idle', () => {
		if (refs.hover || refs.selected) redraw();
	});
	const set = (role: OutlineRole, ref: AreaRef | null) => {
		if (sameRef(refs[role], ref)) return;
		refs[role] = ref;
		redraw();
	};
	return {
		setHover: (ref: AreaRef | null) => set('hover', ref),
		setSelected: (ref: AreaRef | null) => set('selected', ref)
	};
}
