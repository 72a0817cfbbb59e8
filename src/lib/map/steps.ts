// What the map adds after its first colours, one step at a time: each step starts once the map has
// drawn and settled after the one before. In software WebGL every new shader, every glyph and every
// re-laid tile stalls the page; done all at once they freeze it for seconds, one by one each stays short.
import type { Map as MaplibreMap } from 'maplibre-gl';

export type Step = () => void | Promise<unknown>;

/**
 * A pause before the first step: the frame just drawn reaches the screen first (in software WebGL the
 * next frame's shaders would hold it back).
 */
export const FIRST_STEP_DELAY_MS = 150;

/** Run the steps in order, each after the map's next idle following the one before. */
export function runAfterEachIdle(map: MaplibreMap, steps: Step[]): void {
	const queue = [...steps];
	const next = () => {
		const step = queue.shift();
		if (!step) return;
		Promise.resolve()
			.then(step)
			.catch(() => {}) // each step reports its own failures
			.finally(() => {
				map.once('idle', () => requestAnimationFrame(next));
				map.triggerRepaint(); // a step that changed nothing still gets a frame, so idle comes
			});
	};
	setTimeout(next, FIRST_STEP_DELAY_MS);
}
