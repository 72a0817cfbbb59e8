// Identifier patterns used across the pipeline and the app: one definition each.

/** An ODS GP practice code: a letter and five digits (England A–Y, Wales W). */
export const PRACTICE_CODE = /^[A-Z]\d{5}$/;

/** A 2021 (or 2011) LSOA code in England. */
export const LSOA_CODE = /^E01\d{6}$/;

/** Any ONS/ODS area code the URL may carry (E54…, E38…, U… PCN codes, E01… LSOAs). */
export const AREA_CODE = /^[A-Z0-9]{3,12}$/;

export const isPracticeCode = (s: string): boolean => PRACTICE_CODE.test(s);
