import { describe, expect, it } from 'vitest';
import { editDistance } from '../src/lib/domain/postcode';
import {
	MEMBER_LIST_LIMITS,
	MemberListClient,
	boundedEdits,
	tokenMatch,
	memberMatcher,
	nameSimilarity,
	nameTokens,
	parseMemberList,
	type MemberListPractice
} from '../src/lib/journeys/memberList';

const practices: MemberListPractice[] = [
	{ code: 'A81001', name: 'THE DENSHAM SURGERY', postcode: 'TS18 1HU', pcnCode: 'U89141', pcnName: 'STOCKTON PCN' },
	{
		code: 'A81002',
		name: 'QUEENS PARK MEDICAL CENTRE',
		postcode: 'TS18 2AW',
		pcnCode: 'U89141',
		pcnName: 'STOCKTON PCN'
	},
	{ code: 'Y03303', name: "ST. MARY'S MED. CTR.", postcode: 'TS24 7PW', pcnCode: 'U', pcnName: '' },
	{ code: 'B82001', name: 'PARK SURGERY', postcode: 'LS1 1UR', pcnCode: 'U11111', pcnName: 'LEEDS PCN' },
	{ code: 'C82002', name: 'PARK SURGERY', postcode: 'M1 1AE', pcnCode: 'U22222', pcnName: 'MANCHESTER PCN' }
];
const matcher = memberMatcher(practices);

describe('codes', () => {
	it('a header, a BOM, CRLF, quotes, lower case and spaces', () => {
		const text =
			'\uFEFF"Practice code","Practice name"\r\n a81001 ,"The Densham Surgery"\r\n"y03 303",\r\nA81002,Queens Park\r\n';
		const r = parseMemberList(text, matcher);
		expect(r.problem).toBeNull();
		expect(r.header).toEqual(['Practice code', 'Practice name']);
		// The header is line 1, so the first practice is line 2.
		expect(r.matched).toEqual([
			{ line: 2, code: 'A81001', input: 'a81001' },
			{ line: 3, code: 'Y03303', input: 'y03 303' },
			{ line: 4, code: 'A81002', input: 'A81002' }
		]);
		expect(r.toConfirm).toEqual([]);
		expect(r.bad).toEqual([]);
	});

	it('a plain list of codes with no header; blank lines at the ends ignored, in the middle reported', () => {
		const r = parseMemberList('\n\nA81001\nA81002\n\nY03303\n\n\n', practices);
		expect(r.header).toBeNull();
		expect(r.matched.map((m) => [m.line, m.code])).toEqual([
			[3, 'A81001'],
			[4, 'A81002'],
			[6, 'Y03303']
		]);
		expect(r.bad).toEqual([{ line: 5, input: '', reason: 'empty row' }]);
	});

	it('semicolons and tabs as delimiters; the code column found without a header', () => {
		const semi = parseMemberList('Densham;A81001;TS18 1HU\nQueens Park;A81002;TS18 2AW', matcher);
		expect(semi.matched.map((m) => m.code)).toEqual(['A81001', 'A81002']);
		const tab = parseMemberList('ODS\tName\nA81001\tDensham\nB82001\tPark', matcher);
		expect(tab.header).toEqual(['ODS', 'Name']);
		expect(tab.matched.map((m) => [m.line, m.code])).toEqual([
			[2, 'A81001'],
			[3, 'B82001']
		]);
	});

	it('reasons: unknown code, Welsh code, PCN code, duplicate, malformed code', () => {
		const r = parseMemberList('code\nA81001\nX12345\nW91016\nu89141\na81001\nA8100\n', matcher);
		expect(r.matched).toEqual([{ line: 2, code: 'A81001', input: 'A81001' }]);
		expect(r.bad).toEqual([
			{ line: 3, input: 'X12345', reason: 'no practice with code X12345' },
			{
				line: 4,
				input: 'W91016',
				reason: "W91016 looks like a Welsh practice: not a practice in England's mapping file"
			},
			{
				line: 5,
				input: 'u89141',
				reason: 'U89141 is a Primary Care Network (STOCKTON PCN), not a practice: list its practices instead'
			},
			{ line: 6, input: 'a81001', reason: 'duplicate of line 2' },
			{
				line: 7,
				input: 'A8100',
				reason: 'no practice with code A8100: a practice code is a letter and five digits, like A81001'
			}
		]);
	});

	it('an unknown code of another shape is a code, not a name (issue 9)', () => {
		const r = parseMemberList('ZZZ999\nzz12\nThe Densham Surgery\n', matcher);
		expect(r.bad).toEqual([
			{
				line: 1,
				input: 'ZZZ999',
				reason: 'no practice with code ZZZ999: a practice code is a letter and five digits, like A81001'
			},
			{
				line: 2,
				input: 'zz12',
				reason: 'no practice with code ZZ12: a practice code is a letter and five digits, like A81001'
			}
		]);
		expect(r.toConfirm.map((c) => c.candidates[0].code)).toEqual(['A81001']);
	});

	it('an unknown code says so, not "no practice name close" (issue 9: ZZZ999)', () => {
		const r = parseMemberList('code\nZZZ999', matcher);
		expect(r.bad.map((b) => b.reason)).toEqual([
			'no practice with code ZZZ999: a practice code is a letter and five digits, like A81001'
		]);
	});

	it('inputs come back as plain text, whatever they hold', () => {
		const r = parseMemberList('<img src=x onerror=alert(1)>\n=HYPERLINK("http://x")', matcher);
		expect(r.bad.map((b) => b.input)).toEqual(['<img src=x onerror=alert(1)>', '=HYPERLINK("http://x")']);
		expect(r.bad[0].reason).toBe("no practice name close to '<img src=x onerror=alert(1)>'");
	});
});

