// The open tables the atlas publishes (practices.csv, lsoa.csv, areas.csv, inverse-care.csv): one
// column list per table, each column with its definition. The same lists write the CSV header and
// the data dictionary (columns.json), so the documentation cannot drift from the files.
import type { Practice } from '../../src/lib/domain/practice';
import { practiceFlags } from '../../src/lib/domain/practice';
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

export function toCsv<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
	const lines = [columns.map((c) => c.name).join(',')];
	for (const row of rows) {
		lines.push(columns.map((c) => formatCell(c.get(row), c.dp)).join(','));
	}
	return lines.join('\n') + '\n';
}

export function formatCell(v: string | number | null | undefined, dp?: number): string {
	if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '';
	if (typeof v === 'number') return dp === undefined ? String(v) : String(Math.round(v * 10 ** dp) / 10 ** dp);
	return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const RATE = 'per 10,000 need-weighted (Carr-Hill) patients';

export const PRACTICE_COLUMNS: Column<Practice>[] = [
	{ name: 'practice_code', description: 'ODS practice code', get: (p) => p.code },
	{ name: 'practice_name', description: 'Practice name (Oct 2025 mapping file)', get: (p) => p.name },
	{ name: 'address', description: 'Address lines from the ODS register (epraccur, Sep 2025)', get: (p) => p.address },
	{ name: 'postcode', description: 'Practice postcode (Oct 2025 mapping file)', get: (p) => p.postcode },
	{ name: 'lat', description: 'Latitude (WGS84) of the postcode in Code-Point Open (Oct 2025)', get: (p) => p.lat },
	{ name: 'lon', description: 'Longitude (WGS84)', get: (p) => p.lon },
	{
		name: 'location_source',
		description:
			"postcode = Code-Point Open postcode; postcode-sector = postcode no longer live, placed at its sector's centroid; none",
		get: (p) => p.locationSource
	},
	{ name: 'lsoa21_code', description: 'LSOA 2021 containing the practice location', get: (p) => p.lsoa },
	{ name: 'region_code', description: 'ONS region (E12) of the practice location', get: (p) => p.region },
	{ name: 'pcn_code', description: 'Primary Care Network ODS code (U = no PCN)', get: (p) => p.pcnCode },
	{ name: 'pcn_name', description: 'PCN name', get: (p) => p.pcnName },
	{ name: 'sub_icb_code', description: 'Sub-ICB location, ONS code (E38)', get: (p) => p.sicblCode },
	{ name: 'sub_icb_ods_code', description: 'Sub-ICB location, ODS code', get: (p) => p.sicblOds },
	{ name: 'sub_icb_name', description: 'Sub-ICB location name', get: (p) => p.sicblName },
	{ name: 'icb_code', description: 'Integrated Care Board, ONS code (E54)', get: (p) => p.icbCode },
	{ name: 'icb_ods_code', description: 'ICB ODS code', get: (p) => p.icbOds },
	{ name: 'icb_name', description: 'ICB name', get: (p) => p.icbName },
	{ name: 'nhs_region_code', description: 'NHS England commissioning region, ONS code (E40)', get: (p) => p.nhserCode },
	{ name: 'nhs_region_name', description: 'NHS England region name', get: (p) => p.nhserName },
	{
		name: 'registered_patients',
		description: 'Registered patients, mean of FY2024/25 monthly counts (GP workforce file); see patients_source',
		get: (p) => p.patients,
		dp: 1
	},
	{
		name: 'patients_source',
		description: 'workforce-fy2024-25, or registrations-2023-07 when the practice has no FY2024/25 workforce record',
		get: (p) => p.patientsSource
	},
	{
		name: 'need_weighting_ratio',
		description: 'Carr-Hill weighted ÷ registered patients, NHS Payments 2022/23 (1.0 when no payments record)',
		get: (p) => p.needRatio,
		dp: 4
	},
	{
		name: 'need_weighting_defaulted',
		description: '1 when no 2022/23 payments record: ratio 1.0 assumed',
		get: (p) => (p.needRatioDefaulted ? 1 : 0)
	},
	{
		name: 'weighted_patients',
		description: 'Need-weighted patients = registered_patients × need_weighting_ratio',
		get: (p) => p.weightedPatients,
		dp: 1
	},
	{
		name: 'fte_status',
		description: 'reported; zero (reported as 0, excluded from rates); not-reported (NA); no-workforce-record',
		get: (p) => p.fteStatus
	},
	{
		name: 'gp_fte',
		description: 'Fully qualified GP FTE excluding locums and trainees (TOTAL_GP_EXTGL_FTE), FY2024/25 mean',
		get: (p) => p.gpFte,
		dp: 1
	},
	{
		name: 'gp_fte_all',
		description: 'All GP FTE: gp_fte + locums and trainees (TOTAL_LOCUUM_TRN_FTE)',
		get: (p) => p.gpFteAll,
		dp: 1
	},
	{ name: 'nurse_fte', description: 'Nurse FTE (TOTAL_NURSES_FTE)', get: (p) => p.nurseFte, dp: 1 },
	{ name: 'dpc_fte', description: 'Direct patient care FTE (TOTAL_DPC_FTE)', get: (p) => p.dpcFte, dp: 1 },
	{
		name: 'gp_fte_per_10k_weighted',
		description: `gp_fte ${RATE} (blank unless fte_status = reported)`,
		get: (p) => p.gpFtePer10kWeighted,
		dp: 3
	},
	{
		name: 'gp_fte_all_per_10k_weighted',
		description: `gp_fte_all ${RATE}`,
		get: (p) => p.gpFteAllPer10kWeighted,
		dp: 3
	},
	{ name: 'nurse_fte_per_10k_weighted', description: `nurse_fte ${RATE}`, get: (p) => p.nurseFtePer10kWeighted, dp: 3 },
	{ name: 'dpc_fte_per_10k_weighted', description: `dpc_fte ${RATE}`, get: (p) => p.dpcFtePer10kWeighted, dp: 3 },
	{
		name: 'imd_score',
		description:
			'Patient-weighted IoD2025 IMD score of registered patients (July 2023 registrations crossed to 2021 LSOAs)',
		get: (p) => p.imdScore,
		dp: 3
	},
	{
		name: 'share_most_deprived_10pc',
		description: "Share of placed patients living in England's most deprived 10% of LSOAs (IoD2025 rank ≤ 3,375)",
		get: (p) => p.share10,
		dp: 4
	},
	{
		name: 'share_most_deprived_15pc',
		description: 'Share in the most deprived 15% (rank ≤ 5,063)',
		get: (p) => p.share15,
		dp: 4
	},
	{
		name: 'share_most_deprived_20pc',
		description: 'Share in the most deprived 20% (rank ≤ 6,751)',
		get: (p) => p.share20,
		dp: 4
	},
	...Array.from({ length: 10 }, (_, k) => ({
		name: `share_imd_decile_${k + 1}`,
		description: `Share of placed patients living in IoD2025 IMD decile ${k + 1}${k === 0 ? ' (most deprived)' : k === 9 ? ' (least deprived)' : ''}`,
		get: (p: Practice) => p.decileShares?.[k] ?? null,
		dp: 4
	})),
	{
		name: 'deep_end_rank',
		description: 'National rank by share_most_deprived_15pc, 1 = most deprived (ties share a rank)',
		get: (p) => p.deepEndRank
	},
	{
		name: 'imd_quintile',
		description: 'Quintile of practices by imd_score, equal numbers of practices; 5 = most deprived',
		get: (p) => p.imdQuintile
	},
	{
		name: 'imd_score_2019',
		description: 'Patient-weighted IoD2019 IMD score on 2011 LSOAs (continuity with published practice scores)',
		get: (p) => p.imdScore2019,
		dp: 3
	},
	{
		name: 'location_imd_score',
		description: "IoD2025 IMD score of the LSOA the practice stands in ('practice-postcode IMD')",
		get: (p) => p.locationImdScore,
		dp: 3
	},
	{
		name: 'listed_patients_2023',
		description: 'Patients in the registrations-by-LSOA file, July 2023',
		get: (p) => p.listedPatients2023
	},
	{ name: 'unplaced_no_lsoa', description: 'Of which recorded with no LSOA (NO2011)', get: (p) => p.unplacedNoLsoa },
	{
		name: 'unplaced_welsh',
		description: 'Of which living in Welsh LSOAs (outside IoD2025)',
		get: (p) => p.unplacedWelsh
	},
	{
		name: 'unplaced_unknown',
		description: 'Of which with an LSOA code the lookups do not know',
		get: (p) => p.unplacedUnknown,
		dp: 1
	},
	{
		name: 'unplaced_share',
		description: 'Share of listed_patients_2023 not placed in an English LSOA',
		get: (p) => p.unplacedShare,
		dp: 4
	},
	{ name: 'flags', description: 'Data quality flags, separated by "; "', get: (p) => practiceFlags(p).join('; ') }
];

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

export const AREA_COLUMNS: Column<AreaRow>[] = [
	{
		name: 'level',
		description: 'england, nhser (NHS region), icb, sicbl (Sub-ICB location), pcn',
		get: (a) => a.level
	},
	{ name: 'code', description: 'ONS code (E92/E40/E54/E38) or PCN ODS code', get: (a) => a.code },
	{ name: 'ods_code', description: 'ODS code where one exists', get: (a) => a.odsCode },
	{ name: 'name', description: 'Name', get: (a) => a.name },
	{ name: 'parent_code', description: 'Code of the containing area', get: (a) => a.parentCode },
	{ name: 'practices', description: 'Practices in the area', get: (a) => a.practices },
	{
		name: 'practices_with_fte',
		description: 'Of which with reported GP FTE (the rates use only these)',
		get: (a) => a.practicesWithFte
	},
	{ name: 'registered_patients', description: 'Registered patients, FY2024/25', get: (a) => a.patients, dp: 1 },
	{ name: 'weighted_patients', description: 'Need-weighted patients', get: (a) => a.weightedPatients, dp: 1 },
	{
		name: 'weighted_patients_with_fte',
		description: 'Need-weighted patients of practices with reported GP FTE',
		get: (a) => a.weightedPatientsWithFte,
		dp: 1
	},
	{ name: 'gp_fte', description: 'Fully qualified GP FTE', get: (a) => a.gpFte, dp: 1 },
	{ name: 'gp_fte_all', description: 'All GP FTE incl. locums and trainees', get: (a) => a.gpFteAll, dp: 1 },
	{ name: 'nurse_fte', description: 'Nurse FTE', get: (a) => a.nurseFte, dp: 1 },
	{ name: 'dpc_fte', description: 'Direct patient care FTE', get: (a) => a.dpcFte, dp: 1 },
	{ name: 'gp_fte_per_10k_weighted', description: areaRate('gp_fte'), get: (a) => a.gpFtePer10kWeighted, dp: 3 },
	{
		name: 'gp_fte_all_per_10k_weighted',
		description: areaRate('gp_fte_all'),
		get: (a) => a.gpFteAllPer10kWeighted,
		dp: 3
	},
	{
		name: 'imd_score',
		description: 'Patient-weighted mean of practice IoD2025 IMD scores',
		get: (a) => a.imdScore,
		dp: 3
	},
	{
		name: 'gp_fte_shortfall',
		description: 'England rate × weighted_patients_with_fte ÷ 10,000 − gp_fte, in whole-time GPs (positive = short)',
		get: (a) => a.gpFteShortfall,
		dp: 2
	}
];

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

export const dictionary = (cols: readonly Column<never>[]) =>
	cols.map((c) => ({ name: c.name, description: c.description }));
