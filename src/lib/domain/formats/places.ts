// static/data/places.json (the search box's place names) and places-major.json (cities and towns
// for map labels). Their row shapes live beside the postcode parser in ../postcode.ts (the search
// journeys use them); this module adds the version and the checks the app's readers apply.
import {
	MAJOR_PLACE_FIELDS,
	PLACE_SEARCH_FIELDS,
	type MajorPlaceFile,
	type MajorPlaceRow,
	type PlaceSearchFile,
	type PlaceSearchRow
} from '../postcode';

export { MAJOR_PLACE_FIELDS, PLACE_SEARCH_FIELDS };
export type { MajorPlaceFile, MajorPlaceRow, PlaceSearchFile, PlaceSearchRow };

/** Bump when a field is renamed, removed or changes meaning. */
export const PLACES_FORMAT_VERSION = 1;

/** The file names, relative to static/data. */
export const PLACES_FILE = 'places.json';
export const MAJOR_PLACES_FILE = 'places-major.json';

export const encodePlaceSearch = (file: PlaceSearchFile): string => JSON.stringify(file);
export const encodeMajorPlaces = (file: MajorPlaceFile): string => JSON.stringify(file);

/** places.json checked for its arrays; null when it is not a place index. */
export function decodePlaceSearch(doc: unknown): PlaceSearchFile | null {
	const d = doc as PlaceSearchFile | null;
	return d && Array.isArray(d.places) && Array.isArray(d.types) ? d : null;
}
