// The fetch step against a real local HTTP server and real files: downloads, copies, verification,
// atomic writes and the clear errors when something is wrong. Plus the shape of data/sources.json.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	FetchError,
	fetchAll,
	fetchSource,
	loadManifest,
	parseSha256Sums,
	resolveLocations,
	validateManifest,
	type SourceEntry
} from '../scripts/fetch/index';
import { SOURCE_TEXT_FIELDS } from '../src/lib/domain/formats/sources';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(projectRoot, 'tests', 'fixtures', 'fetch');
const mirrorDir = join(fixtures, 'mirror');
const fixtureManifest = loadManifest(join(fixtures, 'sources.json'));
const [practices, lsoa] = fixtureManifest.sources;

// ---------------------------------------------------------------- a small server with bad habits

/** Requests seen per route, e.g. "truncated" → 2 shows the single retry. */
const hits = new Map<string, number>();
let server: Server;
let origin = '';

beforeAll(async () => {
	server = createServer((req, res) => {
		const [, route, ...rest] = (req.url ?? '/').split('/');
		hits.set(route, (hits.get(route) ?? 0) + 1);
		const file = join(mirrorDir, ...rest.map(decodeURIComponent));
		const body = existsSync(file) && statSync(file).isFile() ? readFileSync(file) : null;
		if (route === 'stall') return; // never answers
		if (!body || route === 'gone') {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
			return;
		}
		switch (route) {
			case 'mirror':
				res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' }).end(body);
				return;
			case 'redirect':
				res.writeHead(302, { location: `/mirror/${rest.join('/')}` }).end();
				return;
			case 'truncated':
				// Promise the whole file, send half, hang up.
				res.writeHead(200, { 'content-length': body.length });
				res.write(body.subarray(0, body.length >> 1), () => res.socket?.destroy());
				return;
			case 'corrupt': {
				const bad = Buffer.from(body);
				bad[10] ^= 0xff; // same size, different bytes
				res.writeHead(200, { 'content-length': bad.length }).end(bad);
				return;
			}
			case 'html': // what a publisher's landing page looks like
				res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Dataset</title>');
				return;
			case 'error':
				res.writeHead(503).end('busy');
				return;
			default:
				res.writeHead(404).end();
		}
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise((ok) => server.close(ok));
});

// ---------------------------------------------------------------- helpers

let rawDir = '';
const scratch: string[] = [];
beforeEach(() => {
	hits.clear();
	rawDir = mkdtempSync(join(tmpdir(), 'atlas-fetch-'));
	scratch.push(rawDir);
});
afterAll(() => {
	for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

/** Every file under rawDir except the checksum cache, as relative paths. */
function filesIn(dir: string): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const e of readdirSync(d, { withFileTypes: true })) {
			const p = join(d, e.name);
			if (e.isDirectory()) walk(p);
			else if (e.name !== '.verified.json') out.push(relative(dir, p));
		}
	};
	walk(dir);
	return out.sort();
}

async function fetchError(p: Promise<unknown>): Promise<FetchError> {
	try {
		await p;
	} catch (e) {
		expect(e).toBeInstanceOf(FetchError);
		return e as FetchError;
	}
	throw new Error('expected the fetch to fail');
}

const fixtureBytes = (e: SourceEntry) => readFileSync(join(mirrorDir, e.file));
const rawBytes = (e: SourceEntry) => readFileSync(join(rawDir, e.file));

// ---------------------------------------------------------------- downloads

describe('fetchSource: download from a mirror host', () => {
	it('downloads, verifies and writes the file at its final path with nothing else left', async () => {
		const r = await fetchSource(lsoa, { rawDir, baseUrl: `${origin}/mirror/` });
		expect(r).toMatchObject({
			id: 'sampleLsoa',
			status: 'downloaded',
			bytes: 144,
			from: `${origin}/mirror/boundaries/sample_lsoa.geojson.gz`
		});
		expect(rawBytes(lsoa).equals(fixtureBytes(lsoa))).toBe(true);
		expect(filesIn(rawDir)).toEqual(['boundaries/sample_lsoa.geojson.gz']);
		const cache = JSON.parse(readFileSync(join(rawDir, '.verified.json'), 'utf8'));
		expect(cache[lsoa.file]).toMatchObject({ size: 144, sha256: lsoa.sha256 });
	});

	it('follows redirects', async () => {
		const r = await fetchSource(practices, { rawDir, baseUrl: `${origin}/redirect` });
		expect(r.status).toBe('downloaded');
		expect(rawBytes(practices).equals(fixtureBytes(practices))).toBe(true);
		expect(hits.get('redirect')).toBe(1);
		expect(hits.get('mirror')).toBe(1);
	});

	it('a truncated download (Content-Length larger than the body) fails clearly after one retry, leaving no file and no temp', async () => {
		const e = await fetchError(fetchSource(practices, { rawDir, baseUrl: `${origin}/truncated` }));
		expect(e.message).toMatch(/download truncated: the connection closed after \d+ of 139 bytes/);
		expect(e.message).toContain(`${origin}/truncated/practices/sample_practices.csv`);
		expect(e.message).toContain('Fix:');
		expect(hits.get('truncated')).toBe(2); // one retry, no more
		expect(filesIn(rawDir)).toEqual([]);
	});

	it('a checksum mismatch names expected and actual sha256 and leaves no file', async () => {
		const e = await fetchError(fetchSource(practices, { rawDir, baseUrl: `${origin}/corrupt` }));
		const actual = (() => {
			const bad = Buffer.from(fixtureBytes(practices));
			bad[10] ^= 0xff;
			return createHash('sha256').update(bad).digest('hex') as string;
		})();
		expect(e.message).toContain(
			`checksum mismatch: expected sha256 ${practices.sha256} (139 bytes), got sha256 ${actual} (139 bytes)`
		);
		expect(e.message).toMatch(/ATLAS_DATA_BASE_URL/);
		expect(hits.get('corrupt')).toBe(1); // not a network error: no retry
		expect(filesIn(rawDir)).toEqual([]);
	});

	it('a Content-Length that differs from the manifest stops the download before the body', async () => {
		const bigger = { ...practices, bytes: 500 };
		const e = await fetchError(fetchSource(bigger, { rawDir, baseUrl: `${origin}/mirror` }));
		expect(e.message).toContain(
			`the server announces 139 bytes but data/sources.json expects 500 (sha256 ${practices.sha256})`
		);
		expect(filesIn(rawDir)).toEqual([]);
	});

	it('HTTP 404 fails clearly without retrying', async () => {
		const e = await fetchError(fetchSource(practices, { rawDir, baseUrl: `${origin}/gone` }));
		expect(e.message).toMatch(/^samplePractices \(practices\/sample_practices\.csv\): HTTP 404 Not Found/);
		expect(e.message).toContain(`from: ${origin}/gone/practices/sample_practices.csv`);
		expect(hits.get('gone')).toBe(1);
		expect(filesIn(rawDir)).toEqual([]);
	});

	it('HTTP 503 is retried once, then reported', async () => {
		const e = await fetchError(fetchSource(practices, { rawDir, baseUrl: `${origin}/error` }));
		expect(e.message).toContain('HTTP 503');
		expect(hits.get('error')).toBe(2);
	});

	it('a stalled server times out (idle timeout), retried once', async () => {
		const e = await fetchError(fetchSource(practices, { rawDir, baseUrl: `${origin}/stall`, idleTimeoutMs: 150 }));
		expect(e.message).toContain('no response within 0.15 s');
		expect(hits.get('stall')).toBe(2);
		expect(filesIn(rawDir)).toEqual([]);
	});

	it("without a mirror it tries the publisher's URL, and says plainly that the original is not the mirror copy", async () => {
		const official = { ...practices, officialUrl: `${origin}/html/practices/sample_practices.csv` };
		const e = await fetchError(fetchSource(official, { rawDir }));
		expect(e.message).toMatch(
			/checksum mismatch: expected sha256 [0-9a-f]{64} \(139 bytes\), got sha256 [0-9a-f]{64} \(37 bytes\)/
		);
		expect(e.message).toContain("this is the publisher's original, not the reduced copy the pipeline reads");
		expect(e.message).toContain('ATLAS_DATA_MIRROR');
		expect(filesIn(rawDir)).toEqual([]);
	});
});

// ---------------------------------------------------------------- mirror copies and re-runs

describe('fetchSource: copy from a mirror directory', () => {
	it('copies and verifies', async () => {
		const r = await fetchSource(practices, { rawDir, mirrorDir });
		expect(r).toMatchObject({ status: 'copied', bytes: 139, from: join(mirrorDir, practices.file) });
		expect(rawBytes(practices).equals(fixtureBytes(practices))).toBe(true);
		expect(filesIn(rawDir)).toEqual(['practices/sample_practices.csv']);
	});

	it('a mirror file that differs from the manifest is refused, naming both checksums', async () => {
		const wrong = { ...practices, sha256: 'a'.repeat(64) };
		const e = await fetchError(fetchSource(wrong, { rawDir, mirrorDir }));
		expect(e.message).toContain(
			`the mirror copy does not match data/sources.json: expected sha256 ${'a'.repeat(64)} (139 bytes), got sha256 ${practices.sha256} (139 bytes)`
		);
		expect(filesIn(rawDir)).toEqual([]);
	});

	it('a file missing from the mirror is named with its path', async () => {
		const missing = { ...practices, file: 'practices/not_there.csv' };
		const e = await fetchError(fetchSource(missing, { rawDir, mirrorDir }));
		expect(e.message).toContain(`not in the mirror (ENOENT)\n  from: ${join(mirrorDir, 'practices/not_there.csv')}`);
	});

	it('skips a file already present and verified; re-hashes when its mtime changes', async () => {
		expect((await fetchSource(practices, { rawDir, mirrorDir })).status).toBe('copied');
		expect((await fetchSource(practices, { rawDir, mirrorDir })).status).toBe('ok');
		// Without a mirror or network the present file still counts: nothing is fetched.
		expect((await fetchSource(practices, { rawDir, baseUrl: `${origin}/gone` })).status).toBe('ok');
		expect(hits.get('gone')).toBeUndefined();

		// Damage it (same size) and touch it: the cache no longer vouches, the hash fails, it is re-copied.
		const path = join(rawDir, practices.file);
		const bad = Buffer.from(fixtureBytes(practices));
		bad[0] ^= 0xff;
		writeFileSync(path, bad);
		utimesSync(path, new Date(), new Date(Date.now() + 5000));
		expect((await fetchSource(practices, { rawDir, mirrorDir })).status).toBe('copied');
		expect(rawBytes(practices).equals(fixtureBytes(practices))).toBe(true);
	});

	it('a present file of the wrong size is fetched again', async () => {
		const path = join(rawDir, practices.file);
		await fetchSource(practices, { rawDir, mirrorDir });
		writeFileSync(path, 'short');
		expect((await fetchSource(practices, { rawDir, mirrorDir })).status).toBe('copied');
		expect(rawBytes(practices).equals(fixtureBytes(practices))).toBe(true);
	});

	it('a failed re-fetch (--force) does not destroy the previously good file', async () => {
		await fetchSource(practices, { rawDir, mirrorDir });
		const before = statSync(join(rawDir, practices.file));
		for (const route of ['truncated', 'corrupt', 'gone']) {
			await fetchError(fetchSource(practices, { rawDir, baseUrl: `${origin}/${route}`, force: true }));
			expect(rawBytes(practices).equals(fixtureBytes(practices))).toBe(true);
			expect(filesIn(rawDir)).toEqual(['practices/sample_practices.csv']);
		}
		expect(statSync(join(rawDir, practices.file)).mtimeMs).toBe(before.mtimeMs);
		// And after all that, the cache still vouches for it.
		expect((await fetchSource(practices, { rawDir, baseUrl: `${origin}/gone` })).status).toBe('ok');
	});
});

describe('fetchAll', () => {
	it('fetches every entry, collects failures without stopping, and removes stale temp files of dead processes', async () => {
		// A leftover from a fetch that was killed -9 (pid 2^22+1 is above Linux's pid_max default),
		// named as scripts/lib/atomicWrite's tempPathFor names temporary files.
		const stale = join(rawDir, 'practices', 'sample_practices.csv.tmp-4194305');
		mkdirSync(dirname(stale), { recursive: true });
		writeFileSync(stale, 'half');
		const broken = { ...lsoa, id: 'broken', file: 'boundaries/absent.geojson' };
		const seen: string[] = [];
		const summary = await fetchAll([practices, broken, lsoa], { rawDir, mirrorDir }, (r) => seen.push(r.id));
		expect(summary.results.map((r) => [r.id, r.status])).toEqual([
			['samplePractices', 'copied'],
			['sampleLsoa', 'copied']
		]);
		expect(summary.failures.map((f) => f.id)).toEqual(['broken']);
		expect(seen).toEqual(['samplePractices', 'broken', 'sampleLsoa']);
		expect(filesIn(rawDir)).toEqual(['boundaries/sample_lsoa.geojson.gz', 'practices/sample_practices.csv']);

		const again = await fetchAll([practices, lsoa], { rawDir, mirrorDir });
		expect(again.results.map((r) => r.status)).toEqual(['ok', 'ok']);
	});
});

// ---------------------------------------------------------------- the manifest

describe('data/sources.json', () => {
	const manifestPath = join(projectRoot, 'data', 'sources.json');
	const manifest = loadManifest(manifestPath);
	const fields = [...SOURCE_TEXT_FIELDS, 'bytes'];

	it('is well-formed: every field, 64-hex sha256, unique ids and files', () => {
		expect(manifest.attributions).toHaveLength(6);
		for (const s of manifest.sources) {
			for (const f of fields) expect(s, `${s.id}.${f}`).toHaveProperty(f);
			expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
			expect(s.role).toBe(s.file.startsWith('reference/') ? 'reference' : 'input');
		}
		expect(new Set(manifest.sources.map((s) => s.file)).size).toBe(manifest.sources.length);
		expect(new Set(manifest.sources.map((s) => s.id)).size).toBe(manifest.sources.length);
	});

	it('agrees with the mirror SHA256SUMS, file for file (when a mirror is present)', () => {
		const { mirrorDir: dir } = resolveLocations(projectRoot);
		if (!dir || !existsSync(join(dir, 'SHA256SUMS'))) return; // no mirror here: nothing to compare against
		const sums = parseSha256Sums(readFileSync(join(dir, 'SHA256SUMS'), 'utf8'));
		// The mirror holds more than the atlas reads (Wales, Scotland, IoD extras): the manifest lists
		// only the inputs the pipeline asks for, and each of those must be in the mirror as listed.
		const missing = manifest.sources.map((s) => s.file).filter((f) => !sums.has(f));
		expect(missing).toEqual([]);
		for (const s of manifest.sources) {
			expect(s.sha256, s.file).toBe(sums.get(s.file));
			expect(s.bytes, s.file).toBe(statSync(join(dir, s.file)).size);
		}
	});

	it('rejects a malformed manifest with the entry and field named', () => {
		const good = JSON.parse(readFileSync(manifestPath, 'utf8'));
		const without = structuredClone(good);
		delete without.sources[3].vintage;
		expect(() => validateManifest(without)).toThrow(`sources[3] ("${good.sources[3].id}").vintage: missing or empty`);
		const badSha = structuredClone(good);
		badSha.sources[0].sha256 = 'XYZ';
		expect(() => validateManifest(badSha)).toThrow('.sha256: expected 64 lower-case hex digits');
		const dup = structuredClone(good);
		dup.sources[1].file = dup.sources[0].file;
		expect(() => validateManifest(dup)).toThrow('is listed twice');
		const escape = structuredClone(good);
		escape.sources[0].file = '../etc/passwd';
		expect(() => validateManifest(escape)).toThrow('must be a plain relative path');
	});
});
