// Waiting for the map, in one place. The page creates a MapHost and shares it by context; MapView
// attaches the map once it exists; panels and journeys call `when` to act on the map now or as soon
// as it is there, instead of keeping queues of their own.
import { getContext, setContext } from 'svelte';
import type { AtlasMapHandle } from './atlasMap';

const KEY = Symbol('atlas-map-host');

export class MapHost {
	/** The map once it exists (reactive), else null. */
	handle = $state<AtlasMapHandle | null>(null);
	readonly ready: Promise<AtlasMapHandle>;
	#resolve!: (h: AtlasMapHandle) => void;

	constructor() {
		this.ready = new Promise((resolve) => (this.#resolve = resolve));
	}

	/** Called by MapView alone, once the map is created. */
	attach(handle: AtlasMapHandle): void {
		this.handle = handle;
		this.#resolve(handle);
	}

	/** Run `fn` on the map now, or once it exists (calls keep their order). */
	when(fn: (handle: AtlasMapHandle) => void): void {
		if (this.handle) fn(this.handle);
		else void this.ready.then(fn);
	}
}

export const setMapHost = (host: MapHost): MapHost => setContext(KEY, host);
export const getMapHost = (): MapHost => getContext<MapHost>(KEY);
