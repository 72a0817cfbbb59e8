// The vintage of each figure on screen, read from the sources manifest (data/sources.json, the only
// list of inputs) by source id, so that a data refresh changes every label with it.
import manifest from '../../../data/sources.json';

const byId = new Map((manifest.sources as { id: string; vintage: string }[]).map((s) => [s.id, s.vintage]));

/** The vintage of a source by id (throws when the manifest lacks it). */
export const vintageOf = (id: string): string => vintage(id);

function vintage(id: string): string {
	const v = byId.get(id);
	if (v === undefined) throw new Error(`data/sources.json has no source "${id}"`);
	return v;
}

/** The last fiscal year a range names ("FY 2022/23 to FY 2024/25" → "FY 2024/25"): the year shown. */
export function latestFiscalYear(text: string): string {
	const years = text.match(/FY ?\d{4}\/\d{2}/g);
	return years ? years[years.length - 1].replace(/^FY ?/, 'FY ') : text;
}

/** Text in the last parentheses, or the whole text ("2025.4.0 (October 2025)" → "October 2025"). */
export function plainDate(text: string): string {
	return /\(([^()]+)\)\s*$/.exec(text)?.[1] ?? text;
}

export const VINTAGES = {
	/** GP workforce: the fiscal year whose monthly means the atlas uses. */
	workforce: latestFiscalYear(vintage('workforce')),
	/** Carr-Hill weighting: the payments year. */
	payments: vintage('payments'),
	/** Registered patients by LSOA. */
	registrations: vintage('registrations'),
	/** English Indices of Deprivation. */
	imd: vintage('imd2025'),
	/** Practice → PCN → Sub-ICB → ICB mapping. */
	practiceMap: vintage('practiceMap'),
	/** Code-Point Open (practice locations). */
	codePoint: plainDate(vintage('codePoint'))
};

/** One line naming the data behind a practice figure, for exports' header lines. */
export const DATA_LINE =
	`Data: GP workforce ${VINTAGES.workforce} (NHS Digital); Carr-Hill weighting ${VINTAGES.payments} (NHS Payments); ` +
	`patients by LSOA ${VINTAGES.registrations} (NHS Digital); ${VINTAGES.imd} (MHCLG); ` +
	`practice mapping ${VINTAGES.practiceMap} (NHS England)`;
