// The open tables the atlas publishes (practices.csv, lsoa.csv, areas.csv, inverse-care.csv): one
// column list per table, each column with its definition. The same lists write the CSV header and
// the data dictionary (columns.json), so the documentation cannot drift from the files. Cells are
// written by the atlas's one CSV writer (csvCell: RFC 4180 quoting and the spreadsheet formula
// guard); practices.csv's columns are in practiceColumns.ts.
import { csvCell } from '../../src/lib/domain/csv';
import { AREA_CSV_COLUMNS, type AreaCsvColumn } from '../../src/lib/domain/formats/areas';
import type { ColumnDefinition } from '../../src/lib/domain/formats/columns';
import type { AreaRow, InverseCareRow } from './areas';
import type { LsoaRow } from './lsoa';
import { IMD_DOMAINS } from './inputs';

export interface Column<T> {
	name: string;
	description: string;
	get: (row: T) => string | number | null | undefined;
	/** Decimal places for numbers (default: as is). */
	dp?: number;
}

/** The table as CSV text: header, one line per row, LF line endings. */
export function toCsv<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
	const lines = [columns.map((c) => csvCell(c.name)).join(',')];
	for (const row of rows) {
		lines.push(columns.map((c) => csvCell(c.get(row), c.dp)).join(','));
	}
	return lines.join('\n') + '\n';
}

export const RATE = 'per 10,000 need-weighted (Carr-Hill) patients';

const DOMAIN_LABEL: Record<(typeof IMD_DOMAINS)[number], string> = {
	imd: 'Index of Multiple Deprivation',
	income: 'Income',
	employment: 'Employment',
	education_skills_training: 'Education, skills and training',
	health_deprivation_disability: 'Health deprivation and disability',
	crime: 'Crime',
	barriers_housing_services: 'Barriers to housing and services',
	living_environment: 'Living environment'
};

export const LSOA_COLUMNS: Column<LsoaRow>[] = [
	{ name: 'lsoa21_code', description: 'LSOA 2021 code', get: (r) => r.code },
	{ name: 'lsoa21_name', description: 'LSOA 2021 name', get: (r) => r.name },
	{ name: 'lad24_code', description: 'Local authority district (May 2024)', get: (r) => r.ladCode },
	{ name: 'lad24_name', description: 'Local authority name', get: (r) => r.ladName },
	{ name: 'region_code', description: 'ONS region', get: (r) => r.regionCode },
	{ name: 'sub_icb_code', description: 'Sub-ICB location (2024)', get: (r) => r.sicblCode },
	{ name: 'icb_code', description: 'ICB (2024)', get: (r) => r.icbCode },
	{ name: 'urban_rural', description: 'Rural-urban classification 2021 (broad)', get: (r) => r.urbanRural },
	{ name: 'population_2021', description: 'Census 2021 usual residents', get: (r) => r.population },
	...IMD_DOMAINS.flatMap((d) => [
		{ name: `${d}_score`, description: `IoD2025 ${DOMAIN_LABEL[d]} score`, get: (r: LsoaRow) => r.imd.score[d] },
		{
			name: `${d}_rank`,
			description: `IoD2025 ${DOMAIN_LABEL[d]} rank (1 = most deprived of 33,755)`,
			get: (r: LsoaRow) => r.imd.rank[d]
		},
		{
			name: `${d}_decile`,
			description: `IoD2025 ${DOMAIN_LABEL[d]} decile (1 = most deprived 10%)`,
			get: (r: LsoaRow) => r.imd.decile[d]
		}
	]),
	{
		name: 'registered_patients_2023',
		description:
			'Patients registered with any practice living here (July 2023, crossed to 2021 LSOAs; fractional after splits)',
		get: (r) => r.patients,
		dp: 1
	},
	{
		name: 'patients_with_fte',
		description: 'Of which registered with a practice in the atlas with reported GP FTE',
		get: (r) => r.patientsCovered,
		dp: 1
	},
	{
		name: 'attributed_gp_fte',
		description: 'Σ over practices of gp_fte × (patients from this LSOA ÷ practice list)',
		get: (r) => r.attributedFte,
		dp: 3
	},
	{
		name: 'attributed_weighted_patients',
		description: 'Σ over practices of weighted_patients × (patients from this LSOA ÷ practice list)',
		get: (r) => r.attributedWeightedPatients,
		dp: 1
	},
	{
		name: 'gp_fte_per_10k_weighted',
		description: `attributed_gp_fte ${RATE}`,
		get: (r) => r.gpFtePer10kWeighted,
		dp: 3
	},
	{
		name: 'centre_lon',
		description: 'Longitude of the LSOA centre (centroid, or a point on the surface when the centroid falls outside)',
		get: (r) => r.centreLon,
		dp: 5
	},
	{ name: 'centre_lat', description: 'Latitude of the LSOA centre', get: (r) => r.centreLat, dp: 5 },
	{
		name: 'nearest_practice_code',
		description: 'Nearest practice (straight line from the LSOA centre)',
		get: (r) => r.nearestPracticeCode
	},
	{
		name: 'nearest_practice_km',
		description: 'Straight-line distance to it, km',
		get: (r) => r.nearestPracticeKm,
		dp: 3
	}
];
const areaRate = (d: string) => `${d} ${RATE}, over practices with reported GP FTE`;

