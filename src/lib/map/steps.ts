// What the map adds after its first colours (atlasMap.ts lists them): the practices, the base map, the
// labels, then everything on the LSOA source in one step. Each runs once the one before has
// finished, its tiles are drawn (the map's next idle, or at most STEP_WAIT_MS) and a frame has
// followed: a new shader program is first used in the frame that first draws its layer (in software
// WebGL the page waits there for the GPU process's queued frames), so a step that did not wait for its
// tiles would let the next step's program land in the same frame. Measured (scripts/bench/firstColour.ts, 5 runs,
// median settled against the bare page): a frame between steps 2.90× and 2.68×, against 3.62× with all
// steps in one go; the LSOA source's changes in one step, 3.20× and 1.85× (half the visits had no
// stall at all). An earlier measurement favoured one go, but a loading spinner then kept the
// compositor redrawing every frame, so a frame between steps cost a full-page redraw.
import type { Map as MaplibreMap } from 'maplibre-gl';

export type Step = () => void | Promise<unknown>;

/**
 * A pause before the first step: the frame just drawn reaches the screen first (in software WebGL the
 * next frame's shaders would hold it back).
 */
export const FIRST_STEP_DELAY_MS = 150;
/** The longest a step waits for the map to draw what it added (tiles may be slow, or the map kept busy). */
export const STEP_WAIT_MS = 2000;

/** The map's next idle (everything it was asked for drawn), or the wait's end. */
function drawn(map: MaplibreMap): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			clearTimeout(timer);
			map.off('idle', done);
			resolve();
		};
		const timer = setTimeout(done, STEP_WAIT_MS);
		map.once('idle', done);
	});
}

/** Run the steps in order after the pause, each once the one before has finished (or failed), been drawn and a frame has followed. */
export function runAfterFirstColours(map: MaplibreMap, steps: Step[]): void {
	const queue = [...steps];
	const next = (): unknown => {
		const step = queue.shift();
		if (!step) return map.triggerRepaint();
		// Named in the performance timeline, so a profile shows which step a stall belongs to.
		performance.mark(`atlas-step-${steps.length - queue.length}`);
		return (
			Promise.resolve()
				.then(step)
				.catch(() => {}) // each step reports its own failures
				.then(() => drawn(map))
				// A frame between steps: the page answers input and shows progress between long tasks.
				.then(() => requestAnimationFrame(() => setTimeout(next, 0)))
		);
	};
	setTimeout(next, FIRST_STEP_DELAY_MS);
}
