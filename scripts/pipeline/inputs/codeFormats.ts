// Code formats shared by the input specs: the pattern each code column must match, and how to say so.
import { LSOA_CODE, PRACTICE_CODE } from '../../../src/lib/domain/codes';
import type { ColumnSpec } from '../read';

export const CODE = {
	lsoa21: { pattern: LSOA_CODE, patternHint: 'an England LSOA 2021 code like E01000001' },
	lsoa11Any: { pattern: /^[EW]01\d{6}$/, patternHint: 'an LSOA 2011 code like E01000001 or W01000001' },
	practice: { pattern: PRACTICE_CODE, patternHint: 'an ODS practice code like A81001' },
	icb: { pattern: /^E54\d{6}$/, patternHint: 'an ICB GSS code like E54000050' },
	sicbl: { pattern: /^E38\d{6}$/, patternHint: 'a Sub-ICB GSS code like E38000247' },
	nhser: { pattern: /^E40\d{6}$/, patternHint: 'an NHS region GSS code like E40000012' },
	region: { pattern: /^E12\d{6}$/, patternHint: 'a region GSS code like E12000001' },
	lad: { pattern: /^E0[6789]\d{6}$/, patternHint: 'an England local authority code like E06000001' },
	postcode: { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, patternHint: 'a UK postcode like TS18 1HU' }
} satisfies Record<string, Pick<ColumnSpec, 'pattern' | 'patternHint'>>;
