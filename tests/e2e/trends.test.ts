// Trends in the panels, in headless Chromium, checked against the pipeline's own trend files: the
// practice panel's payments figure, charts with text alternatives, CQC rating and modelled life
// expectancy, and the CSV download with a year column; England's inverse-care charts in Commission.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir, screenshotPath } from './harness';
import { browserSuite } from './suite';
import { decodePracticeTrends, decodeTrends } from '../../src/lib/domain/formats/trends';
import { ftePer10kSeries, paymentsPerWeightedSeries } from '../../src/lib/domain/trends';

const gb2 = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

browserSuite('trends in the panels', (session) => {
	const doc = () => decodeTrends(JSON.parse(readFileSync(join(dataDir, 'trends/trends.json'), 'utf8')));
	const practices = () =>
		decodePracticeTrends(JSON.parse(readFileSync(join(dataDir, 'trends/practices.json'), 'utf8')));

	it('practice panel: payments per weighted patient, two charts with tables, CQC, life expectancy, CSV', async () => {
		const code = 'F81009';
		const t = practices().practices[code];
		const last = t.payWeighted.length - 1;
		const expected = `£${gb2.format(t.payTotal[last]! / t.payWeighted[last]!)}`;
		const { page, errors } = await session.open(`?sel=p:${code}`, { acceptDownloads: true });
		const figure = page.locator('section.trends [data-metric="paymentsPerWeighted"]');
		await figure.waitFor({ timeout: 30_000 });
		expect((await figure.textContent())!.replace(/\s+/g, ' ')).toContain(
			`${expected} NHS payments per weighted patient in 2022/23`
		);
		const charts = page.locator('section.trends svg[role="img"]');
		expect(await charts.count()).toBe(2);
		// Each chart is named and described in text (start and end values).
		const desc = await page.locator('section.trends svg[role="img"] desc').first().textContent();
		expect(desc).toMatch(/This practice: \d+\.\d\d in 2015\/16, \d+\.\d\d in 2024\/25\. England: 5\.04 in 2015\/16/);
		await page.locator('section.trends summary', { hasText: 'Show as a table' }).first().click();
		expect(await page.locator('section.trends details[open] tbody tr').count()).toBe(10);
		expect(await page.locator('[data-metric="cqc"] dd').textContent()).toContain(t.cqc!.rating);
		expect(await page.locator('[data-metric="lifeExpectancy"] dt').textContent()).toContain('modelled');

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download these series (CSV)' }).click()
		]);
		const csv = readFileSync((await download.path())!, 'utf8').split('\n');
		const header = csv.findIndex((l) => l.startsWith('level,code,name,year,'));
		expect(header).toBeGreaterThan(0); // comment lines (definitions) come first
		expect(csv[header + 1]).toMatch(new RegExp(`^practice,${code},.*,2014/15,`));
		expect(csv.some((l) => l.startsWith('england,E92000001,England,2024/25,'))).toBe(true);
		await page.locator('section.trends').first().scrollIntoViewIfNeeded();
		await page.screenshot({ path: screenshotPath('trends-practice.png') });
		expect(errors).toEqual([]);
	});

	it('Commission, England: the inverse-care charts by year, with the gap', async () => {
		const d = doc();
		const q5 = ftePer10kSeries(d.quintiles[4].workforce);
		const { page, errors } = await session.open('?mode=commission&lvl=england');
		const section = page.locator('section.trends');
		await section.locator('svg[role="img"]').first().waitFor({ timeout: 30_000 });
		expect(await section.locator('svg[role="img"]').count()).toBe(4);
		const desc = (await section.locator('svg[role="img"] desc').first().textContent())!;
		expect(desc).toContain(
			`Most deprived fifth (Q5): ${gb2.format(q5[0]!)} in 2015/16, ${gb2.format(q5[9]!)} in 2024/25.`
		);
		const pay = paymentsPerWeightedSeries(d.england.payments)[8]!;
		expect(await section.locator('[data-metric="paymentsPerWeighted"]').textContent()).toContain(`£${gb2.format(pay)}`);
		expect(errors).toEqual([]);
	});
});
