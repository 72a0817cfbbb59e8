import { describe, expect, it } from 'vitest';
import {
	compareOutcodes,
	comparePostcodes,
	completePostcodes,
	editDistance,
	findInOutcodeFile,
	foldPlaceName,
	looksLikePostcode,
	normalisePostcode,
	outcodeOf,
	parsePostcode,
	postcodesInFile,
	sectorCentroidInFile,
	sectorOf,
	suggestPostcodes,
	type OutcodeFile
} from '../src/lib/domain/postcode';

describe('normalisePostcode', () => {
	it('tolerates case and spacing', () => {
		expect(normalisePostcode('ls11ur')).toBe('LS1 1UR');
		expect(normalisePostcode(' LS1  1UR ')).toBe('LS1 1UR');
		expect(normalisePostcode('LS1\t1UR')).toBe('LS1 1UR');
		expect(normalisePostcode('l s 1 1 u r')).toBe('LS1 1UR');
		expect(normalisePostcode('ts18\u00a01hu')).toBe('TS18 1HU');
	});
	it('reads every outward-code shape', () => {
		expect(normalisePostcode('M11AE')).toBe('M1 1AE'); // A9
		expect(normalisePostcode('b338th')).toBe('B33 8TH'); // A99
		expect(normalisePostcode('W1A0AX')).toBe('W1A 0AX'); // A9A
		expect(normalisePostcode('CR26XH')).toBe('CR2 6XH'); // AA9
		expect(normalisePostcode('DN551PT')).toBe('DN55 1PT'); // AA99
		expect(normalisePostcode('ec1a1bb')).toBe('EC1A 1BB'); // AA9A
		expect(normalisePostcode('gir0aa')).toBe('GIR 0AA'); // the one special case
	});
	it('rejects junk, partial postcodes and non-strings', () => {
		for (const junk of [
			'',
			'   ',
			'Leeds',
			'LS1',
			'LS1 1',
			'LS1 1U',
			'LS1 1URR',
			'1UR',
			'LS1 UR1',
			'LSS1 1UR',
			'L1 1U1',
			'EC1AA 1BB',
			'LS1-1UR',
			'12345',
			'SW1A 1AA; DROP'
		]) {
			expect(normalisePostcode(junk), junk).toBeNull();
		}
		expect(normalisePostcode(null)).toBeNull();
		expect(normalisePostcode(42)).toBeNull();
		expect(normalisePostcode(undefined)).toBeNull();
	});
});

describe('parsePostcode', () => {
	it('full postcodes give outward code, inward code and sector', () => {
		expect(parsePostcode('TS18 1HU')).toEqual({ outcode: 'TS18', incode: '1HU', sector: 'TS18 1', kind: 'full' });
		expect(parsePostcode('ec1a1bb')).toEqual({ outcode: 'EC1A', incode: '1BB', sector: 'EC1A 1', kind: 'full' });
		expect(parsePostcode('W1A 0AX')).toEqual({ outcode: 'W1A', incode: '0AX', sector: 'W1A 0', kind: 'full' });
	});
	it('outward codes and sectors', () => {
		expect(parsePostcode('ls1')).toEqual({ outcode: 'LS1', kind: 'outcode' });
		expect(parsePostcode(' EC1A ')).toEqual({ outcode: 'EC1A', kind: 'outcode' });
		expect(parsePostcode('LS1 1')).toEqual({ outcode: 'LS1', sector: 'LS1 1', kind: 'sector' });
		expect(parsePostcode('w1a 0')).toEqual({ outcode: 'W1A', sector: 'W1A 0', kind: 'sector' });
	});
	it('without a space: full first, then outward code, then sector', () => {
		// "M11" is a real outward code (Manchester), so it is read as one, not as sector "M1 1".
		expect(parsePostcode('M11')).toEqual({ outcode: 'M11', kind: 'outcode' });
		expect(parsePostcode('M1 1')).toEqual({ outcode: 'M1', sector: 'M1 1', kind: 'sector' });
		// No outward code has three digits, so "LS111" can only be sector LS11 1.
		expect(parsePostcode('LS111')).toEqual({ outcode: 'LS11', sector: 'LS11 1', kind: 'sector' });
		expect(parsePostcode('W1A0')).toEqual({ outcode: 'W1A', sector: 'W1A 0', kind: 'sector' });
	});
	it('junk', () => {
		for (const junk of ['', 'Leeds', 'LS', '1UR', 'LS1 1U', 'LS1 11', 'LS1 1UR X', 'LS1  ABC', 'ÉC1A 1BB', '[]']) {
			expect(parsePostcode(junk), junk).toBeNull();
		}
		expect(parsePostcode({})).toBeNull();
	});
	it('outcodeOf and sectorOf', () => {
		expect(outcodeOf('TS18 1HU')).toBe('TS18');
		expect(sectorOf('TS18 1HU')).toBe('TS18 1');
		expect(sectorOf('dn551pt')).toBe('DN55 1');
		expect(outcodeOf('LS1 1')).toBe('LS1');
		expect(sectorOf('LS1 1')).toBe('LS1 1');
		expect(outcodeOf('CR2')).toBe('CR2');
		expect(sectorOf('CR2')).toBeNull();
		expect(outcodeOf('Leeds')).toBeNull();
		expect(sectorOf('nonsense')).toBeNull();
	});
});

