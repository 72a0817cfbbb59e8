// One definition per static/data format: for each file the app reads, a small value written with the
// pipeline's writer and read back with the app's reader comes back the same.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { encodePractices, PRACTICE_FIELDS, type PracticeRecord } from '../src/lib/domain/formats/practices';
import { encodeLsoaDetail, type LsoaDetail } from '../src/lib/domain/formats/lsoaDetail';
import { encodeNetworks, type BuiltNetwork } from '../src/lib/domain/formats/networks';
import { decodeNetworkFootprints, encodeNetworkFootprints } from '../src/lib/domain/formats/networkFootprints';
import { decodePlaceSearch } from '../src/lib/domain/formats/places';
import { decodeOutcodeFile, type OutcodeIndexFile } from '../src/lib/domain/formats/postcodes';
import { AREA_CSV_COLUMNS } from '../src/lib/domain/formats/areas';
import { CSV_TABLES, decodeColumns, encodeColumns } from '../src/lib/domain/formats/columns';
import { findInOutcodeFile } from '../src/lib/domain/postcode';
import { parsePractices } from '../src/lib/data/practices';
import { parseLsoaDetail } from '../src/lib/data/lsoaDetail';
import { parseNetworks } from '../src/lib/data/networks';
import { parsePlaces } from '../src/lib/data/places';
import { parseAreas } from '../src/lib/data/areas';
import { parseCsv } from '../src/lib/data/csv';
import { AREA_COLUMNS, INVERSE_CARE_COLUMNS, LSOA_COLUMNS, dictionary, toCsv } from '../scripts/pipeline/tables';
import { PRACTICE_COLUMNS } from '../scripts/pipeline/practiceColumns';
import type { AreaRow } from '../scripts/pipeline/areas';
import { buildPlaceIndex, type PlaceRecord } from '../scripts/pipeline/places';
import { buildPostcodeIndex } from '../scripts/pipeline/postcodeIndex';
import { readCodePoint } from '../scripts/pipeline/codePoint';
import { ladTileProperties, lsoaTileProperties, type LsoaRow } from '../scripts/pipeline/lsoa';
import { writeVectorArchive } from '../scripts/pipeline/tiles';
import { IMD_DOMAINS } from '../scripts/pipeline/inputs';
import { LSOA_MEASURES } from '../src/lib/map/measures';
import { LSOA_TILE_LAYER } from '../src/lib/domain/formats/lsoaTiles';
import { openArchive } from './fixtures/tiles/archive';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { nationFields } from '../scripts/pipeline/nations/practiceFields';

