import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import {
	INPUT_FILES,
	INPUT_IDS,
	inputFiles,
	readPayments,
	readPracticeMap,
	readRegistrations,
	readWorkforce
} from '../scripts/pipeline/inputs';
import { parseCsv, splitCsvLine } from '../scripts/pipeline/read';
import { loadManifest } from '../scripts/fetch/manifest';
import { inputError } from './helpers/inputError';

const fx = (name: string) => join(__dirname, 'fixtures/inputs', name);

describe('CSV splitting', () => {
	it('handles quotes, embedded commas and doubled quotes', () => {
		expect(splitCsvLine('a,"b, c","say ""hi""",')).toEqual(['a', 'b, c', 'say "hi"', '']);
		expect(splitCsvLine('"unterminated,x')).toBeNull();
	});
});

describe('workforce input', () => {
	it('reads one fiscal year, turning NA into null', () => {
		const rows = readWorkforce(fx('workforce_ok.csv'), 2025);
		expect(rows).toEqual([
			{ code: 'A81001', patients: 4000.5, gpFte: 2.1, locumTraineeFte: null, nurseFte: 0.5, dpcFte: 0.4 },
			{ code: 'A81002', patients: 18000, gpFte: null, locumTraineeFte: null, nurseFte: null, dpcFte: null }
		]);
	});
	it('missing column: names the file, line 1 and the column', () => {
		const e = inputError(() => readWorkforce(fx('workforce_missing_column.csv'), 2025));
		expect(e.line).toBe(1);
		expect(e.column).toBe('TOTAL_GP_EXTGL_FTE');
		expect(e.message).toContain('required column "TOTAL_GP_EXTGL_FTE" is missing');
		expect(e.message).toContain('Fix:');
	});
	it('negative FTE: names line and column', () => {
		const e = inputError(() => readWorkforce(fx('workforce_negative_fte.csv'), 2025));
		expect([e.line, e.column]).toEqual([3, 'TOTAL_GP_EXTGL_FTE']);
		expect(e.problem).toContain('cannot be negative');
	});
	it('duplicate practice: names both lines', () => {
		const e = inputError(() => readWorkforce(fx('workforce_duplicate.csv'), 2025));
		expect([e.line, e.column]).toEqual([4, 'Practice.Code']);
		expect(e.problem).toContain('first seen on line 2');
	});
	it('bad practice code', () => {
		const e = inputError(() => readWorkforce(fx('workforce_bad_code.csv'), 2025));
		expect([e.line, e.column]).toEqual([3, 'Practice.Code']);
		expect(e.problem).toContain('ODS practice code');
	});
});

describe('encodings', () => {
	it('a UTF-8 byte-order mark (as in the NHS payments file) is accepted', () => {
		expect(readPayments(fx('payments_ok_bom.csv')).get('A81001')).toEqual({ registered: 4029.25, weighted: 4579.78 });
	});
	it('UTF-16 is refused with a clear message', () => {
		const e = inputError(() => readPayments(fx('payments_utf16.csv')));
		expect(e.problem).toContain('UTF-16');
		expect(e.fix).toContain('UTF-8');
	});
	it('Latin-1 text is refused, naming the line', () => {
		const e = inputError(() => readPracticeMap(fx('practice_map_latin1.csv')));
		expect(e.line).toBe(3);
		expect(e.problem).toContain('not valid UTF-8');
	});
});

describe('registrations input', () => {
	it('bad LSOA code names line 3', () => {
		const e = inputError(() => readRegistrations(fx('registrations_bad_lsoa.csv')));
		expect([e.line, e.column]).toEqual([3, 'LSOA_CODE']);
	});
	it('truncated gzip is a clear error, not a crash', () => {
		const e = inputError(() => readRegistrations(fx('registrations_truncated.csv.gz')));
		expect(e.problem).toContain('gzip');
		expect(e.fix).toContain('fetch');
	});
});

describe('row shape', () => {
	it('a short row (truncated file) is named', () => {
		const e = inputError(() => parseCsv('a,b,c\n1,2,3\n4,5\n', { columns: [{ name: 'a' }] }, 'x.csv'));
		expect([e.file, e.line]).toEqual(['x.csv', 3]);
		expect(e.problem).toContain('truncated');
	});
	it('a blank required value is named', () => {
		const e = inputError(() => parseCsv('a,b\n1,\n', { columns: [{ name: 'b', type: 'number' }] }, 'x.csv'));
		expect([e.line, e.column]).toEqual([2, 'b']);
	});
});

describe('quoting (csv-parse underneath)', () => {
	const spec = { columns: [{ name: 'a' }, { name: 'b' }] };
	it('a quoted value may span lines; later rows keep their own line numbers', () => {
		expect(parseCsv('a,b\r\n1,"x\ny"\r\n2,3\r\n', spec, 'x.csv')).toEqual([
			{ a: '1', b: 'x\ny' },
			{ a: '2', b: '3' }
		]);
		const e = inputError(() => parseCsv('a,b\n1,"x\ny"\n2,\n', spec, 'x.csv'));
		expect([e.line, e.column]).toEqual([4, 'b']);
	});
	it('an unterminated quote names the line where its row starts', () => {
		const e = inputError(() => parseCsv('a,b\n1,2\n3,"4\n5,6\n', spec, 'x.csv'));
		expect([e.file, e.line]).toEqual(['x.csv', 3]);
		expect(e.problem).toBe('unterminated quoted value');
		expect(inputError(() => parseCsv('a,"b\n1,2\n', spec, 'x.csv')).problem).toContain('header row');
	});
	it('an empty file is named as such', () => {
		expect(inputError(() => parseCsv('', spec, 'x.csv')).problem).toContain('empty');
		expect(inputError(() => parseCsv('\n', spec, 'x.csv')).problem).toContain('empty');
	});
});

describe('input files come from data/sources.json, by id', () => {
	const manifestPath = join(__dirname, '..', 'data', 'sources.json');
	const manifest = loadManifest(manifestPath);
	it('lists exactly the inputs the pipeline reads, no more', () => {
		expect(manifest.sources.map((s) => s.id).sort()).toEqual([...INPUT_IDS].sort());
	});
	it("gives each id the manifest entry's file", () => {
		for (const s of manifest.sources) expect(INPUT_FILES[s.id as keyof typeof INPUT_FILES], s.id).toBe(s.file);
	});
	it('the fixture world has the same ids and files', () => {
		const world = JSON.parse(readFileSync(join(__dirname, 'fixtures/world/sources.json'), 'utf8'));
		expect(inputFiles(world)).toEqual(INPUT_FILES);
	});
	it('a manifest without an input the pipeline reads is refused, naming the id', () => {
		const without = { ...manifest, sources: manifest.sources.filter((s) => s.id !== 'payments') };
		expect(() => inputFiles(without, 'x.json')).toThrow(
			'x.json: no entry with id "payments", which the pipeline reads'
		);
	});
});
