// The data sources manifest (static/data/sources.json, a copy of data/sources.json).
import { DataError } from './errors';

export interface SourceEntry {
	id: string;
	title: string;
	publisher: string;
	officialUrl: string;
	licence: string;
	attribution: string;
	vintage: string;
	file?: string;
	role?: string;
	derivation?: string;
}

export interface SourcesDoc {
	attributions: string[];
	sources: SourceEntry[];
}

export function parseSources(doc: unknown, file = 'data/sources.json'): SourcesDoc {
	const d = doc as Partial<SourcesDoc>;
	if (!d || !Array.isArray(d.sources) || !Array.isArray(d.attributions))
		throw new DataError(file, 'expected "attributions" and "sources" arrays');
	return { attributions: d.attributions, sources: d.sources };
}

/** The attribution lines that must show on every screen, shortest form. */
export const ATTRIBUTION_SHORT =
	'Contains public sector information licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2025.';
