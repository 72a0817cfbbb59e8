// gzip for the pipeline: tile bytes and PMTiles directories are stored gzipped; file sizes in the
// build report are given gzipped too (what a browser downloads).
import { gzipSync } from 'node:zlib';

/** gzip at `level` (default 9, the smallest output; the build compresses once, browsers read often). */
export const gzip = (bytes: Uint8Array | string, level = 9): Uint8Array => new Uint8Array(gzipSync(bytes, { level }));

/** Size in bytes of `text` gzipped with Node's default level, as a server would send it. */
export const gzipBytes = (text: string): number => gzipSync(text).length;
