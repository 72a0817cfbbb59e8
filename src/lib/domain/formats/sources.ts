// The sources manifest: data/sources.json, copied as-is to static/data/sources.json for the app.
// One definition of its shape, imported by the fetch step (which validates it), the pipeline (which
// finds its inputs in it by id) and the app (which shows vintages, licences and attributions).

/** "input" feeds the pipeline; "reference" holds published figures to cross-check against. */
export type SourceRole = 'input' | 'reference';

export interface SourceEntry {
	/** Short domain name, e.g. "epraccur", "registrations", "codePoint": how the pipeline asks for it. */
	id: string;
	role: SourceRole;
	title: string;
	publisher: string;
	/** The publisher's page or download for the original dataset. */
	officialUrl: string;
	licence: string;
	/** Exact text to show in the app. */
	attribution: string;
	vintage: string;
	/** Path relative to the mirror root, and to data/raw. */
	file: string;
	/** Of the mirror copy. */
	sha256: string;
	bytes: number;
	/** How the mirror copy was derived from the publisher's file. */
	derivation: string;
	/** How many records the pipeline must read from the file (a shortfall or excess stops the build). */
	expectedRows?: ExpectedRows;
}

/**
 * The records a file must hold: `count` (rows the pipeline keeps from a CSV, features of a GeoJSON)
 * within ± `tolerancePct` per cent; `of` says what they are, for messages (e.g. "LSOAs 2021"). A new
 * vintage of a file updates its count in the same change.
 */
export interface ExpectedRows {
	count: number;
	tolerancePct: number;
	of: string;
}

export interface SourcesManifest {
	/** Attribution lines required by the licences, to show in the app. */
	attributions: string[];
	sources: SourceEntry[];
}

/** The fields every entry has as non-empty text (`bytes` is the one number). */
export const SOURCE_TEXT_FIELDS = [
	'id',
	'role',
	'title',
	'publisher',
	'officialUrl',
	'licence',
	'attribution',
	'vintage',
	'file',
	'sha256',
	'derivation'
] as const satisfies readonly (keyof SourceEntry)[];

/** The entry with this id, or undefined. */
export const sourceById = (manifest: SourcesManifest, id: string): SourceEntry | undefined =>
	manifest.sources.find((s) => s.id === id);
