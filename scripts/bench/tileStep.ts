// The LSOA tile step against itself before issue 11 and against tippecanoe, on the real boundaries:
//
//   npx tsx scripts/bench/tileStep.ts [dataDir]            TIPPECANOE=/path/to/tippecanoe to add it
//
// Each variant runs in a child process of its own (so that its peak memory is its own): reading the
// LSOA boundaries, cutting and writing the archive. Printed side by side: wall time, peak RSS, archive
// size, largest tile (gzip), tiles. Variants:
//   before      local authorities z0–7 + LSOAs z8–10 (the layout before neighbourhoods at every zoom)
//   coalesced   the pipeline's layout now: LSOAs z4–10, coalesced below z8 (lib/tileCoalesce.ts)
//   tippecanoe  the same LSOAs, -Z4 -z10 --coalesce-densest-as-needed (only with TIPPECANOE)
// The measures on each LSOA are stand-ins of the real kinds (deciles, scores), as in bench/tiles.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature } from 'geojson';
import { readCodeNamed, readGeojson } from '../pipeline/geometry';
import { coalescedLayers } from '../pipeline/lib/tileCoalesce';
import { writeVectorArchiveDetailed, type TileLayer } from '../pipeline/tiles';
import {
	LSOA_COUNT_PROPERTY,
	LSOA_DETAIL_ZOOM,
	LSOA_MIN_PIXELS,
	LSOA_TILE_MIN_ZOOM
} from '../../src/lib/domain/formats/lsoaTiles';
import { openArchive, tilesAtZoom } from '../../tests/fixtures/tiles/archive';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const child = args[0] === '--child' ? args[1] : null;
const dataDir =
	(child ? args[2] : args[0]) ??
	[process.env.ATLAS_DATA_MIRROR, join(root, 'data', 'raw'), join(root, '..', 'shared', 'data')].find(
		(d) => d && existsSync(join(d, 'boundaries', 'lsoa21_bsc_england.geojson.gz'))
	);
if (!dataDir) {
	console.error('No boundaries found: pass the mirror or data/raw directory, or run `npm run fetch-data`.');
	process.exit(1);
}
const b = (f: string) => join(dataDir, 'boundaries', f);

function measures(i: number) {
	const d = (k: number) => ((Math.floor(i / 7) + k * 3) % 10) + 1; // neighbours share deciles, as real ones often do
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
		gp_fte_10k: Math.round(((i * 53) % 1200) + 200) / 100
	};
}

function lsoaFeatures(): Feature[] {
	return readGeojson(b('lsoa21_bsc_england.geojson.gz')).features.map((f, i) => ({
		type: 'Feature',
		geometry: f.geometry,
		properties: { code: String(f.properties!.LSOA21CD), name: String(f.properties!.LSOA21NM), ...measures(i) }
	}));
}

async function runChild(variant: string, out: string) {
	const t0 = performance.now();
	const lsoas = lsoaFeatures();
	let layers: TileLayer[];
	if (variant === 'before') {
		const lads = readCodeNamed(b('lad_2024_bsc_uk.geojson.gz'), 'LAD24CD', 'LAD24NM')
			.filter((f) => /^E0[6-9]/.test(String(f.properties!.code)))
			.map((f, i) => ({ ...f, properties: { ...f.properties, ...measures(i) } }));
		layers = [
			{ name: 'lad', features: lads, minzoom: 0, maxzoom: 7 },
			{ name: 'lsoa', features: lsoas, minzoom: 8, maxzoom: 10 }
		];
	} else {
		layers = coalescedLayers(
			{ name: 'lsoa', features: lsoas, minzoom: LSOA_TILE_MIN_ZOOM, maxzoom: 10 },
			LSOA_DETAIL_ZOOM,
			{ minPixels: LSOA_MIN_PIXELS, preferSame: ['imd_decile'], countProperty: LSOA_COUNT_PROPERTY }
		);
	}
	const d = await writeVectorArchiveDetailed(out, layers, { name: 'LSOA', attribution: 'ONS' });
	const ms = performance.now() - t0;
	console.log(
		JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, maxTile: d.maxTileBytes, at: d.maxTileZxy })
	);
}