describe('looksLikePostcode (search box)', () => {
	it('whole and part-typed postcodes', () => {
		// "M62" has the shape of an outward code: a motorway is not told apart from a postcode, which is
		// fine: the postcode search says "not found" and the place search still runs.
		for (const s of [
			'M1',
			'm1 1',
			'M1 1A',
			'M1 1AE',
			'LS1',
			'LS11',
			'LS11U',
			'LS1 1U',
			'EC1A',
			'EC1A 1B',
			'W1A 0AX',
			'b33 8th',
			'GIR 0AA',
			'DN551P',
			'M62',
			'LS1 1 UR'
		]) {
			expect(looksLikePostcode(s), s).toBe(true);
		}
	});
	it('place names and junk', () => {
		for (const s of [
			'',
			'Leeds',
			'LS',
			'M',
			'1UR',
			'St Helens',
			'M1 A',
			'LS1 1UR1',
			'EC1AB',
			'A1A1A1',
			'M62 J26',
			'LS1 1UR!'
		]) {
			expect(looksLikePostcode(s), s).toBe(false);
		}
		expect(looksLikePostcode(undefined)).toBe(false);
	});
});

describe('ordering', () => {
	it('outward codes in natural order', () => {
		const codes = ['LS10', 'W1', 'LS2', 'EC1A', 'LS1', 'W1A', 'E1W', 'E1', 'E10', 'B1', 'AB10'];
		expect([...codes].sort(compareOutcodes)).toEqual([
			'AB10',
			'B1',
			'E1',
			'E1W',
			'E10',
			'EC1A',
			'LS1',
			'LS2',
			'LS10',
			'W1',
			'W1A'
		]);
	});
	it('postcodes by outward code, then inward code', () => {
		expect(['LS10 1AA', 'LS1 2AB', 'LS1 1UR', 'LS2 9JT'].sort(comparePostcodes)).toEqual([
			'LS1 1UR',
			'LS1 2AB',
			'LS2 9JT',
			'LS10 1AA'
		]);
	});
});

