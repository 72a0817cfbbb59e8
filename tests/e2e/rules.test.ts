// Networks and rules in headless Chromium: NENC's two readings each beside the published 52, a
// threshold typed as 50 read as 50%, flagged practices (The Ridgeway, Y03303) kept out of the ranking
// and counted, the other networks listed with why they are not estimated, and a flagged practice's panel.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir, screenshotPath } from './harness';
import { browserSuite } from './suite';

const gb0 = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

browserSuite('networks and rules in headless Chromium', (session) => {
	const open = (query: string) => session.open(query, { acceptDownloads: true, dialogsAreErrors: true });

	it('NENC: both readings with estimated N · published 52; typing 50 means 50%; flagged practices left out', async () => {
		const networks = JSON.parse(readFileSync(join(dataDir, 'networks.json'), 'utf8'));
		const nenc = networks.networks.find((n: { id: string }) => n.id === 'nenc');
		const [stated, arc] = nenc.readings;
		const { page, errors } = await open('?mode=recruit&net=nenc');
		const summary = page.getByTestId('recruit-summary');
		await summary.waitFor({ timeout: 30_000 });
		const facts = (await page.getByTestId('network-facts').first().textContent())!.replace(/\s+/g, ' ');
		expect(facts).toContain(
			`estimated ${gb0.format(stated.estimatedMemberCount)} · published 52 (earlier: 34) (Oct 2025`
		);
		expect(facts).toContain(`estimated ${gb0.format(arc.estimatedMemberCount)} · published 52`);
		expect(facts).toContain('IoD2019');
		// The stated reading: Y03303 is not the first row; it is listed, tagged, without a rank.
		const firstCode = await page.locator('[data-testid="recruit-table"] tbody tr').first().getAttribute('data-code');
		expect(firstCode).not.toBe('Y03303');
		expect((await summary.textContent())!.replace(/\s+/g, ' ')).toContain(
			`${arc.excludedFlagged.length} flagged and left out of the ranking`
		);
		// ARC NENC's reading, then a threshold typed as 50: the same rule, so the same count.
		await page.locator('[data-reading="arc"] input[type="radio"]').check();
		await expect
			.poll(async () => (await summary.textContent())!.replace(/\s+/g, ' '))
			.toContain(`${gb0.format(arc.estimatedMemberCount)} eligible by the rule`);
		const value = page.locator('#rule-value');
		expect(await value.inputValue()).toBe('50');
		await value.fill('40');
		await value.press('Enter');
		await expect.poll(async () => (await page.getByTestId('rule-text').textContent())!).toContain('at least 40%');
		await value.fill('50');
		await value.press('Enter');
		await expect.poll(async () => (await page.getByTestId('rule-text').textContent())!).toContain('at least 50%');
		await expect
			.poll(async () => (await summary.textContent())!.replace(/\s+/g, ' '))
			.toContain(`${gb0.format(arc.estimatedMemberCount)} eligible by the rule`);
		// Other networks: Scotland says why it is not estimated; the London community is people.
		await page.getByText(/Other Deep End networks and groups/).click();
		expect((await page.locator('[data-network="scotland"]').textContent())!).toMatch(/not publish openly/);
		expect((await page.locator('[data-network="london_health_equity"]').textContent())!).toMatch(/group of people/);
		await page.screenshot({ path: screenshotPath('rules-nenc.png') });
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);

	it('Deep End Cymru: the top 100 Welsh practices by the StatsWales share, beside the published 100', async () => {
		const { page, errors } = await open('?mode=recruit&net=wales');
		const summary = page.getByTestId('recruit-summary');
		await summary.waitFor({ timeout: 30_000 });
		expect((await summary.textContent())!.replace(/\s+/g, ' ')).toContain('100 eligible by the rule');
		const facts = (await page.getByTestId('network-facts').first().textContent())!.replace(/\s+/g, ' ');
		expect(facts).toContain('estimated 100 · published 100 invited');
		expect(facts).toContain('WIMD 2019');
		const first = await page.locator('[data-testid="recruit-table"] tbody tr').first().getAttribute('data-code');
		expect(first).toMatch(/^W/);
		await page.screenshot({ path: screenshotPath('rules-wales.png') });
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);

	it('a flagged practice: the panel says what to check; deprivation change shown', async () => {
		const { page, errors } = await open('?sel=p:Y03303');
		const flags = page.getByTestId('practice-flags');
		await flags.waitFor({ timeout: 30_000 });
		expect((await flags.textContent())!).toMatch(/very small list/);
		expect((await page.getByTestId('deprivation-change').textContent())!).toMatch(/IoD2019/);
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);
});
