// The practice record: one row of practices.csv, and what the app reads for each practice.
import type { Nation } from './nations';

export type LocationSource = 'postcode' | 'postcode-sector' | 'none';
export type PatientsSource =
	'workforce-fy2024-25' | 'registrations-2023-07' | 'none' | 'statswales-2024-04' | 'phs-2024-10';
/** `not-published`: Welsh and Scottish practices, for which no practice-level GP FTE is published. */
export type FteStatus = 'reported' | 'zero' | 'not-reported' | 'no-workforce-record' | 'not-published';

/** The deprivation of a practice's registered population (computed in domain/deprivation). */
export interface PopulationDeprivation {
	/** Patient-weighted IoD2025 IMD score. */
	imdScore: number | null;
	/** Shares of placed patients in England's 10%, 15% and 20% most deprived LSOAs. */
	share10: number | null;
	share15: number | null;
	share20: number | null;
	/** Share of placed patients by IoD2025 IMD decile; index 0 = decile 1 (most deprived). */
	decileShares: number[] | null;
	/** Patient-weighted IoD2019 IMD score on 2011 LSOAs, for continuity with published practice scores. */
	imdScore2019: number | null;
	/** Shares of patients placed in IoD2019 (2011 LSOAs) in England's most deprived 10%, 15% and 20%. */
	iod2019Share10: number | null;
	iod2019Share15: number | null;
	iod2019Share20: number | null;
}

/** Where a practice sits in the NHS: its PCN, Sub-ICB location, ICB and region (the ODS mapping file). */
export interface PracticeOrganisation {
	pcnCode: string;
	pcnName: string;
	sicblCode: string;
	sicblOds: string;
	sicblName: string;
	icbCode: string;
	icbOds: string;
	icbName: string;
	nhserCode: string;
	nhserName: string;
}

/**
 * What differs by nation (src/lib/domain/nations.ts). England's practices carry England-only fields
 * (ICB, PCN, FTE, IoD2025 shares); Welsh and Scottish practices have those null or empty and carry
 * their own: the health board, Wales's StatsWales deprivation share, Scotland's GP headcount.
 */
export interface PracticeNationFields {
	nation: Nation;
	/** Health board: Welsh ODS code (7A1…7A7) or Scottish S08 code; null in England. */
	healthBoard: string | null;
	/** Wales: share (0–1) of patients in the 20% most deprived WIMD 2019 LSOAs (StatsWales, April 2024). */
	wimdShare20: number | null;
	/** Scotland: distinct GPs listed at the practice (headcount, not FTE), October 2024. */
	gpHeadcount: number | null;
	/** Scotland: GP headcount per 10,000 registered (unweighted) patients. Not comparable with FTE rates. */
	gpHeadcountPer10k: number | null;
	/** Scotland: GP listings by designation (a GP may hold more than one), October 2024. */
	gpPerformerHeadcount: number | null;
	gpSalariedHeadcount: number | null;
	gpRegistrarHeadcount: number | null;
	gpRetaineeHeadcount: number | null;
	/** Decile, within its own nation, of the neighbourhood containing the practice premises. */
	premisesDecile: number | null;
}

export interface Practice extends PopulationDeprivation, PracticeOrganisation, PracticeNationFields {
	code: string;
	name: string;
	address: string;
	postcode: string;
	lat: number | null;
	lon: number | null;
	locationSource: LocationSource;
	/** 2021 LSOA containing the practice's location (point in polygon). */
	lsoa: string | null;
	/** ONS region (E12) of the practice's location. */
	region: string | null;

	patients: number | null;
	patientsSource: PatientsSource;
	/** Carr-Hill weighted / registered patients, 2022/23 payments; 1.0 when there is no payments record. */
	needRatio: number | null;
	needRatioDefaulted: boolean;
	weightedPatients: number | null;

	fteStatus: FteStatus;
	/** Fully qualified GPs, excluding locums and trainees (TOTAL_GP_EXTGL_FTE). Null unless reported. */
	gpFte: number | null;
	/** All GPs: fully qualified + locums and trainees. */
	gpFteAll: number | null;
	nurseFte: number | null;
	dpcFte: number | null;
	gpFtePer10kWeighted: number | null;
	gpFteAllPer10kWeighted: number | null;
	nurseFtePer10kWeighted: number | null;
	dpcFtePer10kWeighted: number | null;

