// Step: Wales and Scotland. Their neighbourhoods (Welsh LSOAs 2011 with WIMD 2019, Scottish data zones
// 2011 with SIMD 2020v2, deciles within each nation) and their GP practices, appended to the practice
// table after England's own steps (provision, areas) have run on English practices only.
import type { FeatureCollection } from 'geojson';
import * as inputs from '../inputs';
import { readGeojson } from '../geometry';
import { joinNeighbourhoods, neighbourhoodLocator, type Neighbourhood } from '../nations/neighbourhoods';
import { buildScottishPractices, buildWelshPractices } from '../nations/practices';
import type { StepContext } from './context';
import { join } from 'node:path';
import { writeAtomic } from '../../lib/atomicWrite';
import { toCsv } from '../tables';
import { NEIGHBOURHOOD_COLUMNS } from '../nations/columns';
import { checkSourceRows } from '../inputs/expect';

/** The open table of Welsh and Scottish neighbourhoods (England's are in lsoa.csv). */
export const NEIGHBOURHOODS_CSV = 'neighbourhoods-wales-scotland.csv';

export interface NationBuild {
	neighbourhoods: Neighbourhood[];
	/** Boundary features in the order of `neighbourhoods`. */
	geo: FeatureCollection;
	counts: Record<string, number>;
}

export function run(ctx: StepContext): void {
	const codePoint = ctx.get('codePoint');
	const wimd = inputs.readWimd2019(ctx.input('wimd2019'));
	const simd = inputs.readSimd2020(ctx.input('simd2020'));
	const dzLookup = inputs.readDz11Lookup(ctx.input('dz11Lookup'));
	const walesGeo = readGeojson(ctx.input('walesLsoa11Boundaries'), inputs.INPUT_FILES.walesLsoa11Boundaries);
	const dzGeo = readGeojson(ctx.input('dz11Boundaries'), inputs.INPUT_FILES.dz11Boundaries);
	const sources = ctx.get('sources');
	checkSourceRows(sources, 'wimd2019', wimd.length);
	checkSourceRows(sources, 'simd2020', simd.length);
	checkSourceRows(sources, 'dz11Lookup', dzLookup.size);
	checkSourceRows(sources, 'walesLsoa11Boundaries', walesGeo.features.length);
	checkSourceRows(sources, 'dz11Boundaries', dzGeo.features.length);

	const wales = joinNeighbourhoods(walesGeo, 'LSOA11CD', 'LSOA11NM', 'W', new Map(wimd.map((r) => [r.code, r])), (f) =>
		f.properties.LAD_FILE ? String(f.properties.LAD_FILE) : null
	);
	const scotland = joinNeighbourhoods(
		dzGeo,
		'DZ11CD',
		'DZ11NM',
		'S',
		new Map(simd.map((r) => [r.code, r])),
		(_f, code) => dzLookup.get(code)?.council ?? null
	);
	for (const [nation, j] of [
		['Welsh LSOA', wales],
		['Scottish data zone', scotland]
	] as const) {
		ctx.drop('nations', `${nation} boundaries with no index row`, j.noIndex.length, 'not drawn (no decile)');
		ctx.drop('nations', `${nation} index rows with no boundary`, j.noBoundary.length, 'not drawn (no polygon)');
	}
	const neighbourhoods = [...wales.neighbourhoods, ...scotland.neighbourhoods];
	const features = [...wales.features, ...scotland.features];
	const byCode = new Map(neighbourhoods.map((n) => [n.code, n]));
	const locate = neighbourhoodLocator(
		features,
		neighbourhoods.map((n) => n.code)
	);
	const nationInputs = {
		locate: (postcode: string) => codePoint.locate(postcode),
		neighbourhoodAt: (lon: number, lat: number) => {
			const code = locate(lon, lat);
			return code ? { code, decile: byCode.get(code)!.decile } : null;
		}
	};

	const welshDeprivation = inputs.readWalesPracticeDeprivation(ctx.input('walesPracticeDeprivation'));
	checkSourceRows(sources, 'walesPracticeDeprivation', welshDeprivation.length);
	const phsPractices = inputs.readScottishPractices(ctx.input('phsPractices'));
	checkSourceRows(sources, 'phsPractices', phsPractices.length);
	const gpHeadcount = inputs.readGpHeadcount(ctx.input('phsGpHeadcount'));
	checkSourceRows(sources, 'phsGpHeadcount', gpHeadcount.size);
	const welsh = buildWelshPractices(
		inputs.readWelshPractices(ctx.input('epraccur')),
		new Map(welshDeprivation.map((d) => [d.code, d])),
		nationInputs
	);
	const scottish = buildScottishPractices(
		phsPractices,
		gpHeadcount,
		new Map(scotland.neighbourhoods.map((n) => [n.code, n.decile])),
		nationInputs
	);
	const welshCodes = new Set(welsh.map((p) => p.code));
	const counts = {
		welshPractices: welsh.length,
		welshWithShare: welsh.filter((p) => p.wimdShare20 !== null).length,
		welshSuppressed: welshDeprivation.filter((d) => d.suppressed && welshCodes.has(d.code)).length,
		welshNotInStatsWales: welsh.filter((p) => p.patientsSource === 'none').length,
		statsWalesNotActive: welshDeprivation.filter((d) => !welshCodes.has(d.code)).length,
		welshPatients: welsh.reduce((s, p) => s + (p.patients ?? 0), 0),
		scottishPractices: scottish.length,
		scottishPatients: scottish.reduce((s, p) => s + (p.patients ?? 0), 0),
		scottishNoGpListed: scottish.filter((p) => p.gpHeadcount === null).length,
		notLocated: [...welsh, ...scottish].filter((p) => p.locationSource === 'none').length,
		welshLsoas: wales.neighbourhoods.length,
		scottishDataZones: scotland.neighbourhoods.length
	};
	ctx.drop(
		'nations',
		'Welsh practices without a location',
		welsh.filter((p) => p.lat === null).length,
		'postcode and sector not in Code-Point Open'
	);
	ctx.drop(
		'nations',
		'Scottish practices without a location',
		scottish.filter((p) => p.lat === null).length,
		'postcode and sector not in Code-Point Open'
	);
	ctx.drop(
		'nations',
		'StatsWales rows for practices not active in epraccur (Sep 2025)',
		counts.statsWalesNotActive,
		'closed or merged since April 2024'
	);
	ctx.drop(
		'nations',
		'active Welsh practices with StatsWales figures suppressed',
		counts.welshSuppressed,
		'wimdShare20 unknown (not 0)'
	);
	ctx.drop(
		'nations',
		'active Welsh practices not in the StatsWales table',
		counts.welshNotInStatsWales,
		'list size and wimdShare20 unknown'
	);
	ctx.drop(
		'nations',
		'Scottish practices with no GP listed (PHS, Oct 2024)',
		counts.scottishNoGpListed,
		'GP headcount unknown (not 0)'
	);
	ctx.set('nations', { neighbourhoods, geo: { type: 'FeatureCollection', features }, counts });
	writeAtomic(join(ctx.outDir, NEIGHBOURHOODS_CSV), toCsv(neighbourhoods, NEIGHBOURHOOD_COLUMNS));
	ctx.set('practices', [...ctx.get('practices'), ...welsh, ...scottish]);
	ctx.mark('nations: Wales + Scotland');
}
