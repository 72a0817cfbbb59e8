// Getting the raw inputs listed in data/sources.json into data/raw/, verified and written atomically.
//
// Where the bytes come from, in order:
//   1. a local mirror directory (ATLAS_DATA_MIRROR, else ../shared/data next to the project): copied;
//   2. a host serving the mirror layout (ATLAS_DATA_BASE_URL): downloaded from `${base}/${file}`;
//   3. the publisher's own page or file (`officialUrl`). Be aware: the mirror copies were *derived*
//      from the publishers' originals (reduced, renamed, re-encoded; see `derivation`), so what a
//      publisher serves will normally not match the mirror checksum. A mismatch there means "this
//      publisher file is not the reduced copy the pipeline reads", and the fix is to use a mirror.
//
// Every file is streamed to a temporary file in the same directory while being hashed, checked for
// size and sha256, synced, and only then renamed over the final path: a failed or interrupted fetch
// never leaves a half-written file where the pipeline looks, and never destroys a good old copy.
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync, unlinkSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';

// ---------------------------------------------------------------- the manifest

export type SourceRole = 'input' | 'reference';

export interface SourceEntry {
	/** Short domain name, e.g. "epraccur", "registrations", "codePoint". */
	id: string;
	/** "input" feeds the pipeline; "reference" holds published figures to cross-check against. */
	role: SourceRole;
	title: string;
	publisher: string;
	/** The publisher's page or download for the original dataset. */
	officialUrl: string;
	licence: string;
	/** Exact text to show in the app. */
	attribution: string;
	vintage: string;
	/** Path relative to the mirror root, and to data/raw. */
	file: string;
	/** Of the mirror copy. */
	sha256: string;
	bytes: number;
	/** How the mirror copy was derived from the publisher's file. */
	derivation: string;
}

export interface SourcesManifest {
	/** Attribution lines required by the licences, to show in the app. */
	attributions: string[];
	sources: SourceEntry[];
}

const STRING_FIELDS = [
	'id',
	'role',
	'title',
	'publisher',
	'officialUrl',
	'licence',
	'attribution',
	'vintage',
	'file',
	'sha256',
	'derivation'
] as const;

/** Check the manifest's shape; throws naming the entry and field at fault. */
export function validateManifest(json: unknown, label = 'data/sources.json'): SourcesManifest {
	const fail = (where: string, problem: string): never => {
		throw new Error(
			`${label}: ${where}: ${problem}\n  Fix: correct ${label} (each source needs ${STRING_FIELDS.join(', ')}, bytes).`
		);
	};
	if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('top level', 'expected a JSON object');
	const root = json as Record<string, unknown>;
	const attributions = root.attributions;
	if (
		!Array.isArray(attributions) ||
		attributions.length === 0 ||
		!attributions.every((a) => typeof a === 'string' && a.trim() !== '')
	) {
		fail('"attributions"', 'expected a non-empty array of non-empty strings');
	}
	if (!Array.isArray(root.sources) || root.sources.length === 0) fail('"sources"', 'expected a non-empty array');
	const ids = new Set<string>();
	const files = new Set<string>();
	const sources = (root.sources as unknown[]).map((raw, i) => {
		const at = `sources[${i}]`;
		if (typeof raw !== 'object' || raw === null) return fail(at, 'expected an object');
		const e = raw as Record<string, unknown>;
		const name = typeof e.id === 'string' ? `${at} ("${e.id}")` : at;
		for (const f of STRING_FIELDS) {
			if (typeof e[f] !== 'string' || (e[f] as string).trim() === '')
				fail(`${name}.${f}`, 'missing or empty (expected a non-empty string)');
		}
		const entry = e as unknown as SourceEntry;
		if (!/^[a-z][A-Za-z0-9]*$/.test(entry.id)) fail(`${name}.id`, `"${entry.id}" is not a short camelCase name`);
		if (entry.role !== 'input' && entry.role !== 'reference')
			fail(`${name}.role`, `"${entry.role}" is neither "input" nor "reference"`);
		if (!/^https?:\/\/\S+$/.test(entry.officialUrl))
			fail(`${name}.officialUrl`, `"${entry.officialUrl}" is not an http(s) URL`);
		if (!/^[0-9a-f]{64}$/.test(entry.sha256)) fail(`${name}.sha256`, 'expected 64 lower-case hex digits');
		if (!Number.isSafeInteger(entry.bytes) || entry.bytes <= 0)
			fail(`${name}.bytes`, 'expected a positive whole number');
		if (
			isAbsolute(entry.file) ||
			entry.file.includes('\\') ||
			entry.file.split('/').some((p) => p === '' || p === '.' || p === '..')
		) {
			fail(`${name}.file`, `"${entry.file}" must be a plain relative path like "practices/epraccur_2025-09.csv.gz"`);
		}
		if (ids.has(entry.id)) fail(`${name}.id`, 'duplicate id');
		if (files.has(entry.file)) fail(`${name}.file`, `"${entry.file}" is listed twice`);
		ids.add(entry.id);
		files.add(entry.file);
		return entry;
	});
	return { attributions: attributions as string[], sources };
}

