// The fetch step's command: get every input listed in data/sources.json into data/raw/ (same
// relative paths as the mirror), verified by size and sha256 and written atomically.
//
//   npm run fetch-data [-- --force] [-- --only id,id]      (= npx tsx scripts/fetch/cli.ts …)
//
// Bytes come from a local mirror (ATLAS_DATA_MIRROR, else ../shared/data when it exists), else from
// ATLAS_DATA_BASE_URL (a host serving the mirror layout), else from each publisher's officialUrl.
// The publishers' files are the originals the mirror copies were derived from (reduced, renamed,
// re-encoded), so they will normally fail the checksum: use a mirror. See locate.ts.
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadManifest } from './manifest';
import { describeLocation, resolveLocations } from './locate';
import { fetchAll, type FetchFailure, type FetchResult } from './source';
import { removeActiveTempFiles } from './writer';

const USAGE = 'usage: npx tsx scripts/fetch/cli.ts [--force] [--only id,id]';

function parseArgs(argv: string[]): { force: boolean; only: string[] | null } {
	let force = false;
	let only: string[] | null = null;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--force') force = true;
		else if (a === '--only' || a.startsWith('--only=')) {
			const value = a === '--only' ? argv[++i] : a.slice('--only='.length);
			if (!value) throw new Error(`--only needs a comma-separated list of source ids\n${USAGE}`);
			only = value
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean);
		} else if (a === '--help' || a === '-h') {
			console.log(USAGE);
			process.exit(0);
		} else throw new Error(`unknown argument "${a}"\n${USAGE}`);
	}
	return { force, only };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

async function main(projectRoot: string, argv: string[]): Promise<number> {
	const { force, only } = parseArgs(argv);
	const manifestPath = join(projectRoot, 'data', 'sources.json');
	const rawDir = join(projectRoot, 'data', 'raw');
	const manifest = loadManifest(manifestPath);
	let entries = manifest.sources;
	if (only) {
		const known = new Set(entries.map((e) => e.id));
		const unknown = only.filter((id) => !known.has(id));
		if (unknown.length)
			throw new Error(`--only: unknown source id(s) ${unknown.join(', ')}.\n  Known ids: ${[...known].join(', ')}`);
		entries = entries.filter((e) => only.includes(e.id));
	}
	const locations = resolveLocations(projectRoot);

	// Ctrl-C must not leave temp files behind (final paths are never half-written anyway).
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			removeActiveTempFiles();
			console.error(`\nfetch: interrupted (${signal}); nothing half-written was left in data/raw`);
			process.exit(130);
		});
	}

	console.log(
		`fetch: ${entries.length} source(s) from ${describeLocation(locations)} → ${relative(process.cwd(), rawDir) || rawDir}${force ? ' (--force)' : ''}`
	);
	const summary = await fetchAll(entries, { ...locations, rawDir, force, log: (m) => console.log(`  ${m}`) }, (r) => {
		if ('error' in r) console.error(`  FAILED      ${(r as FetchFailure).file}`);
		else if ((r as FetchResult).status !== 'ok') {
			const x = r as FetchResult;
			console.log(
				`  ${x.status.padEnd(11)} ${x.file.padEnd(52)} ${mb(x.bytes).padStart(8)} ${String(x.ms).padStart(6)} ms`
			);
		}
	});

	const count = (s: string) => summary.results.filter((r) => r.status === s).length;
	const moved = summary.results.filter((r) => r.status !== 'ok').reduce((n, r) => n + r.bytes, 0);
	const total = summary.results.reduce((n, r) => n + r.bytes, 0);
	console.log(
		`fetch: ${summary.results.length}/${entries.length} verified (${count('copied')} copied, ${count('downloaded')} downloaded, ${count('ok')} already ok); ` +
			`${mb(moved)} written, ${mb(total)} in data/raw, ${(summary.ms / 1000).toFixed(1)} s`
	);
	if (summary.failures.length) {
		console.error(`\nfetch: ${summary.failures.length} source(s) failed; data/raw keeps only verified files:\n`);
		for (const f of summary.failures) console.error(`- ${f.error.message}\n`);
		return 1;
	}
	return 0;
}

main(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), process.argv.slice(2)).then(
	(code) => process.exit(code),
	(e: unknown) => {
		console.error(`fetch: ${e instanceof Error ? e.message : String(e)}`);
		process.exit(1);
	}
);
