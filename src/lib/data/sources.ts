// The data sources manifest as the app loads it (static/data/sources.json, a copy of data/sources.json).
// Its shape is defined once, in $lib/domain/formats/sources.
import { DataError } from './errors';
import type { SourceEntry, SourcesManifest } from '$lib/domain/formats/sources';

export type { SourceEntry };
export type SourcesDoc = SourcesManifest;

export function parseSources(doc: unknown, file = 'data/sources.json'): SourcesDoc {
	const d = doc as Partial<SourcesDoc>;
	if (!d || !Array.isArray(d.sources) || !Array.isArray(d.attributions))
		throw new DataError(file, 'expected "attributions" and "sources" arrays');
	return { attributions: d.attributions, sources: d.sources };
}

/** The attribution lines that must show on every screen, shortest form. */
export const ATTRIBUTION_SHORT =
	'Contains public sector information licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2025.';
