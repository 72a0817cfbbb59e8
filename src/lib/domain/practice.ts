// The practice record: one row of practices.csv, and what the app reads for each practice.

export type LocationSource = 'postcode' | 'postcode-sector' | 'none';
export type PatientsSource = 'workforce-fy2024-25' | 'registrations-2023-07' | 'none';
export type FteStatus = 'reported' | 'zero' | 'not-reported' | 'no-workforce-record';

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

export interface Practice extends PopulationDeprivation, PracticeOrganisation {
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
	needRatio: number;
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
	noRegistrations: 'no registrations by LSOA (July 2023): deprivation unknown'
} as const;

export function practiceFlags(p: Practice): string[] {
	const flags: string[] = [];
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
