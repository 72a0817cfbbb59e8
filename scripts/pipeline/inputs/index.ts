// Typed, validated readers for each tabular input, and where each input is. One reader per source
// in data/sources.json; each declares the columns it needs, their formats and ranges, and the key
// that must be unique (the checking itself is in ../read.ts).
export { INPUT_FILES, INPUT_IDS, inputFiles, inputPath, loadInputFiles, SOURCES_PATH, type InputName } from './files';
export { IMD_DOMAINS, readImd2019, readImd2025, type Imd2025Row, type ImdDomain } from './deprivation';
export { readLsoaGeography, readLsoaLookup, readPopulation, type LsoaGeography } from './geography';
export {
	readEpraccur,
	readPayments,
	readPracticeMap,
	readRegistrations,
	readWorkforce,
	type PracticeMapRow,
	type RegistrationRow,
	type WorkforceRow
} from './practices';
export { readBlackwellImd, readFingertipsImd } from './reference';
export { countNetworkSourceRows, readNetworkSources, type NetworkSourceRow } from './networkSources';
export { InputError } from '../read';
export * from './wales';
export * from './scotland';
