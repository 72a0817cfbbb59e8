// Step: boundaries.pmtiles (land, NHS regions, ONS regions, ICBs, Sub-ICBs, local authorities, network
// footprints, and one label point per area) and network-footprints.json for the Find journey.
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { simplify, truncate } from '@turf/turf';
import { writeAtomic } from '../../lib/atomicWrite';
import { encodeNetworkFootprints } from '../../../src/lib/domain/formats/networkFootprints';
import * as inputs from '../inputs';
import { dissolve, labelFeatures, readGeojson } from '../geometry';
import { BOXES } from '../geometryChecks';
import { checkSourceRows } from '../inputs/expect';
import { networkFootprints, readNetworkOverlay } from '../networks';
import { writeVectorArchive } from '../tiles';
import type { StepContext } from './context';

export async function run(ctx: StepContext): Promise<void> {
	const boundarySource = (name: inputs.InputName, codeKey: string, nameKey: string): Feature[] => {
		const { features } = readGeojson(ctx.input(name), inputs.INPUT_FILES[name], BOXES.england, codeKey);
		checkSourceRows(ctx.get('sources'), name, features.length);
		return features.map((f) => ({
			type: 'Feature',
			geometry: f.geometry,
			properties: { code: String(f.properties?.[codeKey]), name: String(f.properties?.[nameKey] ?? '') }
		}));
	};
	const icb = boundarySource('icbBoundaries', 'ICB23CD', 'ICB23NM');
	const sicbl = boundarySource('sicblBoundaries', 'SICBL23CD', 'SICBL23NM');
	const nhser = boundarySource('nhserBoundaries', 'NHSER24CD', 'NHSER24NM');
	const region = boundarySource('regionBoundaries', 'RGN23CD', 'RGN23NM');
	const lad: Feature[] = ctx.get('ladGeo').features.map((f) => ({
		type: 'Feature',
		geometry: f.geometry,
		properties: { code: String(f.properties?.LAD24CD), name: String(f.properties?.LAD24NM ?? '') }
	}));
	const footprints = networkFootprints(
		ctx.get('networks'),
		{
			icb: icb.map((f) => ({ ...f, properties: { ICB23CD: f.properties!.code } })),
			region: region.map((f) => ({ ...f, properties: { RGN23CD: f.properties!.code } })),
			lad: lad.map((f) => ({ ...f, properties: { LAD24CD: f.properties!.code } })),
			sicbl: sicbl.map((f) => ({ ...f, properties: { SICBL23CD: f.properties!.code } }))
		},
		dissolve,
		new Map(readNetworkOverlay(ctx.networksPath).map((o) => [o.id, o.drawFrom ?? []]))
	);
	ctx.set('footprints', footprints);
	const land = dissolve(lad, () => 'land').map((f) => ({ ...f, properties: { code: 'land', name: 'United Kingdom' } }));
	const layer = (name: string, features: Feature[]) => ({ name, features, minzoom: 0, maxzoom: 10 });
	const archive = await writeVectorArchive(
		join(ctx.outDir, 'boundaries.pmtiles'),
		[
			layer('land', land),
			layer('nhser', nhser),
			layer('region', region),
			layer('icb', icb),
			layer('sicbl', sicbl),
			layer('lad', lad),
			layer('network', footprints),
			// One label point per area (pole of inaccessibility), so names sit inside their areas.
			layer('label', [
				...labelFeatures(nhser, 'nhser'),
				...labelFeatures(icb, 'icb'),
				...labelFeatures(sicbl, 'sicbl'),
				...labelFeatures(lad, 'lad'),
				...labelFeatures(footprints, 'network')
			])
		],
		{ name: 'Deep End Atlas boundaries', attribution: ctx.get('attribution') }
	);
	ctx.set('boundaryArchive', archive);
	ctx.mark('tiles: boundaries');

	// For the Find journey's point-in-footprint and distance tests in the browser: simplified to
	// ~100 m (a few hundred KB), coordinates rounded to ~1 m.
	const simplified = footprints.map((f) => {
		const g = simplify(f, { tolerance: 0.001, highQuality: false, mutate: false });
		return { ...g, geometry: truncate(g, { precision: 5, mutate: false }).geometry };
	});
	writeAtomic(join(ctx.outDir, 'network-footprints.json'), encodeNetworkFootprints(simplified));
}
