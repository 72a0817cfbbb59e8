// The build's failure behaviour, end to end: scripts/build.ts run as a child process on a copy of the
// hand-made world (tests/fixtures/world). A good build, then one broken input at a time rebuilt with
// --force: the build must exit 1, say which file, line and column is wrong and how to fix it, leave
// the previous output byte for byte, and leave no staging directory. Then a good forced rebuild
// swaps in new output, and a build without --force is skipped as up to date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { INPUT_FILES } from '../scripts/pipeline/inputs';
import { pipelineFingerprint } from '../scripts/pipeline/run';
import { BUILT_FILES } from './helpers/outputs';

const root = join(__dirname, '..');
const world = join(__dirname, 'fixtures/world');
const tsx = join(root, 'node_modules/.bin/tsx');

let tmp: string;
let raw: string;
let site: string;
let out: string;
/** The world's manifest with record counts, as data/sources.json states them for the real inputs. */
let sources: string;

/** Record counts the world's inputs must hold (its registrations have 17 rows, its geography 20 LSOAs). */
const WORLD_ROWS: Record<string, { count: number; tolerancePct: number; of: string }> = {
	registrations: { count: 17, tolerancePct: 5, of: 'practice × LSOA rows' },
	lsoaGeography: { count: 20, tolerancePct: 0, of: 'LSOAs 2021' },
	imd2025: { count: 20, tolerancePct: 0, of: 'LSOAs 2021' },
	lsoa21Boundaries: { count: 20, tolerancePct: 0, of: 'LSOA 2021 boundaries' }
};

