// A PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
//
// npm has readers for PMTiles but no maintained writer, and the format is small: a 127-byte header,
// a root directory in the first 16 KiB, optional leaf directories, JSON metadata and the tile bytes.
// Archives here are a few MB, so the whole file is assembled in memory and written atomically.
import { createHash } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const HEADER_BYTES = 127;
/** The header and root directory must fit in the first 16 KiB so a reader needs one request. */
export const ROOT_BYTES_MAX = 16_384 - HEADER_BYTES;

export const Compression = { none: 1, gzip: 2 } as const;
export const TileType = { mvt: 1 } as const;

export interface DirectoryEntry {
	tileId: number;
	/** Bytes from the start of the tile data section (tiles) or the leaf section (leaves). */
	offset: number;
	length: number;
	/** Number of consecutive tile ids sharing this content; 0 marks a pointer to a leaf directory. */
	runLength: number;
}

export interface ArchiveTile {
	z: number;
	x: number;
	y: number;
	/** Tile bytes exactly as stored (already compressed when `tileCompression` says so). */
	data: Uint8Array;
}

export interface PmtilesOptions {
	tileType?: number;
	/** How the tile bytes given are compressed (this writer does not compress tiles itself). */
	tileCompression: 'gzip' | 'none';
	/** [west, south, east, north] in degrees. */
	bounds: [number, number, number, number];
	/** [lon, lat, zoom]; defaults to the middle of the bounds at the lowest zoom. */
	center?: [number, number, number];
	metadata: Record<string, unknown>;
}

export interface PmtilesSummary {
	bytes: number;
	addressedTiles: number;
	tileEntries: number;
	tileContents: number;
	leafDirectories: number;
	rootDirectoryBytes: number;
}

// --- tile ids ---------------------------------------------------------------------------------

/** Number of tiles in all zoom levels below z: (4^z − 1) / 3, exact in doubles up to z = 26. */
function tilesBelow(z: number): number {
	return (Math.pow(4, z) - 1) / 3;
}

/** The PMTiles tile id: tiles of lower zooms first, then the Hilbert-curve position within zoom z. */
export function zxyToTileId(z: number, x: number, y: number): number {
	if (!Number.isInteger(z) || z < 0 || z > 26) throw new RangeError(`zoom ${z} is outside 0–26`);
	const n = Math.pow(2, z);
	if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= n || y >= n) {
		throw new RangeError(`tile ${z}/${x}/${y} is outside the zoom's ${n}×${n} grid`);
	}
	let d = 0;
	for (let s = n / 2; s >= 1; s /= 2) {
		const rx = (x & s) > 0 ? 1 : 0;
		const ry = (y & s) > 0 ? 1 : 0;
		d += s * s * ((3 * rx) ^ ry);
		// Rotate the quadrant so the curve stays continuous.
		if (ry === 0) {
			if (rx === 1) {
				x = n - 1 - x;
				y = n - 1 - y;
			}
			const t = x;
			x = y;
			y = t;
		}
	}
	return tilesBelow(z) + d;
}

export function tileIdToZxy(id: number): [number, number, number] {
	let z = 0;
	while (tilesBelow(z + 1) <= id) z++;
	const n = Math.pow(2, z);
	let t = id - tilesBelow(z);
	let x = 0;
	let y = 0;
	for (let s = 1; s < n; s *= 2) {
		const rx = Math.floor(t / 2) % 2;
		const ry = (t % 2) ^ rx;
		if (ry === 0) {
			if (rx === 1) {
				x = s - 1 - x;
				y = s - 1 - y;
			}
			const tmp = x;
			x = y;
			y = tmp;
		}
		x += s * rx;
		y += s * ry;
		t = Math.floor(t / 4);
	}
	return [z, x, y];
}

// --- directories ------------------------------------------------------------------------------

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

const gzip = (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes, { level: 9 }));

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

