// The postcode search index: one small file per outward code (postcodes/<OUTCODE>.json) and an index
// of every outward code (postcodes/index.json), in the format of src/lib/domain/formats/postcodes.ts.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from '../lib/atomicWrite';
import { boundsOf } from '../../src/lib/domain/bbox';
import {
	OUTCODE_INDEX_FIELDS,
	OUTCODE_INDEX_FILE,
	POSTCODES_DIR,
	encodeOutcodeFile,
	encodeOutcodeIndex,
	outcodeFileName,
	type OutcodeFile,
	type OutcodeIndexFile,
	type OutcodeIndexRow
} from '../../src/lib/domain/formats/postcodes';
import { COUNTRIES, readCodePoint, type CodePoint, type Country } from './codePoint';
import { round } from './lib/geo';

const CODE_POINT_SOURCE =
	'OS Code-Point Open 2025.4.0 (Oct 2025). Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © Royal Mail copyright and database right 2025.';

export interface PostcodeIndexStats {
	postcodes: number;
	outcodes: number;
	byCountry: Record<Country, number>;
	skippedNoPosition: number;
	noPositionExamples: string[];
	largestOutcode: string;
	largestFileBytes: number;
	totalBytes: number;
	indexBytes: number;
	/** Time to read Code-Point (when given a path) and to write the files. */
	readMs: number;
	ms: number;
}

/**
 * Write `outDir/postcodes/<OUTCODE>.json` (one small file per outward code, coordinates 5 dp) and
 * `outDir/postcodes/index.json` (every outward code with centroid, bounding box, count and
 * countries). Files left over from an earlier build in that folder are removed.
 */
export function buildPostcodeIndex(source: CodePoint | string, outDir: string): PostcodeIndexStats {
	const codePoint = typeof source === 'string' ? readCodePoint(source) : source;
	const t0 = performance.now();
	const dir = join(outDir, POSTCODES_DIR);
	mkdirSync(dir, { recursive: true });
	const written = new Set<string>();
	const rows: OutcodeIndexRow[] = [];
	let largestOutcode = '';
	let largestFileBytes = 0;
	let totalBytes = 0;
	for (const g of codePoint.outcodes.values()) {
		const file: OutcodeFile = { outcode: g.outcode, postcodes: [] };
		let sumLat = 0;
		let sumLon = 0;
		for (let i = 0; i < g.incodes.length; i++) {
			file.postcodes.push([g.incodes[i], round(g.lat[i], 5), round(g.lon[i], 5)]);
			sumLat += g.lat[i];
			sumLon += g.lon[i];
		}
		// The box of the rounded positions, so it holds every position in the file exactly.
		const [w, s, e, n] = boundsOf(file.postcodes.map(([, lat, lon]) => [lon, lat] as const))!;
		const name = outcodeFileName(g.outcode);
		const json = encodeOutcodeFile(file);
		const bytes = Buffer.byteLength(json);
		writeAtomic(join(dir, name), json);
		written.add(name);
		totalBytes += bytes;
		if (bytes > largestFileBytes) {
			largestFileBytes = bytes;
			largestOutcode = g.outcode;
		}
		const count = g.incodes.length;
		const countries = COUNTRIES.filter((c) => g.countries[c] > 0)
			.sort((a, b) => g.countries[b] - g.countries[a])
			.join('');
		rows.push([g.outcode, round(sumLat / count, 5), round(sumLon / count, 5), w, s, e, n, count, countries]);
	}
	const index: OutcodeIndexFile = { source: CODE_POINT_SOURCE, fields: OUTCODE_INDEX_FIELDS, outcodes: rows };
	const indexJson = encodeOutcodeIndex(index);
	writeAtomic(join(dir, OUTCODE_INDEX_FILE), indexJson);
	written.add(OUTCODE_INDEX_FILE);
	for (const f of readdirSync(dir)) {
		if (f.endsWith('.json') && !written.has(f)) rmSync(join(dir, f));
	}
	return {
		postcodes: codePoint.postcodes,
		outcodes: rows.length,
		byCountry: codePoint.byCountry,
		skippedNoPosition: codePoint.skippedNoPosition,
		noPositionExamples: codePoint.noPositionExamples,
		largestOutcode,
		largestFileBytes,
		totalBytes,
		indexBytes: Buffer.byteLength(indexJson),
		readMs: codePoint.readMs,
		ms: Math.round(performance.now() - t0)
	};
}