describe('names', () => {
	it('tokens: folded, punctuation dropped, abbreviations expanded, "the" and "s" dropped', () => {
		expect(nameTokens("ST. MARY'S MED. CTR.")).toEqual(['st', 'marys', 'medical', 'centre']);
		expect(nameTokens('The Densham Surgery')).toEqual(['densham', 'surgery']);
		expect(nameTokens('Smith & Jones Health Center')).toEqual(['smith', 'jones', 'health', 'centre']);
		expect(nameTokens('  ')).toEqual([]);
	});

	it('similarity, hand-worked (distinctive word 1, generic word 0.25)', () => {
		// "Densam Surgery" vs "THE DENSHAM SURGERY": densam~densham one slip 0.8 × 1, surgery 1 × 0.25;
		// matched 1.05; weights 1.25 + 1.25; Dice 2 × 1.05 / 2.5 = 0.84.
		expect(nameSimilarity(nameTokens('Densam Surgery'), nameTokens('THE DENSHAM SURGERY'))).toBeCloseTo(0.84, 10);
		// "Densham Medical Centre" vs "THE DENSHAM SURGERY": only densham matches (1);
		// weights 1.5 and 1.25: 2 × 1 / 2.75 = 0.72727.
		expect(nameSimilarity(nameTokens('Densham Medical Centre'), nameTokens('THE DENSHAM SURGERY'))).toBeCloseTo(
			2 / 2.75,
			10
		);
		// "Medical Centre" vs "QUEENS PARK MEDICAL CENTRE": 0.5 matched; weights 0.5 + 2.5: 1 / 3.
		expect(nameSimilarity(nameTokens('Medical Centre'), nameTokens('QUEENS PARK MEDICAL CENTRE'))).toBeCloseTo(
			1 / 3,
			10
		);
		// A distinctive word matching a generic one by prefix counts at the generic weight:
		// "newlands" vs "new" 0.7 × 0.25. Never above 1.
		expect(nameSimilarity(['newlands', 'medical'], ['new', 'medical'])).toBeCloseTo(
			(2 * (0.175 + 0.25)) / (1.25 + 0.5),
			10
		);
		expect(nameSimilarity([], [])).toBe(0);
	});

	it('names go to toConfirm with candidates best first, never straight to matched', () => {
		const r = parseMemberList('Practice name\nDensam Surgery\nSt Marys Medical Centre\n', matcher);
		expect(r.matched).toEqual([]);
		expect(r.toConfirm).toEqual([
			{
				line: 2,
				input: 'Densam Surgery',
				candidates: [{ code: 'A81001', name: 'THE DENSHAM SURGERY', postcode: 'TS18 1HU', score: 0.84 }]
			},
			{
				line: 3,
				input: 'St Marys Medical Centre',
				candidates: [{ code: 'Y03303', name: "ST. MARY'S MED. CTR.", postcode: 'TS24 7PW', score: 1 }]
			}
		]);
	});

	it('a postcode in the row puts the practice at that postcode first', () => {
		// Both PARK SURGERYs score 1 on the name; the row's postcode M1 1AE breaks the tie. QUEENS PARK
		// MEDICAL CENTRE comes third: park matches (1); weights 1.25 + 2.5; 2 / 3.75 = 0.533, over 0.5.
		const r = parseMemberList('name;postcode\nPark Surgery;m11ae\nPark Surgery;LS1 1UR\n', matcher);
		expect(r.toConfirm.map((t) => t.candidates.map((c) => [c.code, c.score]))).toEqual([
			[
				['C82002', 1],
				['B82001', 1],
				['A81002', 0.533]
			],
			[
				['B82001', 1],
				['C82002', 1],
				['A81002', 0.533]
			]
		]);
		// Name + postcode repeated is a duplicate.
		const d = parseMemberList('name,postcode\nPark Surgery,M1 1AE\nPARK SURGERY,M1 1AE\n', matcher);
		expect(d.bad).toEqual([{ line: 3, input: 'PARK SURGERY', reason: 'duplicate of line 2' }]);
	});

	it('a repeated name without a postcode may be two practices: offered again, marked', () => {
		const r = parseMemberList('Park Surgery\nPark Surgery\n', matcher);
		expect(r.bad).toEqual([]);
		expect(r.toConfirm.map((t) => [t.line, t.sameNameAs])).toEqual([
			[1, undefined],
			[2, 1]
		]);
	});

	it('names too far from any practice are bad rows with the reason', () => {
		// "Medical Centre" scores 1/3 against QUEENS PARK MEDICAL CENTRE, under the 0.5 floor.
		const r = parseMemberList('Medical Centre\nZzyzx Clinic\n', matcher);
		expect(r.toConfirm).toEqual([]);
		expect(r.bad.map((b) => b.reason)).toEqual([
			"no practice name close to 'Medical Centre'",
			"no practice name close to 'Zzyzx Clinic'"
		]);
	});

	it('a row with only a postcode, and an unquoted comma inside a name', () => {
		const r = parseMemberList('TS18 1HU\nThe Densham, Surgery\n', matcher);
		expect(r.bad).toEqual([{ line: 1, input: 'TS18 1HU', reason: 'only a postcode: add the practice code or name' }]);
		expect(r.toConfirm[0].input).toBe('The Densham, Surgery');
		expect(r.toConfirm[0].candidates[0].code).toBe('A81001');
	});
});

