// Copying a source from a local mirror directory, verified on the way.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { SourceEntry } from '../../src/lib/domain/formats/sources';
import { FetchError } from './errors';
import { Mismatch, VerifyingWriter } from './writer';

export async function copyFromMirror(entry: SourceEntry, from: string, finalPath: string): Promise<void> {
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
