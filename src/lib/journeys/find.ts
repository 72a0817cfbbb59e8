// Find journey: a member of the public types a postcode, place, practice or neighbourhood and finds
// the nearest practices and the Deep End network that covers them (or the nearest one).
// The parts, one file each under find/: what was typed, suggestions, networks, postcodes not found.
export { classifyQuery, foldForSearch, type QueryClass } from './find/query';
export {
	prefixDistance,
	prepareSearchIndex,
	suggest,
	type SearchEntry,
	type SearchIndex,
	type SearchKind,
	type SearchSources,
	type Suggestion
} from './find/suggest';
export { networkAt, type FootprintProps, type NetworkHit } from './find/networks';
export { explainUnknownPostcode } from './find/unknownPostcode';
export { nearestPractices, type NearPractice } from './nearest';
export { describeDecile, lsoaImdDecile } from './deciles';
