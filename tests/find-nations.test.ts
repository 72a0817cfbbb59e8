// Find across the nations: the neighbourhood that contains a point, read from a tile the pipeline's
// own tile writer made (point in polygon, not the nearest centre), the nearest practices of the
// point's nation only, and each nation's provision in its own terms.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { writeVectorArchive } from '../scripts/pipeline/tiles';
import { openArchive } from './fixtures/tiles/archive';
import { neighbourhoodInTile, tilePoint } from '../src/lib/journeys/find/containing';
import { describeNeighbourhood } from '../src/lib/journeys/find/neighbourhood';
import { nearestInNation, provisionLine } from '../src/lib/journeys/find/practices';
import { practice } from './helpers/practices';

const tmp = mkdtempSync(join(tmpdir(), 'atlas-find-nations-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const square = (w: number, s: number, e: number, n: number, properties: Record<string, unknown>): Feature => ({
	type: 'Feature',
	properties,
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[w, s],
				[e, s],
				[e, n],
				[w, n],
				[w, s]
			]
		]
	}
});

// A border running north–south at −3.00: an English LSOA whose centre is close to the border, and a
// long thin Welsh LSOA whose centre is far away (so "nearest centre" would pick England).
const features = [
	square(-3.0, 52.0, -2.99, 52.01, { code: 'E01099001', name: 'Border 001A', nation: 'E', imd_decile: 7 }),
	square(-3.1, 52.0, -3.0, 52.01, { code: 'W01099001', name: 'Powys 001A', nation: 'W', imd_decile: 1, rank: 3 })
];

async function tileAt(lon: number, lat: number) {
	const path = join(tmp, 'find.pmtiles');
	await writeVectorArchive(path, [{ name: 'lsoa', features, minzoom: 8, maxzoom: 10 }], {
		name: 't',
		attribution: 't'
	});
	const { x, y, px, py } = tilePoint(lon, lat, 10);
	const t = await openArchive(path).getZxy(10, x, y);
	return { tile: new VectorTile(new PbfReader(new Uint8Array(t!.data))), px, py };
}

describe('the neighbourhood containing a point', () => {
	it('is the polygon that holds it, with its nation and decile within the nation', async () => {
		// 200 m west of the border: inside the Welsh LSOA, although the English centre is nearer.
		const { tile, px, py } = await tileAt(-3.003, 52.005);
		expect(neighbourhoodInTile(tile, px, py)).toEqual({
			code: 'W01099001',
			name: 'Powys 001A',
			nation: 'W',
			decile: 1,
			rank: 3,
			inside: true
		});
		const east = await tileAt(-2.995, 52.005);
		expect(neighbourhoodInTile(east.tile, east.px, east.py)).toMatchObject({
			code: 'E01099001',
			nation: 'E',
			inside: true
		});
	});
	it('just off every polygon: the nearest outline, marked not inside; far off: none', async () => {
		const near = await tileAt(-2.995, 52.0115); // ~150 m north of the English square
		expect(neighbourhoodInTile(near.tile, near.px, near.py)).toMatchObject({ code: 'E01099001', inside: false });
		const far = await tileAt(-2.995, 52.03); // ~2 km north
		expect(neighbourhoodInTile(far.tile, far.px, far.py)).toBeNull();
	});
	it('says the decile within its own nation', () => {
		expect(describeNeighbourhood({ nation: 'W', decile: 1 })).toBe(
			'among the 10% most deprived neighbourhoods in Wales (WIMD 2019 decile 1 within Wales)'
		);
		expect(describeNeighbourhood({ nation: 'S', decile: 10 })).toBe(
			'among the 10% least deprived neighbourhoods in Scotland (SIMD 2020v2 decile 10 within Scotland)'
		);
		expect(describeNeighbourhood({ nation: 'E', decile: null })).toBeNull();
	});
});

describe('practices for a point', () => {
	const table = [
		practice({ code: 'A1', lat: 55.0, lon: -3.0, nation: 'E' }),
		practice({ code: '10002', lat: 55.2, lon: -3.0, nation: 'S', gpFtePer10kWeighted: null, gpHeadcountPer10k: 6.25 }),
		practice({ code: 'W1', lat: 52.0, lon: -3.0, nation: 'W', gpFtePer10kWeighted: null })
	];
	it('only the point’s own nation, however near the border', () => {
		// A point in Scotland 2 km north of the border practice in England.
		expect(nearestInNation(55.02, -3.0, table, 'S').map((n) => n.practice.code)).toEqual(['10002']);
		expect(nearestInNation(55.02, -3.0, table, null, 2).map((n) => n.practice.code)).toEqual(['A1', '10002']);
	});
	it('provision in each nation’s own measure', () => {
		expect(provisionLine(table[0])).toBe('4.00 GP FTE per 10k weighted');
		expect(provisionLine(table[1])).toBe('6.3 GPs (headcount) per 10k registered');
		expect(provisionLine(table[2])).toBe('GP workforce not published for Wales');
	});
});
