// The fetch step: getting the raw inputs listed in data/sources.json into data/raw/, verified and
// written atomically. By concern: manifest (load + validate), locate (mirror, mirror host or
// publisher), verify (sha256, size, cache), writer (temp file + rename), copy, download, source
// (one or all), cli (the `npm run fetch-data` report).
export type { SourceEntry, SourceRole, SourcesManifest } from '../../src/lib/domain/formats/sources';
export { loadManifest, parseSha256Sums, validateManifest } from './manifest';
export { describeLocation, mirrorUrl, resolveLocations, type SourceLocations } from './locate';
export { FetchError } from './errors';
export { sha256File, VerifiedCache } from './verify';
export { removeActiveTempFiles, removeStaleTempFiles } from './writer';
export {
	fetchAll,
	fetchSource,
	type FetchFailure,
	type FetchOptions,
	type FetchResult,
	type FetchStatus,
	type FetchSummary
} from './source';
