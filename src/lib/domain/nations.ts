// The three nations of Great Britain the atlas covers, and what differs between them: each nation's
// deprivation index is its own (IoD2025 for England, WIMD 2019 for Wales, SIMD 2020v2 for Scotland),
// ranked over its own neighbourhoods and not comparable across the border; GP workforce is published
// per practice as FTE in England, not at all in Wales, and as headcount in Scotland.

export type Nation = 'E' | 'W' | 'S';
export const NATIONS: readonly Nation[] = ['E', 'W', 'S'];

export const NATION_NAME: Record<Nation, string> = { E: 'England', W: 'Wales', S: 'Scotland' };

/** Each nation's deprivation index and the neighbourhood it ranks. */
export const NATION_INDEX: Record<Nation, { index: string; short: string; neighbourhood: string; count: number }> = {
	E: {
		index: 'English Indices of Deprivation 2025 (IMD)',
		short: 'IMD 2025',
		neighbourhood: 'LSOA 2021',
		count: 33_755
	},
	W: {
		index: 'Welsh Index of Multiple Deprivation 2019',
		short: 'WIMD 2019',
		neighbourhood: 'LSOA 2011',
		count: 1_909
	},
	S: {
		index: 'Scottish Index of Multiple Deprivation 2020v2',
		short: 'SIMD 2020v2',
		neighbourhood: 'data zone 2011',
		count: 6_976
	}
};

/** Why each nation's deciles are not comparable, said once for the legend, panels and docs. */
export const NOT_COMPARABLE =
	'Each nation ranks its own neighbourhoods with its own index: decile 1 means the most deprived tenth of that nation, not of Great Britain.';

/** The computed (not official) deciles of WIMD and SIMD, said on screen and in the docs. */
export const COMPUTED_DECILES: Partial<Record<Nation, string>> = {
	W: 'WIMD deciles are computed by the atlas from the published ranks (1,909 LSOAs): the Welsh Government publishes ranks, not these deciles.',
	S: 'SIMD deciles are computed by the atlas from the published ranks (6,976 data zones).'
};

/** What is not published for a nation, in the words panels use instead of a value. */
export const NOT_PUBLISHED = {
	fteW: 'not published for Wales: no practice-level GP workforce is published openly',
	fteS: 'not published for Scotland as FTE: GP headcount is shown instead',
	englandOnly: 'England only: this measure uses English data (IoD2025, NHS England workforce and payments)'
} as const;

/** Nation of a GSS code by its first letter (E…, W…, S…); null for others (Northern Ireland N…). */
export function nationOfCode(code: string): Nation | null {
	const c = code[0];
	return c === 'E' || c === 'W' || c === 'S' ? c : null;
}

/** Nation of an ODS practice code: W… is Wales; a 5-digit number is a Scottish practice; else England. */
export function nationOfPracticeCode(code: string): Nation {
	if (/^\d{5}$/.test(code)) return 'S';
	return code[0] === 'W' ? 'W' : 'E';
}

/**
 * Decile of a rank within its own nation: ceil(rank × 10 ÷ n), 1 = most deprived tenth. With n =
 * 1,909 Welsh LSOAs, ranks 1–190 are decile 1 (190.9 → ranks ≤ 190), 191–381 decile 2, …, and rank
 * 1,909 decile 10. Null for a rank outside 1…n.
 */
export function decileWithin(rank: number, n: number): number | null {
	if (!Number.isInteger(rank) || rank < 1 || rank > n || n < 1) return null;
	return Math.min(10, Math.ceil((rank * 10) / n));
}

/** Welsh health boards by the ODS code epraccur gives as a practice's commissioner. */
export const WELSH_HEALTH_BOARDS: Readonly<Record<string, string>> = {
	'7A1': 'Betsi Cadwaladr University Health Board',
	'7A2': 'Hywel Dda University Health Board',
	'7A3': 'Swansea Bay University Health Board',
	'7A4': 'Cardiff and Vale University Health Board',
	'7A5': 'Cwm Taf Morgannwg University Health Board',
	'7A6': 'Aneurin Bevan University Health Board',
	'7A7': 'Powys Teaching Health Board'
};

/** Scottish NHS health boards (2019 codes, as in the PHS practice file). */
export const SCOTTISH_HEALTH_BOARDS: Readonly<Record<string, string>> = {
	S08000015: 'NHS Ayrshire and Arran',
	S08000016: 'NHS Borders',
	S08000017: 'NHS Dumfries and Galloway',
	S08000019: 'NHS Forth Valley',
	S08000020: 'NHS Grampian',
	S08000022: 'NHS Highland',
	S08000024: 'NHS Lothian',
	S08000025: 'NHS Orkney',
	S08000026: 'NHS Shetland',
	S08000028: 'NHS Western Isles',
	S08000029: 'NHS Fife',
	S08000030: 'NHS Tayside',
	S08000031: 'NHS Greater Glasgow and Clyde',
	S08000032: 'NHS Lanarkshire'
};

/** Health board name by code (Welsh ODS 7A… or Scottish S08…); the code itself when unknown. */
export const healthBoardName = (code: string | null): string | null =>
	code === null ? null : (WELSH_HEALTH_BOARDS[code] ?? SCOTTISH_HEALTH_BOARDS[code] ?? code);

/** Per 10,000 registered patients (unweighted): count ÷ patients × 10,000; null without a list. */
export function per10kRegistered(count: number | null, patients: number | null): number | null {
	if (count === null || patients === null || !(patients > 0)) return null;
	return (count / patients) * 10_000;
}
