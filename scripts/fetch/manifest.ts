// Loading and checking data/sources.json, the one list of the atlas's inputs (shape: SourceEntry).
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { SOURCE_TEXT_FIELDS, type SourceEntry, type SourcesManifest } from '../../src/lib/domain/formats/sources';

/** Check the manifest's shape; throws naming the entry and field at fault. */
export function validateManifest(json: unknown, label = 'data/sources.json'): SourcesManifest {
	const fail = (where: string, problem: string): never => {
		throw new Error(
			`${label}: ${where}: ${problem}\n  Fix: correct ${label} (each source needs ${SOURCE_TEXT_FIELDS.join(', ')}, bytes).`
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
		for (const f of SOURCE_TEXT_FIELDS) {
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
		const rows = e.expectedRows as Record<string, unknown> | undefined;
		if (
			rows !== undefined &&
			(typeof rows !== 'object' ||
				rows === null ||
				!Number.isSafeInteger(rows.count) ||
				(rows.count as number) <= 0 ||
				typeof rows.tolerancePct !== 'number' ||
				rows.tolerancePct < 0 ||
				rows.tolerancePct > 100 ||
				typeof rows.of !== 'string' ||
				rows.of.trim() === '')
		) {
			fail(`${name}.expectedRows`, 'expected { "count": a positive whole number, "tolerancePct": 0–100, "of": text }');
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
		throw new Error(`${path}: cannot read the source manifest (${(e as NodeJS.ErrnoException).code ?? e})`, {
			cause: e
		});
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		throw new Error(`${path}: not valid JSON (${(e as Error).message})\n  Fix: repair the JSON syntax.`, { cause: e });
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
