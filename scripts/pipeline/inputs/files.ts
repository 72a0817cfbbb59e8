// Where each input is: the pipeline asks for an input by its id in data/sources.json and gets the
// entry's `file` (a path relative to data/raw, the same layout as the mirror). The manifest is the
// only list of files; this module holds only the ids the pipeline reads.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourcesManifest } from '../../../src/lib/domain/formats/sources';
import { loadManifest } from '../../fetch/manifest';

/**
 * Every input the pipeline reads, by id. `networkSources` is the exception that proves the rule: it
 * is not parsed but is the cited source of data/networks.json, so it is fetched, fingerprinted and
 * listed in the app's sources with the rest.
 */
export const INPUT_IDS = [
	'lsoa21Boundaries',
	'icbBoundaries',
	'sicblBoundaries',
	'nhserBoundaries',
	'ladBoundaries',
	'regionBoundaries',
	'imd2025',
	'imd2019',
	'lsoaLookup',
	'lsoaGeography',
	'population',
	'epraccur',
	'practiceMap',
	'registrations',
	'workforce',
	'payments',
	'codePoint',
	'places',
	'networkSources',
	'fingertipsImd',
	'blackwellImd',
	'workforceHistory',
	'payments2014to15',
	'payments2015to16',
	'payments2016to17',
	'payments2017to18',
	'payments2018to19',
	'payments2019to20',
	'payments2020to21',
	'payments2021to22',
	'cqcRatings',
	'lifeExpectancy'
] as const;
export type InputName = (typeof INPUT_IDS)[number];

/** Each input's file from a manifest; throws naming the id the manifest lacks. */
export function inputFiles(manifest: SourcesManifest, label = 'data/sources.json'): Record<InputName, string> {
	const files = new Map(manifest.sources.map((s) => [s.id, s.file]));
	const missing = INPUT_IDS.filter((id) => !files.has(id));
	if (missing.length) {
		throw new Error(
			`${label}: no entry with id ${missing.map((id) => `"${id}"`).join(', ')}, which the pipeline reads.\n  Fix: restore the entry (id, file, sha256, …) in ${label}.`
		);
	}
	return Object.fromEntries(INPUT_IDS.map((id) => [id, files.get(id)!])) as Record<InputName, string>;
}

/** Each input's file as listed in the manifest at `sourcesPath`. */
export const loadInputFiles = (sourcesPath: string) => inputFiles(loadManifest(sourcesPath), sourcesPath);

/** The project's data/sources.json. */
export const SOURCES_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'sources.json');

/** Each input's file, read from data/sources.json when the pipeline loads. */
export const INPUT_FILES: Readonly<Record<InputName, string>> = loadInputFiles(SOURCES_PATH);

export const inputPath = (rawDir: string, name: InputName) => join(rawDir, INPUT_FILES[name]);
