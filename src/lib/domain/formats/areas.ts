// static/data/areas.csv: one row per area (England, NHS regions, ICBs, Sub-ICB locations, PCNs) with
// its totals and rates. The pipeline's column list (scripts/pipeline/tables.ts) follows this order;
// the app reads the columns it needs with `parseAreas` (src/lib/data/areas.ts).

/** Bump when a column is renamed, removed or changes meaning. */
export const AREAS_FORMAT_VERSION = 1;

export const AREA_CSV_COLUMNS = [
	'level',
	'code',
	'ods_code',
	'name',
	'parent_code',
	'practices',
	'practices_with_fte',
	'registered_patients',
	'weighted_patients',
	'weighted_patients_with_fte',
	'gp_fte',
	'gp_fte_all',
	'nurse_fte',
	'dpc_fte',
	'gp_fte_per_10k_weighted',
	'gp_fte_all_per_10k_weighted',
	'imd_score',
	'gp_fte_shortfall'
] as const;

export type AreaCsvColumn = (typeof AREA_CSV_COLUMNS)[number];

/** The columns the app needs: without them the file is not an area table. */
export const AREA_REQUIRED_COLUMNS: readonly AreaCsvColumn[] = ['level', 'code', 'name'];

/** An area as the app reads it. */
export interface AreaRecord {
	level: string;
	code: string;
	odsCode: string;
	name: string;
	parentCode: string;
	practices: number;
	gpFtePer10kWeighted: number | null;
	imdScore: number | null;
	gpFteShortfall: number | null;
}