	/** Patients in the July 2023 registrations-by-LSOA file. */
	listedPatients2023: number;
	unplacedNoLsoa: number;
	unplacedWelsh: number;
	unplacedUnknown: number;
	/** Share of the July 2023 list not placed in an English LSOA. */
	unplacedShare: number | null;
	deepEndRank: number | null;
	/** Quintile of practices by IoD2025 IMD score, equal counts; 5 = most deprived. */
	imdQuintile: number | null;
	/** IMD score of the LSOA the practice building stands in ("practice-postcode IMD"). */
	locationImdScore: number | null;
	/** IoD2019 IMD score of the practice's own neighbourhood: the 2011 LSOA(s) its 2021 LSOA came from (mean if merged). */
	locationImdScore2019: number | null;
	/** Local authority (LAD 2024) of the practice's location. */
	ladCode: string | null;
	/** epraccur PRESCRIBING_SETTING (4 = GP practice); null when not in the register. */
	prescribingSetting: number | null;
	/** Quality flags (domain/practiceFlags), codes joined by ";" ('' = none). */
	qualityFlags: string;
}

export const PRACTICE_FLAGS = {
	locationSector: 'postcode not live in Code-Point Open: placed at its postcode-sector centroid',
	noLocation: 'postcode and sector unknown: no location',
	needRatioDefaulted: 'no 2022/23 payments record: need-weighting ratio 1.0 assumed',
	patientsFromRegistrations: 'no FY2024/25 workforce record: list size from July 2023 registrations',
	fteMissing: 'GP FTE not reported for FY2024/25',
	fteZero: 'GP FTE reported as zero',
	noRegistrations: 'no registrations by LSOA (July 2023): deprivation unknown',
	fteNotPublishedWales: 'Wales: no practice-level GP workforce is published',
	headcountOnlyScotland: 'Scotland: GP headcount (not FTE) from PHS, October 2024',
	noGpListedScotland: 'Scotland: no GP listed at the practice in the PHS file (October 2024)',
	suppressedWales: 'Wales: StatsWales figures suppressed for this practice (April 2024)',
	notInStatsWales: 'Wales: practice not in the StatsWales table (April 2024)'
} as const;

export function practiceFlags(p: Practice): string[] {
	const flags: string[] = [];
	if (p.nation !== 'E') {
		if (p.locationSource === 'postcode-sector') flags.push(PRACTICE_FLAGS.locationSector);
		if (p.locationSource === 'none') flags.push(PRACTICE_FLAGS.noLocation);
		if (p.nation === 'W') {
			flags.push(PRACTICE_FLAGS.fteNotPublishedWales);
			if (p.patientsSource === 'none') flags.push(PRACTICE_FLAGS.notInStatsWales);
			else if (p.wimdShare20 === null) flags.push(PRACTICE_FLAGS.suppressedWales);
		} else {
			flags.push(p.gpHeadcount === null ? PRACTICE_FLAGS.noGpListedScotland : PRACTICE_FLAGS.headcountOnlyScotland);
		}
		return flags;
	}
	if (p.locationSource === 'postcode-sector') flags.push(PRACTICE_FLAGS.locationSector);
	if (p.locationSource === 'none') flags.push(PRACTICE_FLAGS.noLocation);
	if (p.needRatioDefaulted) flags.push(PRACTICE_FLAGS.needRatioDefaulted);
	if (p.patientsSource === 'registrations-2023-07') flags.push(PRACTICE_FLAGS.patientsFromRegistrations);
	if (p.fteStatus === 'not-reported' || p.fteStatus === 'no-workforce-record') flags.push(PRACTICE_FLAGS.fteMissing);
	if (p.fteStatus === 'zero') flags.push(PRACTICE_FLAGS.fteZero);
	if (p.listedPatients2023 === 0) flags.push(PRACTICE_FLAGS.noRegistrations);
	return flags;
}

/** A practice's GP FTE counts towards rates only when reported and above zero. */
export const hasUsableFte = (p: Pick<Practice, 'fteStatus' | 'weightedPatients'>) =>
	p.fteStatus === 'reported' && p.weightedPatients !== null && p.weightedPatients > 0;
