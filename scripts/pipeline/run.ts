// The pipeline, step by step: read (+ validate) → practices → provision → LSOAs → areas → networks →
// tiles → search indexes → tables → report. Writes into `outDir` (a staging directory).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { buildCrosswalk } from '../../src/lib/domain/deprivation';
import { attributeProvision } from '../../src/lib/domain/provision';
import { hasUsableFte, type Practice } from '../../src/lib/domain/practice';
import * as inputs from './inputs';
import { InputError } from './read';
import { buildPractices, type Located } from './practices';
import {
	type LsoaRow,
	buildLsoaRows,
	ladTileProperties,
	lsoaCentres,
	lsoaLocator,
	lsoaTileProperties,
	nearestPracticeFinder
} from './lsoa';
import { buildAreas, buildInverseCare } from './areas';
import { buildNetworks, networkFootprints, readNetworks } from './networks';
import { AREA_COLUMNS, INVERSE_CARE_COLUMNS, LSOA_COLUMNS, PRACTICE_COLUMNS, dictionary, toCsv } from './tables';
import { readGeojson, writeVectorArchive } from './tiles';
import { dissolve, labelFeatures } from './geometry';
import { simplify, truncate } from '@turf/turf';
import { buildPlaceIndex, buildPostcodeIndex, readCodePoint, readPlaces } from './search';
import { crossCheckImd2019 } from './crossCheck';
import type { SourceEntry } from './fetchSources';

export interface RunOptions {
	rawDir: string;
	outDir: string;
	sourcesPath: string;
	networksPath: string;
	fingerprint: string;
	log: (line: string) => void;
}

/** Code files whose change must trigger a rebuild, plus the manifest and the networks file. */
export function pipelineFingerprint(root: string, sourcesPath: string, networksPath: string, rawDir?: string): string {
	const h = createHash('sha256');
	if (rawDir) {
		// The raw inputs themselves: where they are, and each file's size and modification time.
		h.update(resolve(rawDir));
		for (const file of Object.values(inputs.INPUT_FILES)) {
			const path = join(rawDir, file);
			const st = existsSync(path) ? statSync(path) : null;
			h.update(`${file}:${st ? `${st.size}:${st.mtimeMs}` : 'missing'}\n`);
		}
	}
	const files: string[] = [sourcesPath, networksPath, join(root, 'package-lock.json')];
	const walk = (dir: string) => {
		if (!existsSync(dir)) return;
		for (const name of readdirSync(dir).sort()) {
			const p = join(dir, name);
			if (statSync(p).isDirectory()) walk(p);
			else if (p.endsWith('.ts')) files.push(p);
		}
	};
	walk(join(root, 'scripts'));
	walk(join(root, 'src/lib/domain'));
	for (const f of files) {
		if (!existsSync(f)) continue;
		h.update(relative(root, f));
		h.update(readFileSync(f));
	}
	return h.digest('hex');
}

/** Write a file atomically (temp + rename), creating its directory. */
export function writeAtomic(path: string, content: string | Uint8Array) {
	mkdirSync(join(path, '..'), { recursive: true });
	const tmp = `${path}.tmp-${process.pid}`;
	writeFileSync(tmp, content);
	renameSync(tmp, path);
}

