// Per-LSOA detail for the LSOA panel (static/data/lsoa-detail.json, columnar), loaded on first use.
import { LSOA_DETAIL_FIELDS, type LsoaDetail } from '$lib/domain/formats/lsoaDetail';
import { DataError } from './errors';

export { LSOA_DETAIL_FIELDS, type LsoaDetail };

export type LsoaDetailTable = Map<string, LsoaDetail>;

export function parseLsoaDetail(doc: unknown, file = 'data/lsoa-detail.json'): LsoaDetailTable {
	const d = doc as { fields?: unknown; rows?: unknown };
	if (!d || typeof d !== 'object' || !Array.isArray(d.fields) || !Array.isArray(d.rows)) {
		throw new DataError(file, 'is not an LSOA table: expected an object with "fields" and "rows" arrays');
	}
	const fields = d.fields as string[];
	const missing = LSOA_DETAIL_FIELDS.filter((f) => !fields.includes(f));
	if (missing.length) throw new DataError(file, `lacks the field(s) ${missing.join(', ')}`);
	const idx = LSOA_DETAIL_FIELDS.map((f) => fields.indexOf(f));
	const out: LsoaDetailTable = new Map();
	(d.rows as unknown[][]).forEach((row, i) => {
		if (!Array.isArray(row)) throw new DataError(file, `row ${i + 1} is not an array`);
		const rec = Object.fromEntries(LSOA_DETAIL_FIELDS.map((f, k) => [f, row[idx[k]] ?? null])) as unknown as LsoaDetail;
		if (typeof rec.code !== 'string') throw new DataError(file, `row ${i + 1}: code is missing`);
		out.set(rec.code, rec);
	});
	return out;
}
