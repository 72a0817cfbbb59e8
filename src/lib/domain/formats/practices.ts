// static/data/practices.json: the practice table the app loads, columnar (one array per field) to
// keep it small. The pipeline writes it with `encodePractices`; the app reads it with
// `parsePractices` (src/lib/data/practices.ts). Both take the field list from here.
import type { Practice } from '../practice';

/** Bump when a field is renamed, removed or changes meaning (readers check the fields they need). */
export const PRACTICES_FORMAT_VERSION = 1;

export const PRACTICE_FIELDS = [
	'code',
	'name',
	'postcode',
	'lat',
	'lon',
	'pcnCode',
	'pcnName',
	'sicblCode',
	'icbCode',
	'nhserCode',
	'region',
	'lsoa',
	'patients',
	'weightedPatients',
	'fteStatus',
	'gpFte',
	'gpFteAll',
	'nurseFte',
	'dpcFte',
	'gpFtePer10kWeighted',
	'gpFteAllPer10kWeighted',
	'imdScore',
	'share10',
	'share15',
	'share20',
	'deepEndRank',
	'imdQuintile',
	'locationImdScore',
	'locationSource',
	'unplacedShare',
	'nation',
	'healthBoard',
	'wimdShare20',
	'gpHeadcount',
	'gpHeadcountPer10k',
	'gpPerformerHeadcount',
	'gpSalariedHeadcount',
	'gpRegistrarHeadcount',
	'gpRetaineeHeadcount',
	'premisesDecile',
	'imdScore2019',
	'iod2019Share10',
	'iod2019Share15',
	'iod2019Share20',
	'locationImdScore2019',
	'ladCode',
	'qualityFlags'
] as const;

export type PracticeField = (typeof PRACTICE_FIELDS)[number];

/** The fields of a practice the file carries. */
export type PracticeRecord = Pick<Practice, PracticeField | 'decileShares' | 'address'>;

/** Fields that are text (in alphabetical order); the rest must be a finite number or null. */
const PRACTICE_TEXT_FIELDS: ReadonlySet<PracticeField> = new Set([
	'code',
	'fteStatus',
	'icbCode',
	'ladCode',
	'locationSource',
	'lsoa',
	'name',
	'nhserCode',
	'pcnCode',
	'pcnName',
	'postcode',
	'qualityFlags',
	'region',
	'sicblCode',
	'nation',
	'healthBoard'
] as const);

/** Fields that must be a finite number or null. */
export const PRACTICE_NUMERIC_FIELDS: readonly PracticeField[] = PRACTICE_FIELDS.filter(
	(f) => !PRACTICE_TEXT_FIELDS.has(f)
);

export interface PracticesFile {
	fields: readonly string[];
	rows: unknown[][];
	decileShares: (number[] | null)[];
	address: string[];
}

/** Numbers to 4 decimal places: enough for shares and rates, and a third smaller file. */
const round4 = (v: unknown) => (typeof v === 'number' ? Math.round(v * 10000) / 10000 : v);

export function encodePractices(practices: readonly PracticeRecord[]): PracticesFile {
	return {
		fields: PRACTICE_FIELDS,
		rows: practices.map((x) => PRACTICE_FIELDS.map((f) => round4(x[f]))),
		decileShares: practices.map((x) => x.decileShares?.map((d) => Math.round(d * 10000) / 10000) ?? null),
		address: practices.map((x) => x.address)
	};
}
