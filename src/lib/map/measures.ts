// The measures the atlas can colour by: what each means, where it lives in the data, its scale and
// vintage. One table for the map, the legend, the URL and the tests.
import { decileScale, divergingScale, sequentialScale, type MeasureScale } from '$lib/domain/scales';
import { DECILE_PROPERTY, GP_FTE_PROPERTY, IMD_SCORE_PROPERTY, type TileDomain } from '$lib/domain/formats/lsoaTiles';

export const IMD_VINTAGE = 'English Indices of Deprivation 2025 (MHCLG, 30 Oct 2025), LSOA 2021';
export const FTE_VINTAGE =
	'GP workforce FY 2024/25 (NHS Digital), need-weighted with Carr-Hill 2022/23, attributed by registrations July 2023';
export const PRACTICE_FTE_VINTAGE = 'GP workforce FY 2024/25 (NHS Digital); Carr-Hill weighting 2022/23 (NHS Payments)';
export const PRACTICE_IMD_VINTAGE = 'IoD2025 over registered patients by LSOA, July 2023 (NHS Digital)';

/** England's fully qualified GP FTE per 10,000 weighted patients, used until networks.json supplies the built value. */
export const DEFAULT_ENGLAND_RATE = 4.3;

export type LsoaMeasureKey = 'imd' | 'inc' | 'emp' | 'edu' | 'hea' | 'cri' | 'bar' | 'env' | 'score' | 'fte';

export interface LsoaMeasure {
	key: LsoaMeasureKey;
	label: string;
	short: string;
	/** Property in the lsoa/lad tile layers. */
	property: string;
	kind: 'decile' | 'continuous';
	vintage: string;
	/** What the colours mean, for the legend. */
	explain: string;
	format: (v: number) => string;
}

const decile = (key: LsoaMeasureKey, label: string, short: string, domain: TileDomain): LsoaMeasure => ({
	key,
	label,
	short,
	property: DECILE_PROPERTY[domain],
	kind: 'decile',
	vintage: IMD_VINTAGE,
	explain: `${label}: decile of England's neighbourhoods, 1 = most deprived 10%`,
	format: (v) => `decile ${v}`
});

export const LSOA_MEASURES: readonly LsoaMeasure[] = [
	decile('imd', 'Index of Multiple Deprivation', 'IMD', 'imd'),
	decile('inc', 'Income', 'Income', 'income'),
	decile('emp', 'Employment', 'Employment', 'employment'),
	decile('edu', 'Education, skills and training', 'Education', 'education_skills_training'),
	decile('hea', 'Health deprivation and disability', 'Health', 'health_deprivation_disability'),
	decile('cri', 'Crime', 'Crime', 'crime'),
	decile('bar', 'Barriers to housing and services', 'Barriers', 'barriers_housing_services'),
	decile('env', 'Living environment', 'Environment', 'living_environment'),
	{
		key: 'score',
		label: 'IMD score',
		short: 'IMD score',
		property: IMD_SCORE_PROPERTY,
		kind: 'continuous',
		vintage: IMD_VINTAGE,
		explain: 'IMD 2025 score: higher = more deprived',
		format: (v) => v.toFixed(1)
	},
	{
		key: 'fte',
		label: 'GP FTE per 10,000 weighted patients (attributed)',
		short: 'GPs per need',
		property: GP_FTE_PROPERTY,
		kind: 'continuous',
		vintage: FTE_VINTAGE,
		explain: "Fully qualified GPs (FTE) serving the area's residents, per 10,000 need-weighted patients",
		format: (v) => v.toFixed(2)
	}
];

export const LSOA_MEASURE_KEYS = LSOA_MEASURES.map((m) => m.key);

export function lsoaMeasure(key: LsoaMeasureKey): LsoaMeasure {
	return LSOA_MEASURES.find((m) => m.key === key) ?? LSOA_MEASURES[0];
}

export type PracticeMeasureKey = 'fte' | 'imd' | 'share15';

export interface PracticeMeasure {
	key: PracticeMeasureKey;
	label: string;
	short: string;
	field: 'gpFtePer10kWeighted' | 'imdScore' | 'share15';
	vintage: string;
	explain: string;
	format: (v: number) => string;
}

export const PRACTICE_MEASURES: readonly PracticeMeasure[] = [
	{
		key: 'fte',
		label: 'GP FTE per 10,000 weighted patients',
		short: 'GPs per need',
		field: 'gpFtePer10kWeighted',
		vintage: PRACTICE_FTE_VINTAGE,
		explain: 'Fully qualified GPs (FTE) per 10,000 need-weighted patients; orange = fewer than England',
		format: (v) => v.toFixed(2)
	},
	{
		key: 'imd',
		label: 'Practice IMD score',
		short: 'IMD score',
		field: 'imdScore',
		vintage: PRACTICE_IMD_VINTAGE,
		explain: "Patient-weighted IMD 2025 score of the practice's registered patients: higher = more deprived",
		format: (v) => v.toFixed(1)
	},
	{
		key: 'share15',
		label: "Share of patients in England's most deprived 15%",
		short: 'Most deprived 15%',
		field: 'share15',
		vintage: PRACTICE_IMD_VINTAGE,
		explain: "Share of the practice's patients living in England's most deprived 15% of neighbourhoods",
		format: (v) => `${Math.round(v * 100)}%`
	}
];

export const PRACTICE_MEASURE_KEYS = PRACTICE_MEASURES.map((m) => m.key);

export function practiceMeasure(key: PracticeMeasureKey): PracticeMeasure {
	return PRACTICE_MEASURES.find((m) => m.key === key) ?? PRACTICE_MEASURES[0];
}

/** Domain ends for the continuous measures: wide enough to separate most areas, clamped beyond. */
export const IMD_SCORE_DOMAIN: [number, number] = [5, 55];
export const SHARE_DOMAIN: [number, number] = [0, 1];

/** Provision scales are centred on the England rate and symmetric about it. */
export function fteDomain(englandRate: number): [number, number, number] {
	return [Math.max(0, englandRate - 3), englandRate, englandRate + 3];
}

export function lsoaScale(m: LsoaMeasure, englandRate: number): MeasureScale {
	if (m.kind === 'decile') return decileScale();
	if (m.key === 'score') return sequentialScale(...IMD_SCORE_DOMAIN);
	const [lo, mid, hi] = fteDomain(englandRate);
	return divergingScale(lo, mid, hi);
}

export function practiceScale(m: PracticeMeasure, englandRate: number): MeasureScale {
	if (m.key === 'imd') return sequentialScale(...IMD_SCORE_DOMAIN);
	if (m.key === 'share15') return sequentialScale(...SHARE_DOMAIN);
	const [lo, mid, hi] = fteDomain(englandRate);
	return divergingScale(lo, mid, hi);
}