function concat(parts: readonly Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

// --- archive ----------------------------------------------------------------------------------

const e7 = (deg: number) => Math.round(deg * 1e7);

/**
 * Assemble a PMTiles v3 archive: header | root directory | metadata | leaf directories | tile data.
 * Tiles are stored in tile-id order (clustered); identical tiles are stored once, and runs of
 * consecutive ids with the same bytes share one directory entry.
 */
export function buildPmtiles(
	tiles: readonly ArchiveTile[],
	options: PmtilesOptions
): { bytes: Uint8Array; summary: PmtilesSummary } {
	if (tiles.length === 0) throw new Error('buildPmtiles: no tiles to write (every layer was empty?)');
	const byId = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), tile: t })).sort((a, b) => a.id - b.id);
	for (let i = 1; i < byId.length; i++) {
		if (byId[i].id === byId[i - 1].id) {
			const { z, x, y } = byId[i].tile;
			throw new Error(`buildPmtiles: tile ${z}/${x}/${y} given twice`);
		}
	}

	const entries: DirectoryEntry[] = [];
	const stored = new Map<string, { offset: number; length: number }>();
	const dataParts: Uint8Array[] = [];
	let dataLength = 0;
	for (const { id, tile } of byId) {
		const hash = createHash('sha1').update(tile.data).digest('hex');
		let place = stored.get(hash);
		if (!place) {
			place = { offset: dataLength, length: tile.data.length };
			stored.set(hash, place);
			dataParts.push(tile.data);
			dataLength += tile.data.length;
		}
		const last = entries[entries.length - 1];
		if (last && last.offset === place.offset && last.tileId + last.runLength === id) last.runLength++;
		else entries.push({ tileId: id, offset: place.offset, length: place.length, runLength: 1 });
	}

	const { root, leaves, leafCount } = buildDirectories(entries);
	const metadata = gzip(new TextEncoder().encode(JSON.stringify(options.metadata)));
	const zooms = byId.map((t) => t.tile.z);
	const minZoom = Math.min(...zooms);
	const maxZoom = Math.max(...zooms);
	const [west, south, east, north] = options.bounds;
	const center = options.center ?? [(west + east) / 2, (south + north) / 2, minZoom];

	const rootOffset = HEADER_BYTES;
	const metadataOffset = rootOffset + root.length;
	const leafOffset = metadataOffset + metadata.length;
	const dataOffset = leafOffset + leaves.length;

	const header = new DataView(new ArrayBuffer(HEADER_BYTES));
	new TextEncoder().encodeInto('PMTiles', new Uint8Array(header.buffer));
	header.setUint8(7, 3);
	const u64 = (at: number, v: number) => header.setBigUint64(at, BigInt(v), true);
	u64(8, rootOffset);
	u64(16, root.length);
	u64(24, metadataOffset);
	u64(32, metadata.length);
	u64(40, leafOffset);
	u64(48, leaves.length);
	u64(56, dataOffset);
	u64(64, dataLength);
	u64(72, byId.length);
	u64(80, entries.length);
	u64(88, stored.size);
	header.setUint8(96, 1); // clustered
	header.setUint8(97, Compression.gzip); // directories and metadata
	header.setUint8(98, Compression[options.tileCompression]);
	header.setUint8(99, options.tileType ?? TileType.mvt);
	header.setUint8(100, minZoom);
	header.setUint8(101, maxZoom);
	header.setInt32(102, e7(west), true);
	header.setInt32(106, e7(south), true);
	header.setInt32(110, e7(east), true);
	header.setInt32(114, e7(north), true);
	header.setUint8(118, center[2]);
	header.setInt32(119, e7(center[0]), true);
	header.setInt32(123, e7(center[1]), true);

	const bytes = concat([new Uint8Array(header.buffer), root, metadata, leaves, ...dataParts]);
	return {
		bytes,
		summary: {
			bytes: bytes.length,
			addressedTiles: byId.length,
			tileEntries: entries.length,
			tileContents: stored.size,
			leafDirectories: leafCount,
			rootDirectoryBytes: root.length
		}
	};
}

/** Write bytes to `path` atomically: a temp file in the same directory, then rename over. */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
	const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
	try {
		writeFileSync(tmp, bytes);
		renameSync(tmp, path);
	} catch (err) {
		try {
			unlinkSync(tmp);
		} catch {
			// the temp file was never created
		}
		throw err;
	}
}

export function writePmtiles(path: string, tiles: readonly ArchiveTile[], options: PmtilesOptions): PmtilesSummary {
	const { bytes, summary } = buildPmtiles(tiles, options);
	writeFileAtomic(path, bytes);
	return summary;
}
