// Wales and Scotland through the whole pipeline on the hand-made world (tests/fixtures/world/
// make-nations.ts has the numbers): practices per nation, what each nation publishes, deciles within
// each nation, and the neighbourhoods in the tiles with their nation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runPipeline } from '../scripts/pipeline/run';
import { parsePractices } from '../src/lib/data/practices';
import { practiceFlags, PRACTICE_FLAGS } from '../src/lib/domain/practice';
import { openArchive, tilesAtZoom } from './fixtures/tiles/archive';

const world = join(__dirname, 'fixtures/world');
let out: string;
let report: Awaited<ReturnType<typeof runPipeline>>;

beforeAll(async () => {
	out = mkdtempSync(join(tmpdir(), 'atlas-nations-'));
	report = await runPipeline({
		rawDir: world,
		outDir: out,
		sourcesPath: join(world, 'sources.json'),
		networksPath: join(__dirname, '..', 'data/networks.json'),
		fingerprint: 'nations-test',
		log: () => {}
	});
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const rows = (): Record<string, string>[] =>
	parse(readFileSync(join(out, 'practices.csv'), 'utf8'), { columns: true, skip_empty_lines: true });

describe('Wales and Scotland in the world build', () => {
	it('reconciles practices and list totals per nation', () => {
		// England 4; Wales: W99001 and W99002 (W99003 closed, W99004 not a GP practice); Scotland 2.
		expect(report.nations.perNation).toEqual({
			E: { practices: 4, located: 4, patients: expect.any(Number) },
			W: { practices: 2, located: 1, patients: 1000 },
			S: { practices: 2, located: 2, patients: 8000 }
		});
		expect(report.nations).toMatchObject({
			welshWithShare: 1,
			welshSuppressed: 1,
			statsWalesNotActive: 1,
			scottishNoGpListed: 1
		});
		// Three WIMD rows, two with a boundary: the third is counted.
		expect(report.dropped).toContainEqual(
			expect.objectContaining({ step: 'nations', what: 'Welsh LSOA index rows with no boundary', count: 1 })
		);
	});

	it('Welsh practices: wimdShare20 from StatsWales, health board from the commissioner, no FTE', () => {
		const p = new Map(rows().map((r) => [r.practice_code, r]));
		const w1 = p.get('W99001')!;
		expect(w1.nation).toBe('W');
		expect(w1.health_board).toBe('7A1');
		expect(Number(w1.wimd_share_20pc)).toBe(0.25); // 250 / 1,000
		expect(w1.registered_patients).toBe('1000');
		expect(w1.premises_decile).toBe('4'); // LL57 1AA is in W01000001, rank 1 of 3 → ceil(10/3) = 4
		expect(w1.fte_status).toBe('not-published');
		for (const england of [
			'gp_fte',
			'gp_fte_per_10k_weighted',
			'imd_score',
			'share_most_deprived_15pc',
			'icb_code',
			'need_weighting_ratio'
		])
			expect(w1[england], england).toBe('');
		// Suppressed: blank, not 0; and LL57 9ZZ has no live postcode or sector: not located.
		const w2 = p.get('W99002')!;
		expect(w2.wimd_share_20pc).toBe('');
		expect(w2.registered_patients).toBe('');
		expect(w2.lat).toBe('');
		expect(w2.flags).toContain(PRACTICE_FLAGS.suppressedWales);
		expect(p.has('W99003')).toBe(false);
		expect(p.has('W99004')).toBe(false);
	});

	it('Scottish practices: list size, GP headcount by designation per 10,000 (unweighted)', () => {
		const p = new Map(rows().map((r) => [r.practice_code, r]));
		const s1 = p.get('10002')!;
		expect(s1).toMatchObject({
			nation: 'S',
			health_board: 'S08000020',
			registered_patients: '5000',
			gp_headcount: '5'
		});
		expect(Number(s1.gp_headcount_per_10k)).toBe(10); // 5 / 5,000 × 10,000
		expect([s1.gp_performers, s1.gp_salaried, s1.gp_registrars, s1.gp_retainees]).toEqual(['3', '1', '1', '0']);
		expect(s1.premises_decile).toBe('10'); // S01006506, rank 2 of 2
		const s2 = p.get('10017')!;
		expect(s2.gp_headcount).toBe(''); // no GP listed: unknown, not 0
		expect(s2.gp_headcount_per_10k).toBe('');
		expect(s2.premises_decile).toBe('10'); // no data zone given: the one containing AB10 1AB
	});

	it('practices.json carries the nation fields, and the app reads them', () => {
		const t = parsePractices(JSON.parse(readFileSync(join(out, 'practices.json'), 'utf8')));
		const w = t.byCode.get('W99001')!;
		expect(w.nation).toBe('W');
		expect(w.wimdShare20).toBe(0.25);
		expect(w.gpFtePer10kWeighted).toBeNull();
		expect(t.byCode.get('10002')!.gpHeadcountPer10k).toBe(10);
		expect(t.byCode.get('A99001')!.nation).toBe('E');
		expect(practiceFlags({ ...w, unplacedNoLsoa: 0, unplacedWelsh: 0, unplacedUnknown: 0 } as never)).toContain(
			PRACTICE_FLAGS.fteNotPublishedWales
		);
	});

	it('neighbourhoods-wales-scotland.csv: each with its rank and decile within its nation', () => {
		const rows: Record<string, string>[] = parse(readFileSync(join(out, 'neighbourhoods-wales-scotland.csv'), 'utf8'), {
			columns: true
		});
		expect(rows.map((r) => [r.code, r.nation, r.rank, r.of, r.decile])).toEqual([
			['W01000001', 'W', '1', '3', '4'],
			['W01000002', 'W', '3', '3', '10'],
			['S01006506', 'S', '2', '2', '10'],
			['S01006507', 'S', '1', '2', '5']
		]);
	});

	it('tiles: Welsh LSOAs and data zones with nation and the decile within their nation', async () => {
		const archive = openArchive(join(out, 'lsoa.pmtiles'));
		const header = await archive.getHeader();
		const props = new Map<string, Record<string, unknown>>();
		for (const t of await tilesAtZoom(archive, header, 10)) {
			const layer = t.tile.layers.lsoa;
			for (let i = 0; i < (layer?.length ?? 0); i++) {
				const f = layer.feature(i);
				props.set(String(f.properties.code), f.properties);
			}
		}
		expect(props.get('W01000001')).toMatchObject({ nation: 'W', imd_decile: 4, rank: 1, name: 'Gwynedd 001A' });
		expect(props.get('W01000002')).toMatchObject({ nation: 'W', imd_decile: 10 });
		expect(props.get('S01006507')).toMatchObject({ nation: 'S', imd_decile: 5, rank: 1 });
		expect(props.get('E01090001')).toMatchObject({ nation: 'E' });
		// England's measures are not given to the other nations' neighbourhoods.
		expect(props.get('S01006507')!.imd_score).toBeUndefined();
		expect(props.get('W01000001')!.gp_fte_10k).toBeUndefined();
	});
});
