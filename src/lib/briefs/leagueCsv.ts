// The league table as CSV: what it is, each column's definition and the data's vintages in "# " lines,
// then England's line and every area in the order shown.
import type { League, LeagueRow } from '$lib/domain/equityLeague';
import { LEAGUE_LEVEL_LABELS, caveatOf, sortValue } from '$lib/domain/equityLeague';
import { csvWithHeader, type CsvColumn } from '$lib/journeys/exportCsv';
import { DATA_LINE } from '$lib/data/vintages';
import { LEAGUE_COLUMNS } from './leagueColumns';

const round = (v: number | null, digits: number) =>
	v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits;

export function leagueCsv(league: League, sorted: readonly LeagueRow[], today: string): string {
	const cols: CsvColumn<LeagueRow>[] = [
		{ key: 'code', label: 'code' },
		{ key: 'name', label: 'name' },
		...LEAGUE_COLUMNS.map((c) => ({
			key: 'code' as const,
			label: c.csv,
			value: (r: LeagueRow) => round(sortValue(r, c.key) as number | null, c.digits)
		})),
		{ key: 'ratioCaveat', label: 'ratio_caveat' },
		{ key: 'slopeCaveat', label: 'slope_caveat' },
		{ key: 'code', label: 'payments_ratio_caveat', value: (r: LeagueRow) => caveatOf(r, 'extra:payRatio') }
	];
	return csvWithHeader(
		[
			`Deep End Atlas: equity of GP provision, ${LEAGUE_LEVEL_LABELS[league.level].many} (England first)`,
			...LEAGUE_COLUMNS.map((c) => `${c.csv}: ${c.definition}`),
			DATA_LINE,
			'Licence: Open Government Licence v3.0.',
			`Generated: ${today}`
		],
		cols,
		[league.england, ...sorted]
	);
}
