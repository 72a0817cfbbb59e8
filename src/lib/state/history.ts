// Which history entry a change of view deserves. A person expects Back to undo a step they took
// (opening a journey, choosing an area, a network, a measure, a filter, a selection), not every pan
// or zoom: so those steps push an entry and camera moves only replace the current one.

const CAMERA_KEYS = ['c', 'z'];

/** The URL search without the camera, in a stable order. */
export function withoutCamera(search: string): string {
	const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
	for (const k of CAMERA_KEYS) p.delete(k);
	p.sort();
	return p.toString();
}

export type HistoryAction = 'none' | 'push' | 'replace';

/**
 * What to do when the view's search string changes from `current` to `next`. Steps that follow one
 * another within `burstMs` (typing a filter value, a journey settling its defaults) share one entry.
 */
export function historyAction(current: string, next: string, msSinceLastPush = Infinity, burstMs = 700): HistoryAction {
	const strip = (s: string) => (s.startsWith('?') ? s.slice(1) : s);
	if (strip(current) === strip(next)) return 'none';
	if (withoutCamera(current) === withoutCamera(next)) return 'replace';
	return msSinceLastPush < burstMs ? 'replace' : 'push';
}
