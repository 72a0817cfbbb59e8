// The practice table the app loads (static/data/practices.json, columnar), checked and turned into
// records, with the comparisons the practice panel shows (England and ICB percentile and rank).
import { ntile, percentileRank } from '$lib/domain/metrics';
import type { Practice } from '$lib/domain/practice';
import {
	PRACTICE_FIELDS,
	PRACTICE_NUMERIC_FIELDS as NUMERIC,
	type PracticeField as Field,
	type PracticeRecord
} from '$lib/domain/formats/practices';
import { DataError } from './errors';

export { PRACTICE_FIELDS };

export type AppPractice = PracticeRecord & {
	/** Decile of England's practices by patient-weighted IMD score; 1 = most deprived 10% of practices. */
	imdDecile: number | null;
	/** Position in the table (stable id for the map layers). */
	index: number;
};

export interface PracticeTable {
	practices: AppPractice[];
	byCode: Map<string, AppPractice>;
}

/** Check and unpack practices.json. Throws DataError naming the file, row and field at fault. */
export function parsePractices(doc: unknown, file = 'data/practices.json'): PracticeTable {
	const d = doc as { fields?: unknown; rows?: unknown; decileShares?: unknown; address?: unknown };
	if (!d || typeof d !== 'object' || !Array.isArray(d.fields) || !Array.isArray(d.rows)) {
		throw new DataError(file, 'is not a practice table: expected an object with "fields" and "rows" arrays');
	}
	const fields = d.fields as string[];
	const missing = PRACTICE_FIELDS.filter((f) => !fields.includes(f));
	if (missing.length) throw new DataError(file, `lacks the field(s) ${missing.join(', ')}`);
	const col = Object.fromEntries(PRACTICE_FIELDS.map((f) => [f, fields.indexOf(f)])) as Record<Field, number>;
	const shares = Array.isArray(d.decileShares) ? (d.decileShares as (number[] | null)[]) : [];
	const address = Array.isArray(d.address) ? (d.address as string[]) : [];
	const practices: AppPractice[] = (d.rows as unknown[]).map((raw, i) => {
		if (!Array.isArray(raw) || raw.length < fields.length)
			throw new DataError(
				file,
				`row ${i + 1} has ${Array.isArray(raw) ? raw.length : 0} values, expected ${fields.length}`
			);
		const rec: Record<string, unknown> = {};
		for (const f of PRACTICE_FIELDS) rec[f] = raw[col[f]] ?? null;
		for (const f of NUMERIC) {
			const v = rec[f];
			if (v !== null && (typeof v !== 'number' || !Number.isFinite(v)))
				throw new DataError(
					file,
					`row ${i + 1} (${rec.code}): ${f} is ${JSON.stringify(v)}, expected a number or null`
				);
		}
		if (typeof rec.code !== 'string' || !rec.code) throw new DataError(file, `row ${i + 1}: code is missing`);
		return {
			...(rec as Pick<Practice, Field>),
			decileShares: shares[i] ?? null,
			address: address[i] ?? '',
			imdDecile: null,
			index: i
		};
	});
	// Practice IMD decile (England's practices: only they have an IoD2025 score): ntile of scores ascending gives 10 = highest score; flip so 1 = most deprived.
	const deciles = ntile(
		practices.map((p) => p.imdScore),
		10
	);
	practices.forEach((p, i) => (p.imdDecile = deciles[i] === null ? null : 11 - deciles[i]!));
	return { practices, byCode: new Map(practices.map((p) => [p.code, p])) };
}

export type ComparableField =
	| 'patients'
	| 'weightedPatients'
	| 'gpFte'
	| 'gpFteAll'
	| 'nurseFte'
	| 'dpcFte'
	| 'gpFtePer10kWeighted'
	| 'gpFteAllPer10kWeighted'
	| 'imdScore'
	| 'share10'
	| 'share15'
	| 'share20'
	| 'locationImdScore';

export interface Comparison {
	value: number | null;
	/** Percentile (0–100) among practices with a value: share below plus half the ties. */
	englandPercentile: number | null;
	/** Rank, 1 = highest value. */
	englandRank: number | null;
	englandCount: number;
	icbPercentile: number | null;
	icbRank: number | null;
	icbCount: number;
}

/** England's practices: those with GP FTE per need-weighted patient (Wales publishes no practice workforce; Scotland headcount only). */
export const isEnglish = (p: Pick<AppPractice, 'nation'>) => (p.nation ?? 'E') === 'E';

/** Where a practice stands on a measure among England's practices and among its ICB's. */
export function compare(table: PracticeTable, p: AppPractice, field: ComparableField): Comparison {
	const value = p[field] as number | null;
	const peers = (list: AppPractice[]) => {
		const values = list.map((q) => q[field] as number | null).filter((v): v is number => v !== null);
		if (value === null) return { percentile: null, rank: null, count: values.length };
		// Competition rank ("1224"): one more than the number of practices strictly above.
		const rank = values.filter((v) => v > value).length + 1;
		return { percentile: percentileRank(value, values), rank, count: values.length };
	};
	const eng = peers(table.practices.filter(isEnglish));
	const icb = peers(table.practices.filter((q) => q.icbCode === p.icbCode));
	return {
		value,
		englandPercentile: eng.percentile,
		englandRank: eng.rank,
		englandCount: eng.count,
		icbPercentile: icb.percentile,
		icbRank: icb.rank,
		icbCount: icb.count
	};
}
