// Numbers in the inputs: decimal notation only, and within what the publisher's definitions allow.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMD_DOMAINS, readImd2025, readRegistrations, readWorkforce } from '../scripts/pipeline/inputs';
import { DECIMAL, parseCsv } from '../scripts/pipeline/read';
import { inputError } from './helpers/inputError';

const fx = (name: string) => join(__dirname, 'fixtures/inputs', name);

/** An IoD2025 file of one LSOA, every score 10 unless `scores` says otherwise. */
function imdFile(scores: Partial<Record<(typeof IMD_DOMAINS)[number], string>>): string {
	const header = ['lsoa21_code', ...IMD_DOMAINS.flatMap((d) => [`${d}_score`, `${d}_rank`, `${d}_decile`])];
	const row = ['E01000001', ...IMD_DOMAINS.flatMap((d) => [scores[d] ?? '0.5', '100', '1'])];
	const path = join(mkdtempSync(join(tmpdir(), 'atlas-imd-')), 'imd.csv');
	writeFileSync(path, `${header.join(',')}\n${row.join(',')}\n`);
	return path;
}

describe('numbers in the inputs', () => {
	it('decimal notation only', () => {
		for (const ok of ['12', '-1.5', '+3', '.5', '4.', '1e-5', ' 7 ']) expect(DECIMAL.test(ok), ok).toBe(true);
		for (const bad of ['0x1F', '0b11', '0o7', 'Infinity', '1,234', '', '1.2.3', '--1']) {
			expect(DECIMAL.test(bad), bad).toBe(false);
		}
	});

	it('a hexadecimal FTE is an error at its line and column, not 31', () => {
		const e = inputError(() => readWorkforce(fx('workforce_hex_fte.csv'), 2025));
		expect([e.line, e.column]).toEqual([3, 'TOTAL_GP_EXTGL_FTE']);
		expect(e.problem).toContain('"0x1F"');
	});

	it('a number column reads decimals as before', () => {
		const rows = parseCsv('n\n 2.5\n1e3\n', { columns: [{ name: 'n', type: 'number' }] }, 'x.csv');
		expect(rows.map((r) => r.n)).toEqual([2.5, 1000]);
	});

	it('IoD2025 scores within the publisher’s ranges', () => {
		expect(readImd2025(imdFile({}))[0].score.imd).toBe(0.5);
		const tooHigh = inputError(() => readImd2025(imdFile({ imd: '99999999' })));
		expect([tooHigh.line, tooHigh.column]).toEqual([2, 'imd_score']);
		expect(tooHigh.problem).toContain('above the allowed maximum 100');
		const share = inputError(() => readImd2025(imdFile({ income: '1.5' })));
		expect(share.column).toBe('income_score');
		// Health and crime are standardised scores: negative values are real.
		expect(readImd2025(imdFile({ health_deprivation_disability: '-3.1' }))[0].score.health_deprivation_disability).toBe(
			-3.1
		);
	});

	it('a patient count of 10^12 in one practice × LSOA row is an error', () => {
		const e = inputError(() => readRegistrations(fx('registrations_huge_count.csv')));
		expect([e.line, e.column]).toEqual([3, 'NUMBER_OF_PATIENTS']);
		expect(e.problem).toContain('above the allowed maximum 50000');
	});
});