export function loadManifest(path: string): SourcesManifest {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (e) {
		throw new Error(`${path}: cannot read the source manifest (${(e as NodeJS.ErrnoException).code ?? e})`);
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		throw new Error(`${path}: not valid JSON (${(e as Error).message})\n  Fix: repair the JSON syntax.`);
	}
	return validateManifest(json, path);
}

/** Parse a `sha256sum` listing ("<hex>  ./path") into file → sha256. */
export function parseSha256Sums(text: string): Map<string, string> {
	const sums = new Map<string, string>();
	for (const line of text.split('\n')) {
		const m = /^([0-9a-f]{64}) [ *]?(?:\.\/)?(.+)$/.exec(line.trim());
		if (m) sums.set(m[2], m[1]);
	}
	return sums;
}

// ---------------------------------------------------------------- errors

export class FetchError extends Error {
	constructor(
		readonly sourceId: string,
		readonly file: string,
		/** The mirror path or URL the bytes were taken from. */
		readonly from: string,
		readonly problem: string,
		readonly fix: string,
		/** Network trouble worth one more try. */
		readonly retryable = false
	) {
		super(`${sourceId} (${file}): ${problem}\n  from: ${from}\n  Fix: ${fix}`);
		this.name = 'FetchError';
	}
}

// ---------------------------------------------------------------- where the bytes come from

export interface SourceLocations {
	/** Local mirror root (holds the same relative paths). Wins over everything else. */
	mirrorDir?: string;
	/** A host serving the mirror layout: files are fetched from `${baseUrl}/${file}`. */
	baseUrl?: string;
}

/**
 * Decide where to take bytes from: ATLAS_DATA_MIRROR (must exist if set), else ../shared/data beside
 * the project when it exists, else ATLAS_DATA_BASE_URL, else (nothing set) the publishers' URLs.
 */
export function resolveLocations(
	projectRoot: string,
	env: Record<string, string | undefined> = process.env
): SourceLocations {
	const baseUrl = env.ATLAS_DATA_BASE_URL?.trim() || undefined;
	const explicit = env.ATLAS_DATA_MIRROR?.trim();
	if (explicit) {
		const dir = resolve(explicit);
		if (!isDirectory(dir)) {
			throw new Error(
				`ATLAS_DATA_MIRROR=${explicit}: no such directory (${dir}).\n  Fix: point it at the mirror root (the folder holding SHA256SUMS), or unset it.`
			);
		}
		return { mirrorDir: dir, baseUrl };
	}
	const beside = resolve(projectRoot, '..', 'shared', 'data');
	if (isDirectory(beside)) return { mirrorDir: beside, baseUrl };
	return { baseUrl };
}

function isDirectory(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}

export function describeLocation(loc: SourceLocations): string {
	if (loc.mirrorDir) return `mirror ${loc.mirrorDir}`;
	if (loc.baseUrl) return `mirror host ${loc.baseUrl}`;
	return "publishers' official URLs (no mirror set: checksums will likely not match; see ATLAS_DATA_MIRROR / ATLAS_DATA_BASE_URL)";
}

