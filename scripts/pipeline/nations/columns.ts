// practices.csv columns for the nations: which nation a practice is in and what only Wales or
// Scotland publishes. England-only columns (PCN, ICB, FTE, IoD2025 shares, registrations) are blank
// for Welsh and Scottish practices: those figures are not published there, not zero.
import type { Practice } from '../../../src/lib/domain/practice';
import { column, type Column } from '../tables';
import type { Neighbourhood } from './neighbourhoods';

const col = column<Practice>;

export const NATION_COLUMNS: Column<Practice>[] = [
	col(
		'nation',
		'E = England, W = Wales, S = Scotland. England-only columns are blank (or 0 for the registration counts) in Wales and Scotland',
		(p) => p.nation
	),
	col(
		'health_board',
		'NHS health board: Welsh ODS code (7A1…7A7, epraccur commissioner) or Scottish S08 code (PHS, Oct 2024)',
		(p) => p.healthBoard
	),
	col(
		'wimd_share_20pc',
		'Wales: share of patients living in the 20% most deprived WIMD 2019 LSOAs (StatsWales, April 2024); blank when suppressed or not listed',
		(p) => p.wimdShare20,
		4
	),
	col(
		'gp_headcount',
		'Scotland: distinct GPs listed at the practice, PHS October 2024 (headcount, not FTE)',
		(p) => p.gpHeadcount
	),
	col(
		'gp_headcount_per_10k',
		'Scotland: gp_headcount per 10,000 registered patients (unweighted; not comparable with gp_fte_per_10k_weighted)',
		(p) => p.gpHeadcountPer10k,
		3
	),
	col('gp_performers', 'Scotland: GP listings as performer (partner)', (p) => p.gpPerformerHeadcount),
	col('gp_salaried', 'Scotland: GP listings as salaried performer', (p) => p.gpSalariedHeadcount),
	col('gp_registrars', 'Scotland: GP listings as registrar (GP in training)', (p) => p.gpRegistrarHeadcount),
	col('gp_retainees', 'Scotland: GP listings as retainee', (p) => p.gpRetaineeHeadcount),
	col(
		'premises_decile',
		"Decile within the practice's own nation of the neighbourhood its premises stand in (IoD2025 LSOA 2021, WIMD 2019 LSOA 2011, SIMD 2020v2 data zone); 1 = most deprived; not comparable across nations",
		(p) => p.premisesDecile
	)
];

/** neighbourhoods-wales-scotland.csv: every Welsh LSOA 2011 and Scottish data zone on the map. */
export const NEIGHBOURHOOD_COLUMNS: Column<Neighbourhood>[] = [
	column('code', 'Welsh LSOA 2011 (W01) or Scottish data zone 2011 (S01) code', (n) => n.code),
	column('name', 'Name (ONS LSOA 2011 name; Scottish data zone name)', (n) => n.name),
	column('nation', 'W = Wales (WIMD 2019), S = Scotland (SIMD 2020v2)', (n) => n.nation),
	column('rank', 'Rank within the nation, 1 = most deprived (published)', (n) => n.rank),
	column('of', 'Neighbourhoods ranked in the nation', (n) => n.of),
	column(
		'decile',
		'Decile within the nation, computed by the atlas as ceil(rank × 10 / of); not official, not comparable across nations',
		(n) => n.decile
	),
	column('lad_code', 'Local authority (W06 / S12) used for the low-zoom map', (n) => n.ladCode),
	column('population', 'Scotland: SIMD 2020v2 total population; blank in Wales (not an input)', (n) => n.population)
];
