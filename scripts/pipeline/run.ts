// The pipeline: its steps in order, the fingerprint that decides whether a build is needed, and the
// staging/swap that puts a build in place only when every step has succeeded.
//
//   read inputs → practices (+ deprivation) → provision + LSOAs → areas → nations (Wales and
//   Scotland, appended after England's own steps) → networks →
//   search indexes (then Code-Point Open is let go) → tiles: LSOAs → tiles: boundaries → tables →
//   trends → report
//
// Each step is a file in steps/ with `run(ctx)`; it takes what earlier steps made from `ctx` and
// writes its outputs into `ctx.outDir`. Transforms live in the modules the steps call.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as inputs from './inputs';
import { createContext, type RunOptions, type StepContext } from './steps/context';
import * as readInputs from './steps/readInputs';
import * as practices from './steps/practices';
import * as provision from './steps/provision';
import * as areas from './steps/areas';
import * as networks from './steps/networks';
import * as lsoaTiles from './steps/lsoaTiles';
import * as boundaryTiles from './steps/boundaryTiles';
import * as search from './steps/search';
import * as tables from './steps/tables';
import * as report from './steps/report';
import * as nations from './steps/nations';
import * as trends from './steps/trends';

export type { RunOptions };
export type { BuildReport } from './steps/report';

/** The steps before the report, in the order they run. */
const STEPS: { run(ctx: StepContext): void | Promise<void> }[] = [
	readInputs,
	practices,
	provision,
	areas,
	nations,
	networks,
	search,
	lsoaTiles,
	boundaryTiles,
	tables,
	trends
];

/** Run every step, writing into `opt.outDir`; returns the build report. */
export async function runPipeline(opt: RunOptions) {
	const ctx = createContext(opt);
	mkdirSync(opt.outDir, { recursive: true });
	opt.log('Building the atlas data:');
	for (const step of STEPS) await step.run(ctx);
	return report.run(ctx);
}

/**
 * Build into a staging folder beside `opt.outDir` and swap it in (two renames; the old output is
 * removed only after the new one is in place). On failure the staging folder is removed and the
 * previous output is left as it was.
 */
export async function buildAndSwap(opt: RunOptions) {
	const { outDir } = opt;
	const staging = join(dirname(outDir), `.data-staging-${process.pid}`);
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	try {
		const built = await runPipeline({ ...opt, outDir: staging });
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
		return built;
	} catch (e) {
		rmSync(staging, { recursive: true, force: true });
		throw e;
	}
}

/**
 * The code the build runs: a change here means a rebuild. Benchmarks, screenshot tools and the fetch
 * step (scripts/bench/, scripts/fetch*) are left out: editing them must not force a rebuild (what
 * fetch writes is covered by the raw files' sizes and times).
 */
const BUILD_CODE = ['scripts/build.ts', 'scripts/pipeline', 'scripts/lib', 'src/lib/domain'];

/** Files whose change must trigger a rebuild (build code, manifest, networks, lock) and the raw inputs' stats. */
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
	const walk = (path: string) => {
		if (!existsSync(path)) return;
		if (!statSync(path).isDirectory()) {
			if (path.endsWith('.ts')) files.push(path);
			return;
		}
		for (const name of readdirSync(path).sort()) walk(join(path, name));
	};
	for (const part of BUILD_CODE) walk(join(root, part));
	for (const f of files) {
		if (!existsSync(f)) continue;
		h.update(relative(root, f));
		h.update(readFileSync(f));
	}
	return h.digest('hex');
}