describe('did you mean', () => {
	it('edit distance counts a swap of neighbours as one', () => {
		expect(editDistance('LS11UR', 'LS11UR')).toBe(0);
		expect(editDistance('LS11UR', 'LS11RU')).toBe(1); // swap
		expect(editDistance('LS11UR', 'LS11US')).toBe(1); // substitution
		expect(editDistance('LS11UR', 'LS111UR')).toBe(1); // insertion
		expect(editDistance('LS11UR', 'LS1UR')).toBe(1); // deletion
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('', 'abc')).toBe(3);
		expect(editDistance('ca', 'abc')).toBe(3); // optimal string alignment, not full Damerau (which gives 2)
	});

	const known = ['LS1 1UR', 'LS1 1UQ', 'LS1 1US', 'LS1 2AB', 'LS1 4DY', 'LS1 5AA'];
	it('a swapped or mistyped letter', () => {
		// 1RU: one swap from 1UR; two substitutions from 1UQ and 1US; three from the rest (over the limit of 2).
		expect(suggestPostcodes('LS1 1RU', known, 3)).toEqual(['LS1 1UR', 'LS1 1UQ', 'LS1 1US']);
		// 1UT: one substitution from 1UR, 1UQ and 1US; same distance, so postcode order.
		expect(suggestPostcodes('ls11ut', known, 5)).toEqual(['LS1 1UQ', 'LS1 1UR', 'LS1 1US']);
	});
	it("ties go to the query's own sector first", () => {
		// "LS1 2UR": one edit from LS1 1UR (other sector) -- and two from LS1 2AB (own sector).
		expect(suggestPostcodes('LS1 2UR', known, 2)).toEqual(['LS1 1UR', 'LS1 2AB']);
		// Equal distance: "LS1 5AB" is one edit from both LS1 2AB and LS1 5AA; 5AA shares its sector.
		expect(suggestPostcodes('LS1 5AB', known, 2)).toEqual(['LS1 5AA', 'LS1 2AB']);
	});
	it('nothing close, empty input, empty list', () => {
		expect(suggestPostcodes('TS18 1HU', known)).toEqual([]);
		expect(suggestPostcodes('', known)).toEqual([]);
		expect(suggestPostcodes('LS1 1UR', [])).toEqual([]);
		expect(suggestPostcodes('LS1 1UR', known, 0)).toEqual([]);
	});
	it('works on outward codes too', () => {
		expect(suggestPostcodes('LS!', ['LS1', 'LS2', 'LS10', 'M1'], 3, 1)).toEqual(['LS1', 'LS2']);
	});
	it('completion while typing', () => {
		const outcodes = ['LS1', 'LS10', 'LS2', 'LS11', 'M1'];
		expect(completePostcodes('ls1', outcodes)).toEqual(['LS1', 'LS10', 'LS11']);
		expect(completePostcodes('LS1 1U', known)).toEqual(['LS1 1UQ', 'LS1 1UR', 'LS1 1US']);
		expect(completePostcodes('LS1 ', [...known, 'LS10 1AA'])).toEqual([
			'LS1 1UQ',
			'LS1 1UR',
			'LS1 1US',
			'LS1 2AB',
			'LS1 4DY',
			'LS1 5AA'
		]);
		expect(completePostcodes('LS1', [...known, 'LS10 1AA'], 3)).toEqual(['LS1 1UQ', 'LS1 1UR', 'LS1 1US']);
		expect(completePostcodes('', known)).toEqual([]);
	});
});

describe('outcode files', () => {
	const file: OutcodeFile = {
		outcode: 'TS18',
		postcodes: [
			['1AA', 54.5, -1.3],
			['1HU', 54.6, -1.4],
			['2AB', 54.56, -1.32],
			['2AD', 54.58, -1.34]
		]
	};
	it('finds a postcode, in any spacing', () => {
		expect(findInOutcodeFile(file, 'ts181hu')).toEqual({ postcode: 'TS18 1HU', lat: 54.6, lon: -1.4 });
		expect(findInOutcodeFile(file, 'TS18 2AD')).toEqual({ postcode: 'TS18 2AD', lat: 54.58, lon: -1.34 });
		expect(findInOutcodeFile(file, 'TS18 1AB')).toBeNull();
		expect(findInOutcodeFile(file, 'TS19 1HU')).toBeNull(); // another outcode's file
		expect(findInOutcodeFile(file, 'TS18')).toBeNull();
	});
	it("sector centroid is the mean of the sector's postcodes", () => {
		const c = sectorCentroidInFile(file, 'TS18 1')!;
		expect(c.n).toBe(2);
		expect(c.lat).toBeCloseTo(54.55, 10);
		expect(c.lon).toBeCloseTo(-1.35, 10);
		expect(sectorCentroidInFile(file, 'TS18 1HU')!.n).toBe(2); // a full postcode's sector
		expect(sectorCentroidInFile(file, 'TS18 9')).toBeNull();
		expect(sectorCentroidInFile(file, 'TS18')).toBeNull();
	});
	it('lists the full postcodes', () => {
		expect(postcodesInFile(file)).toEqual(['TS18 1AA', 'TS18 1HU', 'TS18 2AB', 'TS18 2AD']);
	});
});

describe('place names', () => {
	it('fold for matching', () => {
		expect(foldPlaceName("A' Chrìon Làraich")).toBe('a chrion laraich');
		expect(foldPlaceName('  Ynys   Môn ')).toBe('ynys mon');
		expect(foldPlaceName('St. Helens')).toBe('st. helens');
	});
});
