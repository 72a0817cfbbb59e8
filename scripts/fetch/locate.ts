// Where the bytes come from, in order:
//   1. a local mirror directory (ATLAS_DATA_MIRROR, else ../shared/data next to the project): copied;
//   2. a host serving the mirror layout (ATLAS_DATA_BASE_URL): downloaded from `${base}/${file}`;
//   3. the publisher's own page or file (`officialUrl`). Be aware: the mirror copies were *derived*
//      from the publishers' originals (reduced, renamed, re-encoded; see `derivation`), so what a
//      publisher serves will normally not match the mirror checksum. A mismatch there means "this
//      publisher file is not the reduced copy the pipeline reads", and the fix is to use a mirror.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

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
