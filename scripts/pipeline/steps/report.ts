// Step: cross-check the practice IoD2019 scores against the published ones, then write
// build-report.json (inputs, rows read, what was dropped and why, timings, tile and index sizes) and
// print its summary.
import { join } from 'node:path';
import { writeAtomic } from '../../lib/atomicWrite';
import { crossCheckImd2019 } from '../crossCheck';
import type { StepContext } from './context';
import { nationsReport } from '../nations/report';

export type BuildReport = ReturnType<typeof buildReport>;

export function run(ctx: StepContext): BuildReport {
	const practices = ctx.get('practices');
	ctx.set(
		'crossCheck',
		crossCheckImd2019(practices, ctx.input('fingertipsImd'), ctx.input('blackwellImd'), ctx.get('sources'))
	);
	ctx.peakRss = Math.max(ctx.peakRss, process.memoryUsage().rss);
	const report = buildReport(ctx);
	writeAtomic(join(ctx.outDir, 'build-report.json'), JSON.stringify(report, null, 1));
	printSummary(report, ctx.log);
	return report;
}

function buildReport(ctx: StepContext) {
	const practices = ctx.get('practices');
	const unplaced = practices.reduce((s, x) => s + x.unplacedNoLsoa + x.unplacedWelsh + x.unplacedUnknown, 0);
	const listed = practices.reduce((s, x) => s + x.listedPatients2023, 0);
	return {
		fingerprint: ctx.fingerprint,
		builtAt: new Date().toISOString(),
		totalMs: Date.now() - ctx.t0,
		peakRssMb: Math.round(Math.max(ctx.peakRss, process.resourceUsage().maxRSS * 1024) / 1e6),
		steps: ctx.timings,
		inputs: ctx.get('sources').map((s) => ({
			id: s.id,
			file: s.file,
			vintage: s.vintage,
			sha256: s.sha256,
			licence: s.licence,
			role: s.role
		})),
		rowsRead: {
			imd2025Lsoas: ctx.get('imdRows').length,
			imd2019Lsoas: ctx.get('imd2019').size,
			lsoaLookupRows: ctx.get('lookup').length,
			lsoaGeography: ctx.get('geography').length,
			populationLsoas: ctx.get('population').size,
			mappingPractices: ctx.get('practiceMap').length,
			epraccurRecords: ctx.get('addresses').size,
			registrationRows: ctx.get('registrations').rows.length,
			registrationPractices: ctx.get('regsByPractice').size,
			workforcePracticesFy2024_25: ctx.get('workforce').length,
			paymentsPractices: ctx.get('payments').size,
			lsoaPolygons: ctx.get('lsoaGeo').features.length
		},
		practices: {
			...ctx.get('practiceBuild').counts,
			listedPatients2023: listed,
			unplacedPatients2023: Math.round(unplaced),
			unplacedShare: listed ? unplaced / listed : null
		},
		dropped: ctx.dropped,
		englandGpFtePer10kWeighted: ctx.get('englandRate'),
		lsoas: ctx.get('lsoaRows').length,
		tiles: { lsoa: ctx.get('lsoaArchive'), boundaries: ctx.get('boundaryArchive') },
		search: { postcodes: ctx.get('postcodeIndex'), places: ctx.get('placeIndex') },
		crossCheck: ctx.get('crossCheck'),
		nations: nationsReport(ctx),
		trends: ctx.get('trends')
	};
}

function printSummary(report: BuildReport, log: (s: string) => void) {
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
