// Making data/raw hold the files data/sources.json names: one source (fetchSource) or all (fetchAll).
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SourceEntry } from '../../src/lib/domain/formats/sources';
import { copyFromMirror } from './copy';
import { downloadWithRetry } from './download';
import { mirrorUrl, type SourceLocations } from './locate';
import { alreadyVerified, VerifiedCache } from './verify';
import { removeStaleTempFiles } from './writer';

export type FetchStatus = 'copied' | 'downloaded' | 'ok';

export interface FetchResult {
	id: string;
	file: string;
	status: FetchStatus;
	bytes: number;
	ms: number;
	/** Mirror path or URL the bytes came from ('' when already ok). */
	from: string;
}

export interface FetchOptions extends SourceLocations {
	/** Where the files go (data/raw). */
	rawDir: string;
	/** Fetch again even when the file is present and verified. */
	force?: boolean;
	/** Give up when no data arrives for this long (connect, headers or body). Default 60 s. */
	idleTimeoutMs?: number;
	/** Shared cache; loaded and saved per call when not given. */
	cache?: VerifiedCache;
	/** Progress notes (retries). */
	log?: (message: string) => void;
}

/** Make `rawDir/entry.file` present with the manifest's size and sha256. */
export async function fetchSource(entry: SourceEntry, options: FetchOptions): Promise<FetchResult> {
	const started = performance.now();
	const ownCache = !options.cache;
	const cache = options.cache ?? (await VerifiedCache.load(options.rawDir));
	const finalPath = join(options.rawDir, entry.file);
	const result = (status: FetchStatus, from: string): FetchResult => ({
		id: entry.id,
		file: entry.file,
		status,
		bytes: entry.bytes,
		ms: Math.round(performance.now() - started),
		from
	});
	try {
		if (!options.force && (await alreadyVerified(entry, finalPath, cache))) return result('ok', '');

		let from: string;
		let status: FetchStatus;
		if (options.mirrorDir) {
			from = join(options.mirrorDir, entry.file);
			await copyFromMirror(entry, from, finalPath);
			status = 'copied';
		} else {
			const official = !options.baseUrl;
			from = official ? entry.officialUrl : mirrorUrl(options.baseUrl!, entry.file);
			await downloadWithRetry(entry, from, official, finalPath, options);
			status = 'downloaded';
		}
		const st = await stat(finalPath);
		cache.set(entry.file, { size: st.size, mtimeMs: st.mtimeMs, sha256: entry.sha256 });
		return result(status, from);
	} finally {
		if (ownCache) await cache.save();
	}
}

export interface FetchFailure {
	id: string;
	file: string;
	error: Error;
}

export interface FetchSummary {
	results: FetchResult[];
	failures: FetchFailure[];
	ms: number;
}

/** Fetch each entry in turn (one at a time: disk- and network-bound; 2 cores). Failures are collected, not thrown. */
export async function fetchAll(
	entries: SourceEntry[],
	options: FetchOptions,
	onResult?: (r: FetchResult | FetchFailure) => void
): Promise<FetchSummary> {
	const started = performance.now();
	const cache = options.cache ?? (await VerifiedCache.load(options.rawDir));
	const dirs = new Set(entries.map((e) => dirname(join(options.rawDir, e.file))));
	for (const dir of dirs) await removeStaleTempFiles(dir);
	const results: FetchResult[] = [];
	const failures: FetchFailure[] = [];
	try {
		for (const entry of entries) {
			try {
				const r = await fetchSource(entry, { ...options, cache });
				results.push(r);
				onResult?.(r);
			} catch (e) {
				const f = { id: entry.id, file: entry.file, error: e instanceof Error ? e : new Error(String(e)) };
				failures.push(f);
				onResult?.(f);
			}
		}
	} finally {
		await cache.save();
	}
	return { results, failures, ms: Math.round(performance.now() - started) };
}