beforeAll(() => {
	tmp = mkdtempSync(join(tmpdir(), 'atlas-build-failure-'));
	raw = join(tmp, 'raw');
	// The output's parent holds only the output, so staging leftovers are easy to see.
	site = join(tmp, 'site');
	out = join(site, 'data');
	cpSync(world, raw, { recursive: true });
	mkdirSync(site);
	const manifest = JSON.parse(readFileSync(join(world, 'sources.json'), 'utf8'));
	for (const entry of manifest.sources) if (WORLD_ROWS[entry.id]) entry.expectedRows = WORLD_ROWS[entry.id];
	sources = join(tmp, 'sources.json');
	writeFileSync(sources, JSON.stringify(manifest));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function build(...args: string[]) {
	const r = spawnSync(tsx, ['scripts/build.ts', '--raw', raw, '--out', out, '--sources', sources, ...args], {
		cwd: root,
		encoding: 'utf8',
		timeout: 120_000
	});
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** sha256 of every file under the output, by relative path. */
function snapshot(): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (d: string) => {
		for (const n of readdirSync(d)) {
			const p = join(d, n);
			if (statSync(p).isDirectory()) walk(p);
			else files[relative(out, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
		}
	};
	walk(out);
	return files;
}

const leftovers = () => readdirSync(site).filter((n) => n !== 'data');

const rawPath = (name: keyof typeof INPUT_FILES) => join(raw, INPUT_FILES[name]);
const restore = () => cpSync(world, raw, { recursive: true });
/** Rewrite a (gzipped) text input. */
function editText(name: keyof typeof INPUT_FILES, edit: (text: string) => string) {
	const path = rawPath(name);
	const bytes = readFileSync(path);
	const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
	const next = Buffer.from(edit(text), 'utf8');
	writeFileSync(path, path.endsWith('.gz') ? gzipSync(next) : next);
}
function editBytes(name: keyof typeof INPUT_FILES, edit: (plain: Buffer) => Buffer) {
	const path = rawPath(name);
	const plain = gunzipSync(readFileSync(path));
	writeFileSync(path, gzipSync(edit(plain)));
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let good: Record<string, string>;

describe.sequential('scripts/build.ts on the hand-made world', () => {
	it('a good build writes the outputs and leaves no staging directory', () => {
		const r = build();
		expect(r.stderr).not.toMatch(/Build (stopped|failed)/);
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/Built .* in [\d.]+ s/);
		for (const f of BUILT_FILES) {
			expect(existsSync(join(out, f)), f).toBe(true);
		}
		expect(leftovers()).toEqual([]);
		good = snapshot();
	}, 120_000);

	const cases: { what: string; file: string; line?: number; column?: string; message: RegExp; breakIt: () => void }[] =
		[
			{
				what: 'a negative FTE',
				file: INPUT_FILES.workforce,
				line: 4, // header, the 2023 and 2024 rows of A99001, then its 2025 row
				column: 'TOTAL_GP_EXTGL_FTE',
				message: /-3\.3 is below the allowed minimum 0 \(it cannot be negative\)/,
				breakIt: () =>
					editText('workforce', (t) =>
						t.replace(
							'"A99001","2025","North East and North Cumbria",6000,3.3,',
							'"A99001","2025","North East and North Cumbria",6000,-3.3,'
						)
					)
			},
			{
				what: 'a missing column',
				file: INPUT_FILES.registrations,
				line: 1,
				column: 'NUMBER_OF_PATIENTS',
				message: /required column "NUMBER_OF_PATIENTS" is missing/,
				breakIt: () =>
					editText('registrations', (t) =>
						t
							.split('\n')
							.map((l) => l.split(',').slice(0, 3).join(','))
							.join('\n')
					)
			},
			{
				what: 'a bad practice code',
				file: INPUT_FILES.practiceMap,
				line: 3,
				column: 'PRACTICE_CODE',
				message: /"A9902" is not an ODS practice code/,
				breakIt: () => editText('practiceMap', (t) => t.replace(',A99002,', ',A9902,'))
			},
			{
				what: 'a duplicate practice (in the payments file, whose BOM must not matter)',
				file: INPUT_FILES.payments,
				line: 6,
				column: 'Practice Code',
				message: /duplicate Practice Code "A99001" \(first seen on line 2\)/,
				breakIt: () => editText('payments', (t) => t + t.split('\n')[1] + '\n')
			},
			{
				what: 'wrong encoding (Latin-1 text)',
				file: INPUT_FILES.epraccur,
				line: 3,
				message: /not valid UTF-8/,
				breakIt: () =>
					editBytes('epraccur', (b) =>
						Buffer.from(b.toString('latin1').replace('QUAYSIDE,RIVERSIDE', 'QUAYSIDE,RIVERSID\u00e9'), 'latin1')
					)
			},
			{
				what: 'a UTF-16 file',
				file: INPUT_FILES.payments,
				line: 1,
				message: /UTF-16/,
				breakIt: () =>
					editBytes('payments', (b) =>
						Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.subarray(3).toString('utf8'), 'utf16le')])
					)
			},
			{
				// A damaged gzip stream has no line or column: the message names the file and the fix.
				what: 'a truncated gzip',
				// Code-Point is read by search.ts, which labels it by its base name (the other inputs by their path in data/raw).
				file: basename(INPUT_FILES.codePoint),
				message: /gzip/,
				breakIt: () => {
					const p = rawPath('codePoint');
					const b = readFileSync(p);
					writeFileSync(p, b.subarray(0, Math.floor(b.length / 2)));
				}
			},
			{
				what: 'invalid GeoJSON',
				file: INPUT_FILES.lsoa21Boundaries,
				line: 13,
				column: '16',
				message: /invalid JSON/,
				breakIt: () =>
					editText('lsoa21Boundaries', (t) => t.replace('"LSOA21CD": "E01090001"', '"LSOA21CD" "E01090001"'))
			},
			{
				// Read at the search step, after the tiles were written to staging.
				what: 'a missing input file',
				file: INPUT_FILES.places,
				message: /input missing from /,
				breakIt: () => rmSync(rawPath('places'))
			},
			{
				what: 'the registrations cut at a row boundary (a third of the rows gone)',
				file: INPUT_FILES.registrations,
				message: /holds 11 practice × LSOA rows; expected 17 ± 5% \(data\/sources\.json, expectedRows\): 6 missing/,
				breakIt: () =>
					editText('registrations', (t) =>
						t
							.split('\n')
							.slice(0, 1 + 11)
							.join('\n')
					)
			},
			{
				what: 'the LSOA geography lookup with half its rows',
				file: INPUT_FILES.lsoaGeography,
				message: /holds 10 LSOAs 2021; expected 20 \(data\/sources\.json, expectedRows\): 10 missing/,
				breakIt: () =>
					editText('lsoaGeography', (t) =>
						t
							.split('\n')
							.slice(0, 1 + 10)
							.join('\n')
					)
			},
			{
				what: 'IoD2025 given an LSOA 2011 code (one split in 2021)',
				file: INPUT_FILES.imd2025,
				line: 6,
				column: 'lsoa21_code',
				message: /the file has LSOA 2011 codes \(1 of 20 codes .*\), e\.g\. "E01080001"; expected LSOA 2021 codes/,
				breakIt: () => editText('imd2025', (t) => t.replace('\nE01090005,', '\nE01080001,'))
			},
			{
				what: 'LSOA boundaries with longitude and latitude swapped',
				file: INPUT_FILES.lsoa21Boundaries,
				message: /features\[0\] \(LSOA21CD E01090001\) position \[54\.54, -1\.35\] .*swapped/,
				breakIt: () =>
					editText('lsoa21Boundaries', (t) => {
						const fc = JSON.parse(t);
						fc.features[0].geometry.coordinates = fc.features[0].geometry.coordinates.map((ring: number[][]) =>
							ring.map(([x, y]) => [y, x])
						);
						return JSON.stringify(fc);
					})
			},
			{
				what: 'an empty .gz',
				file: INPUT_FILES.registrations,
				message: /the file is empty \(0 bytes; expected a gzip-compressed file\)/,
				breakIt: () => writeFileSync(rawPath('registrations'), '')
			},
			{
				what: 'a .gz that is plain text',
				file: INPUT_FILES.imd2019,
				message: /the name ends in \.gz but the file is not gzip \(it starts "lsoa11_code/,
				breakIt: () => writeFileSync(rawPath('imd2019'), gunzipSync(readFileSync(rawPath('imd2019'))))
			},
			{
				// Fails at the very end (the cross-check), after tiles and tables were written to staging.
				what: 'a truncated reference file read last',
				file: INPUT_FILES.fingertipsImd,
				message: /gzip/,
				breakIt: () => {
					const p = rawPath('fingertipsImd');
					const b = readFileSync(p);
					writeFileSync(p, b.subarray(0, b.length - 12));
				}
			}
		];

	for (const c of cases) {
		it(`${c.what}: exit 1, the file${c.line ? ', line' : ''}${c.column ? ', column' : ''} and a fix; previous output intact`, () => {
			restore();
			c.breakIt();
			const r = build('--force');
			expect(r.status, r.stdout + r.stderr).toBe(1);
			expect(r.stderr).toContain('Build stopped: bad input.');
			const where = [escape(c.file), c.line ? `line ${c.line}` : null, c.column ? `column ${escape(c.column)}` : null]
				.filter(Boolean)
				.join(', ');
			expect(r.stderr).toMatch(new RegExp(`${where}: `));
			expect(r.stderr).toMatch(c.message);
			expect(r.stderr).toMatch(/\n {2}Fix: \S/);
			expect(r.stderr, 'no stack trace').not.toMatch(/\n\s+at /);
			expect(r.stderr).toContain(`${out} is unchanged`);
			expect(snapshot()).toEqual(good);
			expect(leftovers()).toEqual([]);
		}, 120_000);
	}

	it('with the inputs repaired, a forced build succeeds and swaps in new output', () => {
		restore();
		const before = JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8')).builtAt;
		const r = build('--force');
		expect(r.status, r.stderr).toBe(0);
		expect(JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8')).builtAt).not.toBe(before);
		// Same inputs, same tables.
		const now = snapshot();
		for (const f of ['practices.csv', 'lsoa.csv', 'areas.csv', 'inverse-care.csv']) expect(now[f], f).toBe(good[f]);
		expect(leftovers()).toEqual([]);
		good = now;
	}, 120_000);

	it('a build without --force is skipped as up to date and touches nothing', () => {
		const r = build();
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toMatch(/up to date/);
		expect(r.stdout).not.toMatch(/Building the atlas data/);
		expect(snapshot()).toEqual(good);
		expect(leftovers()).toEqual([]);
	}, 120_000);

	it('a changed raw input (same manifest, same code) makes the next build run, not skip', () => {
		const path = rawPath('payments');
		const later = new Date(statSync(path).mtimeMs + 5000);
		utimesSync(path, later, later);
		const r = build();
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toMatch(/Building the atlas data/);
		expect(build().stdout).toMatch(/up to date/);
	}, 120_000);
});

describe('the build fingerprint covers the build code only', () => {
	// A copy of the parts of a tree the fingerprint reads, in a temporary root.
	let tree: string;
	beforeAll(() => {
		tree = mkdtempSync(join(tmpdir(), 'atlas-fingerprint-'));
		for (const dir of ['scripts/pipeline/steps', 'scripts/lib', 'scripts/bench', 'src/lib/domain', 'data'])
			mkdirSync(join(tree, dir), { recursive: true });
		for (const [file, text] of Object.entries({
			'scripts/build.ts': 'build',
			'scripts/pipeline/run.ts': 'run',
			'scripts/pipeline/steps/tables.ts': 'tables',
			'scripts/lib/atomicWrite.ts': 'write',
			'scripts/bench/compare-outputs.ts': 'compare',
			'scripts/shot.ts': 'screenshot',
			'scripts/fetch.ts': 'fetch',
			'src/lib/domain/metrics.ts': 'metrics',
			'data/sources.json': '{}',
			'data/networks.json': '{}'
		}))
			writeFileSync(join(tree, file), text);
	});
	afterAll(() => rmSync(tree, { recursive: true, force: true }));
	const fingerprint = () =>
		pipelineFingerprint(tree, join(tree, 'data/sources.json'), join(tree, 'data/networks.json'));

	it('editing a benchmark, a screenshot tool or the fetch script does not force a rebuild', () => {
		const before = fingerprint();
		for (const f of ['scripts/bench/compare-outputs.ts', 'scripts/shot.ts', 'scripts/fetch.ts'])
			writeFileSync(join(tree, f), 'edited');
		writeFileSync(join(tree, 'scripts/bench/new-bench.ts'), 'new');
		expect(fingerprint()).toBe(before);
	});

	it('editing a step, a pipeline helper, build.ts, the domain or the manifest does', () => {
		for (const f of [
			'scripts/pipeline/steps/tables.ts',
			'scripts/lib/atomicWrite.ts',
			'scripts/build.ts',
			'src/lib/domain/metrics.ts',
			'data/sources.json'
		]) {
			const before = fingerprint();
			writeFileSync(join(tree, f), `${readFileSync(join(tree, f), 'utf8')} edited`);
			expect(fingerprint(), f).not.toBe(before);
		}
	});
});