export function mirrorUrl(baseUrl: string, file: string): string {
	return `${baseUrl.replace(/\/+$/, '')}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

// ---------------------------------------------------------------- the verified-file cache

interface VerifiedRecord {
	size: number;
	mtimeMs: number;
	sha256: string;
}

/**
 * data/raw/.verified.json: file → size, mtime and sha256 at the last check, so a re-run need not
 * re-hash ~60 MB. Any change of size or mtime makes the file be hashed again.
 */
export class VerifiedCache {
	private constructor(
		readonly path: string,
		private records: Record<string, VerifiedRecord>
	) {}

	static async load(rawDir: string): Promise<VerifiedCache> {
		const path = join(rawDir, '.verified.json');
		let records: Record<string, VerifiedRecord> = {};
		try {
			const json = JSON.parse(await readFile(path, 'utf8'));
			if (json && typeof json === 'object' && !Array.isArray(json)) records = json;
		} catch {
			// Missing or damaged: just start afresh; it only saves time.
		}
		return new VerifiedCache(path, records);
	}

	matches(file: string, size: number, mtimeMs: number, sha256: string): boolean {
		const r = this.records[file];
		return !!r && r.size === size && r.mtimeMs === mtimeMs && r.sha256 === sha256;
	}

	set(file: string, record: VerifiedRecord): void {
		this.records[file] = record;
	}

	delete(file: string): void {
		delete this.records[file];
	}

	async save(): Promise<void> {
		await mkdir(dirname(this.path), { recursive: true });
		const tmp = `${this.path}.${process.pid}.tmp`;
		await writeFile(tmp, JSON.stringify(this.records, null, '\t') + '\n');
		await rename(tmp, this.path);
	}
}

// ---------------------------------------------------------------- atomic, verifying writer

/** Temporary files being written right now, so a signal handler can remove them. */
const activeTempFiles = new Set<string>();
let tempCounter = 0;

/** Remove temp files of fetches in flight (for SIGINT/SIGTERM handlers). Synchronous on purpose. */
export function removeActiveTempFiles(): void {
	for (const path of activeTempFiles) {
		try {
			unlinkSync(path);
		} catch {
			// already gone
		}
	}
	activeTempFiles.clear();
}

const TEMP_NAME = /^\.(.+)\.(\d+)-\d+\.part$/;

/** Remove `.name.<pid>-<n>.part` files left by fetch processes that no longer run (e.g. killed -9). */
export async function removeStaleTempFiles(dir: string): Promise<number> {
	let names: string[];
	try {
		names = await readdir(dir);
	} catch {
		return 0;
	}
	let removed = 0;
	for (const name of names) {
		const m = TEMP_NAME.exec(name);
		if (!m || processAlive(Number(m[2]))) continue;
		await unlink(join(dir, name)).catch(() => {});
		removed++;
	}
	return removed;
}

function processAlive(pid: number): boolean {
	if (pid === process.pid) return true;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

class Mismatch extends Error {}

/** Streams chunks into a temp file beside `finalPath`, hashing and counting; commit() verifies and renames. */
class VerifyingWriter {
	readonly hash = createHash('sha256');
	bytes = 0;
	private done = false;

	private constructor(
		readonly finalPath: string,
		readonly tempPath: string,
		readonly expectedBytes: number,
		private fh: Awaited<ReturnType<typeof open>>
	) {}

	static async open(finalPath: string, expectedBytes: number): Promise<VerifyingWriter> {
		const dir = dirname(finalPath);
		await mkdir(dir, { recursive: true });
		const tempPath = join(dir, `.${basename(finalPath)}.${process.pid}-${++tempCounter}.part`);
		activeTempFiles.add(tempPath);
		try {
			const fh = await open(tempPath, 'wx');
			return new VerifyingWriter(finalPath, tempPath, expectedBytes, fh);
		} catch (e) {
			activeTempFiles.delete(tempPath);
			throw e;
		}
	}

	async write(chunk: Uint8Array): Promise<void> {
		this.bytes += chunk.length;
		// Stop early rather than download a large wrong file to the end.
		if (this.bytes > this.expectedBytes)
			throw new Mismatch(`more than the expected ${this.expectedBytes} bytes arrived`);
		this.hash.update(chunk);
		for (let off = 0; off < chunk.length;) {
			const { bytesWritten } = await this.fh.write(chunk, off, chunk.length - off);
			off += bytesWritten;
		}
	}

	/** Verify size and checksum; on success make the file visible at its final path. */
	async commit(expectedSha256: string): Promise<void> {
		const sha256 = this.hash.digest('hex');
		if (this.bytes !== this.expectedBytes || sha256 !== expectedSha256) {
			throw new Mismatch(
				`expected sha256 ${expectedSha256} (${this.expectedBytes} bytes), got sha256 ${sha256} (${this.bytes} bytes)`
			);
		}
		await this.fh.sync();
		await this.fh.close();
		await rename(this.tempPath, this.finalPath);
		this.done = true;
		activeTempFiles.delete(this.tempPath);
	}

	/** Throw the temp file away (the final path is untouched). */
	async abort(): Promise<void> {
		if (this.done) return;
		this.done = true;
		await this.fh.close().catch(() => {});
		await unlink(this.tempPath).catch(() => {});
		activeTempFiles.delete(this.tempPath);
	}
}

// ---------------------------------------------------------------- fetching one source

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

async function alreadyVerified(entry: SourceEntry, path: string, cache: VerifiedCache): Promise<boolean> {
	let st;
	try {
		st = await stat(path);
	} catch {
		return false;
	}
	if (!st.isFile() || st.size !== entry.bytes) return false;
	if (cache.matches(entry.file, st.size, st.mtimeMs, entry.sha256)) return true;
	const sha256 = await sha256File(path);
	if (sha256 !== entry.sha256) {
		cache.delete(entry.file);
		return false;
	}
	cache.set(entry.file, { size: st.size, mtimeMs: st.mtimeMs, sha256 });
	return true;
}

export async function sha256File(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

async function copyFromMirror(entry: SourceEntry, from: string, finalPath: string): Promise<void> {
	try {
		await stat(from);
	} catch (e) {
		throw new FetchError(
			entry.id,
			entry.file,
			from,
			`not in the mirror (${(e as NodeJS.ErrnoException).code ?? e})`,
			'point ATLAS_DATA_MIRROR (or ../shared/data) at the mirror root, the folder holding SHA256SUMS and every file in data/sources.json'
		);
	}
	const writer = await VerifyingWriter.open(finalPath, entry.bytes);
	try {
		for await (const chunk of createReadStream(from, { highWaterMark: 1 << 20 })) await writer.write(chunk as Buffer);
		await writer.commit(entry.sha256);
	} catch (e) {
		await writer.abort();
		if (e instanceof Mismatch) {
			throw new FetchError(
				entry.id,
				entry.file,
				from,
				`the mirror copy does not match data/sources.json: ${e.message}`,
				"if the mirror was updated on purpose, update sha256 and bytes in data/sources.json from the mirror's SHA256SUMS; otherwise restore the mirror file"
			);
		}
		throw new FetchError(
			entry.id,
			entry.file,
			from,
			`copy failed (${(e as Error).message})`,
			'check the mirror is readable and data/raw is writable, then re-run'
		);
	}
}

async function downloadWithRetry(
	entry: SourceEntry,
	url: string,
	official: boolean,
	finalPath: string,
	options: FetchOptions
): Promise<void> {
	try {
		await download(entry, url, official, finalPath, options);
	} catch (e) {
		if (!(e instanceof FetchError) || !e.retryable) throw e;
		options.log?.(`${entry.id}: ${e.problem}; retrying once`);
		await download(entry, url, official, finalPath, options);
	}
}

async function download(
	entry: SourceEntry,
	url: string,
	official: boolean,
	finalPath: string,
	options: FetchOptions
): Promise<void> {
	const idleMs = options.idleTimeoutMs ?? 60_000;
	const fail = (problem: string, fix: string, retryable = false) =>
		new FetchError(entry.id, entry.file, url, problem, fix, retryable);
	const networkFix =
		'check the network and the URL, then re-run `npx tsx scripts/fetch.ts`; or use a local mirror (ATLAS_DATA_MIRROR)';
	const mismatchFix = official
		? `this is the publisher's original, not the reduced copy the pipeline reads (the mirror copy was derived from it: ${entry.derivation}); use a mirror: set ATLAS_DATA_MIRROR to a local copy, or ATLAS_DATA_BASE_URL to a host serving the mirror layout`
		: 'check ATLAS_DATA_BASE_URL serves the same mirror version as data/sources.json (compare with its SHA256SUMS)';

	// Idle timeout, reset whenever bytes arrive: a slow but moving download is fine, a stalled one is not.
	const controller = new AbortController();
	let timedOut = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const arm = () => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			timedOut = true;
			controller.abort();
		}, idleMs);
	};

	let writer: VerifyingWriter | undefined;
	let announced: number | null = null;
	try {
		arm();
		let response: Response;
		try {
			response = await fetch(url, {
				redirect: 'follow',
				signal: controller.signal,
				// Ask for the bytes as stored: a transparently gunzipped .gz would fail the checksum.
				headers: { 'accept-encoding': 'identity', 'user-agent': 'deep-end-atlas-fetch' }
			});
		} catch (e) {
			throw timedOut
				? fail(`no response within ${idleMs / 1000} s`, networkFix, true)
				: fail(`request failed (${describeCause(e)})`, networkFix, true);
		}
		if (!response.ok) {
			await response.body?.cancel().catch(() => {});
			const transient = response.status >= 500 || response.status === 429;
			throw fail(
				`HTTP ${response.status} ${response.statusText}`.trim(),
				transient
					? networkFix
					: official
						? mismatchFix
						: `check that ${url} exists on the mirror host (ATLAS_DATA_BASE_URL)`,
				transient
			);
		}
		const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
		const lengthHeader = response.headers.get('content-length');
		announced = !encoded && lengthHeader !== null && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : null;
		if (announced !== null && announced !== entry.bytes) {
			await response.body?.cancel().catch(() => {});
			throw fail(
				`the server announces ${announced} bytes but data/sources.json expects ${entry.bytes} (sha256 ${entry.sha256})`,
				mismatchFix
			);
		}
		if (!response.body) throw fail('the response has no body', networkFix, true);

		writer = await VerifyingWriter.open(finalPath, entry.bytes);
		const reader = response.body.getReader();
		arm();
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				arm();
				await writer.write(value);
			}
		} catch (e) {
			if (e instanceof Mismatch) throw e;
			const got = writer.bytes;
			if (timedOut) throw fail(`download stalled: no data for ${idleMs / 1000} s after ${got} bytes`, networkFix, true);
			const of = announced ?? entry.bytes;
			throw fail(
				`download truncated: the connection closed after ${got} of ${of} bytes (${describeCause(e)})`,
				networkFix,
				true
			);
		}
		if (announced !== null && writer.bytes < announced) {
			throw fail(
				`download truncated: received ${writer.bytes} of ${announced} bytes announced by Content-Length`,
				networkFix,
				true
			);
		}
		await writer.commit(entry.sha256);
	} catch (e) {
		await writer?.abort();
		if (e instanceof Mismatch) throw fail(`checksum mismatch: ${e.message}`, mismatchFix);
		if (e instanceof FetchError) throw e;
		throw fail(`download failed (${describeCause(e)})`, networkFix);
	} finally {
		clearTimeout(timer);
	}
}

function describeCause(e: unknown): string {
	if (!(e instanceof Error)) return String(e);
	const cause = (e as Error & { cause?: unknown }).cause;
	const inner = cause instanceof Error ? cause.message || (cause as NodeJS.ErrnoException).code : undefined;
	return inner && inner !== e.message ? `${e.message}: ${inner}` : e.message;
}

// ---------------------------------------------------------------- fetching all

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