export async function runPipeline(opt: RunOptions) {
	const t0 = Date.now();
	let peakRss = process.memoryUsage().rss;
	const steps: Record<string, number> = {};
	let last = Date.now();
	const step = (name: string) => {
		const now = Date.now();
		steps[name] = now - last;
		last = now;
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
		opt.log(`  ${name.padEnd(28)} ${((now - t0) / 1000).toFixed(1).padStart(5)} s`);
	};
	const p = (name: inputs.InputName) => {
		const path = inputs.inputPath(opt.rawDir, name);
		if (!existsSync(path)) {
			throw new InputError(
				inputs.INPUT_FILES[name],
				null,
				null,
				`input missing from ${opt.rawDir}`,
				'run `npm run fetch-data` first'
			);
		}
		return path;
	};
	const sources: SourceEntry[] = JSON.parse(readFileSync(opt.sourcesPath, 'utf8')).sources;
	const dropped: { step: string; what: string; count: number; reason: string }[] = [];
	const drop = (s: string, what: string, count: number, reason: string) => {
		if (count > 0) dropped.push({ step: s, what, count: Math.round(count * 10) / 10, reason });
	};
	mkdirSync(opt.outDir, { recursive: true });
	opt.log('Building the atlas data:');

	// ---- read and validate
	const imdRows = inputs.readImd2025(p('imd2025'));
	const imd = new Map(imdRows.map((r) => [r.code, r]));
	const imd2019 = inputs.readImd2019(p('imd2019'));
	const lookup = inputs.readLsoaLookup(p('lsoaLookup'));
	const geography = inputs.readLsoaGeography(p('lsoaGeography'));
	const population = inputs.readPopulation(p('population'));
	step('read deprivation + lookups');
	const map = inputs.readPracticeMap(p('practiceMap'));
	const addresses = inputs.readEpraccur(p('epraccur'));
	const registrations = inputs.readRegistrations(p('registrations'));
	const workforce = inputs.readWorkforce(p('workforce'), 2025);
	const payments = inputs.readPayments(p('payments'));
	step('read practice inputs');
	const codePoint = readCodePoint(p('codePoint'), inputs.INPUT_FILES.codePoint);
	step('read Code-Point Open');
	const lsoaGeo = readGeojson(p('lsoa21Boundaries'), inputs.INPUT_FILES.lsoa21Boundaries);
	step('read LSOA boundaries');

	// ---- practices
	const crosswalk = buildCrosswalk(lookup, population);
	const regsByPractice = new Map<string, inputs.RegistrationRow[]>();
	for (const r of registrations.rows) {
		const list = regsByPractice.get(r.practice);
		if (list) list.push(r);
		else regsByPractice.set(r.practice, [r]);
	}
	const mapCodes = new Set(map.map((m) => m.code));
	const notInMap = [...regsByPractice.keys()].filter((c) => !mapCodes.has(c));
	drop(
		'practices',
		'practices in the July 2023 registrations but not in the Oct 2025 mapping file (closed or merged)',
		notInMap.length,
		'not current practices'
	);
	drop(
		'practices',
		'patients registered at those practices',
		notInMap.reduce((s, c) => s + regsByPractice.get(c)!.reduce((t, r) => t + r.patients, 0), 0),
		'not attributed to any LSOA provision'
	);
	const centres = lsoaCentres(lsoaGeo);
	const locateLsoa = lsoaLocator(lsoaGeo, centres);
	const regionOf = new Map(geography.map((g) => [g.code, g.region]));
	const built = buildPractices({
		map,
		addresses,
		workforce: new Map(workforce.map((w) => [w.code, w])),
		payments,
		registrations: regsByPractice,
		deprivation: {
			crosswalk,
			imd2025: new Map(imdRows.map((r) => [r.code, { score: r.score.imd, rank: r.rank.imd, decile: r.decile.imd }])),
			lsoaCount2025: imdRows.length,
			imd2019
		},
		locate: (postcode: string): Located | null => codePoint.locate(postcode),
		lsoaAt: (lon, lat) => {
			const found = locateLsoa(lon, lat);
			return found ? { lsoa: found.code, region: regionOf.get(found.code) ?? '', method: found.method } : null;
		}
	});
	const practices = built.practices;
	drop(
		'practices',
		'practices without a location',
		built.counts.notLocated,
		'postcode and its sector not in Code-Point Open'
	);
	drop(
		'practices',
		'practices without usable GP FTE (excluded from rates)',
		practices.filter((x) => !hasUsableFte(x)).length,
		'FTE not reported, zero, or no workforce record'
	);
	const unplaced = practices.reduce((s, x) => s + x.unplacedNoLsoa + x.unplacedWelsh + x.unplacedUnknown, 0);
	const listed = practices.reduce((s, x) => s + x.listedPatients2023, 0);
	drop(
		'deprivation',
		'patients recorded with no LSOA (NO2011)',
		practices.reduce((s, x) => s + x.unplacedNoLsoa, 0),
		'cannot be placed'
	);
	drop(
		'deprivation',
		'patients living in Welsh LSOAs',
		practices.reduce((s, x) => s + x.unplacedWelsh, 0),
		'outside IoD2025 (England only)'
	);
	drop(
		'deprivation',
		'patients with an LSOA code unknown to the lookups',
		practices.reduce((s, x) => s + x.unplacedUnknown, 0),
		'unknown code'
	);
	step('practices + deprivation');

	// ---- provision and LSOAs
	const provision = attributeProvision(
		practices.map((x) => ({
			fte: hasUsableFte(x) ? x.gpFte : null,
			weightedPatients: x.weightedPatients,
			listedPatients: x.listedPatients2023,
			patientsByLsoa: built.footprints.get(x.code) ?? new Map()
		}))
	);
	const nearest = nearestPracticeFinder(practices);
	const lsoa = buildLsoaRows({ geography, imd, population, centres, provision, nearest });
	drop('lsoa', 'LSOAs in the geography lookup without IoD2025 data', lsoa.missing.imd, 'no IoD2025 row');
	drop(
		'lsoa',
		'LSOAs with no registered patients attributed',
		lsoa.missing.provision,
		'no practice lists a patient there'
	);
	if (lsoa.rows.length !== 33_755) opt.log(`  warning: ${lsoa.rows.length} LSOAs, expected 33,755`);
	step('provision + LSOAs');

	// ---- areas, inverse care, networks
	const { areas, englandRate, practicesWithoutPcn } = buildAreas(practices);
	drop('areas', 'practices in no PCN (PCN code U), left out of the PCN level only', practicesWithoutPcn, 'no PCN');
	const inverseCare = buildInverseCare(practices);
	const networks = buildNetworks(readNetworks(opt.networksPath), practices);
	step('areas + networks');

	// ---- tiles
	const ladGeo = readGeojson(p('ladBoundaries'), inputs.INPUT_FILES.ladBoundaries);
	const lsoaProps = new Map(lsoa.rows.map((r) => [r.code, lsoaTileProperties(r)]));
	const ladProps = ladTileProperties(lsoa.rows);
	const lsoaFeatures: Feature[] = lsoaGeo.features.map((f) => ({
		type: 'Feature',
		geometry: f.geometry,
		properties: lsoaProps.get(String(f.properties?.LSOA21CD)) ?? { code: String(f.properties?.LSOA21CD) }
	}));
	const englishLads: Feature[] = ladGeo.features
		.filter((f) => ladProps.has(String(f.properties?.LAD24CD)))
		.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: ladProps.get(String(f.properties?.LAD24CD))! }));
	const attribution = sourcesAttribution(opt.sourcesPath);
	const lsoaArchive = await writeVectorArchive(
		join(opt.outDir, 'lsoa.pmtiles'),
		[
			{ name: 'lad', features: englishLads, minzoom: 0, maxzoom: 7 },
			{ name: 'lsoa', features: lsoaFeatures, minzoom: 8, maxzoom: 10 }
		],
		{
			name: 'Deep End Atlas LSOAs',
			attribution,
			description: 'LSOA 2021 (z8+) and local authorities (z0-7) with IoD2025 deciles and attributed GP provision'
		}
	);
	step('tiles: LSOAs');

	const boundarySource = (name: inputs.InputName, codeKey: string, nameKey: string): Feature[] =>
		readGeojson(p(name), inputs.INPUT_FILES[name]).features.map((f) => ({
			type: 'Feature',
			geometry: f.geometry,
			properties: { code: String(f.properties?.[codeKey]), name: String(f.properties?.[nameKey] ?? '') }
		}));
	const icb = boundarySource('icbBoundaries', 'ICB23CD', 'ICB23NM');
	const sicbl = boundarySource('sicblBoundaries', 'SICBL23CD', 'SICBL23NM');
	const nhser = boundarySource('nhserBoundaries', 'NHSER24CD', 'NHSER24NM');
	const region = boundarySource('regionBoundaries', 'RGN23CD', 'RGN23NM');
	const lad: Feature[] = ladGeo.features.map((f) => ({
		type: 'Feature',
		geometry: f.geometry,
		properties: { code: String(f.properties?.LAD24CD), name: String(f.properties?.LAD24NM ?? '') }
	}));
	const footprints = networkFootprints(
		readNetworks(opt.networksPath),
		{
			icb: icb.map((f) => ({ ...f, properties: { ICB23CD: f.properties!.code } })),
			region: region.map((f) => ({ ...f, properties: { RGN23CD: f.properties!.code } })),
			lad: lad.map((f) => ({ ...f, properties: { LAD24CD: f.properties!.code } }))
		},
		dissolve
	);
	const land = dissolve(lad, () => 'land').map((f) => ({ ...f, properties: { code: 'land', name: 'United Kingdom' } }));
	const boundaryArchive = await writeVectorArchive(
		join(opt.outDir, 'boundaries.pmtiles'),
		[
			{ name: 'land', features: land, minzoom: 0, maxzoom: 10 },
			{ name: 'nhser', features: nhser, minzoom: 0, maxzoom: 10 },
			{ name: 'region', features: region, minzoom: 0, maxzoom: 10 },
			{ name: 'icb', features: icb, minzoom: 0, maxzoom: 10 },
			{ name: 'sicbl', features: sicbl, minzoom: 0, maxzoom: 10 },
			{ name: 'lad', features: lad, minzoom: 0, maxzoom: 10 },
			{ name: 'network', features: footprints, minzoom: 0, maxzoom: 10 },
			// One label point per area (pole of inaccessibility), so names sit inside their areas.
			{
				name: 'label',
				features: [
					...labelFeatures(nhser, 'nhser'),
					...labelFeatures(icb, 'icb'),
					...labelFeatures(sicbl, 'sicbl'),
					...labelFeatures(lad, 'lad'),
					...labelFeatures(footprints, 'network')
				],
				minzoom: 0,
				maxzoom: 10
			}
		],
		{ name: 'Deep End Atlas boundaries', attribution }
	);
	step('tiles: boundaries');
	// Network footprints for the Find journey's point-in-footprint and distance tests in the browser:
	// simplified to ~100 m (a few hundred KB), coordinates rounded to ~1 m.
	const simplified = footprints.map((f) => {
		const g = simplify(f, { tolerance: 0.001, highQuality: false, mutate: false });
		return { ...g, geometry: truncate(g, { precision: 5, mutate: false }).geometry };
	});
	writeAtomic(
		join(opt.outDir, 'network-footprints.json'),
		JSON.stringify({ type: 'FeatureCollection', features: simplified })
	);

	// ---- search indexes
	const postcodeIndex = await buildPostcodeIndex(codePoint, opt.outDir);
	const placeIndex = await buildPlaceIndex(readPlaces(p('places'), inputs.INPUT_FILES.places), opt.outDir);
	step('search indexes');

	// ---- tables
	writeAtomic(join(opt.outDir, 'practices.csv'), toCsv(practices, PRACTICE_COLUMNS));
	writeAtomic(join(opt.outDir, 'lsoa.csv'), toCsv(lsoa.rows, LSOA_COLUMNS));
	writeAtomic(join(opt.outDir, 'areas.csv'), toCsv(areas, AREA_COLUMNS));
	writeAtomic(join(opt.outDir, 'inverse-care.csv'), toCsv(inverseCare, INVERSE_CARE_COLUMNS));
	writeAtomic(join(opt.outDir, 'practices.json'), JSON.stringify(practicesForApp(practices)));
	writeAtomic(join(opt.outDir, 'lsoa-detail.json'), JSON.stringify(lsoaDetailForApp(lsoa.rows)));
	writeAtomic(join(opt.outDir, 'networks.json'), JSON.stringify({ englandRate, networks }, null, 1));
	writeAtomic(join(opt.outDir, 'sources.json'), readFileSync(opt.sourcesPath, 'utf8'));
	writeAtomic(
		join(opt.outDir, 'columns.json'),
		JSON.stringify(
			{
				'practices.csv': dictionary(PRACTICE_COLUMNS as never),
				'lsoa.csv': dictionary(LSOA_COLUMNS as never),
				'areas.csv': dictionary(AREA_COLUMNS as never),
				'inverse-care.csv': dictionary(INVERSE_CARE_COLUMNS as never)
			},
			null,
			1
		)
	);
	step('tables');

	// ---- cross-check and report
	const crossCheck = crossCheckImd2019(practices, p('fingertipsImd'), p('blackwellImd'));
	peakRss = Math.max(peakRss, process.memoryUsage().rss);
	const report = {
		fingerprint: opt.fingerprint,
		builtAt: new Date().toISOString(),
		totalMs: Date.now() - t0,
		peakRssMb: Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1e6),
		steps,
		inputs: sources.map((s) => ({
			id: s.id,
			file: s.file,
			vintage: s.vintage,
			sha256: s.sha256,
			licence: s.licence,
			role: s.role
		})),
		rowsRead: {
			imd2025Lsoas: imdRows.length,
			imd2019Lsoas: imd2019.size,
			lsoaLookupRows: lookup.length,
			lsoaGeography: geography.length,
			populationLsoas: population.size,
			mappingPractices: map.length,
			epraccurRecords: addresses.size,
			registrationRows: registrations.rows.length,
			registrationPractices: regsByPractice.size,
			workforcePracticesFy2024_25: workforce.length,
			paymentsPractices: payments.size,
			lsoaPolygons: lsoaGeo.features.length
		},
		practices: {
			...built.counts,
			listedPatients2023: listed,
			unplacedPatients2023: Math.round(unplaced),
			unplacedShare: listed ? unplaced / listed : null
		},
		dropped,
		englandGpFtePer10kWeighted: englandRate,
		lsoas: lsoa.rows.length,
		tiles: { lsoa: lsoaArchive, boundaries: boundaryArchive },
		search: { postcodes: postcodeIndex, places: placeIndex },
		crossCheck
	};
	writeAtomic(join(opt.outDir, 'build-report.json'), JSON.stringify(report, null, 1));
	printSummary(report, opt.log);
	return report;
}

