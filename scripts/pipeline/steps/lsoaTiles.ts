// Step: lsoa.pmtiles, the choropleth's archive: LSOAs from zoom 4 (each its own feature from zoom 8;
// below, those too small to draw coalesced with a same-decile neighbour where there is one, see
// lib/tileCoalesce.ts) and local authorities at zooms 0-7, each with the properties of
// src/lib/domain/formats/lsoaTiles.ts.
import { join } from 'node:path';
import type { Feature } from 'geojson';
import {
	DECILE_PROPERTY,
	LAD_TILE_LAYER,
	LSOA_COUNT_PROPERTY,
	LSOA_DETAIL_ZOOM,
	LSOA_MIN_PIXELS,
	LSOA_TILE_LAYER,
	LSOA_TILE_MIN_ZOOM
} from '../../../src/lib/domain/formats/lsoaTiles';
import { coalescedLayers } from '../lib/tileCoalesce';
import * as inputs from '../inputs';
import { readGeojson } from '../geometry';
import { BOXES } from '../geometryChecks';
import { checkSourceRows } from '../inputs/expect';
import { ladTileProperties, lsoaTileProperties } from '../lsoa';
import { writeVectorArchive } from '../tiles';
import type { StepContext } from './context';
import { addNations } from '../nations/tiles';
import { NATION_PROPERTY } from '../../../src/lib/domain/formats/nationTiles';

export async function run(ctx: StepContext): Promise<void> {
	const rows = ctx.get('lsoaRows');
	const ladGeo = readGeojson(ctx.input('ladBoundaries'), inputs.INPUT_FILES.ladBoundaries, BOXES.uk, 'LAD24CD');
	checkSourceRows(ctx.get('sources'), 'ladBoundaries', ladGeo.features.length);
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
			...coalescedLayers(
				{ name: LSOA_TILE_LAYER, features: lsoaFeatures, minzoom: LSOA_TILE_MIN_ZOOM, maxzoom: 10 },
				LSOA_DETAIL_ZOOM,
				{
					minPixels: LSOA_MIN_PIXELS,
					preferSame: [DECILE_PROPERTY.imd],
					countProperty: LSOA_COUNT_PROPERTY,
					groupBy: NATION_PROPERTY
				}
			)
		],
		{
			name: 'Deep End Atlas LSOAs',
			attribution: ctx.get('attribution'),
			description:
				'LSOA 2021 (z4+; below z8 LSOAs too small to draw are coalesced with a neighbour) and local authorities (z0-7) with IoD2025 deciles and attributed GP provision'
		}
	);
	ctx.set('lsoaArchive', archive);
	ctx.mark('tiles: LSOAs');
}
