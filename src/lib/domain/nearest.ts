// Nearest located items (practices) to a point: one geokdbush index over a kdbush tree, used by the
// pipeline (nearest practice per LSOA) and the app (Find, Recruit, the LSOA panel). Distances are the
// haversine great-circle distances of `distanceKm`.
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { distanceKm } from './metrics';

export interface Located {
	lat: number | null;
	lon: number | null;
}

export interface Near<T> {
	item: T;
	km: number;
}

export class NearestIndex<T extends Located> {
	private readonly located: (T & { lat: number; lon: number })[];
	// None when no item is located: kdbush refuses to finish an index with fewer points than it was sized for.
	private readonly index: KDBush | null;

	constructor(items: readonly T[]) {
		this.located = items.filter((p): p is T & { lat: number; lon: number } => p.lat !== null && p.lon !== null);
		this.index = this.located.length ? new KDBush(this.located.length) : null;
		for (const p of this.located) this.index!.add(p.lon, p.lat);
		this.index?.finish();
	}

	get size(): number {
		return this.located.length;
	}

	/**
	 * The `n` nearest items to (lon, lat), nearest first, optionally within `maxKm` and passing `keep`.
	 */
	nearest(lon: number, lat: number, n = 1, maxKm = Infinity, keep?: (item: T) => boolean): Near<T>[] {
		if (!this.index) return [];
		const ids = around(
			this.index,
			lon,
			lat,
			n,
			maxKm,
			keep ? (i: number) => keep(this.located[i]) : undefined
		) as number[];
		return ids.map((i) => {
			const item = this.located[i];
			return { item, km: distanceKm(lat, lon, item.lat, item.lon) };
		});
	}
}
