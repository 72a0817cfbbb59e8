// Implausible records and special services: practices whose figures would mislead a ranking or a
// comparison (a 28-patient unallocated list ranking first for deprivation; 2 registered patients
// giving 24,701 GP FTE per 10,000). Flagged in the pipeline, shown in panels, rankings and exports,
// and kept out of membership rules unless the user includes them.

/** Fewer registered patients than this is a "very small list" (a one-GP practice has about 1,500–2,000). */
export const SMALL_LIST = 1000;
/** More GP FTE per 10,000 weighted patients than this is an "extreme rate" (about 6× England's median of 4.3). */
export const EXTREME_RATE = 25;
/** A FY2024/25 list below this share of the July 2023 registrations is a "list fall". */
export const LIST_FALL = 0.5;
/** epraccur prescribing setting of a GP practice; any other setting is a special service. */
export const GP_PRACTICE_SETTING = 4;

export const QUALITY_FLAGS = {
	'small-list': {
		label: 'very small list',
		definition: `fewer than ${SMALL_LIST.toLocaleString('en-GB')} registered patients (FY2024/25 mean)`
	},
	'special-service': {
		label: 'special service',
		definition: `not a GP practice setting in the ODS register (epraccur prescribing setting other than ${GP_PRACTICE_SETTING}), e.g. a special allocation scheme, homeless, urgent-care or extended-hours service`
	},
	'extreme-rate': {
		label: 'extreme GP FTE rate',
		definition: `more than ${EXTREME_RATE} GP FTE per 10,000 weighted patients (about 6 times England's median)`
	},
	'list-fall': {
		label: 'list fell between sources',
		definition: `FY2024/25 registered list under ${LIST_FALL * 100}% of the July 2023 registrations by LSOA`
	}
} as const;

export type QualityFlag = keyof typeof QUALITY_FLAGS;
export const QUALITY_FLAG_CODES = Object.keys(QUALITY_FLAGS) as QualityFlag[];

export interface FlagInputs {
	/** Registered patients (FY2024/25 mean, or July 2023 registrations when there is no workforce record). */
	patients: number | null;
	/** epraccur PRESCRIBING_SETTING; null when the practice is not in the register (no flag then). */
	prescribingSetting: number | null;
	gpFtePer10kWeighted: number | null;
	gpFteAllPer10kWeighted: number | null;
	/** Patients in the July 2023 registrations by LSOA. */
	listedPatients2023: number;
}

/** The flags a practice's record raises, in QUALITY_FLAG_CODES order. */
export function qualityFlags(p: FlagInputs): QualityFlag[] {
	const out: QualityFlag[] = [];
	if (p.patients !== null && p.patients < SMALL_LIST) out.push('small-list');
	if (p.prescribingSetting !== null && p.prescribingSetting !== GP_PRACTICE_SETTING) out.push('special-service');
	const rates = [p.gpFtePer10kWeighted, p.gpFteAllPer10kWeighted];
	if (rates.some((r) => r !== null && r > EXTREME_RATE)) out.push('extreme-rate');
	if (p.patients !== null && p.listedPatients2023 > 0 && p.patients < LIST_FALL * p.listedPatients2023)
		out.push('list-fall');
	return out;
}

/** The flags as stored in practices.csv / practices.json: codes joined by ";" ('' = none). */
export const encodeQualityFlags = (flags: readonly QualityFlag[]): string => flags.join(';');

/** Flags from their stored text; unknown codes are ignored. */
export function parseQualityFlags(text: string | null | undefined): QualityFlag[] {
	if (!text) return [];
	return text.split(';').filter((c): c is QualityFlag => c in QUALITY_FLAGS);
}

/** "very small list; special service" for a table cell or an export. */
export const describeQualityFlags = (flags: readonly QualityFlag[]): string =>
	flags.map((f) => QUALITY_FLAGS[f].label).join('; ');
