// The benchmark's and browser tests' timings (window.__atlas) load only when the page asks for them.
// Started with the archives as the page starts, so that fetching this chunk never delays the map.
export function loadInstrument(): Promise<typeof import('./instrument') | null> {
	return typeof window !== 'undefined' && window.__atlasInstrument ? import('./instrument') : Promise.resolve(null);
}
