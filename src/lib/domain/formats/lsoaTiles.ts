// The feature properties of lsoa.pmtiles: layer `lsoa` (zoom 4+: one feature per LSOA 2021 from zoom 8;
// below it, LSOAs too small to draw are coalesced with a neighbour, see LSOA_DETAIL_ZOOM) and layer
// `lad` (zooms 0-7, one per local authority). The pipeline writes them (scripts/pipeline/lsoa.ts)
// and the map colours by them (src/lib/map/measures.ts). Short keys keep the tiles small.

/** Bump when a property is renamed, removed or changes meaning. */
export const LSOA_TILES_FORMAT_VERSION = 1;

export const LSOA_TILE_LAYER = 'lsoa';
export const LAD_TILE_LAYER = 'lad';

/** The IoD2025 domains, in the order of the IoD files. */
export type TileDomain =
	| 'imd'
	| 'income'
	| 'employment'
	| 'education_skills_training'
	| 'health_deprivation_disability'
	| 'crime'
	| 'barriers_housing_services'
	| 'living_environment';

/** Each domain's decile property. */
export const DECILE_PROPERTY = {
	imd: 'imd_decile',
	income: 'inc_decile',
	employment: 'emp_decile',
	education_skills_training: 'edu_decile',
	health_deprivation_disability: 'hea_decile',
	crime: 'cri_decile',
	barriers_housing_services: 'bar_decile',
	living_environment: 'env_decile'
} as const satisfies Record<TileDomain, string>;

export const IMD_SCORE_PROPERTY = 'imd_score';
export const GP_FTE_PROPERTY = 'gp_fte_10k';
/**
 * LSOAs a feature stands for: in the lad layer, the LSOAs in the authority; in the lsoa layer below
 * LSOA_DETAIL_ZOOM, the LSOAs coalesced into a feature that carries its largest member's code and
 * values (left out when the feature is one LSOA).
 */
export const LSOA_COUNT_PROPERTY = 'lsoas';

/** The lsoa layer starts at the national view. */
export const LSOA_TILE_MIN_ZOOM = 4;
/** From this zoom every LSOA is its own feature; below it, LSOAs under LSOA_MIN_PIXELS are coalesced. */
export const LSOA_DETAIL_ZOOM = 8;
/** Smallest drawn area below LSOA_DETAIL_ZOOM, in square pixels (512-px tiles). */
export const LSOA_MIN_PIXELS = 4;

/** The measures the map colours LSOAs by, with what they mean. */
export const TILE_MEASURES = {
	imd_decile: 'IMD 2025 decile',
	inc_decile: 'Income decile',
	emp_decile: 'Employment decile',
	edu_decile: 'Education, skills & training decile',
	hea_decile: 'Health deprivation & disability decile',
	cri_decile: 'Crime decile',
	bar_decile: 'Barriers to housing & services decile',
	env_decile: 'Living environment decile',
	imd_score: 'IMD 2025 score',
	gp_fte_10k: 'GP FTE per 10,000 weighted patients (attributed)'
} as const;

export type TileMeasureProperty = keyof typeof TILE_MEASURES;
export type TileProperties = Record<string, string | number>;
