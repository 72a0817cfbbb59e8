// Benchmark of the tile step on the real boundaries (not a test: timings vary by machine).
//
//   npx tsx scripts/bench/tiles.ts [dataDir] [--tolerance N] [--buffer N] [--lsoa-maxzoom N]
//
// dataDir defaults to ATLAS_DATA_MIRROR, else data/raw, else ../shared/data beside the project.
//
// Builds the two archives the atlas serves, lsoa.pmtiles (lad z0–7, lsoa z4–maxzoom) and
// boundaries.pmtiles, into a temp directory, with dummy measures standing in for the real ones,
// and prints sizes, tile counts, the largest tile and timings. Budget: lsoa archive < 15 MB,
// no tile > 500 KB, written in < 15 s on a 2-core machine.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature } from 'geojson';
import { readCodeNamed, readGeojson, dissolve, labelFeatures } from '../pipeline/geometry';
import { writeVectorArchiveDetailed, type ArchiveDetail, type TileLayer } from '../pipeline/tiles';
import { coalescedLayers } from '../pipeline/lib/tileCoalesce';
import {
	LSOA_COUNT_PROPERTY,
	LSOA_DETAIL_ZOOM,
	LSOA_MIN_PIXELS,
	LSOA_TILE_MIN_ZOOM
} from '../../src/lib/domain/formats/lsoaTiles';

const args = process.argv.slice(2);
const flag = (name: string, dflt: number) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? Number(args[i + 1]) : dflt;
};
const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir =
	args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--'))) ??
	[process.env.ATLAS_DATA_MIRROR, join(root, 'data', 'raw'), join(root, '..', 'shared', 'data')].find(
		(d) => d && existsSync(join(d, 'boundaries', 'lsoa21_bsc_england.geojson.gz'))
	);
if (!dataDir || !existsSync(join(dataDir, 'boundaries', 'lsoa21_bsc_england.geojson.gz'))) {
	console.error(
		`No boundaries found${dataDir ? ` under ${dataDir}/boundaries` : ''}; pass the mirror or data/raw directory, or run \`npm run fetch-data\`.`
	);
	process.exit(1);
}
console.log(`boundaries from ${dataDir}`);
const b = (f: string) => join(dataDir, 'boundaries', f);
const options = { tolerance: flag('tolerance', 3), buffer: flag('buffer', 64) };
const lsoaMax = flag('lsoa-maxzoom', 10);

function timed<T>(label: string, fn: () => T): T {
	const t0 = performance.now();
	const out = fn();
	console.log(`${label}: ${Math.round(performance.now() - t0)} ms`);
	return out;
}

/** Stand-ins for the ~12 measures the pipeline puts on each LSOA / authority. */
function dummyMeasures(code: string, i: number): Record<string, number> {
	const d = (k: number) => ((i * 7 + k * 3) % 10) + 1;
	return {
		imd_decile: d(0),
		inc_decile: d(1),
		emp_decile: d(2),
		edu_decile: d(3),
		hea_decile: d(4),
		cri_decile: d(5),
		bar_decile: d(6),
		env_decile: d(7),
		imd_score: Math.round(((i * 37) % 9000) + 100) / 100,
		gp_fte_10k: Math.round(((i * 53) % 1200) + 200) / 100,
		pop: 1000 + ((i * 13) % 2000),
		code_num: Number(code.slice(1))
	};
}

function report(d: ArchiveDetail) {
	console.log(
		`${d.path.split('/').pop()}: ${(d.bytes / 1e6).toFixed(2)} MB, ${d.tileCount} tiles ${JSON.stringify(d.tilesPerZoom)}, ` +
			`max tile ${(d.maxTileBytes / 1024).toFixed(0)} KB gz (${(d.maxRawTileBytes / 1024).toFixed(0)} KB raw) at ${d.maxTileZxy}, ${d.ms} ms`
	);
	console.log(
		`  features ${JSON.stringify(d.featuresPerLayer)}; re-added at zooms where simplification dropped them ${JSON.stringify(d.rescued)}`
	);
}

