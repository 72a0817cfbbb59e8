// The trend sums per area (scripts/pipeline/trendsAreas.ts) on three hand-made practices: an English
// practice in a PCN, a closed one (in no area today), and a practice of another nation (no ICB), which
// must make no area and no England context.
import { describe, expect, it } from 'vitest';
import { buildTrendAreas } from '../scripts/pipeline/trendsAreas';
import type { Practice } from '../src/lib/domain/practice';
import type { PracticeTrend } from '../src/lib/domain/formats/trends';
import { ftePer10kSeries } from '../src/lib/domain/trends';

const practice = (code: string, icbCode: string, imdQuintile: number | null): Practice =>
	({
		code,
		icbCode,
		icbName: 'ICB ONE',
		sicblCode: 'E38000001',
		sicblName: 'SUB ONE',
		nhserCode: 'E40000001',
		nhserName: 'REGION ONE',
		pcnCode: 'U00001',
		pcnName: 'PCN ONE',
		imdQuintile,
		patients: 1000
	}) as Practice;

const series = (gpFte: number, weighted: number, rating: 'Good' | null): PracticeTrend => ({
	gpFte: [gpFte],
	weightedPatients: [weighted],
	payWeighted: [weighted],
	payTotal: [weighted * 150],
	payCovid: [null],
	payPcn: [null],
	cqc: rating ? { rating, year: 2020, inherited: false } : null,
	lifeExpectancy: null
});

describe('trend sums per area', () => {
	const built = buildTrendAreas(
		new Map([
			['A00001', series(2, 4000, 'Good')],
			['C00003', series(1, 1000, null)]
		]),
		[practice('A00001', 'E54000001', 5), practice('W00002', '', null)],
		[2025],
		[2023]
	);

	it('areas from English practices only; closed practices in England and in no area', () => {
		expect(built.areas.map((a) => `${a.level} ${a.code}`)).toEqual([
			'nhser E40000001',
			'icb E54000001',
			'sicbl E38000001',
			'pcn U00001'
		]);
		// England: (2 + 1) / (4,000 + 1,000) × 10,000 = 6; the ICB: 2 / 4,000 × 10,000 = 5; closed: 10.
		expect(ftePer10kSeries(built.england.workforce)[0]).toBeCloseTo(6, 10);
		expect(ftePer10kSeries(built.areas[1].workforce)).toEqual([5]);
		expect(ftePer10kSeries(built.unassigned.workforce)).toEqual([10]);
		expect(ftePer10kSeries(built.quintiles[4].workforce)).toEqual([5]);
		// Context counts today's English practices: the Welsh one is not "unrated".
		expect(built.england.cqc).toEqual({ Outstanding: 0, Good: 1, 'Requires improvement': 0, Inadequate: 0, none: 0 });
	});
});
