// The verifying writer: chunks are streamed to a temporary file beside the final path (named by
// scripts/lib/atomicWrite's tempPathFor) while being hashed and counted; only when size and sha256
// match is the file synced and renamed over the final path. A failed or interrupted fetch never
// leaves a half-written file where the pipeline looks, and never destroys a good old copy.
import { createHash } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tempPathFor, tempPathOwner } from '../lib/atomicWrite';

/** Temporary files being written right now, so a signal handler can remove them. */
const activeTempFiles = new Set<string>();

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

/** Remove temporary files left in `dir` by fetch processes that no longer run (e.g. killed -9). */
export async function removeStaleTempFiles(dir: string): Promise<number> {
	let names: string[];
	try {
		names = await readdir(dir);
	} catch {
		return 0;
	}
	let removed = 0;
	for (const name of names) {
		const pid = tempPathOwner(name);
		if (pid === null || processAlive(pid)) continue;
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

/** The bytes are not the ones data/sources.json names (size or sha256). */
export class Mismatch extends Error {}

export class VerifyingWriter {
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
		await mkdir(dirname(finalPath), { recursive: true });
		const tempPath = tempPathFor(finalPath);
		activeTempFiles.add(tempPath);
		try {
			// One fetch at a time per process, so the name is free (or a leftover of this pid: overwrite it).
			const fh = await open(tempPath, 'w');
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
