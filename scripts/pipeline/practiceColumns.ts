// practices.csv: one column list, each column with its definition; it writes the CSV header, the
// rows and the file's entry in the data dictionary (columns.json).
import type { Practice } from '../../src/lib/domain/practice';
import { practiceFlags } from '../../src/lib/domain/practice';
import { RATE, type Column } from './tables';

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
