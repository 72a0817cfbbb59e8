// Pipeline benchmark: a full England build from the mirror (forced), then an unchanged rebuild.
//   npm run bench    (runs this file; builds into a temporary directory: static/data is not touched)
// Prints a Markdown table for the README's Speed section.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const out = join(mkdtempSync(join(tmpdir(), 'atlas-bench-')), 'data');
const build = (force: boolean) => {
	const t = process.hrtime.bigint();
	execFileSync(
		process.execPath,
		// The heap cap the npm scripts give the build (package.json): V8 then collects before the RSS passes 2 GB.
		[
			'--max-old-space-size=1536',
			'--import',
			'tsx',
			join(root, 'scripts/build.ts'),
			'--out',
			out,
			...(force ? ['--force'] : [])
		],
		{ cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }
	);
	return Number(process.hrtime.bigint() - t) / 1e9;
};

const full = build(true);
const report = JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8'));
const skip = build(false);
const steps = report.steps as Record<string, number>;
const tileMs = Object.entries(steps)
	.filter(([k]) => k.startsWith('tiles'))
	.reduce((s, [, v]) => s + v, 0);
const lsoa = report.tiles.lsoa;
const mb = (b: number) => (b / 1e6).toFixed(1) + ' MB';
const rows = [
	['full England build from the mirror (wall, incl. Node start)', '< 60 s', `${full.toFixed(1)} s`],
	['peak memory (max RSS)', '< 2 GB', `${report.peakRssMb} MB`],
	['tile step (LSOA + boundary archives)', '< 15 s', `${(tileMs / 1000).toFixed(1)} s`],
	['LSOA tile archive', '< 15 MB', mb(lsoa.bytes)],
	['largest LSOA tile', '< 500 KB', `${(lsoa.maxTileBytes / 1000).toFixed(0)} KB (${lsoa.maxTileZxy})`],
	['rebuild with unchanged inputs', 'skipped', `skipped in ${skip.toFixed(1)} s`]
];
console.log('| what | budget | measured |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log('\nSteps (ms):');
for (const [k, v] of Object.entries(steps)) console.log(`  ${k.padEnd(28)} ${v}`);
rmSync(join(out, '..'), { recursive: true, force: true });
