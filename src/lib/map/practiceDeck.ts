// deck.gl, which draws the practices, in its own chunk: the map loads it after the first neighbourhood
// colours are on screen (deck.gl is about a third of the map's JavaScript), then hands it the layers
// that the pure practiceOverlay describes.
import type { IControl, Map as MaplibreMap } from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { AnyOverlayLayer } from './practiceOverlay';

export interface PracticeDeck {
	overlay: MapLibreOverlay;
	draw(layers: AnyOverlayLayer[]): void;
}

export function createPracticeDeck(map: MaplibreMap): PracticeDeck {
	const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
	map.addControl(overlay as unknown as IControl);
	let slotPending = false;
	let lastLayers: Layer[] = [];
	return {
		overlay,
		draw(layers) {
			const deckLayers = layers.map((props) => new ScatterplotLayer(props as never));
			overlay.setProps({ layers: deckLayers });
			// deck.gl slots its layers under the labels only while map.isStyleLoaded(), which is false as
			// long as tiles are loading: then it draws them over everything. Slot them once the map is idle.
			if (!map.isStyleLoaded() && !slotPending) {
				slotPending = true;
				map.once('idle', () => {
					slotPending = false;
					overlay.setProps({ layers: lastLayers });
				});
			}
			lastLayers = deckLayers;
		}
	};
}
