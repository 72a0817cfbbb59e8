// Which practices lie in an area, for the journeys: one definition shared by "build your own
// network" (Recruit) and "where does provision fall short" (Commission).
//
// Level names follow the rest of the atlas: 'nhser' is an NHS England region (E40, the practice's
// commissioning region, as in areas.csv); 'region' is an ONS region (E12, where the practice building
// stands, as in network footprints). They are different maps, so they keep different names.
import type { AppPractice } from '$lib/data/practices';

export type AreaLevel = 'england' | 'nhser' | 'region' | 'icb' | 'sicbl' | 'pcn' | 'lad';

export const AREA_LEVEL_LABELS: Record<AreaLevel, string> = {
	england: 'England',
	nhser: 'NHS England region',
	region: 'region',
	icb: 'Integrated Care Board',
	sicbl: 'Sub-ICB location',
	pcn: 'Primary Care Network',
	lad: 'local authority'
};

/** The fields of a practice that place it in areas. */
export type PlacedPractice = Pick<
	AppPractice,
	'code' | 'pcnCode' | 'sicblCode' | 'icbCode' | 'nhserCode' | 'region' | 'lsoa'
>;

/**
 * Optional look-ups for levels a practice record does not carry. Practices hold no local authority
 * code; the LSOA its building stands in does (lsoa.csv: lsoa21_code → lad24_code), so a caller that
 * has loaded that table can pass it.
 */
export interface AreaLookups {
	ladOfLsoa?: ReadonlyMap<string, string>;
}

const CODE_PATTERNS: [AreaLevel, RegExp][] = [
	['england', /^E92000001$/],
	['nhser', /^E40\d{6}$/],
	['region', /^E12\d{6}$/],
	['icb', /^E54\d{6}$/],
	['sicbl', /^E38\d{6}$/],
	['lad', /^E0[6789]\d{6}$/],
	// PCN ODS codes: "U" + 5 digits. "U" alone means "in no PCN" and is not an area.
	['pcn', /^U\d{5}$/]
];

/** Tidy a typed or pasted area code: trim and upper-case. */
export const tidyAreaCode = (code: string) => code.trim().toUpperCase();

/** The level an area code belongs to, from its shape ("E54000050" → 'icb'); null if none. */
export function levelOfCode(code: string): AreaLevel | null {
	const c = tidyAreaCode(code);
	for (const [level, re] of CODE_PATTERNS) if (re.test(c)) return level;
	return null;
}

/** The practice's code at a level; null when it has none (no PCN, unplaced, no LAD look-up). */
export function practiceAreaCode(p: PlacedPractice, level: AreaLevel, lookups: AreaLookups = {}): string | null {
	switch (level) {
		case 'england':
			return 'E92000001';
		case 'nhser':
			return p.nhserCode || null;
		case 'region':
			return p.region || null;
		case 'icb':
			return p.icbCode || null;
		case 'sicbl':
			return p.sicblCode || null;
		case 'pcn':
			return p.pcnCode && p.pcnCode !== 'U' ? p.pcnCode : null;
		case 'lad':
			return p.lsoa ? (lookups.ladOfLsoa?.get(p.lsoa) ?? null) : null;
	}
}

/** Practices in one area. An unknown code gives an empty list (the caller says "no practices"). */
export function areaPractices<P extends PlacedPractice>(
	practices: readonly P[],
	level: AreaLevel,
	code: string,
	lookups: AreaLookups = {}
): P[] {
	if (level === 'england') return practices.slice();
	const c = tidyAreaCode(code);
	return practices.filter((p) => practiceAreaCode(p, level, lookups) === c);
}
