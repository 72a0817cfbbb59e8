import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { distanceKm } from '../src/lib/domain/metrics';
import type { PlaceSearchFile } from '../src/lib/domain/postcode';
import {
	classifyQuery,
	describeDecile,
	explainUnknownPostcode,
	foldForSearch,
	nearestPractices,
	networkAt,
	prefixDistance,
	prepareSearchIndex,
	suggest,
	type FootprintProps
} from '../src/lib/journeys/find';

describe('classifyQuery', () => {
	it('postcodes, sectors and outward codes, tolerant of case and spacing', () => {
		expect(classifyQuery('ls11ur')).toEqual({ kind: 'postcode', postcode: 'LS1 1UR', outcode: 'LS1' });
		expect(classifyQuery('  ls1   1ur ')).toEqual({ kind: 'postcode', postcode: 'LS1 1UR', outcode: 'LS1' });
		expect(classifyQuery(' m1 ')).toEqual({ kind: 'outcode', outcode: 'M1' });
		expect(classifyQuery('EC1A')).toEqual({ kind: 'outcode', outcode: 'EC1A' });
		expect(classifyQuery('LS1 1')).toEqual({ kind: 'sector', sector: 'LS1 1', outcode: 'LS1' });
	});
	it('practice and LSOA codes', () => {
		expect(classifyQuery('a81001')).toEqual({ kind: 'practiceCode', code: 'A81001' });
		expect(classifyQuery(' Y03303 ')).toEqual({ kind: 'practiceCode', code: 'Y03303' });
		expect(classifyQuery('e01000001')).toEqual({ kind: 'lsoaCode', code: 'E01000001' });
		// E02 (MSOA) or a short E01 is not an LSOA code: free text.
		expect(classifyQuery('E0100001').kind).toBe('text');
	});
	it('free text, with a flag for a postcode still being typed', () => {
		expect(classifyQuery('  Stockton-on-Tees ')).toEqual({
			kind: 'text',
			text: 'Stockton-on-Tees',
			folded: 'stockton on tees',
			partialPostcode: false
		});
		expect(classifyQuery('LS1 1U')).toEqual({ kind: 'text', text: 'LS1 1U', folded: 'ls1 1u', partialPostcode: true });
		expect(classifyQuery('Leeds 001A').kind).toBe('text');
	});
	it('empty and non-strings', () => {
		expect(classifyQuery('')).toEqual({ kind: 'empty' });
		expect(classifyQuery('   ')).toEqual({ kind: 'empty' });
		expect(classifyQuery(undefined)).toEqual({ kind: 'empty' });
		expect(classifyQuery(42)).toEqual({ kind: 'empty' });
	});
});

describe('foldForSearch', () => {
	it('case, accents, apostrophes, punctuation and "&"', () => {
		expect(foldForSearch('Stockton-on-Tees')).toBe('stockton on tees');
		expect(foldForSearch('Ynys Môn')).toBe('ynys mon');
		expect(foldForSearch("Bishop's Stortford")).toBe('bishops stortford');
		expect(foldForSearch('ST. MARY’S & ST JOHN’S')).toBe('st marys and st johns');
		expect(foldForSearch(' ,.- ')).toBe('');
	});
});

