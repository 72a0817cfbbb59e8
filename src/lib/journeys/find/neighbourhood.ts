// Find's neighbourhood: fetch the one zoom-10 tile of lsoa.pmtiles under the point and look inside it
// (containing.ts). pmtiles and the tile decoder load on first use, so Find costs nothing up front.
import { dataUrl } from '$lib/data/load';
import { describeDecile } from '$lib/journeys/deciles';
import { NATION_INDEX, NATION_NAME, type Nation } from '$lib/domain/nations';
import { NEIGHBOURHOOD_ZOOM, neighbourhoodInTile, tilePoint, type ContainingNeighbourhood } from './containing';

let archive: Promise<{ getZxy(z: number, x: number, y: number): Promise<{ data: ArrayBuffer } | undefined> }> | null =
	null;

/** The neighbourhood containing a point (England, Wales or Scotland), or null outside them all. */
export async function neighbourhoodAt(lon: number, lat: number): Promise<ContainingNeighbourhood | null> {
	if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
	const [{ VectorTile }, { PbfReader }] = await Promise.all([import('@mapbox/vector-tile'), import('pbf')]);
	archive ??= import('pmtiles').then(
		({ PMTiles, FetchSource }) =>
			new PMTiles(new FetchSource(new URL(dataUrl('lsoa.pmtiles'), window.location.href).href))
	);
	const { x, y, px, py } = tilePoint(lon, lat, NEIGHBOURHOOD_ZOOM);
	const tile = await (await archive).getZxy(NEIGHBOURHOOD_ZOOM, x, y);
	if (!tile) return null;
	return neighbourhoodInTile(new VectorTile(new PbfReader(new Uint8Array(tile.data))), px, py);
}

/**
 * A neighbourhood's decile in words, within its own nation: "among the 10% most deprived
 * neighbourhoods in Wales (WIMD 2019 decile 1 within Wales)". Null without a decile.
 */
export function describeNeighbourhood(n: Pick<ContainingNeighbourhood, 'decile' | 'nation'>): string | null {
	const words = describeDecile(n.decile);
	if (!words || n.decile === null) return null;
	const nation = NATION_NAME[n.nation];
	return `${words.replace('in England', `in ${nation}`)} (${NATION_INDEX[n.nation].short} decile ${n.decile} within ${nation})`;
}

/** Which nation's practices Find lists: the nation of the neighbourhood, or every nation when unknown. */
export const practiceNation = (n: ContainingNeighbourhood | null): Nation | null => n?.nation ?? null;