interface Row {
	variant: string;
	ms: number;
	rssMb: number;
	bytes: number;
	maxTile: number;
	at: string;
	z6Features?: number;
}

/** Largest tile (gzip -9 of each tile as read back, the same for every variant) and distinct features at z6. */
async function inspect(path: string) {
	const archive = openArchive(path);
	const h = await archive.getHeader();
	let maxTile = 0;
	let at = '';
	const z6 = new Set<string>();
	for (let z = h.minZoom; z <= h.maxZoom; z++)
		for (const t of await tilesAtZoom(archive, h, z)) {
			const stored = gzipSync(new Uint8Array((await archive.getZxy(z, t.x, t.y))!.data), { level: 9 }).length;
			if (stored > maxTile) [maxTile, at] = [stored, `${z}/${t.x}/${t.y}`];
			const l = t.tile.layers.lsoa;
			if (z === 6) for (let i = 0; l && i < l.length; i++) z6.add(JSON.stringify(l.feature(i).properties.code));
		}
	return { maxTile, at, z6Features: z6.size };
}

if (child) {
	await runChild(child, args[3]);
} else {
	const dir = mkdtempSync(join(tmpdir(), 'bench-tile-step-'));
	const rows: Row[] = [];
	try {
		for (const variant of ['before', 'coalesced']) {
			const out = join(dir, `${variant}.pmtiles`);
			const r = spawnSync(
				process.execPath,
				['--import', 'tsx', fileURLToPath(import.meta.url), '--child', variant, dataDir, out],
				{
					encoding: 'utf8'
				}
			);
			if (r.status !== 0) throw new Error(`${variant}: ${r.stderr}`);
			const s = JSON.parse(r.stdout.trim().split('\n').pop()!);
			const { z6Features } = await inspect(out);
			rows.push({
				variant,
				ms: s.ms,
				rssMb: s.rssMb,
				bytes: statSync(out).size,
				maxTile: s.maxTile,
				at: s.at,
				z6Features
			});
		}
		const tippecanoe = process.env.TIPPECANOE;
		if (tippecanoe) {
			const input = join(dir, 'lsoa.geojsonl');
			writeFileSync(
				input,
				lsoaFeatures()
					.map((f) => JSON.stringify(f))
					.join('\n')
			);
			const out = join(dir, 'tippecanoe.pmtiles');
			const t0 = performance.now();
			const r = spawnSync(
				'/usr/bin/time',
				[
					'-v',
					tippecanoe,
					'-q',
					'-f',
					'-o',
					out,
					'-l',
					'lsoa',
					'-Z4',
					'-z10',
					'--coalesce-densest-as-needed',
					'-P',
					input
				],
				{ encoding: 'utf8' }
			);
			const ms = performance.now() - t0;
			if (r.status !== 0) throw new Error(`tippecanoe: ${r.stderr}`);
			const rssMb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
			rows.push({ variant: 'tippecanoe', ms, rssMb, bytes: statSync(out).size, ...(await inspect(out)) });
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	console.log('| variant | wall | peak RSS | archive | largest tile (gzip) | distinct lsoa features at z6 |');
	console.log('|---|---|---|---|---|---|');
	for (const r of rows)
		console.log(
			`| ${r.variant} | ${(r.ms / 1000).toFixed(1)} s | ${Number.isNaN(r.rssMb) ? '?' : Math.round(r.rssMb) + ' MiB'} | ${(r.bytes / 1e6).toFixed(2)} MB | ${Math.round(r.maxTile / 1024)} KB (${r.at}) | ${r.z6Features ?? 0} |`
		);
	if (!process.env.TIPPECANOE) console.log('(set TIPPECANOE=/path/to/tippecanoe to add it)');
}
