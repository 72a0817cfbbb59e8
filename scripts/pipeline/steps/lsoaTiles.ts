// Step: lsoa.pmtiles, the choropleth's archive: local authorities at zooms 0-7 (LSOAs are too small to
// draw there) and LSOAs at 8-10, each with the properties of src/lib/domain/formats/lsoaTiles.ts.
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { LAD_TILE_LAYER, LSOA_TILE_LAYER } from '../../../src/lib/domain/formats/lsoaTiles';
import * as inputs from '../inputs';
import { readGeojson } from '../geometry';
import { ladTileProperties, lsoaTileProperties } from '../lsoa';
import { writeVectorArchive } from '../tiles';
import type { StepContext } from './context';
import { addNations } from '../nations/tiles';

export async function run(ctx: StepContext): Promise<void> {
	const rows = ctx.get('lsoaRows');
	const ladGeo = readGeojson(ctx.input('ladBoundaries'), inputs.INPUT_FILES.ladBoundaries);
	ctx.set('ladGeo', ladGeo);
	const lsoaProps = new Map(rows.map((r) => [r.code, lsoaTileProperties(r)]));
	const ladProps = ladTileProperties(rows);
	const lsoaFeatures: Feature[] = ctx.get('lsoaGeo').features.map((f) => ({
		type: 'Feature',
		geometry: f.geometry,
		properties: lsoaProps.get(String(f.properties?.LSOA21CD)) ?? { code: String(f.properties?.LSOA21CD) }
	}));
	const englishLads: Feature[] = ladGeo.features
		.filter((f) => ladProps.has(String(f.properties?.LAD24CD)))
		.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: ladProps.get(String(f.properties?.LAD24CD))! }));
	// Wales and Scotland (nations/tiles.ts): their neighbourhoods and authorities join both lists, and
	// every feature gets its `nation`.
	addNations(ctx.get('nations'), ladGeo, lsoaFeatures, englishLads);
	const archive = await writeVectorArchive(
		join(ctx.outDir, 'lsoa.pmtiles'),
		[
			{ name: LAD_TILE_LAYER, features: englishLads, minzoom: 0, maxzoom: 7 },
			{ name: LSOA_TILE_LAYER, features: lsoaFeatures, minzoom: 8, maxzoom: 10 }
		],
		{
			name: 'Deep End Atlas LSOAs',
			attribution: ctx.get('attribution'),
			description: 'LSOA 2021 (z8+) and local authorities (z0-7) with IoD2025 deciles and attributed GP provision'
		}
	);
	ctx.set('lsoaArchive', archive);
	ctx.mark('tiles: LSOAs');
}
