import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DATA_LINE, VINTAGES, latestFiscalYear, plainDate } from '../src/lib/data/vintages';

const manifest = JSON.parse(readFileSync(new URL('../data/sources.json', import.meta.url), 'utf8'));
const vintageOf = (id: string) => manifest.sources.find((s: { id: string }) => s.id === id).vintage;

describe('vintages on screen come from the sources manifest', () => {
	it('reads the figure vintages by source id', () => {
		expect(VINTAGES.payments).toBe(vintageOf('payments'));
		expect(VINTAGES.registrations).toBe(vintageOf('registrations'));
		expect(VINTAGES.imd).toBe(vintageOf('imd2025'));
		expect(VINTAGES.practiceMap).toBe(vintageOf('practiceMap'));
		expect(vintageOf('workforce')).toContain(VINTAGES.workforce);
		expect(DATA_LINE).toContain(VINTAGES.workforce);
	});
	it('the workforce year is the last fiscal year of the file; a date is what the parentheses hold', () => {
		expect(latestFiscalYear('FY 2022/23 to FY 2024/25')).toBe('FY 2024/25');
		expect(latestFiscalYear('FY2015/16 to FY2021/22')).toBe('FY 2021/22');
		expect(latestFiscalYear('2022/23')).toBe('2022/23');
		expect(plainDate('2025.4.0 (October 2025)')).toBe('October 2025');
		expect(plainDate('2017')).toBe('2017');
	});
});
