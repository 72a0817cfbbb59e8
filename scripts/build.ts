// Build the atlas data: data/raw (fetched inputs) → static/data (tables, tiles, indexes, report).
//
//   npx tsx scripts/build.ts [--force] [--raw DIR] [--out DIR] [--sources FILE] [--debug]
//
// Everything is written to a staging directory and swapped in only when every step has succeeded,
// so a failed build leaves the previous good output in place. The build is skipped when the inputs'
// files (size, time), the manifest and the build code are unchanged since the last good build (use
// --force to rebuild). The steps are listed in scripts/pipeline/run.ts. Whatever fails, the user
// gets a plain message (a bad input: file, line, column, what was expected and the fix), never a
// stack trace; --debug adds the stack for a maintainer.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failureMessage } from './pipeline/inputs/error';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The fingerprint of the last good build in `outDir`, if its report is readable. */
function previousFingerprint(outDir: string): string | null {
	const reportPath = join(outDir, 'build-report.json');
	if (!existsSync(reportPath)) return null;
	try {
		return JSON.parse(readFileSync(reportPath, 'utf8')).fingerprint ?? null;
	} catch {
		return null; // an unreadable report means rebuild
	}
}

async function main() {
	const rawDir = resolve(arg('--raw') ?? join(root, 'data/raw'));
	const outDir = resolve(arg('--out') ?? join(root, 'static/data'));
	const sourcesPath = resolve(arg('--sources') ?? join(root, 'data/sources.json'));
	const networksPath = join(root, 'data/networks.json');
	try {
		// Imported here so that a broken data/sources.json (read when the pipeline loads) is reported too.
		const { buildAndSwap, pipelineFingerprint } = await import('./pipeline/run');
		const fingerprint = pipelineFingerprint(root, sourcesPath, networksPath, rawDir);
		if (!process.argv.includes('--force') && previousFingerprint(outDir) === fingerprint) {
			console.log(`Atlas data is up to date (${outDir}); inputs and pipeline unchanged. Use --force to rebuild.`);
			return;
		}
		const report = await buildAndSwap({ rawDir, outDir, sourcesPath, networksPath, fingerprint, log: console.log });
		console.log(`\nBuilt ${outDir} in ${(report.totalMs / 1000).toFixed(1)} s (peak RSS ${report.peakRssMb} MB).`);
	} catch (e) {
		console.error(
			`\n${failureMessage(e, process.argv.includes('--debug'))}\nThe previous atlas data (if any) in ${outDir} is unchanged.`
		);
		process.exitCode = 1;
	}
}

await main();
