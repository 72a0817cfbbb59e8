// A PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
//
// npm has readers for PMTiles but no maintained writer, and the format is small: a 127-byte header,
// a root directory in the first 16 KiB, optional leaf directories, JSON metadata and the tile bytes.
import { createHash } from 'node:crypto';
import { writeAtomic } from '../../lib/atomicWrite';
import { gzip } from './gzip';
import { HEADER_BYTES, buildDirectories, concat, type DirectoryEntry } from './pmtilesDirectory';
import { zxyToTileId } from './pmtilesTileId';

export { HEADER_BYTES, ROOT_BYTES_MAX, buildDirectories, serializeDirectory } from './pmtilesDirectory';
export type { DirectoryEntry } from './pmtilesDirectory';
export { tileIdToZxy, zxyToTileId } from './pmtilesTileId';

export const Compression = { none: 1, gzip: 2 } as const;
export const TileType = { mvt: 1 } as const;

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

export function writePmtiles(path: string, tiles: readonly ArchiveTile[], options: PmtilesOptions): PmtilesSummary {
	const { bytes, summary } = buildPmtiles(tiles, options);
	writeAtomic(path, bytes);
	return summary;
}
