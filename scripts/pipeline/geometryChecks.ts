// What a boundary feature must be before any geometry is computed on it: an area (Polygon or
// MultiPolygon) with coordinates. A null or empty geometry would otherwise crash a later step with a
// stack trace and no file named.
import type { Feature } from 'geojson';
import { InputError } from './read';

/** The feature's code, for messages: the first property whose name ends in CD or is "code". */
function featureCode(f: Feature): string | null {
	const props = f.properties ?? {};
	const key = Object.keys(props).find((k) => /CD$/i.test(k) || k === 'code');
	return key ? `${key} ${String(props[key])}` : null;
}

export function checkAreaFeatures(features: readonly Feature[], label: string, refetch: string): void {
	features.forEach((f, i) => {
		const g = f.geometry;
		const code = featureCode(f);
		const which = code ? `features[${i}] (${code})` : `features[${i}]`;
		if (!g) throw new InputError(label, null, null, `${which} has no geometry (null)`, refetch);
		if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
			throw new InputError(label, null, null, `${which} is a ${g.type}; expected a Polygon or MultiPolygon`, refetch);
		}
		if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
			throw new InputError(label, null, null, `${which} has an empty ${g.type}`, refetch);
		}
	});
}
