// Numbers in the inputs: decimal notation only, and within what the publisher's definitions allow.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMD_DOMAINS, readImd2025, readRegistrations, readWorkforce } from '../scripts/pipeline/inputs';
import { DECIMAL, parseCsv } from '../scripts/pipeline/read';
import { readGeojson } from '../scripts/pipeline/geometry';
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

describe('rows the build cannot do without', () => {
	it('a header-only file is a located error, not a crash', () => {
		const e = inputError(() => readWorkforce(fx('workforce_header_only.csv'), 2025));
		expect(e.file).toContain('gp_workforce');
		expect(e.problem).toBe('the file has a header but no data rows');
		expect(e.message).toContain('Fix:');
	});

	it('a workforce file without the FY 2024/25 rows says which year is missing', () => {
		const e = inputError(() => readWorkforce(fx('workforce_no_fy2025.csv'), 2025));
		expect(e.problem).toBe('the file has a header but no rows for Year 2025 (FY 2024/25)');
	});

	it('a repeated practice × LSOA registration row is an error naming both lines (not counted twice)', () => {
		const e = inputError(() => readRegistrations(fx('registrations_duplicate_row.csv')));
		expect([e.line, e.column]).toEqual([4, 'PRACTICE_CODE × LSOA_CODE']);
		expect(e.problem).toContain('"A81001 × E01000001" (first seen on line 2)');
	});
});

describe('boundary features', () => {
	const geojson = (features: unknown[]) => {
		const path = join(mkdtempSync(join(tmpdir(), 'atlas-geo-')), 'lsoa.geojson');
		writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
		return path;
	};
	const square = {
		type: 'Polygon',
		coordinates: [
			[
				[0, 51],
				[0.01, 51],
				[0.01, 51.01],
				[0, 51]
			]
		]
	};

	it('an LSOA with a null geometry is named, not a crash later', () => {
		const path = geojson([
			{ type: 'Feature', properties: { LSOA21CD: 'E01000001' }, geometry: square },
			{ type: 'Feature', properties: { LSOA21CD: 'E01000002' }, geometry: null }
		]);
		const e = inputError(() => readGeojson(path, 'boundaries/lsoa.geojson'));
		expect(e.problem).toBe('features[1] (LSOA21CD E01000002) has no geometry (null)');
		expect(e.message).toContain('boundaries/lsoa.geojson');
	});

	it('points and empty polygons are not areas', () => {
		const point = { type: 'Feature', properties: { code: 'X' }, geometry: { type: 'Point', coordinates: [0, 51] } };
		expect(inputError(() => readGeojson(geojson([point]))).problem).toContain('expected a Polygon or MultiPolygon');
		const empty = { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [] } };
		expect(inputError(() => readGeojson(geojson([empty]))).problem).toBe('features[0] has an empty MultiPolygon');
	});
});