function sourcesAttribution(sourcesPath: string): string {
	const doc = JSON.parse(readFileSync(sourcesPath, 'utf8'));
	return (doc.attributions as string[]).join(' ');
}

/** The compact practice table the app loads (columnar: one array per field). */
export function practicesForApp(practices: readonly Practice[]) {
	const fields = [
		'code',
		'name',
		'postcode',
		'lat',
		'lon',
		'pcnCode',
		'pcnName',
		'sicblCode',
		'icbCode',
		'nhserCode',
		'region',
		'lsoa',
		'patients',
		'weightedPatients',
		'fteStatus',
		'gpFte',
		'gpFteAll',
		'nurseFte',
		'dpcFte',
		'gpFtePer10kWeighted',
		'gpFteAllPer10kWeighted',
		'imdScore',
		'share10',
		'share15',
		'share20',
		'deepEndRank',
		'imdQuintile',
		'locationImdScore',
		'locationSource',
		'unplacedShare'
	] as const;
	const round = (v: unknown) => (typeof v === 'number' ? Math.round(v * 10000) / 10000 : v);
	return {
		fields,
		rows: practices.map((x) => fields.map((f) => round(x[f]))),
		decileShares: practices.map((x) => x.decileShares?.map((d) => Math.round(d * 10000) / 10000) ?? null),
		address: practices.map((x) => x.address)
	};
}