const places: Pick<PlaceSearchFile, 'types' | 'areas' | 'places'> = {
	types: ['City', 'Town', 'Suburban Area', 'Village'],
	areas: ['Leeds, West Yorkshire', 'Swansea', 'Isle of Anglesey', 'Middlesbrough', 'Cornwall'],
	places: [
		['Allerton Bywater', '', 3, 0, 53.74, -1.37],
		['Chapel Allerton', '', 2, 0, 53.83, -1.53],
		['Leeds', '', 0, 0, 53.8, -1.55, -1.8, 53.7, -1.3, 53.9],
		['Leedstown', '', 3, 4, 50.17, -5.35],
		['Middlesbrough', '', 1, 3, 54.57, -1.23, -1.3, 54.5, -1.15, 54.6],
		['Swansea', 'Abertawe', 0, 1, 51.62, -3.94, -4.1, 51.5, -3.8, 51.7],
		['Ynys Môn', '', 1, 2, 53.3, -4.3],
		['Hullbridge', '', 3, 4, 51.62, 0.61],
		['Kingston upon Hull', '', 0, 0, 53.74, -0.33],
		['Sutton on Hull', '', 2, 0, 53.77, -0.31]
	]
};
const practices = [
	{ code: 'A81001', name: 'THE DENSHAM SURGERY', postcode: 'TS18 1HU', lat: 54.5616, lon: -1.319 },
	{ code: 'B86001', name: 'LEEDS CITY MEDICAL PRACTICE', postcode: 'LS1 1UR', lat: 53.8, lon: -1.55 },
	{ code: 'Y03303', name: 'NOWHERE SURGERY', postcode: '', lat: null, lon: null }
];
const lsoas = [
	{ code: 'E01011001', name: 'Leeds 001A', centreLat: 53.9, centreLon: -1.6 },
	{ code: 'E01011002', name: 'Leeds 001B', centreLat: 53.91, centreLon: -1.61 }
];
const index = prepareSearchIndex({ places, practices, lsoas });
const labels = (q: string, n = 8) => suggest(q, index, n).map((s) => `${s.label} [${s.kind} ${s.match}]`);

describe('suggest', () => {
	it('prefix matches first: exact name, then places by type, practices, neighbourhoods', () => {
		expect(labels('leeds')).toEqual([
			'Leeds [place prefix]',
			'Leedstown [place prefix]',
			'LEEDS CITY MEDICAL PRACTICE [practice prefix]',
			'Leeds 001A [lsoa prefix]',
			'Leeds 001B [lsoa prefix]'
		]);
		const leeds = suggest('Leeds', index, 1)[0];
		expect(leeds).toEqual({
			kind: 'place',
			label: 'Leeds',
			detail: 'City · Leeds, West Yorkshire',
			code: null,
			lat: 53.8,
			lon: -1.55,
			bbox: [-1.8, 53.7, -1.3, 53.9],
			match: 'prefix'
		});
	});
	it('an exact later word of a city or town before prefixes: "Hull" is Kingston upon Hull', () => {
		expect(labels('hull')).toEqual([
			'Kingston upon Hull [place word]',
			'Hullbridge [place prefix]',
			'Sutton on Hull [place word]'
		]);
	});
	it('word prefixes after whole-name prefixes', () => {
		expect(labels('allerton')).toEqual(['Allerton Bywater [place prefix]', 'Chapel Allerton [place word]']);
		expect(labels('densham')).toEqual(['THE DENSHAM SURGERY [practice word]']);
	});
	it('accents, case, punctuation and alternative names', () => {
		expect(labels('YNYS MON')).toEqual(['Ynys Môn [place prefix]']);
		expect(labels('abertawe')).toEqual(['Swansea [place prefix]']);
		expect(labels('the densham')).toEqual(['THE DENSHAM SURGERY [practice prefix]']);
	});
	it('small typos once four letters are typed', () => {
		// "midlesbrough": one letter missing → Middlesbrough, by prefix edit distance 1.
		expect(labels('midlesbrough')).toEqual(['Middlesbrough [place fuzzy]']);
		// Still typing, with a slip: "middes" is "middles" with the l left out, one edit.
		expect(labels('middes')).toEqual(['Middlesbrough [place fuzzy]']);
		// Three letters: no typo allowance, so "lds" finds nothing.
		expect(labels('lds')).toEqual([]);
	});
	it('practice and LSOA codes by prefix', () => {
		expect(suggest('a8100', index).map((s) => [s.label, s.code, s.match])).toEqual([
			['THE DENSHAM SURGERY', 'A81001', 'code']
		]);
		expect(suggest('E0101100', index).map((s) => s.code)).toEqual(['E01011001', 'E01011002']);
		expect(suggest('e01011002', index)[0].detail).toBe('Neighbourhood (LSOA) · E01011002');
	});
	it('practices without a location are not offered (nothing to fly to)', () => {
		expect(labels('nowhere')).toEqual([]);
		expect(labels('Y03303')).toEqual([]);
	});
	it('n caps the list; nothing for empty or unmatched text', () => {
		expect(labels('leeds', 2)).toEqual(['Leeds [place prefix]', 'Leedstown [place prefix]']);
		expect(suggest('leeds', index, 0)).toEqual([]);
		expect(suggest('', index)).toEqual([]);
		expect(suggest(' - ', index)).toEqual([]);
		expect(suggest('qqqqqqqq', index)).toEqual([]);
		expect(suggest(undefined as unknown as string, index)).toEqual([]);
	});
	it('an empty index answers with nothing', () => {
		expect(suggest('leeds', prepareSearchIndex({}))).toEqual([]);
	});
	// Speed, measured on the built data (27,055 places, 6,202 practices, 33,755 LSOAs; index built in
	// ~0.3 s) on a shared 2-core machine at load average 3: most queries 0.02–0.5 ms; one letter ("l")
	// ~2 ms; typo searches through one first letter ("scarbrough", "midlesbrough") 2–4 ms.
});

