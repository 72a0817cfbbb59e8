// Area shapes for the small SVG maps of the league table and the briefs, read from the atlas's own
// boundaries.pmtiles (no third-party request): the tiles at one zoom covering a box, decoded, each
// feature of a layer as SVG path data per tile (drawn clipped to its tile so tile buffers never show).
import { PMTiles } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { dataUrl } from '$lib/data/load';
import { DataError } from '$lib/data/errors';
import { ringsToPath, tilesFor, type Bounds, type TileRing } from './svgMap';

export type BoundaryLayer = 'icb' | 'sicbl' | 'nhser' | 'network' | 'land';

export interface ShapePiece {
	code: string;
	name: string;
	/** Path data in zoom-pixel coordinates. */
	d: string;
	/** The tile it came from, for clipping: x, y (pixels) and size 256. */
	tile: [number, number];
}

let archive: PMTiles | null = null;

/** Every feature of the layers in the tiles covering `bounds` at zoom z. */
export async function loadShapes(
	layers: readonly BoundaryLayer[],
	bounds: Bounds,
	z: number
): Promise<Record<string, ShapePiece[]>> {
	archive ??= new PMTiles(dataUrl('boundaries.pmtiles'));
	const out: Record<string, ShapePiece[]> = Object.fromEntries(layers.map((l) => [l, []]));
	const tiles = tilesFor(bounds, z);
	await Promise.all(
		tiles.map(async ([x, y]) => {
			let res;
			try {
				res = await archive!.getZxy(z, x, y);
			} catch (e) {
				throw new DataError('data/boundaries.pmtiles', `could not be read (${(e as Error).message})`);
			}
			if (!res) return;
			const vt = new VectorTile(new PbfReader(new Uint8Array(res.data)));
			for (const l of layers) {
				const layer = vt.layers[l];
				if (!layer) continue;
				for (let i = 0; i < layer.length; i++) {
					const f = layer.feature(i);
					if (f.type !== 3) continue;
					const rings = f.loadGeometry() as TileRing[];
					out[l].push({
						code: String(f.properties.code ?? ''),
						name: String(f.properties.name ?? ''),
						d: ringsToPath(rings, x, y, layer.extent),
						tile: [x * 256, y * 256]
					});
				}
			}
		})
	);
	return out;
}
