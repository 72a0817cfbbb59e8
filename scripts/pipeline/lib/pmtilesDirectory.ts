// PMTiles v3 directories: entries (tile id, offset, length, run length) serialised column by column
// as varints, gzipped, split into leaf directories when the root would not fit in the first 16 KiB.
import { gzip } from './gzip';

export const HEADER_BYTES = 127;
/** The header and root directory must fit in the first 16 KiB so a reader needs one request. */
export const ROOT_BYTES_MAX = 16_384 - HEADER_BYTES;

export interface DirectoryEntry {
	tileId: number;
	/** Bytes from the start of the tile data section (tiles) or the leaf section (leaves). */
	offset: number;
	length: number;
	/** Number of consecutive tile ids sharing this content; 0 marks a pointer to a leaf directory. */
	runLength: number;
}

/** Unsigned LEB128 varint for integers up to 2^53 (bitwise ops would cut at 32 bits). */
function pushVarint(out: number[], value: number): void {
	if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`cannot varint-encode ${value}`);
	while (value >= 0x80) {
		out.push((value % 0x80) | 0x80);
		value = Math.floor(value / 0x80);
	}
	out.push(value);
}

/** Columnar directory encoding from the spec: ids as deltas, then run lengths, lengths, offsets. */
export function serializeDirectory(entries: readonly DirectoryEntry[]): Uint8Array {
	const out: number[] = [];
	pushVarint(out, entries.length);
	let lastId = 0;
	for (const e of entries) {
		pushVarint(out, e.tileId - lastId);
		lastId = e.tileId;
	}
	for (const e of entries) pushVarint(out, e.runLength);
	for (const e of entries) pushVarint(out, e.length);
	entries.forEach((e, i) => {
		const prev = entries[i - 1];
		// 0 means "right after the previous entry", which most clustered entries are.
		if (i > 0 && e.offset === prev.offset + prev.length) pushVarint(out, 0);
		else pushVarint(out, e.offset + 1);
	});
	return Uint8Array.from(out);
}

/**
 * Root and leaf directories. The root holds every entry when it compresses small enough; otherwise
 * it points to leaves of `leafSize` entries, doubling the leaf size until the root fits.
 */
export function buildDirectories(entries: readonly DirectoryEntry[]): {
	root: Uint8Array;
	leaves: Uint8Array;
	leafCount: number;
} {
	const root = gzip(serializeDirectory(entries));
	if (root.length <= ROOT_BYTES_MAX) return { root, leaves: new Uint8Array(0), leafCount: 0 };
	for (let leafSize = 4096; ; leafSize *= 2) {
		const rootEntries: DirectoryEntry[] = [];
		const leafParts: Uint8Array[] = [];
		let offset = 0;
		for (let i = 0; i < entries.length; i += leafSize) {
			const leaf = gzip(serializeDirectory(entries.slice(i, i + leafSize)));
			rootEntries.push({ tileId: entries[i].tileId, offset, length: leaf.length, runLength: 0 });
			leafParts.push(leaf);
			offset += leaf.length;
		}
		const rootBytes = gzip(serializeDirectory(rootEntries));
		if (rootBytes.length <= ROOT_BYTES_MAX)
			return { root: rootBytes, leaves: concat(leafParts), leafCount: leafParts.length };
	}
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}