/** areas.csv's columns by name; their order is the format's (src/lib/domain/formats/areas.ts). */
const AREA_COLUMN_DEFS: Record<AreaCsvColumn, Omit<Column<AreaRow>, 'name'>> = {
	level: {
		description: 'england, nhser (NHS region), icb, sicbl (Sub-ICB location), pcn',
		get: (a) => a.level
	},
	code: { description: 'ONS code (E92/E40/E54/E38) or PCN ODS code', get: (a) => a.code },
	ods_code: { description: 'ODS code where one exists', get: (a) => a.odsCode },
	name: { description: 'Name', get: (a) => a.name },
	parent_code: { description: 'Code of the containing area', get: (a) => a.parentCode },
	practices: { description: 'Practices in the area', get: (a) => a.practices },
	practices_with_fte: {
		description: 'Of which with reported GP FTE (the rates use only these)',
		get: (a) => a.practicesWithFte
	},
	registered_patients: { description: 'Registered patients, FY2024/25', get: (a) => a.patients, dp: 1 },
	weighted_patients: { description: 'Need-weighted patients', get: (a) => a.weightedPatients, dp: 1 },
	weighted_patients_with_fte: {
		description: 'Need-weighted patients of practices with reported GP FTE',
		get: (a) => a.weightedPatientsWithFte,
		dp: 1
	},
	gp_fte: { description: 'Fully qualified GP FTE', get: (a) => a.gpFte, dp: 1 },
	gp_fte_all: { description: 'All GP FTE incl. locums and trainees', get: (a) => a.gpFteAll, dp: 1 },
	nurse_fte: { description: 'Nurse FTE', get: (a) => a.nurseFte, dp: 1 },
	dpc_fte: { description: 'Direct patient care FTE', get: (a) => a.dpcFte, dp: 1 },
	gp_fte_per_10k_weighted: { description: areaRate('gp_fte'), get: (a) => a.gpFtePer10kWeighted, dp: 3 },
	gp_fte_all_per_10k_weighted: {
		description: areaRate('gp_fte_all'),
		get: (a) => a.gpFteAllPer10kWeighted,
		dp: 3
	},
	imd_score: {
		description: 'Patient-weighted mean of practice IoD2025 IMD scores',
		get: (a) => a.imdScore,
		dp: 3
	},
	gp_fte_shortfall: {
		description: 'England rate × weighted_patients_with_fte ÷ 10,000 − gp_fte, in whole-time GPs (positive = short)',
		get: (a) => a.gpFteShortfall,
		dp: 2
	}
};

export const AREA_COLUMNS: Column<AreaRow>[] = AREA_CSV_COLUMNS.map((name) => ({ name, ...AREA_COLUMN_DEFS[name] }));

export const INVERSE_CARE_COLUMNS: Column<InverseCareRow>[] = [
	{
		name: 'imd_quintile',
		description: 'Quintile of practices by IoD2025 IMD score (equal numbers of practices); 5 = most deprived',
		get: (r) => r.quintile
	},
	{ name: 'label', description: 'Label', get: (r) => r.label },
	{ name: 'imd_score_min', description: 'Lowest practice IMD score in the quintile', get: (r) => r.imdScoreMin, dp: 3 },
	{
		name: 'imd_score_max',
		description: 'Highest practice IMD score in the quintile',
		get: (r) => r.imdScoreMax,
		dp: 3
	},
	{ name: 'practices', description: 'Practices', get: (r) => r.practices },
	{ name: 'practices_with_fte', description: 'Of which with reported GP FTE', get: (r) => r.practicesWithFte },
	{ name: 'registered_patients', description: 'Registered patients', get: (r) => r.patients, dp: 0 },
	{
		name: 'weighted_patients_with_fte',
		description: 'Need-weighted patients of practices with reported GP FTE',
		get: (r) => r.weightedPatientsWithFte,
		dp: 0
	},
	{ name: 'gp_fte', description: 'Fully qualified GP FTE', get: (r) => r.gpFte, dp: 1 },
	{ name: 'gp_fte_per_10k_weighted', description: areaRate('gp_fte'), get: (r) => r.gpFtePer10kWeighted, dp: 3 },
	{
		name: 'gp_fte_all_per_10k_weighted',
		description: areaRate('gp_fte_all'),
		get: (r) => r.gpFteAllPer10kWeighted,
		dp: 3
	},
	{ name: 'imd_score', description: 'Patient-weighted mean IMD score', get: (r) => r.imdScore, dp: 3 }
];

/** A table's entries in the data dictionary (columns.json). */
export const dictionary = <T>(cols: readonly Column<T>[]): ColumnDefinition[] =>
	cols.map((c) => ({ name: c.name, description: c.description }));
