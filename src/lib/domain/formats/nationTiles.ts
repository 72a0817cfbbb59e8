// Properties the Welsh and Scottish neighbourhoods (and England's, for `nation`) carry in lsoa.pmtiles,
// beside those of ./lsoaTiles.ts. A Welsh LSOA 2011 or a Scottish data zone has `imd_decile` = its
// decile within its own nation (WIMD 2019 / SIMD 2020v2), so the deprivation colours need no new
// paint; every other measure (domains, IMD score, GP FTE) is England's and absent there.

/** 'E' | 'W' | 'S' on every feature of both layers. */
export const NATION_PROPERTY = 'nation';
/** Rank within the nation (1 = most deprived), Welsh and Scottish neighbourhoods only. */
export const RANK_PROPERTY = 'rank';
