// End to end: the whole pipeline (runPipeline) on a tiny hand-made world (tests/fixtures/world),
// with every published number worked out by hand below and compared with the built tables.
//
// The world (see tests/fixtures/world/make-world.ts): 20 LSOA 2021 squares near Stockton-on-Tees,
// L1…L20 = E01090001…E01090020, with IoD2025 IMD ranks 1…20. With 20 IoD rows the deprived
// shares count ranks ≤ floor(f × 20): 10% = rank ≤ 2, 15% = rank ≤ 3, 20% = rank ≤ 4; decile =
// ceil(rank / 2). The LSOAs patients live in:
//
//   LSOA  rank  score  decile  note
//   L1      1    60      1     unchanged (U)
//   L5      2    55      1     child of split 2011 E01080001 (Census 1,200 of 3,000 → 40%)
//   L2      3    50      2     U
//   L3      4    45      2     U
//   L7      6    35      3     merged from 2011 E01080002 + E01080003 (M)
//   L4     10    25      5     U
//   L6     12    20      6     other child of E01080001 (1,800 of 3,000 → 60%)
//   L8     20     5     10     U
//
// Practices (Oct 2025 mapping file) and their July 2023 registrations by 2011 LSOA:
//   A99001  L1 400, E01080001 500 (→ L5 200, L6 300), L2 300, E01080002 100 (→ L7), L8 200,
//           NO2011 50, W01000001 30 (Welsh)                         listed 1,580, placed 1,500
//   A99002  L3 600, E01080003 300 (→ L7), L4 100                     listed 1,000
//   A99003  L2 200, L4 800, L8 1,000                                  listed 2,000
//   B99004  L8 500, L4 490, E01099999 10 (unknown to the lookups)      listed 1,000, placed 990
//   Y99005  L1 100 — closed: not in the mapping file, dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { runPipeline } from '../scripts/pipeline/run';
import { INPUT_FILES } from '../scripts/pipeline/inputs';
import { worldFiles } from './fixtures/world/make-world';
import { BUILT_FILES } from './helpers/outputs';
import { lonLatToTile, openArchive, tilesAtZoom, distinct } from './fixtures/tiles/archive';

const world = join(__dirname, 'fixtures/world');
const root = join(__dirname, '..');

let out: string;
let report: Awaited<ReturnType<typeof runPipeline>>;
const log: string[] = [];