const tmp = mkdtempSync(join(tmpdir(), 'atlas-formats-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Through JSON text, as the file is written and fetched. */
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const practice: PracticeRecord = {
	code: 'A81001',
	name: 'The Health Centre, Stockton',
	address: '1 High Street, Stockton',
	postcode: 'TS18 1HU',
	lat: 54.5678,
	lon: -1.3123,
	pcnCode: 'U12345',
	pcnName: 'Stockton PCN',
	sicblCode: 'E38000247',
	icbCode: 'E54000050',
	nhserCode: 'E40000012',
	region: 'E12000001',
	lsoa: 'E01012345',
	patients: 8123.5,
	weightedPatients: 9001.25,
	fteStatus: 'reported',
	gpFte: 4.5,
	gpFteAll: 5.25,
	nurseFte: 2,
	dpcFte: 1.5,
	gpFtePer10kWeighted: 4.9993,
	gpFteAllPer10kWeighted: 5.8327,
	imdScore: 41.2345,
	share10: 0.4321,
	share15: 0.5432,
	share20: 0.6543,
	deepEndRank: 17,
	imdQuintile: 5,
	locationImdScore: 55.5,
	locationSource: 'postcode',
	unplacedShare: 0.0123,
	decileShares: [0.4321, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.03, 0.02, 0.0179],
	...nationFields('E', { premisesDecile: 1 }),
	imdScore2019: 38.123,
	iod2019Share10: 0.3,
	iod2019Share15: 0.5,
	iod2019Share20: 0.61,
	locationImdScore2019: 50.25,
	ladCode: 'E06000004',
	qualityFlags: 'small-list;list-fall'
};

describe('formats: written by the pipeline, read by the app', () => {
	it('practices.json', () => {
		const other: PracticeRecord = {
			...practice,
			code: 'B82002',
			lat: null,
			lon: null,
			gpFte: null,
			fteStatus: 'not-reported',
			decileShares: null,
			locationSource: 'none'
		};
		const table = parsePractices(viaJson(encodePractices([practice, other])));
		expect(table.practices).toHaveLength(2);
		table.practices.forEach((p, i) => {
			const { imdDecile, index, ...record } = p;
			expect(record).toEqual([practice, other][i]);
			expect(index).toBe(i);
			expect(imdDecile).not.toBeUndefined();
		});
		// The writer rounds to 4 decimal places; the fields are the format's, in its order.
		const doc = encodePractices([{ ...practice, share15: 0.123456789 }]);
		expect(doc.fields).toEqual(PRACTICE_FIELDS);
		expect(parsePractices(viaJson(doc)).practices[0].share15).toBe(0.1235);
	});

	it('lsoa-detail.json', () => {
		const row: LsoaDetail = {
			code: 'E01012345',
			name: 'Stockton-on-Tees 014A',
			ladName: 'Stockton-on-Tees',
			icbCode: 'E54000050',
			population: 1650,
			patients: 1700.5,
			patientsCovered: 1650.1,
			attributedFte: 0.812,
			attributedWeightedPatients: 1900.2,
			gpFtePer10kWeighted: 4.273,
			nearestPracticeCode: 'A81001',
			nearestPracticeKm: 0.412,
			centreLon: -1.31234,
			centreLat: 54.56789,
			imdScore: 61.2,
			imdRank: 123
		};
		const empty: LsoaDetail = {
			...row,
			code: 'E01012346',
			population: null,
			gpFtePer10kWeighted: null,
			nearestPracticeCode: null,
			nearestPracticeKm: null
		};
		const table = parseLsoaDetail(viaJson(encodeLsoaDetail([row, empty])));
		expect(table.get(row.code)).toEqual(row);
		expect(table.get(empty.code)).toEqual(empty);
	});

	it('networks.json: one network type for writer and reader', () => {
		const rule = {
			vintage: 'iod2019' as const,
			measure: 'share15' as const,
			selection: { kind: 'nationalTop' as const, fraction: 0.1 }
		};
		const network: BuiltNetwork = {
			id: 'nenc',
			name: 'GPs at the Deep End North East and North Cumbria',
			shortName: 'Deep End NENC',
			country: 'England',
			status: 'established',
			founded: 'not stated',
			kind: 'practices',
			footprint: { kind: 'icb', codes: ['E54000050'], description: 'NHS North East and North Cumbria ICB' },
			footprintCodesFromSource: false,
			statedRule: 'Top 10% nationally',
			publishedCount: { text: '52 (earlier: 34)', n: 52, date: 'Oct 2025' },
			sourceUrl: 'https://example.org/',
			otherSources: [],
			notes: '',
			noEstimate: null,
			readings: [
				{
					id: 'stated',
					label: 'Stated',
					rule,
					note: 'note',
					ruleDescription: 'Practices in the footprint ranked in the top 10%',
					estimatedMemberCount: 1,
					selected: ['A81001'],
					excludedFlagged: ['Y03303'],
					unavailable: null
				}
			],
			ruleDescription: 'Practices in the footprint ranked in the top 10%',
			estimatedMembers: [{ code: 'A81001', value: 0.5432, rank: 1, nationalRank: 17, selected: true }],
			estimatedMemberCount: 1,
			footprintPracticeCount: 1
		};
		const doc = parseNetworks(JSON.parse(encodeNetworks({ englandRate: 4.271, networks: [network] })));
		expect(doc).toEqual({ version: 2, englandRate: 4.271, networks: [network] });
	});

	it('network-footprints.json', () => {
		const features: Feature[] = [
			{
				type: 'Feature',
				properties: { code: 'nenc', name: 'Deep End NENC', country: 'England' },
				geometry: {
					type: 'Polygon',
					coordinates: [
						[
							[-2, 54],
							[-1, 54],
							[-1, 55],
							[-2, 54]
						]
					]
				}
			}
		];
		const doc = decodeNetworkFootprints(JSON.parse(encodeNetworkFootprints(features)));
		expect(doc).toEqual({ type: 'FeatureCollection', features });
		expect(decodeNetworkFootprints({ features: [] })).toBeNull();
	});

	it('places.json and places-major.json', () => {
		const place = (name: string, type: PlaceRecord['type'], lat: number, lon: number, alt = ''): PlaceRecord => ({
			id: `osgb${name.length}`,
			name,
			alt,
			type,
			area: 'Stockton-on-Tees',
			lat,
			lon,
			bbox: [lon - 0.1, lat - 0.05, lon + 0.1, lat + 0.05]
		});
		const dir = join(tmp, 'places');
		buildPlaceIndex(
			[
				place('Stockton-on-Tees', 'Town', 54.567, -1.312),
				place('Swansea', 'City', 51.621, -3.943, 'Abertawe'),
				place('Norton', 'Suburban Area', 54.588, -1.315)
			],
			dir
		);
		const search = decodePlaceSearch(JSON.parse(readFileSync(join(dir, 'places.json'), 'utf8')))!;
		expect(search.places.map((p) => [p[0], p[1], search.types[p[2]], search.areas[p[3]], p[4], p[5]])).toEqual([
			['Norton', '', 'Suburban Area', 'Stockton-on-Tees', 54.588, -1.315],
			['Stockton-on-Tees', '', 'Town', 'Stockton-on-Tees', 54.567, -1.312],
			['Swansea', 'Abertawe', 'City', 'Stockton-on-Tees', 51.621, -3.943]
		]);
		const major = parsePlaces(JSON.parse(readFileSync(join(dir, 'places-major.json'), 'utf8')));
		expect(major.map((p) => [p.name, p.kind, p.lat, p.lon])).toEqual([
			['Swansea', 'city', 51.621, -3.943],
			['Stockton-on-Tees', 'town', 54.567, -1.312]
		]);
		expect(decodePlaceSearch({ places: [] })).toBeNull();
	});

	it('postcodes/<OUTCODE>.json and postcodes/index.json', () => {
		const csv = join(tmp, 'codepoint.csv');
		writeFileSync(
			csv,
			'postcode,country_code,latitude,longitude\nTS18 1HU,E92000001,54.567891,-1.312346\nTS18 1AA,E92000001,54.5601,-1.3101\n'
		);
		const dir = join(tmp, 'search');
		buildPostcodeIndex(readCodePoint(csv), dir);
		const file = decodeOutcodeFile(JSON.parse(readFileSync(join(dir, 'postcodes', 'TS18.json'), 'utf8')))!;
		expect(findInOutcodeFile(file, 'ts181hu')).toEqual({ postcode: 'TS18 1HU', lat: 54.56789, lon: -1.31235 });
		expect(file.postcodes.map(([inc]) => inc)).toEqual(['1AA', '1HU']);
		const index = JSON.parse(readFileSync(join(dir, 'postcodes', 'index.json'), 'utf8')) as OutcodeIndexFile;
		expect(index.outcodes).toEqual([['TS18', 54.564, -1.31122, -1.31235, 54.5601, -1.3101, 54.56789, 2, 'E']]);
		expect(decodeOutcodeFile({ postcodes: [] })).toBeNull();
	});

	it('areas.csv: the format fixes the columns and their order', () => {
		const area: AreaRow = {
			level: 'icb',
			code: 'E54000050',
			odsCode: 'QHM',
			name: 'NHS North East and North Cumbria, ICB',
			parentCode: 'E40000012',
			practices: 300,
			practicesWithFte: 298,
			patients: 3_100_000.04,
			weightedPatients: 3_300_000,
			patientsWithFte: 3_000_000,
			weightedPatientsWithFte: 3_200_000,
			gpFte: 1400.04,
			gpFteAll: 1600,
			nurseFte: 900,
			dpcFte: 1200,
			gpFtePer10kWeighted: 4.3751234,
			gpFteAllPer10kWeighted: 5,
			imdScore: 30.12345,
			gpFteShortfall: -3.456
		};
		const text = toCsv([area], AREA_COLUMNS);
		expect(parseCsv(text)[0]).toEqual([...AREA_CSV_COLUMNS]);
		expect(parseAreas(text)).toEqual([
			{
				level: 'icb',
				code: 'E54000050',
				odsCode: 'QHM',
				name: 'NHS North East and North Cumbria, ICB',
				parentCode: 'E40000012',
				practices: 300,
				gpFtePer10kWeighted: 4.375,
				imdScore: 30.123,
				gpFteShortfall: -3.46
			}
		]);
	});

	it('the pipeline CSV tables guard against spreadsheet formulas, leaving negative numbers alone', () => {
		const cols = AREA_COLUMNS.filter((c) => c.name === 'name' || c.name === 'gp_fte_shortfall');
		const row = { name: '=HYPERLINK("x")', gpFteShortfall: -2.5 } as AreaRow;
		expect(toCsv([row], cols)).toBe('name,gp_fte_shortfall\n"\'=HYPERLINK(""x"")",-2.5\n');
	});

	it('columns.json: the dictionary lists each CSV table with the columns its header has', () => {
		const doc = {
			'practices.csv': dictionary(PRACTICE_COLUMNS),
			'lsoa.csv': dictionary(LSOA_COLUMNS),
			'areas.csv': dictionary(AREA_COLUMNS),
			'inverse-care.csv': dictionary(INVERSE_CARE_COLUMNS)
		};
		const read = decodeColumns(JSON.parse(encodeColumns(doc)));
		expect(read).toEqual(doc);
		expect(Object.keys(read!)).toEqual([...CSV_TABLES]);
		expect(read!['areas.csv'].map((c) => c.name)).toEqual(parseCsv(toCsv([], AREA_COLUMNS))[0]);
		expect(decodeColumns({ 'practices.csv': [] })).toBeNull();
	});

	it('lsoa.pmtiles: the properties the map colours by are the ones the pipeline writes', async () => {
		const byDomain = (f: (i: number) => number) =>
			Object.fromEntries(IMD_DOMAINS.map((d, i) => [d, f(i)])) as LsoaRow['imd']['score'];
		const row = {
			code: 'E01012345',
			name: 'Stockton-on-Tees 014A',
			ladCode: 'E06000004',
			ladName: 'Stockton-on-Tees',
			population: 1650,
			imd: {
				code: 'E01012345',
				score: byDomain((i) => 40 + i),
				rank: byDomain((i) => 100 + i),
				decile: byDomain((i) => 1 + i)
			},
			attributedFte: 0.8,
			attributedWeightedPatients: 1900,
			gpFtePer10kWeighted: 4.2105
		} as LsoaRow;
		const props = lsoaTileProperties(row);
		for (const m of LSOA_MEASURES) {
			expect(props[m.property], m.property).toBeTypeOf('number');
			expect(ladTileProperties([row]).get('E06000004')![m.property], m.property).toBeTypeOf('number');
		}
		const path = join(tmp, 'lsoa.pmtiles');
		const square: Feature = {
			type: 'Feature',
			properties: props,
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[-1.32, 54.56],
						[-1.3, 54.56],
						[-1.3, 54.58],
						[-1.32, 54.56]
					]
				]
			}
		};
		await writeVectorArchive(path, [{ name: LSOA_TILE_LAYER, features: [square], minzoom: 8, maxzoom: 8 }], {
			name: 'test',
			attribution: 'test'
		});
		const archive = openArchive(path);
		const x = Math.floor(((-1.31 + 180) / 360) * 256);
		const s = Math.sin((54.57 * Math.PI) / 180);
		const y = Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 256);
		const tile = await archive.getZxy(8, x, y);
		const layer = new VectorTile(new PbfReader(new Uint8Array(tile!.data))).layers[LSOA_TILE_LAYER];
		expect(layer.feature(0).properties).toEqual(props);
	});
});
