// Checks on the full build from the real mirror (static/data, built by `npm run data` before the tests).
// Skipped, with a message, when no build is present.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../scripts/pipeline/read';

const out = join(__dirname, '../static/data');
const built = existsSync(join(out, 'build-report.json'));
// In CI the full build must be there: a skip would hide a broken pipeline.
if (!built && process.env.CI) throw new Error('no static/data/build-report.json: the data build did not run or failed');
if (!built) console.warn('pipeline-output tests skipped: no static/data/build-report.json (run `npm run data`)');

const table = (name: string, cols: string[]) =>
	parseCsv(readFileSync(join(out, name), 'utf8'), { columns: cols.map((c) => ({ name: c, optional: true })) }, name);

describe.skipIf(!built)('full build on the real mirror', () => {
	const report = built ? JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8')) : null;

	it('has every English practice of the Oct 2025 mapping file, once, and the Welsh and Scottish practices', () => {
		const rows = table('practices.csv', ['practice_code', 'nation', 'registered_patients']);
		const of = (n: string) => rows.filter((r) => r.nation === n);
		expect(of('E').length).toBe(6202);
		// Active W… GP practices in epraccur (Sep 2025) and the PHS list (Oct 2024), as the mirror counts them.
		expect(of('W').length).toBe(398);
		expect(of('S').length).toBe(888);
		expect(new Set(rows.map((r) => r.practice_code)).size).toBe(6202 + 398 + 888);
		// List totals reconcile with the sources: PHS's October 2024 total; StatsWales April 2024 for the
		// 371 active practices it lists unsuppressed (3,278,489 over all its 372 rows with figures).
		const total = (n: string) => of(n).reduce((s, r) => s + Number(r.registered_patients || 0), 0);
		expect(total('S')).toBe(6_018_624);
		expect(total('W')).toBe(report.nations.welshPatients);
		expect(report.nations).toMatchObject({ welshLsoas: 1909, scottishDataZones: 6976, welshWithShare: 371 });
	});

	it('has every Welsh LSOA and Scottish data zone, with deciles within each nation', () => {
		const rows = table('neighbourhoods-wales-scotland.csv', ['code', 'nation', 'decile']);
		const count = (nation: string, decile?: string) =>
			rows.filter((r) => r.nation === nation && (decile === undefined || r.decile === decile)).length;
		expect([count('W'), count('S')]).toEqual([1909, 6976]);
		// ceil(rank × 10 / n) = 1 for ranks ≤ n / 10: 190 of 1,909 Welsh LSOAs, 697 of 6,976 data zones.
		expect([count('W', '1'), count('S', '1')]).toEqual([190, 697]);
	});

	it('has all 33,755 LSOAs, each with an IMD decile and a nearest practice', () => {
		const rows = table('lsoa.csv', ['lsoa21_code', 'imd_decile', 'nearest_practice_km', 'population_2021']);
		expect(rows.length).toBe(33755);
		expect(rows.every((r) => r.imd_decile && r.nearest_practice_km !== null)).toBe(true);
		const pop = rows.reduce((s, r) => s + Number(r.population_2021), 0);
		expect(pop).toBe(56_489_608); // England's Census 2021 usual residents (mirror README)
	});

	it('practice IoD2019 scores agree with published figures (Fingertips 93553 and an independent recomputation)', () => {
		expect(report.crossCheck.fingertips.n).toBeGreaterThan(6000);
		expect(report.crossCheck.fingertips.r).toBeGreaterThan(0.99);
		expect(report.crossCheck.blackwell.r).toBeGreaterThan(0.995);
		expect(report.crossCheck.blackwell.meanAbsDiff).toBeLessThan(0.5);
	});

	it('England FTE totals are consistent with the workforce file (27,077 fully qualified FTE across 6,293 practices)', () => {
		const england = table('areas.csv', [
			'level',
			'gp_fte',
			'practices',
			'gp_fte_per_10k_weighted',
			'gp_fte_shortfall'
		]).find((r) => r.level === 'england')!;
		expect(Number(england.practices)).toBe(6202);
		expect(Number(england.gp_fte)).toBeGreaterThan(26_000);
		expect(Number(england.gp_fte)).toBeLessThanOrEqual(27_077);
		expect(Math.abs(Number(england.gp_fte_shortfall))).toBeLessThan(0.01);
	});

	it('area levels each sum to England (ICB FTE and weighted patients)', () => {
		const rows = table('areas.csv', ['level', 'gp_fte', 'weighted_patients', 'gp_fte_shortfall']);
		const sum = (level: string, col: string) =>
			rows.filter((r) => r.level === level).reduce((s, r) => s + Number(r[col]), 0);
		for (const level of ['nhser', 'icb', 'sicbl']) {
			expect(sum(level, 'gp_fte')).toBeCloseTo(sum('england', 'gp_fte'), -1);
			expect(sum(level, 'weighted_patients') / sum('england', 'weighted_patients')).toBeCloseTo(1, 4);
			// Shortfalls against the England rate sum to ~0 at every complete level.
			expect(Math.abs(sum(level, 'gp_fte_shortfall'))).toBeLessThan(1);
		}
		expect(rows.filter((r) => r.level === 'icb').length).toBe(42);
	});

	it('the inverse care table has five equal quintiles with the most deprived quintile worst served', () => {
		const rows = table('inverse-care.csv', ['imd_quintile', 'practices', 'gp_fte_per_10k_weighted']);
		expect(rows.map((r) => Number(r.imd_quintile))).toEqual([1, 2, 3, 4, 5]);
		const counts = rows.map((r) => Number(r.practices));
		expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
		expect(Number(rows[4].gp_fte_per_10k_weighted)).toBeLessThan(Number(rows[0].gp_fte_per_10k_weighted));
	});

	it('network footprints for the Find journey: one feature per mapped network, each containing a known point', async () => {
		const { booleanPointInPolygon } = await import('@turf/turf');
		const doc = JSON.parse(readFileSync(join(out, 'network-footprints.json'), 'utf8'));
		const by = new Map(doc.features.map((f: { properties: { code: string } }) => [f.properties.code, f]));
		// Every network with a footprint code, except the London health-equity community (people, not practices).
		expect([...by.keys()].sort()).toEqual([
			'bristol',
			'greater_manchester',
			'lothian',
			'nenc',
			'northern_ireland',
			'nottinghamshire',
			'nw_london',
			'plymouth',
			'scotland',
			'wales',
			'yorkshire_humber'
		]);
		const inside = (code: string, lon: number, lat: number) => booleanPointInPolygon([lon, lat], by.get(code) as never);
		expect(inside('nenc', -1.6178, 54.9783)).toBe(true); // Newcastle
		expect(inside('yorkshire_humber', -1.5491, 53.8008)).toBe(true); // Leeds
		expect(inside('scotland', -4.2518, 55.8642)).toBe(true); // Glasgow
		expect(inside('wales', -3.1791, 51.4816)).toBe(true); // Cardiff
		expect(inside('yorkshire_humber', -2.2426, 53.4808)).toBe(false); // Manchester
		expect(inside('greater_manchester', -2.2426, 53.4808)).toBe(true);
		expect(inside('bristol', -2.5879, 51.4545)).toBe(true); // Bristol city centre
		expect(inside('plymouth', -4.1427, 50.3755)).toBe(true); // Plymouth
		expect(inside('nottinghamshire', -1.1581, 52.9548)).toBe(true); // Nottingham
		expect(inside('nw_london', -0.2, 51.514)).toBe(true); // Notting Hill
		expect(inside('lothian', -3.1883, 55.9533)).toBe(true); // Edinburgh
		expect(inside('plymouth', -2.5879, 51.4545)).toBe(false);
	});

	it('networks: every network of the sources file, NENC read two ways beside its published 52', () => {
		const doc = JSON.parse(readFileSync(join(out, 'networks.json'), 'utf8'));
		const n = Object.fromEntries(doc.networks.map((x: { id: string }) => [x.id, x]));
		expect(doc.networks).toHaveLength(14);
		expect(n.nenc.publishedCount.n).toBe(52);
		const [stated, arc] = n.nenc.readings;
		// Measured on this build (IoD2019): stated 32 (34 in 2021), ARC NENC 51 (52 published, Oct 2025).
		expect(stated.estimatedMemberCount).toBeGreaterThan(25);
		expect(stated.estimatedMemberCount).toBeLessThan(40);
		expect(Math.abs(arc.estimatedMemberCount - 52)).toBeLessThanOrEqual(5);
		// The Ridgeway (Y03303, 28 patients) is flagged and never ranks first in NENC.
		expect(arc.excludedFlagged).toContain('Y03303');
		expect(n.nenc.estimatedMembers[0].code).not.toBe('Y03303');
		expect(arc.selected).not.toContain('Y03303');
		expect(n.scotland.readings[0].estimatedMemberCount).toBeNull();
		// Deep End Cymru: the top 100 Welsh practices by the StatsWales share (published: 100, Jan 2022).
		expect(n.wales.readings[0].estimatedMemberCount).toBe(100);
		expect(n.wales.estimatedMembers.every((m: { code: string }) => m.code.startsWith('W'))).toBe(true);
		expect(n.london_health_equity.kind).toBe('people');
		const flags = table('practices.csv', ['practice_code', 'quality_flags']);
		const flagOf = new Map(flags.map((r) => [r.practice_code, r.quality_flags]));
		expect(flagOf.get('Y03303')).toBe('small-list');
		expect(flagOf.get('E87007')).toBe('small-list;extreme-rate;list-fall');
	});

	it('deep end rank 1 has the largest share in the most deprived 15%', () => {
		const rows = table('practices.csv', ['deep_end_rank', 'share_most_deprived_15pc']);
		const ranked = rows
			.filter((r) => r.deep_end_rank !== null)
			.sort((a, b) => Number(a.deep_end_rank) - Number(b.deep_end_rank));
		expect(Number(ranked[0].deep_end_rank)).toBe(1);
		const max = Math.max(...rows.map((r) => Number(r.share_most_deprived_15pc ?? 0)));
		expect(Number(ranked[0].share_most_deprived_15pc)).toBe(max);
	});

	it('the report accounts for dropped records and unplaced patients', () => {
		expect(report.dropped.length).toBeGreaterThan(0);
		expect(report.practices.unplacedShare).toBeGreaterThan(0);
		expect(report.practices.unplacedShare).toBeLessThan(0.01);
		for (const i of report.inputs) expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
	});
});
