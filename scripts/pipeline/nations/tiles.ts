// Wales and Scotland in lsoa.pmtiles: their neighbourhoods beside England's LSOAs (zoom 8+) and their
// local authorities beside England's (zooms 0-7), coloured by the decile within their own nation.
import type { Feature, FeatureCollection } from 'geojson';
import { NATION_PROPERTY } from '../../../src/lib/domain/formats/nationTiles';
import { nationLadTileProperties, neighbourhoodTileProperties } from './neighbourhoods';
import type { NationBuild } from '../steps/nations';

export function nationTileFeatures(
	nations: NationBuild,
	ladGeo: FeatureCollection
): { neighbourhoods: Feature[]; lads: Feature[] } {
	const neighbourhoods: Feature[] = nations.geo.features.map((f, i) => ({
		type: 'Feature',
		geometry: f.geometry,
		properties: neighbourhoodTileProperties(nations.neighbourhoods[i])
	}));
	const names = new Map(
		ladGeo.features.map((f) => [String(f.properties?.LAD24CD), String(f.properties?.LAD24NM ?? '')])
	);
	const props = nationLadTileProperties(nations.neighbourhoods, names);
	const lads: Feature[] = ladGeo.features
		.filter((f) => props.has(String(f.properties?.LAD24CD)))
		.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: props.get(String(f.properties?.LAD24CD))! }));
	return { neighbourhoods, lads };
}

/**
 * Add the Welsh and Scottish features to the LSOA step's lists (neighbourhoods beside England's LSOAs,
 * authorities beside England's), after marking England's own with `nation: 'E'`, so the map and Find
 * can tell the nations apart. Mutates both lists (the step's tile input).
 */
export function addNations(
	nations: NationBuild,
	ladGeo: FeatureCollection,
	neighbourhoods: Feature[],
	lads: Feature[]
): void {
	for (const f of [...neighbourhoods, ...lads]) f.properties = { ...f.properties, [NATION_PROPERTY]: 'E' };
	const more = nationTileFeatures(nations, ladGeo);
	neighbourhoods.push(...more.neighbourhoods);
	lads.push(...more.lads);
}