describe('prefixDistance', () => {
	it('edits from the query to the nearest prefix of the name', () => {
		expect(prefixDistance('middles', 'middlesbrough', 1)).toBe(0);
		expect(prefixDistance('midles', 'middlesbrough', 1)).toBe(1); // one letter missing
		expect(prefixDistance('mdidle', 'middlesbrough', 1)).toBe(1); // two letters swapped
		expect(prefixDistance('middxesb', 'middlesbrough', 2)).toBe(1); // one letter wrong
		expect(prefixDistance('xyz', 'middlesbrough', 1)).toBe(2); // gives up at max + 1
		expect(prefixDistance('leeds', 'lee', 2)).toBe(2); // the name is shorter than the query
	});
});

describe('nearestPractices', () => {
	// On the meridian: 0.1° of latitude = 11.11951 km (6,371.0088 km × π / 180 × 0.1).
	const ps = [
		{ code: 'C', lat: 52.2, lon: 0 },
		{ code: 'A', lat: 52.1, lon: 0 },
		{ code: 'B', lat: 51.9, lon: 0 },
		{ code: 'N', lat: null, lon: null },
		{ code: 'D', lat: 52.5, lon: 0 }
	];
	it('nearest first, straight-line km, unplaced practices skipped, ties by code', () => {
		const r = nearestPractices(52, 0, ps, 3);
		expect(r.map((x) => x.practice.code)).toEqual(['A', 'B', 'C']);
		expect(r[0].km).toBeCloseTo(11.11951, 4);
		expect(r[1].km).toBeCloseTo(11.11951, 4);
		expect(r[2].km).toBeCloseTo(22.23902, 4);
		expect(nearestPractices(52, 0, ps, 10).map((x) => x.practice.code)).toEqual(['A', 'B', 'C', 'D']);
	});
	it('agrees with a scan of every practice, shared sites (exact ties) ordered by code', () => {
		let seed = 2024;
		const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const sites = Array.from({ length: 120 }, () => ({ lat: 50 + rand() * 5.5, lon: -5.5 + rand() * 7.3 }));
		// Three practices per site, listed out of code order, so every answer has exact ties.
		const many = sites.flatMap((s, i) => ['c', 'a', 'b'].map((x) => ({ code: `${x}${i}`, ...s })));
		for (let k = 0; k < 50; k++) {
			const lat = 50 + rand() * 5.5;
			const lon = -5.5 + rand() * 7.3;
			const scan = many
				.map((p) => ({ practice: p, km: distanceKm(lat, lon, p.lat, p.lon) }))
				.sort((a, b) => a.km - b.km || a.practice.code.localeCompare(b.practice.code))
				.slice(0, 7);
			expect(nearestPractices(lat, lon, many, 7)).toEqual(scan);
		}
	});
	it('bad input gives nothing', () => {
		expect(nearestPractices(NaN, 0, ps, 3)).toEqual([]);
		expect(nearestPractices(52, 0, ps, 0)).toEqual([]);
		expect(nearestPractices(52, 0, [], 3)).toEqual([]);
	});
});