describe('the file as a whole', () => {
	it('empty, blank, header only, not text', () => {
		expect(parseMemberList('', matcher).problem).toBe('the file is empty');
		expect(parseMemberList(' \n\t\n', matcher).problem).toBe('the file is empty');
		expect(parseMemberList(',,\n , ,\n', matcher).problem).toBe('the file holds no practice codes or names');
		expect(parseMemberList('ODS code\n', matcher).problem).toBe('the file has a header row but no practices under it');
		expect(parseMemberList('PK\u0003\u0004xl/workbook.xml', matcher).problem).toMatch(/^this is not a text file/);
		expect(parseMemberList('A81001\u0000\u0000', matcher).problem).toMatch(/^this is not a text file/);
		// Not a string at all (a caller's mistake) is "empty", not a throw.
		expect(parseMemberList(undefined as unknown as string, matcher).problem).toBe('the file is empty');
	});

	it('over 5 MB is refused', () => {
		const r = parseMemberList('A81001\n'.repeat(Math.ceil(MEMBER_LIST_LIMITS.maxChars / 7) + 1), matcher);
		expect(r.problem).toMatch(/^the file is too large \(5\.0 MB\): a member list must be under 5 MB$/);
		expect(r.matched).toEqual([]);
	});

	it('over 20,000 rows: the first 20,000 are read, and the user is told', () => {
		const r = parseMemberList('A81001\n'.repeat(20_005), matcher);
		expect(r.problem).toBe('the list has 20,005 rows: only the first 20,000 were read');
		expect(r.matched.length + r.bad.length).toBe(20_000);
		expect(r.bad[0]).toEqual({ line: 2, input: 'A81001', reason: 'duplicate of line 1' });
	});

	it('long inputs are refused as names and echoed cut short', () => {
		const long = 'Q '.repeat(250);
		const r = parseMemberList(long, matcher);
		expect(r.bad[0].reason).toBe('too long to be a practice name (499 characters)');
		expect(r.bad[0].input.length).toBe(MEMBER_LIST_LIMITS.maxEcho);
		expect(r.bad[0].input.endsWith('…')).toBe(true);
	});

	it('a stray quote does not swallow the following lines', () => {
		const r = parseMemberList('"A81001\nA81002\n', matcher);
		expect(r.matched.map((m) => m.code)).toEqual(['A81001', 'A81002']);
	});
});

