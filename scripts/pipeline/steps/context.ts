// What the pipeline's steps share: where to read and write, the inputs read and the tables built so
// far, what was dropped and why, and how long each step took. Steps run in the order of run.ts; each
// takes what it needs with `ctx.get` (which names a step run out of order) and adds with `ctx.set`.
import { existsSync } from 'node:fs';
import type { Feature, FeatureCollection } from 'geojson';
import type { Practice } from '../../../src/lib/domain/practice';
import type { AttributedProvision } from '../../../src/lib/domain/provision';
import type { BuiltNetwork } from '../../../src/lib/domain/formats/networks';
import * as inputs from '../inputs';
import { InputError } from '../read';
import type { PracticeBuild } from '../practices';
import type { LsoaRow } from '../lsoa';
import type { AreaRow, InverseCareRow } from '../areas';
import type { ArchiveStats } from '../tiles';
import type { CodePoint } from '../codePoint';
import type { PostcodeIndexStats } from '../postcodeIndex';
import type { PlaceIndexStats } from '../places';
import type { crossCheckImd2019 } from '../crossCheck';
import type { SourceEntry } from '../../../src/lib/domain/formats/sources';
import type { NationBuild } from './nations';
import type { TrendsSummary } from './trends';

export interface RunOptions {
	rawDir: string;
	/** Where the step outputs go (the staging directory when run by build.ts). */
	outDir: string;
	sourcesPath: string;
	networksPath: string;
	fingerprint: string;
	log: (line: string) => void;
}

export interface Dropped {
	step: string;
	what: string;
	count: number;
	reason: string;
}

/** Everything a step may hand to a later one. */
export interface PipelineData {
	sources: SourceEntry[];
	/** The licences' attribution lines, joined, for the tile archives' metadata. */
	attribution: string;
	imdRows: inputs.Imd2025Row[];
	imd2019: Map<string, number>;
	lookup: ReturnType<typeof inputs.readLsoaLookup>;
	geography: inputs.LsoaGeography[];
	population: Map<string, number>;
	practiceMap: inputs.PracticeMapRow[];
	addresses: ReturnType<typeof inputs.readEpraccur>;
	registrations: ReturnType<typeof inputs.readRegistrations>;
	workforce: inputs.WorkforceRow[];
	payments: ReturnType<typeof inputs.readPayments>;
	codePoint: CodePoint;
	lsoaGeo: FeatureCollection;
	regsByPractice: Map<string, inputs.RegistrationRow[]>;
	centres: Map<string, [number, number]>;
	practiceBuild: PracticeBuild;
	practices: Practice[];
	provision: Map<string, AttributedProvision>;
	lsoaRows: LsoaRow[];
	areas: AreaRow[];
	englandRate: number;
	inverseCare: InverseCareRow[];
	networks: BuiltNetwork[];
	/** Local authority boundaries (May 2024), read by the LSOA tiles step, used again for the boundaries. */
	ladGeo: FeatureCollection;
	lsoaArchive: ArchiveStats;
	boundaryArchive: ArchiveStats;
	/** Network footprints, dissolved, as in boundaries.pmtiles. */
	footprints: Feature[];
	postcodeIndex: PostcodeIndexStats;
	placeIndex: PlaceIndexStats;
	crossCheck: ReturnType<typeof crossCheckImd2019>;
	/** Wales and Scotland (steps/nations.ts): neighbourhoods, their boundaries, counts. */
	nations: NationBuild;
	/** The trends step's figures for the build report. */
	trends: TrendsSummary;
}

export interface StepContext extends RunOptions {
	/** Build start (ms since the epoch). */
	t0: number;
	/** Milliseconds per timed stage, in order. */
	timings: Record<string, number>;
	peakRss: number;
	dropped: Dropped[];
	/** End a timed stage: record its time and the peak memory, and log it. */
	mark(name: string): void;
	/** Path of a raw input; an InputError when it is missing. */
	input(name: inputs.InputName): string;
	/** Record rows or patients left out, with why (counts of 0 are not recorded). */
	drop(step: string, what: string, count: number, reason: string): void;
	get<K extends keyof PipelineData>(key: K): PipelineData[K];
	set<K extends keyof PipelineData>(key: K, value: PipelineData[K]): void;
	/** Let go of something no later step needs, so the tile steps run in less memory. */
	release(key: keyof PipelineData): void;
}

export function createContext(opt: RunOptions): StepContext {
	const data: Partial<PipelineData> = {};
	const t0 = Date.now();
	let last = t0;
	const ctx: StepContext = {
		...opt,
		t0,
		timings: {},
		peakRss: process.memoryUsage().rss,
		dropped: [],
		mark(name) {
			const now = Date.now();
			ctx.timings[name] = now - last;
			last = now;
			ctx.peakRss = Math.max(ctx.peakRss, process.memoryUsage().rss);
			opt.log(`  ${name.padEnd(28)} ${((now - t0) / 1000).toFixed(1).padStart(5)} s`);
		},
		input(name) {
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
		},
		drop(step, what, count, reason) {
			if (count > 0) ctx.dropped.push({ step, what, count: Math.round(count * 10) / 10, reason });
		},
		get(key) {
			const value = data[key];
			if (value === undefined) throw new Error(`pipeline: "${key}" is used before the step that makes it has run`);
			return value as PipelineData[typeof key];
		},
		set(key, value) {
			data[key] = value;
		},
		release(key) {
			delete data[key];
		}
	};
	return ctx;
}