describe('describeDecile', () => {
	it('plain words, true of every neighbourhood in the decile', () => {
		expect(describeDecile(1)).toBe('among the 10% most deprived neighbourhoods in England');
		expect(describeDecile(2)).toBe('among the 20% most deprived neighbourhoods in England');
		expect(describeDecile(5)).toBe('a little more deprived than the middle neighbourhood in England');
		expect(describeDecile(6)).toBe('a little less deprived than the middle neighbourhood in England');
		expect(describeDecile(9)).toBe('among the 20% least deprived neighbourhoods in England');
		expect(describeDecile(10)).toBe('among the 10% least deprived neighbourhoods in England');
	});
	it('anything else is null', () => {
		expect([0, 11, 1.5, -1, NaN, null, undefined].map(describeDecile)).toEqual(new Array(7).fill(null));
	});
});

describe('networkAt', () => {
	const square = (w: number, s: number, e: number, n: number) => [
		[w, s],
		[e, s],
		[e, n],
		[w, n],
		[w, s]
	];
	const footprints: FeatureCollection<Geometry | null, FootprintProps> = {
		type: 'FeatureCollection',
		features: [
			{
				type: 'Feature',
				properties: { code: 'west', name: 'West Deep End' },
				geometry: { type: 'Polygon', coordinates: [square(0, 52, 1, 53)] }
			},
			{
				type: 'Feature',
				properties: { code: 'east', name: 'East Deep End' },
				geometry: { type: 'MultiPolygon', coordinates: [[square(2, 52, 3, 53)], [square(5, 52, 6, 53)]] }
			},
			{
				type: 'Feature',
				properties: { code: 'inner', name: 'Overlapping' },
				geometry: { type: 'Polygon', coordinates: [square(0.4, 52.4, 0.6, 52.6)] }
			},
			{ type: 'Feature', properties: { code: 'nogeom', name: 'No geometry' }, geometry: null },
			{
				type: 'Feature',
				properties: { code: 'point', name: 'A point' },
				geometry: { type: 'Point', coordinates: [1.4, 52.5] }
			}
		]
	};
	it('inside a footprint: distance 0, overlapping footprints listed', () => {
		expect(networkAt(0.2, 52.2, footprints)).toEqual({
			code: 'west',
			name: 'West Deep End',
			inside: true,
			km: 0,
			alsoInside: []
		});
		expect(networkAt(0.5, 52.5, footprints)).toEqual({
			code: 'west',
			name: 'West Deep End',
			inside: true,
			km: 0,
			alsoInside: [{ code: 'inner', name: 'Overlapping' }]
		});
		expect(networkAt(5.5, 52.5, footprints)?.code).toBe('east');
	});
	it('outside: the nearest footprint and the km to its edge', () => {
		// (1.4, 52.5): 0.4° east of the west square's edge, 0.6° west of the east one's. Across a
		// meridian at latitude φ the shortest distance is R·asin(sin 0.4° · cos 52.5°)
		// = 6,371 km × asin(0.0069813 × 0.60876) = 27.08 km.
		const hit = networkAt(1.4, 52.5, footprints)!;
		expect(hit.code).toBe('west');
		expect(hit.inside).toBe(false);
		expect(hit.km).toBeCloseTo(27.08, 0);
		expect(networkAt(2.7, 51.9, footprints)?.code).toBe('east');
	});
	it('a malformed footprint is skipped, not thrown over', () => {
		const broken: FeatureCollection<Geometry | null, FootprintProps> = {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { code: 'broken', name: 'Broken' },
					geometry: { type: 'Polygon', coordinates: [[[0, 0]]] }
				},
				footprints.features[0]
			]
		};
		expect(networkAt(1.4, 52.5, broken)?.code).toBe('west');
	});
	it('no footprints or a bad position: null', () => {
		expect(networkAt(0, 52, { type: 'FeatureCollection', features: [] })).toBeNull();
		expect(networkAt(NaN, 52, footprints)).toBeNull();
		expect(networkAt(0, 52, null as unknown as FeatureCollection<Geometry | null, FootprintProps>)).toBeNull();
	});
});