/** Per-LSOA detail the app loads lazily for the LSOA panel (columnar). */
export function lsoaDetailForApp(rows: readonly LsoaRow[]) {
	const r1 = (v: number | null) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 10) / 10);
	const r3 = (v: number | null) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 1000) / 1000);
	return {
		fields: [
			'code',
			'name',
			'ladName',
			'icbCode',
			'population',
			'patients',
			'patientsCovered',
			'attributedFte',
			'attributedWeightedPatients',
			'gpFtePer10kWeighted',
			'nearestPracticeCode',
			'nearestPracticeKm',
			'centreLon',
			'centreLat',
			'imdScore',
			'imdRank'
		],
		rows: rows.map((r) => [
			r.code,
			r.name,
			r.ladName,
			r.icbCode,
			r.population,
			r1(r.patients),
			r1(r.patientsCovered),
			r3(r.attributedFte),
			r1(r.attributedWeightedPatients),
			r3(r.gpFtePer10kWeighted),
			r.nearestPracticeCode,
			r3(r.nearestPracticeKm),
			Math.round(r.centreLon * 1e5) / 1e5,
			Math.round(r.centreLat * 1e5) / 1e5,
			r.imd.score.imd,
			r.imd.rank.imd
		])
	};
}

function printSummary(report: Record<string, any>, log: (s: string) => void) {
	log('\nInputs:');
	for (const i of report.inputs)
		if (i.role === 'input') log(`  ${i.file.padEnd(52)} ${i.vintage}  ${i.sha256.slice(0, 12)}`);
	log('\nRows read:');
	for (const [k, v] of Object.entries(report.rowsRead)) log(`  ${k.padEnd(30)} ${Number(v).toLocaleString('en-GB')}`);
	log('\nDropped or excluded:');
	for (const d of report.dropped) log(`  [${d.step}] ${d.count.toLocaleString('en-GB')} ${d.what} (${d.reason})`);
	log(
		`\nEngland: ${report.englandGpFtePer10kWeighted.toFixed(3)} fully qualified GP FTE per 10,000 weighted patients; ${report.lsoas} LSOAs.`
	);
	const c = report.crossCheck;
	if (c)
		log(
			`Cross-check of practice IoD2019 scores: Fingertips r = ${c.fingertips.r.toFixed(4)} (n ${c.fingertips.n}), Blackwell r = ${c.blackwell.r.toFixed(4)} (n ${c.blackwell.n}).`
		);
}
