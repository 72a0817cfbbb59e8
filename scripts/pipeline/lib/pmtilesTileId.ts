// PMTiles v3 tile ids: tiles of lower zooms first, then the Hilbert-curve position within the zoom
// (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).

/** Number of tiles in all zoom levels below z: (4^z − 1) / 3, exact in doubles up to z = 26. */
function tilesBelow(z: number): number {
	return (Math.pow(4, z) - 1) / 3;
}

/** Rotate the quadrant of an n×n grid so the Hilbert curve stays continuous. */
function rotate(n: number, x: number, y: number, rx: number, ry: number): [number, number] {
	if (ry !== 0) return [x, y];
	return rx === 1 ? [n - 1 - y, n - 1 - x] : [y, x];
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
		[x, y] = rotate(n, x, y, rx, ry);
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
		[x, y] = rotate(s, x, y, rx, ry);
		x += s * rx;
		y += s * ry;
		t = Math.floor(t / 4);
	}
	return [z, x, y];
}
