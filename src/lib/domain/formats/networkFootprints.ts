// static/data/network-footprints.json: each network's footprint, simplified, as GeoJSON, for the Find
// journey's point-in-footprint and distance tests in the browser.
import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** Bump when a property is renamed, removed or changes meaning. */
export const NETWORK_FOOTPRINTS_FORMAT_VERSION = 1;

export interface NetworkFootprintProps {
	/** The network id (data/networks.json). */
	code: string;
	/** Its short name. */
	name: string;
	country: string;
}

export type NetworkFootprintsFile = FeatureCollection<Geometry | null, NetworkFootprintProps>;

export const encodeNetworkFootprints = (features: readonly Feature[]): string =>
	JSON.stringify({ type: 'FeatureCollection', features });

/** The file checked as a FeatureCollection; null when it is not one. */
export function decodeNetworkFootprints(doc: unknown): NetworkFootprintsFile | null {
	const d = doc as NetworkFootprintsFile | null;
	return d && d.type === 'FeatureCollection' && Array.isArray(d.features) ? d : null;
}
