// Build the atlas data: data/raw (fetched inputs) → static/data (tables, tiles, indexes, report).
//
//   npx tsx scripts/build.ts [--force] [--raw DIR] [--out DIR]
//
// Everything is written to a staging directory and swapped in only when every step has succeeded,
// so a failed build leaves the previous good output in place. The build is skipped when the inputs'
// files (size, time), the manifest and the pipeline code are unchanged since the last good build (use --force to rebuild).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from './pipeline/read';
import { runPipeline, pipelineFingerprint } from './pipeline/run';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
	const rawDir = resolve(arg('--raw') ?? join(root, 'data/raw'));
	const outDir = resolve(arg('--out') ?? join(root, 'static/data'));
	const force = process.argv.includes('--force');
	const sourcesPath = join(root, 'data/sources.json');
	const networksPath = join(root, 'data/networks.json');

	const fingerprint = pipelineFingerprint(root, sourcesPath, networksPath, rawDir);
	const reportPath = join(outDir, 'build-report.json');
	if (!force && existsSync(reportPath)) {
		try {
			const previous = JSON.parse(readFileSync(reportPath, 'utf8'));
			if (previous.fingerprint === fingerprint) {
				console.log(`Atlas data is up to date (${outDir}); inputs and pipeline unchanged. Use --force to rebuild.`);
				return;
			}
		} catch {
			// An unreadable report means rebuild.
		}
	}

	const staging = join(dirname(outDir), `.data-staging-${process.pid}`);
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	try {
		const report = await runPipeline({
			rawDir,
			outDir: staging,
			sourcesPath,
			networksPath,
			fingerprint,
			log: console.log
		});
		// Swap in atomically (two renames; the old output is removed only after the new one is in place).
		const old = join(dirname(outDir), `.data-old-${process.pid}`);
		const hadOutput = existsSync(outDir);
		if (hadOutput) renameSync(outDir, old);
		try {
			renameSync(staging, outDir);
		} catch (e) {
			if (hadOutput) renameSync(old, outDir); // put the previous good output back
			throw e;
		}
		rmSync(old, { recursive: true, force: true });
		console.log(`\nBuilt ${outDir} in ${(report.totalMs / 1000).toFixed(1)} s (peak RSS ${report.peakRssMb} MB).`);
	} catch (e) {
		rmSync(staging, { recursive: true, force: true });
		if (e instanceof InputError) {
			console.error(
				`\nBuild stopped: bad input.\n${e.message}\nThe previous atlas data (if any) in ${outDir} is unchanged.`
			);
		} else {
			console.error(
				`\nBuild failed: ${(e as Error).stack ?? e}\nThe previous atlas data (if any) in ${outDir} is unchanged.`
			);
		}
		process.exitCode = 1;
	}
}

await main();
