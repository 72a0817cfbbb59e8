// The Commission view's chosen area, outlined on the map: a white casing and a black line over the
// ICB or Sub-ICB boundary from the atlas's own boundary tiles. PCNs have no boundary, so none is drawn.
import type { FilterSpecification, Map as MaplibreMap } from 'maplibre-gl';
import { sharedProgram } from './sharedPrograms';

export interface AreaOutline {
	/** Boundary layer in boundaries.pmtiles. */
	layer: 'icb' | 'sicbl' | 'nhser';
	code: string;
}

const LAYERS = ['icb', 'sicbl', 'nhser'] as const;
const ids = (l: string) => [`outline-${l}-casing`, `outline-${l}`];
const none = (): FilterSpecification => ['==', ['get', 'code'], ''];

/** Show the outline of one area (or none); adds its layers on first use, on top of the style. */
export function applyAreaOutline(map: MaplibreMap, outline: AreaOutline | null): void {
	for (const l of LAYERS) {
		const [casing, line] = ids(l);
		if (!map.getLayer(line)) {
			if (!outline || outline.layer !== l) continue;
			for (const [id, colour, width] of [
				[casing, '#ffffff', 6],
				[line, '#111111', 2.5]
			] as const) {
				map.addLayer(
					sharedProgram({
						id,
						type: 'line',
						source: 'boundaries',
						'source-layer': l,
						filter: none(),
						layout: { 'line-join': 'round' },
						paint: { 'line-color': colour, 'line-width': width, 'line-opacity': 0.9 }
					})
				);
			}
		}
		const filter: FilterSpecification = outline && outline.layer === l ? ['==', ['get', 'code'], outline.code] : none();
		map.setFilter(casing, filter);
		map.setFilter(line, filter);
	}
}
