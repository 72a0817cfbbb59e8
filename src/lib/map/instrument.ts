// Timings for the browser tests and the benchmark (window.__atlas), kept out of the production path:
// the map loads this module only when the page was opened with `window.__atlasInstrument = true`
// (tests/e2e/harness.ts sets it with page.addInitScript).
import type { Map as MaplibreMap } from 'maplibre-gl';

export interface AtlasTimings {
	paintedAt: number | null;
	/**
	 * Each repaint: from the paint change to the first frame drawn with it (`frame`, through to its pixels:
	 * the GPU's work counted) and to the map's next idle (`ms`, all tiles redrawn); `end` on the page clock.
	 */
	repaints: { what: string; ms: number; frame: number; end: number }[];
	ready: boolean;
	map?: MaplibreMap;
}

declare global {
	interface Window {
		/** Set before the app loads to ask for window.__atlas. */
		__atlasInstrument?: boolean;
		__atlas?: AtlasTimings;
	}
}

/** What the map tells the instrumentation; it reads everything else from map events. */
export interface Instrument {
	/** The first LSOA colours are on screen. */
	painted(at: number): void;
	/** A paint change is about to be applied. */
	repaint(what: string): void;
}

/**
 * Wait until the GPU has drawn what the map asked for (a pixel read back): the 'render' event comes when
 * the frame's commands are issued, which in software WebGL can be long before it is drawn.
 */
export function readBackPixel(map: MaplibreMap): void {
	const gl = map.getCanvas().getContext('webgl2');
	gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
}

export function attachInstrumentation(map: MaplibreMap): Instrument {
	const timings: AtlasTimings = { paintedAt: null, repaints: [], ready: false, map };
	window.__atlas = timings;
	return {
		painted(at) {
			timings.paintedAt = at;
			timings.ready = true;
		},
		repaint(what) {
			const t0 = performance.now();
			let frame: number | null = null;
			map.once('render', () => {
				readBackPixel(map);
				frame = performance.now() - t0;
			});
			map.once('idle', () => {
				const end = performance.now();
				timings.repaints.push({ what, ms: end - t0, frame: frame ?? end - t0, end });
			});
		}
	};
}
