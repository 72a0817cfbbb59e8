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

/** A column; `dp` rounds numbers to that many decimal places. */
export const column = <T>(name: string, description: string, get: Column<T>['get'], dp?: number): Column<T> => ({
	name,
	description,
	get,
	dp
});
const lsoaCol = column<LsoaRow>;
const inverseCareCol = column<InverseCareRow>;

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
	lsoaCol('lsoa21_code', 'LSOA 2021 code', (r) => r.code),
	lsoaCol('lsoa21_name', 'LSOA 2021 name', (r) => r.name),
	lsoaCol('lad24_code', 'Local authority district (May 2024)', (r) => r.ladCode),
	lsoaCol('lad24_name', 'Local authority name', (r) => r.ladName),
	lsoaCol('region_code', 'ONS region', (r) => r.regionCode),
	lsoaCol('sub_icb_code', 'Sub-ICB location (2024)', (r) => r.sicblCode),
	lsoaCol('icb_code', 'ICB (2024)', (r) => r.icbCode),
	lsoaCol('urban_rural', 'Rural-urban classification 2021 (broad)', (r) => r.urbanRural),
	lsoaCol('population_2021', 'Census 2021 usual residents', (r) => r.population),
	...IMD_DOMAINS.flatMap((d) => [
		lsoaCol(`${d}_score`, `IoD2025 ${DOMAIN_LABEL[d]} score`, (r: LsoaRow) => r.imd.score[d]),
		lsoaCol(
			`${d}_rank`,
			`IoD2025 ${DOMAIN_LABEL[d]} rank (1 = most deprived of 33,755)`,
			(r: LsoaRow) => r.imd.rank[d]
		),
		lsoaCol(`${d}_decile`, `IoD2025 ${DOMAIN_LABEL[d]} decile (1 = most deprived 10%)`, (r: LsoaRow) => r.imd.decile[d])
	]),
	lsoaCol(
		'registered_patients_2023',
		'Patients registered with any practice living here (July 2023, crossed to 2021 LSOAs; fractional after splits)',
		(r) => r.patients,
		1
	),
	lsoaCol(
		'patients_with_fte',
		'Of which registered with a practice in the atlas with reported GP FTE',
		(r) => r.patientsCovered,
		1
	),
	lsoaCol(
		'attributed_gp_fte',
		'Σ over practices of gp_fte × (patients from this LSOA ÷ practice list)',
		(r) => r.attributedFte,
		3
	),
	lsoaCol(
		'attributed_weighted_patients',
		'Σ over practices of weighted_patients × (patients from this LSOA ÷ practice list)',
		(r) => r.attributedWeightedPatients,
		1
	),
	lsoaCol('gp_fte_per_10k_weighted', `attributed_gp_fte ${RATE}`, (r) => r.gpFtePer10kWeighted, 3),
	lsoaCol(
		'centre_lon',
		'Longitude of the LSOA centre (centroid, or a point on the surface when the centroid falls outside)',
		(r) => r.centreLon,
		5
	),
	lsoaCol('centre_lat', 'Latitude of the LSOA centre', (r) => r.centreLat, 5),
	lsoaCol(
		'nearest_practice_code',
		'Nearest practice (straight line from the LSOA centre)',
		(r) => r.nearestPracticeCode
	),
	lsoaCol('nearest_practice_km', 'Straight-line distance to it, km', (r) => r.nearestPracticeKm, 3)
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
	inverseCareCol(
		'imd_quintile',
		'Quintile of practices by IoD2025 IMD score (equal numbers of practices); 5 = most deprived',
		(r) => r.quintile
	),
	inverseCareCol('label', 'Label', (r) => r.label),
	inverseCareCol('imd_score_min', 'Lowest practice IMD score in the quintile', (r) => r.imdScoreMin, 3),
	inverseCareCol('imd_score_max', 'Highest practice IMD score in the quintile', (r) => r.imdScoreMax, 3),
	inverseCareCol('practices', 'Practices', (r) => r.practices),
	inverseCareCol('practices_with_fte', 'Of which with reported GP FTE', (r) => r.practicesWithFte),
	inverseCareCol('registered_patients', 'Registered patients', (r) => r.patients, 0),
	inverseCareCol(
		'weighted_patients_with_fte',
		'Need-weighted patients of practices with reported GP FTE',
		(r) => r.weightedPatientsWithFte,
		0
	),
	inverseCareCol('gp_fte', 'Fully qualified GP FTE', (r) => r.gpFte, 1),
	inverseCareCol('gp_fte_per_10k_weighted', areaRate('gp_fte'), (r) => r.gpFtePer10kWeighted, 3),
	inverseCareCol('gp_fte_all_per_10k_weighted', areaRate('gp_fte_all'), (r) => r.gpFteAllPer10kWeighted, 3),
	inverseCareCol('imd_score', 'Patient-weighted mean IMD score', (r) => r.imdScore, 3)
];

/** A table's entries in the data dictionary (columns.json). */
export const dictionary = <T>(cols: readonly Column<T>[]): ColumnDefinition[] =>
	cols.map((c) => ({ name: c.name, description: c.description }));
