// What the map adds after its first colours: the base map, labels, deck.gl for the practices, the
// masks and the other measures' layers, in that order, in one go once the first coloured frame has had
// time to reach the screen. Measured (scripts/bench/firstColour.ts, 3 runs each, same session): giving
// each step a frame of its own left the page busy until 7.3 s (waiting for the map's idle between
// steps: 11 s), against 3.8 s in one go, with longer stalls; the worker and the GPU overlap the work.
import type { Map as MaplibreMap } from 'maplibre-gl';

export type Step = () => void | Promise<unknown>;

/**
 * A pause before the first step: the frame just drawn reaches the screen first (in software WebGL the
 * next frame's shaders would hold it back).
 */
export const FIRST_STEP_DELAY_MS = 150;

/** Run the steps in order after the pause, each once the one before has finished (or failed). */
export function runAfterFirstColours(map: MaplibreMap, steps: Step[]): void {
	const queue = [...steps];
	const next = (): unknown => {
		const step = queue.shift();
		if (!step) return map.triggerRepaint();
		// Named in the performance timeline, so a profile shows which step a stall belongs to.
		performance.mark(`atlas-step-${steps.length - queue.length}`);
		return Promise.resolve()
			.then(step)
			.catch(() => {}) // each step reports its own failures
			.finally(next);
	};
	setTimeout(next, FIRST_STEP_DELAY_MS);
}
