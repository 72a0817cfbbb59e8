import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readPayments, readPracticeMap, readRegistrations, readWorkforce } from '../scripts/pipeline/inputs';
import { InputError, parseCsv, splitCsvLine } from '../scripts/pipeline/read';

const fx = (name: string) => join(__dirname, 'fixtures/inputs', name);

/** Run `fn`, expect an InputError, and return it for field checks. */
function inputError(fn: () => unknown): InputError {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(InputError);
		return e as InputError;
	}
	throw new Error('expected an InputError');
}

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