beforeAll(async () => {
	out = mkdtempSync(join(tmpdir(), 'atlas-world-'));
	report = await runPipeline({
		rawDir: world,
		outDir: out,
		sourcesPath: join(world, 'sources.json'),
		networksPath: join(root, 'data/networks.json'),
		fingerprint: 'world-test',
		log: (line) => log.push(line)
	});
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

type Row = Record<string, string>;
const table = (name: string): Row[] =>
	parse(readFileSync(join(out, name), 'utf8'), { columns: true, skip_empty_lines: true });
const byKey = (name: string, key: string) => new Map(table(name).map((r) => [r[key], r]));
/** A numeric cell (a blank one fails the test). */
const num = (v: string | undefined) => {
	expect(v, 'cell should not be blank').toBeTruthy();
	return Number(v);
};

describe('the world fixture', () => {
	it('holds every pipeline input, in the mirror layout, as the generator writes it', () => {
		const generated = worldFiles();
		for (const rel of Object.values(INPUT_FILES)) {
			expect(existsSync(join(world, rel)), rel).toBe(true);
			expect(generated.has(rel), rel).toBe(true);
		}
		// Committed files = generator output (compared decompressed: gzip bytes may differ across zlib builds).
		const plain = (rel: string, b: Buffer) => (rel.endsWith('.gz') ? gunzipSync(b) : b);
		for (const [rel, bytes] of generated) {
			expect(
				plain(rel, readFileSync(join(world, rel))).equals(plain(rel, bytes)),
				`${rel} is stale: run npx tsx tests/fixtures/world/make-world.ts`
			).toBe(true);
		}
		// The payments file keeps the real file's UTF-8 BOM.
		expect([...gunzipSync(readFileSync(join(world, INPUT_FILES.payments))).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		// Small enough to commit.
		let total = 0;
		const walk = (d: string) =>
			readdirSync(d).forEach((n) =>
				statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : (total += statSync(join(d, n)).size)
			);
		walk(world);
		expect(total).toBeLessThan(200_000);
	});
});

describe('pipeline on the hand-made world', () => {
	it('writes every output', () => {
		for (const f of [
			...BUILT_FILES,
			'practices.json',
			'lsoa-detail.json',
			'networks.json',
			'columns.json',
			'sources.json'
		]) {
			expect(existsSync(join(out, f)), f).toBe(true);
		}
		// Nothing half-written left behind.
		const leftovers: string[] = [];
		const walk = (d: string) =>
			readdirSync(d).forEach((n) =>
				statSync(join(d, n)).isDirectory()
					? walk(join(d, n))
					: /\.tmp/.test(n) && leftovers.push(relative(out, join(d, n)))
			);
		walk(out);
		expect(leftovers).toEqual([]);
	});

	it('practice deprivation: A99001 (split, merged, NO2011 and Welsh patients)', () => {
		const p = byKey('practices.csv', 'practice_code').get('A99001')!;
		// IMD = (60×400 + 55×200 + 20×300 + 50×300 + 35×100 + 5×200) / 1,500 = 60,500 / 1,500 = 40.333
		expect(num(p.imd_score)).toBeCloseTo(40.333, 3);
		// most deprived 10% (rank ≤ 2: L1, L5) = 600 / 1,500; 15% (rank ≤ 3: + L2) = 900 / 1,500; 20%: no L3 patients.
		expect(num(p.share_most_deprived_10pc)).toBeCloseTo(0.4, 4);
		expect(num(p.share_most_deprived_15pc)).toBeCloseTo(0.6, 4);
		expect(num(p.share_most_deprived_20pc)).toBeCloseTo(0.6, 4);
		// Deciles: 1 = L1 + L5 = 600; 2 = L2 300; 3 = L7 100; 6 = L6 300; 10 = L8 200 (of 1,500).
		expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => Number(p[`share_imd_decile_${d}`]))).toEqual([
			0.4, 0.2, 0.0667, 0, 0, 0.2, 0, 0, 0, 0.1333
		]);
		// Unplaced: 50 NO2011 + 30 Welsh = 80 of 1,580 listed = 0.0506.
		expect(p.listed_patients_2023).toBe('1580');
		expect(p.unplaced_no_lsoa).toBe('50');
		expect(p.unplaced_welsh).toBe('30');
		expect(num(p.unplaced_share)).toBeCloseTo(80 / 1580, 4);
		// IoD2019 on the 2011 LSOAs directly: (58×400 + 40×500 + 47×300 + 33×100 + 6×200) / 1,500 = 61,800 / 1,500 = 41.2
		expect(num(p.imd_score_2019)).toBeCloseTo(41.2, 3);
	});

	it('practice deprivation: the other practices, and an LSOA code the lookups do not know', () => {
		const p = byKey('practices.csv', 'practice_code');
		// A99002: (45×600 + 35×300 + 25×100) / 1,000 = 40.0; 20% share = L3 600 / 1,000; none in the 15%.
		expect(num(p.get('A99002')!.imd_score)).toBeCloseTo(40, 3);
		expect(num(p.get('A99002')!.share_most_deprived_15pc)).toBe(0);
		expect(num(p.get('A99002')!.share_most_deprived_20pc)).toBeCloseTo(0.6, 4);
		// A99003: (50×200 + 25×800 + 5×1,000) / 2,000 = 17.5; 15% share = L2 200 / 2,000 = 0.1.
		expect(num(p.get('A99003')!.imd_score)).toBeCloseTo(17.5, 3);
		expect(num(p.get('A99003')!.share_most_deprived_15pc)).toBeCloseTo(0.1, 4);
		// B99004: (5×500 + 25×490) / 990 = 14.899; the 10 patients at E01099999 are unplaced.
		expect(num(p.get('B99004')!.imd_score)).toBeCloseTo(14750 / 990, 3);
		expect(p.get('B99004')!.unplaced_unknown).toBe('10');
		expect(num(p.get('B99004')!.unplaced_share)).toBeCloseTo(0.01, 4);
		// The closed practice is not a row.
		expect(p.has('Y99005')).toBe(false);
		expect(p.size).toBe(4);
	});

	it('deep_end_rank: by share in the most deprived 15%, ties share a rank', () => {
		const p = byKey('practices.csv', 'practice_code');
		// 0.6 (A99001) → 1; 0.1 (A99003) → 2; 0 (A99002, B99004) → 3 and 3.
		expect(['A99001', 'A99003', 'A99002', 'B99004'].map((c) => p.get(c)!.deep_end_rank)).toEqual(['1', '2', '3', '3']);
	});

	it('need-weighted patients and GP FTE per 10,000 weighted (FY2024/25 rows only)', () => {
		const p = byKey('practices.csv', 'practice_code');
		const a1 = p.get('A99001')!;
		// 6,000 registered (Year 2025; the 2023 and 2024 rows are ignored) × 5,500 / 5,000 = 6,600 weighted.
		expect(num(a1.registered_patients)).toBe(6000);
		expect(num(a1.need_weighting_ratio)).toBeCloseTo(1.1, 4);
		expect(num(a1.weighted_patients)).toBeCloseTo(6600, 1);
		// 3.3 FTE / 6,600 × 10,000 = 5.000; all GPs (3.3 + 0.7 locum/trainee) = 4.0 → 6.061.
		expect(num(a1.gp_fte)).toBeCloseTo(3.3, 1);
		expect(num(a1.gp_fte_per_10k_weighted)).toBeCloseTo(5, 3);
		expect(num(a1.gp_fte_all)).toBeCloseTo(4, 1);
		expect(num(a1.gp_fte_all_per_10k_weighted)).toBeCloseTo(40000 / 6600, 3);
		// A99002 has no payments record: ratio 1.0, flagged; 1.6 / 4,000 × 10,000 = 4.000.
		const a2 = p.get('A99002')!;
		expect(num(a2.need_weighting_ratio)).toBe(1);
		expect(a2.need_weighting_defaulted).toBe('1');
		expect(a2.flags).toContain('no 2022/23 payments record');
		expect(num(a2.weighted_patients)).toBeCloseTo(4000, 1);
		expect(num(a2.gp_fte_per_10k_weighted)).toBeCloseTo(4, 3);
		// A99003: FTE "NA" → not reported: no FTE, no rate, flagged; weighted 10,000 × 7,200 / 8,000 = 9,000.
		const a3 = p.get('A99003')!;
		expect(a3.fte_status).toBe('not-reported');
		expect(a3.gp_fte).toBe('');
		expect(a3.gp_fte_per_10k_weighted).toBe('');
		expect(a3.flags).toContain('GP FTE not reported');
		expect(num(a3.weighted_patients)).toBeCloseTo(9000, 1);
		// B99004: 3,000 × 1.1 = 3,300; 2.4 / 3,300 × 10,000 = 7.273.
		expect(num(p.get('B99004')!.gp_fte_per_10k_weighted)).toBeCloseTo(24000 / 3300, 3);
	});

	it('practice locations: Code-Point postcode, or the postcode-sector centroid when the postcode is not live', () => {
		const p = byKey('practices.csv', 'practice_code');
		expect(p.get('A99001')).toMatchObject({
			location_source: 'postcode',
			lat: '54.5452',
			lon: '-1.3448',
			lsoa21_code: 'E01090001',
			region_code: 'E12000001'
		});
		// TS15 9ZZ is not in Code-Point; sector TS15 9 = mean of TS15 9AA (-1.316, 54.563) and TS15 9AB
		// (-1.314, 54.567) = (-1.315, 54.565), in L15; TS15 9XX has no position and must not count.
		const a3 = p.get('A99003')!;
		expect(a3.location_source).toBe('postcode-sector');
		expect(num(a3.lon)).toBeCloseTo(-1.315, 6);
		expect(num(a3.lat)).toBeCloseTo(54.565, 6);
		expect(a3).toMatchObject({ lsoa21_code: 'E01090015', region_code: 'E12000003' });
		expect(a3.flags).toContain('postcode-sector centroid');
		// The IMD score of the practice's own LSOA: L1 = 60, L15 = 16.
		expect(num(p.get('A99001')!.location_imd_score)).toBe(60);
		expect(num(a3.location_imd_score)).toBe(16);
	});

	it('an LSOA attributed rate (L7, the merged LSOA) and an LSOA served partly by a practice without FTE (L8)', () => {
		const l = byKey('lsoa.csv', 'lsoa21_code');
		// L7: A99001's 100 of its 1,580 listed + A99002's 300 of 1,000.
		//   FTE      = 3.3 × 100/1,580 + 1.6 × 300/1,000   = 0.20886 + 0.48   = 0.68886
		//   weighted = 6,600 × 100/1,580 + 4,000 × 0.3     = 417.72 + 1,200   = 1,617.72
		//   rate     = 0.68886 / 1,617.72 × 10,000 = 4.258
		const l7 = l.get('E01090007')!;
		expect(num(l7.registered_patients_2023)).toBe(400);
		expect(num(l7.attributed_gp_fte)).toBeCloseTo(0.68886, 3);
		expect(num(l7.attributed_weighted_patients)).toBeCloseTo(1617.72, 1);
		expect(num(l7.gp_fte_per_10k_weighted)).toBeCloseTo(4.2582, 3);
		// L8: A99001 200/1,580, A99003 1,000 (no usable FTE: counted in patients, not in the rate), B99004 500/1,000.
		//   FTE = 0.41772 + 1.2 = 1.61772; weighted = 835.44 + 1,650 = 2,485.44; rate = 6.509
		const l8 = l.get('E01090008')!;
		expect(num(l8.registered_patients_2023)).toBe(1700);
		expect(num(l8.patients_with_fte)).toBe(700);
		expect(num(l8.gp_fte_per_10k_weighted)).toBeCloseTo(6.5088, 3);
		// L5 (a split child) is served by A99001 alone: its rate is A99001's own, 5.000; its 200 patients = 500 × 1,200/3,000.
		expect(num(l.get('E01090005')!.registered_patients_2023)).toBe(200);
		expect(num(l.get('E01090005')!.gp_fte_per_10k_weighted)).toBeCloseTo(5, 3);
		// An LSOA nobody is registered from: no rate, but still a row with its IoD2025 data and population.
		expect(l.get('E01090013')).toMatchObject({
			registered_patients_2023: '0',
			gp_fte_per_10k_weighted: '',
			imd_rank: '11',
			population_2021: '1500'
		});
		expect(l.size).toBe(20);
		// Nearest practice from the LSOA centre: L1's centre (-1.345, 54.545) is 26 m from A99001.
		expect(l.get('E01090001')).toMatchObject({
			centre_lon: '-1.345',
			centre_lat: '54.545',
			nearest_practice_code: 'A99001'
		});
		expect(num(l.get('E01090001')!.nearest_practice_km)).toBeCloseTo(0.026, 2);
	});

	it("areas: England rate, and an ICB's shortfall against it", () => {
		const rows = table('areas.csv');
		const area = (level: string, code: string) => rows.find((r) => r.level === level && r.code === code)!;
		// England: (3.3 + 1.6 + 2.4) / (6,600 + 4,000 + 3,300) × 10,000 = 7.3 / 13,900 × 10,000 = 5.2518
		// (A99003's 9,000 weighted patients count in weighted_patients but not in the rate).
		const england = area('england', 'E92000001');
		expect(num(england.gp_fte_per_10k_weighted)).toBeCloseTo(5.2518, 3);
		expect(num(england.weighted_patients)).toBeCloseTo(22900, 1);
		expect(num(england.weighted_patients_with_fte)).toBeCloseTo(13900, 1);
		expect(report.englandGpFtePer10kWeighted).toBeCloseTo(73000 / 13900, 9);
		expect(num(england.gp_fte_shortfall)).toBeCloseTo(0, 2);
		// NENC ICB (A99001 + A99002): 5.2518 × 10,600 / 10,000 − 4.9 = 5.5669 − 4.9 = +0.67 GPs short.
		const nenc = area('icb', 'E54000050');
		expect(num(nenc.gp_fte)).toBeCloseTo(4.9, 1);
		expect(num(nenc.gp_fte_shortfall)).toBeCloseTo((7.3 * 10600) / 13900 - 4.9, 2);
		// Humber and North Yorkshire (B99004 counts; A99003 has no FTE): 5.2518 × 3,300 / 10,000 − 2.4 = −0.67.
		const hny = area('icb', 'E54000051');
		expect(num(hny.gp_fte_shortfall)).toBeCloseTo((7.3 * 3300) / 13900 - 2.4, 2);
		expect(hny).toMatchObject({ practices: '2', practices_with_fte: '1' });
		// Patient-weighted IMD: NENC (40.333 × 6,000 + 40 × 4,000) / 10,000 = 40.2.
		expect(num(nenc.imd_score)).toBeCloseTo(40.2, 3);
		// PCN level: B99004 (PCN code U) is in no PCN; a PCN whose only practice has no FTE has no rate or shortfall.
		expect(rows.filter((r) => r.level === 'pcn').map((r) => r.code)).toEqual(['U99001', 'U99002']);
		expect(area('pcn', 'U99002')).toMatchObject({ gp_fte_per_10k_weighted: '', gp_fte_shortfall: '' });
		// One NHS region, two ICBs and two Sub-ICBs.
		expect(rows.map((r) => r.level)).toEqual(['england', 'nhser', 'icb', 'icb', 'sicbl', 'sicbl', 'pcn', 'pcn']);
	});

	it('inverse care table: equal-count quintiles by practice IMD (4 practices: Q1–Q4 one each, Q5 empty)', () => {
		const rows = table('inverse-care.csv');
		// ntile: sorted ascending, quintile = floor(5k / 4) + 1 → 1, 2, 3, 4: B99004, A99003, A99002, A99001.
		expect(rows.map((r) => r.practices)).toEqual(['1', '1', '1', '1', '0']);
		expect(num(rows[3].imd_score)).toBeCloseTo(40.333, 3);
		expect(num(rows[3].gp_fte_per_10k_weighted)).toBeCloseTo(5, 3);
		expect(rows[4]).toMatchObject({ imd_score_min: '', gp_fte_per_10k_weighted: '' });
		const p = byKey('practices.csv', 'practice_code');
		expect(['B99004', 'A99003', 'A99002', 'A99001'].map((c) => p.get(c)!.imd_quintile)).toEqual(['1', '2', '3', '4']);
	});

	it('networks: footprints select practices by ICB or by the region of their location', () => {
		const doc = JSON.parse(readFileSync(join(out, 'networks.json'), 'utf8'));
		const n = Object.fromEntries(doc.networks.map((x: { id: string }) => [x.id, x]));
		// NENC = ICB E54000050: A99001, A99002. Its rule (top 10% of the 4 ranked practices nationally = floor(0.4) = 0) selects none.
		expect(n.nenc.footprintPracticeCount).toBe(2);
		expect(n.nenc.estimatedMemberCount).toBe(0);
		// Yorkshire & Humber = region E12000003 by location: A99003 (sector centroid in L15, IMD 16) and B99004 (L20, 6.5); top 100 → both.
		expect(n.yorkshire_humber.estimatedMembers.map((m: { code: string; rank: number }) => [m.code, m.rank])).toEqual([
			['A99003', 1],
			['B99004', 2]
		]);
		expect(n.wales.estimatedMembers).toBeNull();
	});

	it('the report counts rows read and everything dropped', () => {
		expect(report.rowsRead).toMatchObject({
			imd2025Lsoas: 20,
			lsoaLookupRows: 22,
			mappingPractices: 4,
			registrationRows: 17,
			registrationPractices: 5,
			workforcePracticesFy2024_25: 4,
			paymentsPractices: 4,
			lsoaPolygons: 20
		});
		const dropped = Object.fromEntries(report.dropped.map((d) => [d.what, d.count]));
		expect(dropped).toMatchObject({
			'practices in the July 2023 registrations but not in the Oct 2025 mapping file (closed or merged)': 1,
			'patients registered at those practices': 100,
			'patients recorded with no LSOA (NO2011)': 50,
			'patients living in Welsh LSOAs': 30,
			'patients with an LSOA code unknown to the lookups': 10,
			'practices without usable GP FTE (excluded from rates)': 1
		});
		expect(report.practices).toMatchObject({
			practices: 4,
			locatedByPostcode: 3,
			locatedBySector: 1,
			notLocated: 0,
			needRatioDefaulted: 1,
			fteNotReported: 1,
			listedPatients2023: 5580,
			unplacedPatients2023: 90
		});
		expect(report.inputs).toHaveLength(32); // 21 + 11 trend inputs (workforce history, 8 payments years, CQC, life expectancy)
		expect(log.join('\n')).toContain('England: 5.252 fully qualified GP FTE per 10,000 weighted patients; 20 LSOAs.');
		expect(JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8')).fingerprint).toBe('world-test');
	});

	it('search indexes: one file per outward code (positioned postcodes only) and the place names', () => {
		const json = (rel: string) => JSON.parse(readFileSync(join(out, rel), 'utf8'));
		const index = json('postcodes/index.json');
		// Natural order (TS9 before TS15); TS15 9XX has no position, so it is left out and counted.
		expect(index.outcodes.map((r: unknown[]) => r[0])).toEqual(['AB10', 'LL57', 'TS9', 'TS15', 'TS18']);
		expect(json('postcodes/TS18.json').postcodes).toEqual([
			['1AA', 54.5452, -1.3448],
			['2BB', 54.5647, -1.3351]
		]);
		expect(json('postcodes/TS15.json').postcodes.map((p: unknown[]) => p[0])).toEqual(['9AA', '9AB']);
		expect(report.search.postcodes).toMatchObject({
			postcodes: 7,
			skippedNoPosition: 1,
			noPositionExamples: ['TS15 9XX']
		});
		// Places: English name first where the place has one, the other kept (UTF-8 intact).
		const places = json('places.json');
		const names = places.places.map((r: string[]) => [r[0], r[1]]);
		expect(names).toEqual(
			expect.arrayContaining([
				['Stockton-on-Tees', ''],
				['Yarm', ''],
				['Menai Bridge', 'Porthaethwy'],
				['Crianlarich', "A' Chrìon Làraich"]
			])
		);
	});

	it('LSOA tiles: every LSOA at zooms 8–10, the two English authorities below', async () => {
		const archive = openArchive(join(out, 'lsoa.pmtiles'));
		const header = await archive.getHeader();
		for (let z = 8; z <= 10; z++) {
			const codes = distinct(await tilesAtZoom(archive, header, z), 'lsoa');
			expect(codes.size, `zoom ${z}`).toBe(20);
		}
		for (const z of [0, 4, 7])
			expect([...distinct(await tilesAtZoom(archive, header, z), 'lad')].sort()).toEqual(['E06000004', 'E06000065']);
	});

	it('boundary tiles: Welsh and Scottish authorities dissolve into one footprint polygon each', async () => {
		const archive = openArchive(join(out, 'boundaries.pmtiles'));
		const exteriorRings = async (lon: number, lat: number, id: string) => {
			const [x, y] = lonLatToTile(lon, lat, 5);
			const tile = await archive.getZxy(5, x, y);
			const { VectorTile } = await import('@mapbox/vector-tile');
			const { PbfReader } = await import('pbf');
			const layer = new VectorTile(new PbfReader(new Uint8Array(tile!.data))).layers.network;
			const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i)).filter(
				(f) => f.properties.code === id
			);
			expect(features).toHaveLength(1);
			// Exterior rings share the first ring's winding (MVT); a dissolved pair of squares has one.
			const signs = features[0]
				.loadGeometry()
				.map((ring) =>
					Math.sign(
						ring.reduce(
							(a, p, k) => a + (ring[(k + 1) % ring.length].x - p.x) * (ring[(k + 1) % ring.length].y + p.y),
							0
						)
					)
				);
			return signs.filter((s) => s === signs[0]).length;
		};
		expect(await exteriorRings(-4.3, 53.25, 'wales')).toBe(1);
		expect(await exteriorRings(-2.2, 57.15, 'scotland')).toBe(1);
		expect(await exteriorRings(-1.33, 54.56, 'nenc')).toBe(1);
	});
});
