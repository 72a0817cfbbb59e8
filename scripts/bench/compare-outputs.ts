// Compare two built data folders file by file (recursively), e.g. static/data before and after a
// change to the pipeline that should not change its outputs:
//
//   npx tsx scripts/bench/compare-outputs.ts /tmp/base/static/data static/data
//
// Prints each file that is only in one folder or whose bytes differ, and exits 1 if any does. In
// build-report.json the values that differ from run to run (timings, memory, build time, the staging
// paths of the archives, and the code fingerprint) are set aside first; the keys still differing are listed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Report keys that change on every build or with any code change, by path ("a.b"): ignored. */
const VOLATILE = /^(fingerprint|builtAt|totalMs|peakRssMb|steps(\..*)?|.*\.(ms|readMs)|tiles\.\w+\.path)$/;

function files(dir: string): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d).sort()) {
			const p = join(d, name);
			if (statSync(p).isDirectory()) walk(p);
			else out.push(relative(dir, p));
		}
	};
	walk(dir);
	return out;
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Leaf values of a JSON document by dotted path. */
function leaves(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
	if (value !== null && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
	} else out.set(path, JSON.stringify(value));
	return out;
}

/** The report keys that differ, other than the volatile ones. */
function reportDifferences(a: string, b: string): string[] {
	const la = leaves(JSON.parse(readFileSync(a, 'utf8')));
	const lb = leaves(JSON.parse(readFileSync(b, 'utf8')));
	const keys = [...new Set([...la.keys(), ...lb.keys()])].filter((k) => !VOLATILE.test(k));
	return keys.filter((k) => la.get(k) !== lb.get(k));
}

function main() {
	const [a, b] = process.argv.slice(2);
	if (!a || !b || !existsSync(a) || !existsSync(b)) {
		console.error('usage: npx tsx scripts/bench/compare-outputs.ts DIR_A DIR_B');
		process.exit(2);
	}
	const inA = new Set(files(a));
	const inB = new Set(files(b));
	let differing = 0;
	let same = 0;
	for (const f of [...new Set([...inA, ...inB])].sort()) {
		if (!inA.has(f) || !inB.has(f)) {
			console.log(`only in ${inA.has(f) ? a : b}: ${f}`);
			differing++;
		} else if (sha(join(a, f)) === sha(join(b, f))) same++;
		else if (f === 'build-report.json') {
			const keys = reportDifferences(join(a, f), join(b, f));
			if (keys.length === 0) same++;
			else {
				console.log(`differs: ${f} (${keys.join(', ')})`);
				differing++;
			}
		} else {
			console.log(`differs: ${f}`);
			differing++;
		}
	}
	console.log(
		`${same} file(s) identical${inA.has('build-report.json') ? ' (build-report.json: timings, memory, staging paths and fingerprint set aside)' : ''}, ${differing} differing.`
	);
	process.exitCode = differing ? 1 : 0;
}

main();