describe('matching speed-ups keep the same answers', () => {
	it('boundedEdits agrees with editDistance up to its bound, and says "more" past it', () => {
		const words = [
			'densham',
			'dnesham',
			'densam',
			'densham',
			'dewsham',
			'park',
			'prak',
			'parks',
			'surgery',
			'surg',
			'a',
			''
		];
		for (const a of words)
			for (const b of words) {
				const d = editDistance(a, b);
				expect(boundedEdits(a, b, 2), `${a} / ${b}`).toBe(Math.min(d, 3));
			}
		// Hand-worked: a swap is one edit; "kitten" → "sitting" is three (past the bound of 2).
		expect(boundedEdits('dnesham', 'densham', 2)).toBe(1);
		expect(boundedEdits('kitten', 'sitting', 2)).toBe(3);
		expect(boundedEdits('kitten', 'sitting', 5)).toBe(3);
	});

	it('word matches: same, one slip, two slips in a long word, a prefix', () => {
		expect(tokenMatch('densham', 'densham')).toBe(1);
		expect(tokenMatch('dnesham', 'densham')).toBe(0.8);
		expect(tokenMatch('grangewod', 'grangewood')).toBe(0.8);
		expect(tokenMatch('grnagewod', 'grangewood')).toBe(0.6);
		expect(tokenMatch('surg', 'surgery')).toBe(0.7);
		expect(tokenMatch('park', 'lane')).toBe(0);
	});

	it('progress is reported as rows are read, ending with all of them', () => {
		const seen: [number, number][] = [];
		const names = Array.from({ length: 120 }, (_, i) => (i % 2 ? 'densham surgery' : `A8100${i % 3}`));
		parseMemberList(['name', ...names].join('\n'), matcher, (done, total) => seen.push([done, total]));
		expect(seen).toEqual([
			[0, 120],
			[50, 120],
			[100, 120],
			[120, 120]
		]);
	});

	it('without Worker support the client reads the list on the page, with the same result', async () => {
		const client = new MemberListClient(practices, () => null);
		const text = 'A81001\nthe densham surg\nZZZ999\n';
		const run = client.parse(text);
		expect(await run.result).toEqual(parseMemberList(text, practices));
		client.dispose();
	});
});
