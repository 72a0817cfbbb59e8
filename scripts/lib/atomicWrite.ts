// The one way the pipeline and the fetch step write files: a temporary name in the same folder, then
// a rename, so a reader never sees a half-written file and a failure leaves the previous one in place.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A temporary path beside `path`, unique to this process. */
export const tempPathFor = (path: string): string => `${path}.tmp-${process.pid}`;

/** Write `content` to `path` atomically, creating its folder. */
export function writeAtomic(path: string, content: string | Uint8Array): void {
	mkdirSync(dirname(path), { recursive: true });
	const tmp = tempPathFor(path);
	try {
		writeFileSync(tmp, content);
		renameSync(tmp, path);
	} catch (e) {
		rmSync(tmp, { force: true });
		throw e;
	}
}

/** The process id in a name made by tempPathFor, or null when `path` is not such a temporary file. */
export function tempPathOwner(path: string): number | null {
	const m = /\.tmp-(\d+)$/.exec(path);
	return m ? Number(m[1]) : null;
}
