// practices.csv: one column list, each column with its definition; it writes the CSV header, the
// rows and the file's entry in the data dictionary (columns.json).
import type { Practice } from '../../src/lib/domain/practice';
import { practiceFlags } from '../../src/lib/domain/practice';
import { QUALITY_FLAG_CODES, QUALITY_FLAGS } from '../../src/lib/domain/practiceFlags';
import { column, RATE, type Column } from './tables';
import { NATION_COLUMNS } from './nations/columns';

const col = column<Practice>;

export const PRACTICE_COLUMNS: Column<Practice>[] = [
	col('practice_code', 'ODS practice code', (p) => p.code),
	col('practice_name', 'Practice name (Oct 2025 mapping file)', (p) => p.name),
	col('address', 'Address lines from the ODS register (epraccur, Sep 2025)', (p) => p.address),
	col('postcode', 'Practice postcode (Oct 2025 mapping file)', (p) => p.postcode),
	col('lat', 'Latitude (WGS84) of the postcode in Code-Point Open (Oct 2025)', (p) => p.lat),
	col('lon', 'Longitude (WGS84)', (p) => p.lon),
	col(
		'location_source',
		"postcode = Code-Point Open postcode; postcode-sector = postcode no longer live, placed at its sector's centroid; none",
		(p) => p.locationSource
	),
	col('lsoa21_code', 'LSOA 2021 containing the practice location', (p) => p.lsoa),
	col('region_code', 'ONS region (E12) of the practice location', (p) => p.region),
	col('pcn_code', 'Primary Care Network ODS code (U = no PCN)', (p) => p.pcnCode),
	col('pcn_name', 'PCN name', (p) => p.pcnName),
	col('sub_icb_code', 'Sub-ICB location, ONS code (E38)', (p) => p.sicblCode),
	col('sub_icb_ods_code', 'Sub-ICB location, ODS code', (p) => p.sicblOds),
	col('sub_icb_name', 'Sub-ICB location name', (p) => p.sicblName),
	col('icb_code', 'Integrated Care Board, ONS code (E54)', (p) => p.icbCode),
	col('icb_ods_code', 'ICB ODS code', (p) => p.icbOds),
	col('icb_name', 'ICB name', (p) => p.icbName),
	col('nhs_region_code', 'NHS England commissioning region, ONS code (E40)', (p) => p.nhserCode),
	col('nhs_region_name', 'NHS England region name', (p) => p.nhserName),
	col(
		'registered_patients',
		'Registered patients, mean of FY2024/25 monthly counts (GP workforce file); see patients_source',
		(p) => p.patients,
		1
	),
	col(
		'patients_source',
		'workforce-fy2024-25, or registrations-2023-07 when the practice has no FY2024/25 workforce record',
		(p) => p.patientsSource
	),
	col(
		'need_weighting_ratio',
		'Carr-Hill weighted ÷ registered patients, NHS Payments 2022/23 (1.0 when no payments record)',
		(p) => p.needRatio,
		4
	),
	col('need_weighting_defaulted', '1 when no 2022/23 payments record: ratio 1.0 assumed', (p) =>
		p.needRatioDefaulted ? 1 : 0
	),
	col(
		'weighted_patients',
		'Need-weighted patients = registered_patients × need_weighting_ratio',
		(p) => p.weightedPatients,
		1
	),
	col(
		'fte_status',
		'reported; zero (reported as 0, excluded from rates); not-reported (NA); no-workforce-record',
		(p) => p.fteStatus
	),
	col(
		'gp_fte',
		'Fully qualified GP FTE excluding locums and trainees (TOTAL_GP_EXTGL_FTE), FY2024/25 mean',
		(p) => p.gpFte,
		1
	),
	col('gp_fte_all', 'All GP FTE: gp_fte + locums and trainees (TOTAL_LOCUUM_TRN_FTE)', (p) => p.gpFteAll, 1),
	col('nurse_fte', 'Nurse FTE (TOTAL_NURSES_FTE)', (p) => p.nurseFte, 1),
	col('dpc_fte', 'Direct patient care FTE (TOTAL_DPC_FTE)', (p) => p.dpcFte, 1),
	col(
		'gp_fte_per_10k_weighted',
		`gp_fte ${RATE} (blank unless fte_status = reported)`,
		(p) => p.gpFtePer10kWeighted,
		3
	),
	col('gp_fte_all_per_10k_weighted', `gp_fte_all ${RATE}`, (p) => p.gpFteAllPer10kWeighted, 3),
	col('nurse_fte_per_10k_weighted', `nurse_fte ${RATE}`, (p) => p.nurseFtePer10kWeighted, 3),
	col('dpc_fte_per_10k_weighted', `dpc_fte ${RATE}`, (p) => p.dpcFtePer10kWeighted, 3),
	col(
		'imd_score',
		'Patient-weighted IoD2025 IMD score of registered patients (July 2023 registrations crossed to 2021 LSOAs)',
		(p) => p.imdScore,
		3
	),
	col(
		'share_most_deprived_10pc',
		"Share of placed patients living in England's most deprived 10% of LSOAs (IoD2025 rank ≤ 3,375)",
		(p) => p.share10,
		4
	),
	col('share_most_deprived_15pc', 'Share in the most deprived 15% (rank ≤ 5,063)', (p) => p.share15, 4),
	col('share_most_deprived_20pc', 'Share in the most deprived 20% (rank ≤ 6,751)', (p) => p.share20, 4),
	...Array.from({ length: 10 }, (_, k) =>
		col(
			`share_imd_decile_${k + 1}`,
			`Share of placed patients living in IoD2025 IMD decile ${k + 1}${k === 0 ? ' (most deprived)' : k === 9 ? ' (least deprived)' : ''}`,
			(p: Practice) => p.decileShares?.[k] ?? null,
			4
		)
	),
	col(
		'deep_end_rank',
		'National rank by share_most_deprived_15pc, 1 = most deprived (ties share a rank)',
		(p) => p.deepEndRank
	),
	col(
		'imd_quintile',
		'Quintile of practices by imd_score, equal numbers of practices; 5 = most deprived',
		(p) => p.imdQuintile
	),
	col(
		'imd_score_2019',
		'Patient-weighted IoD2019 IMD score on 2011 LSOAs (continuity with published practice scores)',
		(p) => p.imdScore2019,
		3
	),
	col(
		'location_imd_score',
		"IoD2025 IMD score of the LSOA the practice stands in ('practice-postcode IMD')",
		(p) => p.locationImdScore,
		3
	),
	col('listed_patients_2023', 'Patients in the registrations-by-LSOA file, July 2023', (p) => p.listedPatients2023),
	col('unplaced_no_lsoa', 'Of which recorded with no LSOA (NO2011)', (p) => p.unplacedNoLsoa),
	col('unplaced_welsh', 'Of which living in Welsh LSOAs (outside IoD2025)', (p) => p.unplacedWelsh),
	col('unplaced_unknown', 'Of which with an LSOA code the lookups do not know', (p) => p.unplacedUnknown, 1),
	col('unplaced_share', 'Share of listed_patients_2023 not placed in an English LSOA', (p) => p.unplacedShare, 4),
	col('flags', 'Data quality flags, separated by "; "', (p) => practiceFlags(p).join('; ')),
	...NATION_COLUMNS,
	col(
		'share_most_deprived_10pc_iod2019',
		"Share of patients (July 2023, on 2011 LSOAs) living in England's most deprived 10% of LSOAs by IoD2019 (rank ≤ 3,284 of 32,844)",
		(p) => p.iod2019Share10,
		4
	),
	col(
		'share_most_deprived_15pc_iod2019',
		'The same, most deprived 15% by IoD2019 (rank ≤ 4,926)',
		(p) => p.iod2019Share15,
		4
	),
	col(
		'share_most_deprived_20pc_iod2019',
		'The same, most deprived 20% by IoD2019 (rank ≤ 6,568)',
		(p) => p.iod2019Share20,
		4
	),
	col(
		'location_imd_score_2019',
		"IoD2019 IMD score of the practice's own neighbourhood: the 2011 LSOA its 2021 LSOA came from (mean of the 2011 LSOAs when merged)",
		(p) => p.locationImdScore2019,
		3
	),
	col('lad_code', 'Local authority (LAD 2024) of the practice location', (p) => p.ladCode),
	col(
		'prescribing_setting',
		'ODS register (epraccur) prescribing setting; 4 = GP practice',
		(p) => p.prescribingSetting
	),
	col(
		'quality_flags',
		`Implausible records and special services, codes separated by ";": ${QUALITY_FLAG_CODES.map((c) => `${c} = ${QUALITY_FLAGS[c].definition}`).join('; ')}`,
		(p) => p.qualityFlags
	)
];
