// static/data/lsoa-detail.json: per-LSOA detail for the LSOA panel, columnar, loaded on first use.
// The pipeline writes it with `encodeLsoaDetail`; the app reads it with `parseLsoaDetail`
// (src/lib/data/lsoaDetail.ts). Both take the field list and the record type from here.

/** Bump when a field is renamed, removed or changes meaning. */
export const LSOA_DETAIL_FORMAT_VERSION = 1;

export const LSOA_DETAIL_FIELDS = [
	'code',
	'name',
	'ladName',
	'icbCode',
	'population',
	'patients',
	'patientsCovered',
	'attributedFte',
	'attributedWeightedPatients',
	'gpFtePer10kWeighted',
	'nearestPracticeCode',
	'nearestPracticeKm',
	'centreLon',
	'centreLat',
	'imdScore',
	'imdRank'
] as const;

export interface LsoaDetail {
	code: string;
	name: string;
	ladName: string;
	icbCode: string;
	population: number | null;
	patients: number | null;
	patientsCovered: number | null;
	attributedFte: number | null;
	attributedWeightedPatients: number | null;
	gpFtePer10kWeighted: number | null;
	nearestPracticeCode: string | null;
	nearestPracticeKm: number | null;
	centreLon: number;
	centreLat: number;
	imdScore: number | null;
	imdRank: number | null;
}

export interface LsoaDetailFile {
	fields: readonly string[];
	rows: unknown[][];
}

const r1 = (v: number | null) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 10) / 10);
const r3 = (v: number | null) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 1000) / 1000);
/** 5 decimal places of a degree is about 1 m. */
const r5 = (v: number) => Math.round(v * 1e5) / 1e5;

/** Rounding per field: patients to 0.1, FTE and rates to 0.001, positions to ~1 m. */
export function encodeLsoaDetail(rows: readonly LsoaDetail[]): LsoaDetailFile {
	return {
		fields: LSOA_DETAIL_FIELDS,
		rows: rows.map((r) => [
			r.code,
			r.name,
			r.ladName,
			r.icbCode,
			r.population,
			r1(r.patients),
			r1(r.patientsCovered),
			r3(r.attributedFte),
			r1(r.attributedWeightedPatients),
			r3(r.gpFtePer10kWeighted),
			r.nearestPracticeCode,
			r3(r.nearestPracticeKm),
			r5(r.centreLon),
			r5(r.centreLat),
			r.imdScore,
			r.imdRank
		])
	};
}
