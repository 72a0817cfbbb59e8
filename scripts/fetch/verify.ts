// Knowing a file in data/raw is the one data/sources.json names: size and sha256, with a cache of
// past checks so that a re-run need not re-hash ~60 MB.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceEntry } from '../../src/lib/domain/formats/sources';
import { writeAtomic } from '../lib/atomicWrite';

interface VerifiedRecord {
	size: number;
	mtimeMs: number;
	sha256: string;
}

/**
 * data/raw/.verified.json: file → size, mtime and sha256 at the last check. Any change of size or
 * mtime makes the file be hashed again.
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
		writeAtomic(this.path, JSON.stringify(this.records, null, '\t') + '\n');
	}
}

export async function sha256File(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

/** Is `path` present with the entry's size and sha256? (The cache vouches when size and mtime are unchanged.) */
export async function alreadyVerified(entry: SourceEntry, path: string, cache: VerifiedCache): Promise<boolean> {
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
