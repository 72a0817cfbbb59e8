// Indices of Deprivation: IoD2025 domains by LSOA 2021 and the IoD2019 score by LSOA 2011.
import { CODE, readCsv } from '../read';
import { str, num } from './cells';
import { INPUT_FILES } from './files';

export const IMD_DOMAINS = [
	'imd',
	'income',
	'employment',
	'education_skills_training',
	'health_deprivation_disability',
	'crime',
	'barriers_housing_services',
	'living_environment'
] as const;
export type ImdDomain = (typeof IMD_DOMAINS)[number];

export interface Imd2025Row {
	code: string;
	score: Record<ImdDomain, number>;
	rank: Record<ImdDomain, number>;
	decile: Record<ImdDomain, number>;
}

/**
 * What each IoD2025 score can be (MHCLG technical report): the IMD score runs 0–100; income and
 * employment are proportions of people (0–1); health and crime are standardised scores around 0
 * (observed −3.3 to 3.5). Education, barriers and living environment are published on 0–100 (observed
 * 0.004–99.6); their lower bound is −5, as for a standardised score, so that a vintage published that
 * way still reads. An absurd value (99999999, a rate of 1.5) stops the build at its line and column.
 */
const IMD_SCORE_RANGE: Record<ImdDomain, { min: number; max: number }> = {
	imd: { min: 0, max: 100 },
	income: { min: 0, max: 1 },
	employment: { min: 0, max: 1 },
	education_skills_training: { min: -5, max: 100 },
	health_deprivation_disability: { min: -5, max: 5 },
	crime: { min: -5, max: 5 },
	barriers_housing_services: { min: -5, max: 100 },
	living_environment: { min: -5, max: 100 }
};

export function readImd2025(path: string): Imd2025Row[] {
	const columns = [
		{ name: 'lsoa21_code', ...CODE.lsoa21 },
		...IMD_DOMAINS.flatMap((d) => [
			{ name: `${d}_score`, type: 'number' as const, ...IMD_SCORE_RANGE[d] },
			{ name: `${d}_rank`, type: 'integer' as const, min: 1, max: 40_000 },
			{ name: `${d}_decile`, type: 'integer' as const, min: 1, max: 10 }
		])
	];
	const rows = readCsv(path, { columns, unique: 'lsoa21_code', label: INPUT_FILES.imd2025 });
	return rows.map((r) => {
		const pick = (suffix: string) =>
			Object.fromEntries(IMD_DOMAINS.map((d) => [d, num(r[`${d}_${suffix}`])])) as Record<ImdDomain, number>;
		return { code: str(r.lsoa21_code), score: pick('score'), rank: pick('rank'), decile: pick('decile') };
	});
}

export function readImd2019(path: string): Map<string, number> {
	const rows = readCsv(path, {
		columns: [
			{ name: 'lsoa11_code', ...CODE.lsoa11Any },
			{ name: 'imd_score', type: 'number', min: 0, max: 100 }
		],
		unique: 'lsoa11_code',
		label: INPUT_FILES.imd2019
	});
	return new Map(rows.map((r) => [str(r.lsoa11_code), num(r.imd_score)]));
}
