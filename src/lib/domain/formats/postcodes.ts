// static/data/postcodes/: one file per outward code (`<OUTCODE>.json`) and `index.json` listing every
// outward code. Row shapes live beside the postcode parser in ../postcode.ts (the Find journey's
// look-ups use them); this module adds the version and the checks the app's reader applies.
import {
	OUTCODE_INDEX_FIELDS,
	outcodeFileName,
	type OutcodeFile,
	type OutcodeIndexFile,
	type OutcodeIndexRow,
	type OutcodePostcode
} from '../postcode';

export { OUTCODE_INDEX_FIELDS, outcodeFileName };
export type { OutcodeFile, OutcodeIndexFile, OutcodeIndexRow, OutcodePostcode };

/** Bump when a field is renamed, removed or changes meaning. */
export const POSTCODES_FORMAT_VERSION = 1;

/** The folder, relative to static/data, and its index file. */
export const POSTCODES_DIR = 'postcodes';
export const OUTCODE_INDEX_FILE = 'index.json';

export const encodeOutcodeFile = (file: OutcodeFile): string => JSON.stringify(file);
export const encodeOutcodeIndex = (file: OutcodeIndexFile): string => JSON.stringify(file);

/** An outcode file checked for its shape; null when it is not one. */
export function decodeOutcodeFile(doc: unknown): OutcodeFile | null {
	const d = doc as OutcodeFile | null;
	return d && typeof d.outcode === 'string' && Array.isArray(d.postcodes) ? d : null;
}