describe('explainUnknownPostcode', () => {
	it('did you mean, from the postcodes given', () => {
		expect(explainUnknownPostcode('LS99 9ZZ', ['LS9 9ZZ'])).toBe('No postcode LS99 9ZZ — did you mean LS9 9ZZ?');
		// LS1 1UR is one slip away (a swap); LS1 1AZ two: only the closest are offered.
		expect(explainUnknownPostcode('ls1 1ru', ['LS1 1AZ', 'LS1 1UR'])).toBe(
			'No postcode LS1 1RU — did you mean LS1 1UR?'
		);
		// Two slips when nothing is closer: 1RX → 1AZ and 1RX → 1UR are both two letters changed.
		expect(explainUnknownPostcode('LS1 1RX', ['LS1 1AZ', 'LS1 1UR'])).toBe(
			'No postcode LS1 1RX — did you mean LS1 1AZ or LS1 1UR?'
		);
		expect(explainUnknownPostcode('LS1 1UX', ['LS1 1UR', 'LS1 1US'])).toBe(
			'No postcode LS1 1UX — did you mean LS1 1UR or LS1 1US?'
		);
	});
	it('a known postcode is not unknown: null', () => {
		expect(explainUnknownPostcode('ls11ur', ['LS1 1UR'])).toBeNull();
		expect(explainUnknownPostcode('LS1', ['LS1 1UR'])).toBeNull();
		expect(explainUnknownPostcode('LS1 1', ['LS1 1UR'])).toBeNull();
	});
	it('nothing close, no district, sector, outward code', () => {
		expect(explainUnknownPostcode('LS1 9AB', ['LS1 1UR'])).toBe(
			'No postcode LS1 9AB in LS1. Check the second half of the postcode, or search for LS1 alone.'
		);
		expect(explainUnknownPostcode('QQ1 1AA', [])).toBe(
			'No postcode QQ1 1AA: there is no postcode district QQ1. Check the first half of the postcode.'
		);
		expect(explainUnknownPostcode('LS99', ['LS9', 'LS8'])).toBe('No postcode district LS99 — did you mean LS9?');
		expect(explainUnknownPostcode('QQ9', [])).toBe(
			'No postcode district QQ9. Check it, or type a full postcode or a town.'
		);
		expect(explainUnknownPostcode('LS1 9', ['LS1 1UR'])).toBe(
			'No postcodes in LS1 9. Type the full postcode, or the district LS1 alone.'
		);
	});
	it('outside Great Britain’s postcode list', () => {
		expect(explainUnknownPostcode('BT1 1AA', [])).toBe(
			"BT postcodes are in Northern Ireland, which this atlas does not cover: it maps Great Britain (England, Scotland and Wales), and Great Britain's open postcode list (Code-Point Open) does not include Northern Ireland."
		);
		expect(explainUnknownPostcode('je2 3ab', [])).toMatch(/^JE postcodes are in Jersey/);
	});
	it('malformed input gets a helpful message, never a throw', () => {
		expect(explainUnknownPostcode('', [])).toBe('Type a postcode, like LS1 1UR.');
		expect(explainUnknownPostcode(undefined, [])).toBe('Type a postcode, like LS1 1UR.');
		expect(explainUnknownPostcode(12345, [])).toBe('Type a postcode, like LS1 1UR.');
		expect(explainUnknownPostcode('hello world', ['LS1 1UR'])).toBe(
			"'hello world' is not a postcode: a postcode looks like LS1 1UR or M1 1AE."
		);
		expect(explainUnknownPostcode('LS1 1U', ['LS1 1UR'])).toBe(
			"'LS1 1U' is not a whole postcode: it needs a number and two letters after the space, like LS1 1UR."
		);
		expect(explainUnknownPostcode('x'.repeat(100), [])).toBe(
			`'${'x'.repeat(39)}…' is not a postcode: a postcode looks like LS1 1UR or M1 1AE.`
		);
		expect(explainUnknownPostcode('LS1 1AA', null as unknown as string[])).toBe(
			'No postcode LS1 1AA: there is no postcode district LS1. Check the first half of the postcode.'
		);
		expect(explainUnknownPostcode('LS1 1AA', [42 as unknown as string, 'LS1 1AB'])).toBe(
			'No postcode LS1 1AA — did you mean LS1 1AB?'
		);
	});
});