const out = mkdtempSync(join(tmpdir(), 'bench-tiles-'));
try {
	const lsoaFc = timed('read lsoa', () => readGeojson(b('lsoa21_bsc_england.geojson.gz')));
	const lads = timed('read lad', () => readCodeNamed(b('lad_2024_bsc_uk.geojson.gz'), 'LAD24CD', 'LAD24NM'));
	const lsoas: Feature[] = lsoaFc.features.map((f, i) => {
		const code = String(f.properties!.LSOA21CD);
		return { ...f, properties: { code, name: f.properties!.LSOA21NM, ...dummyMeasures(code, i) } };
	});
	const englandLads = lads
		.filter((f) => /^E0[6-9]/.test(String(f.properties!.code)))
		.map((f, i) => ({ ...f, properties: { ...f.properties, ...dummyMeasures(String(f.properties!.code), i) } }));

	// As the pipeline lays it out: LSOAs from zoom 4, coalesced below zoom 8 (see tileStep.ts for the
	// layout before, and tippecanoe).
	const lsoaLayers: TileLayer[] = [
		{ name: 'lad', features: englandLads, minzoom: 0, maxzoom: 7 },
		...coalescedLayers(
			{ name: 'lsoa', features: lsoas, minzoom: LSOA_TILE_MIN_ZOOM, maxzoom: lsoaMax },
			LSOA_DETAIL_ZOOM,
			{
				minPixels: LSOA_MIN_PIXELS,
				preferSame: ['imd_decile'],
				countProperty: LSOA_COUNT_PROPERTY
			}
		)
	];
	const lsoaStats = await writeVectorArchiveDetailed(
		join(out, 'lsoa.pmtiles'),
		lsoaLayers,
		{ name: 'LSOA', attribution: 'ONS' },
		options
	);
	report(lsoaStats);

	const read = (f: string, codeKey: string, nameKey: string) => readCodeNamed(b(f), codeKey, nameKey);
	const icb = read('icb_2023_bsc_england.geojson', 'ICB23CD', 'ICB23NM');
	const sicbl = read('sicbl_2023_bsc_england.geojson', 'SICBL23CD', 'SICBL23NM');
	const nhser = read('nhser_2024_bsc_england.geojson', 'NHSER24CD', 'NHSER24NM');
	const region = read('rgn_2023_buc_england.geojson', 'RGN23CD', 'RGN23NM');
	const network = timed('dissolve networks (S, W)', () =>
		dissolve(
			lads,
			(f) => ({ S: 'scotland', W: 'wales' })[String(f.properties!.code)[0]] ?? '',
			(key) => ({ code: key, name: `Deep End ${key}` })
		)
	);
	const land = timed('dissolve land (all LADs)', () =>
		dissolve(
			lads,
			() => 'uk',
			() => ({ code: 'uk' })
		)
	);
	const label = timed('label points', () => [
		...labelFeatures(icb, 'icb'),
		...labelFeatures(sicbl, 'sicbl'),
		...labelFeatures(region, 'region'),
		...labelFeatures(network, 'network'),
		...labelFeatures(lads, 'lad')
	]);
	const z = { minzoom: 0, maxzoom: 10 };
	const boundaryStats = await writeVectorArchiveDetailed(
		join(out, 'boundaries.pmtiles'),
		[
			{ name: 'land', features: land, ...z },
			{ name: 'region', features: region, ...z },
			{ name: 'nhser', features: nhser, ...z },
			{ name: 'icb', features: icb, ...z },
			{ name: 'sicbl', features: sicbl, ...z },
			{ name: 'lad', features: lads, ...z },
			{ name: 'network', features: network, ...z },
			{ name: 'label', features: label, ...z }
		],
		{ name: 'Boundaries', attribution: 'ONS' },
		options
	);
	report(boundaryStats);
	const mem = process.memoryUsage();
	console.log(`peak-ish rss ${(mem.rss / 1e6).toFixed(0)} MB`);
} finally {
	rmSync(out, { recursive: true, force: true });
}
