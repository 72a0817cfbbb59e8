// The app shell in headless Chromium: history (Back and Forward restore the view), the phone header,
// the phone sheet titled by mode, and Esc giving focus back to what opened the detail panel.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotPath, waitForMap } from './harness';
import { browserSuite } from './suite';

const params = (page: Page) => new URL(page.url()).searchParams;

browserSuite('app shell in headless Chromium', (session) => {
	const open = async (query: string, viewport?: { width: number; height: number }) =>
		(await session.open(query, { viewport })).page;

	it('Back from Find restores the Commission view for the same area; Forward returns to Find', async () => {
		const page = await open('?mode=commission&lvl=icb&area=E54000054');
		await page.getByTestId('commission-summary').waitFor({ timeout: 30_000 });
		const summary = await page.getByTestId('commission-summary').textContent();
		await page.getByRole('radio', { name: 'against similar deprivation' }).check();
		await expect.poll(() => params(page).get('by')).toBe('similar');
		// Changes within 0.7 s share one history entry (state/history.ts): move on at a person's pace, so
		// the toggle and the journey switch are two steps for Back, as they are for someone clicking.
		await page.waitForTimeout(900);
		await page.getByRole('navigation', { name: 'Journeys' }).getByRole('button', { name: 'Find' }).click();
		await expect.poll(() => params(page).get('mode')).toBe('find');
		await page.locator('#find-h').waitFor();

		await page.goBack();
		await expect.poll(() => params(page).get('mode')).toBe('commission');
		expect(params(page).get('area')).toBe('E54000054');
		expect(params(page).get('by')).toBe('similar');
		await page.getByTestId('commission-summary').waitFor({ timeout: 30_000 });
		expect(await page.locator('#c-area').inputValue()).toBe('E54000054');
		expect(await page.getByRole('radio', { name: 'against similar deprivation' }).isChecked()).toBe(true);
		// Same area, same practices: the summary's counts are those first shown.
		const back = await page.getByTestId('commission-summary').textContent();
		expect(back?.split('GP FTE')[0]).toBe(summary?.split('GP FTE')[0]);

		await page.goBack();
		await expect.poll(() => params(page).get('by')).toBe(null);
		expect(await page.getByRole('radio', { name: 'against England' }).isChecked()).toBe(true);

		await page.goForward();
		await page.goForward();
		await expect.poll(() => params(page).get('mode')).toBe('find');
		await page.locator('#find-h').waitFor();
		await page.close();
	}, 120_000);

	it('camera moves replace the history entry; a measure change pushes one', async () => {
		const page = await open('?m=imd');
		await waitForMap(page);
		const length = () => page.evaluate(() => history.length);
		const start = await length();
		await page.evaluate(() => window.__atlas!.map!.jumpTo({ center: [-1.5, 53.8], zoom: 9 }));
		await expect.poll(() => params(page).get('z'), { timeout: 15_000 }).toBe('9');
		expect(await length()).toBe(start);
		await page.locator('#measure').selectOption('hea');
		await expect.poll(() => params(page).get('m'), { timeout: 10_000 }).toBe('hea');
		expect(await length()).toBe(start + 1);
		await page.goBack();
		await expect.poll(() => params(page).get('m'), { timeout: 10_000 }).toBe(null);
		expect(await page.locator('#measure').inputValue()).toBe('imd');
		await page.close();
	}, 120_000);

	it('the Practices tab is in the URL', async () => {
		const page = await open('?panel=list');
		await expect.poll(() => page.getByRole('tab', { name: 'Practices' }).getAttribute('aria-selected')).toBe('true');
		await page.getByRole('tab', { name: 'Map' }).click();
		await expect.poll(() => params(page).get('panel')).toBe(null);
		await page.goBack();
		await expect.poll(() => page.getByRole('tab', { name: 'Practices' }).getAttribute('aria-selected')).toBe('true');
		await page.close();
	}, 60_000);

	it('at 390 px every header control is on screen, and the sheet opens on the journey, titled by it', async () => {
		const page = await open('?mode=find&q=LS1%201UR', { width: 390, height: 844 });
		await page.locator('#find-h').waitFor({ timeout: 30_000 });
		const header = page.locator('header.top');
		for (const control of await header.getByRole('button').all()) {
			const box = (await control.boundingBox())!;
			expect(box, (await control.textContent()) ?? '').toBeTruthy();
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(390);
			expect(await control.isVisible()).toBe(true);
		}
		const handle = page.locator('.sheet-handle');
		await expect.poll(() => handle.getAttribute('aria-expanded')).toBe('true');
		expect(await handle.textContent()).toContain('Find');
		await expect.poll(() => page.locator('#find-h').isVisible()).toBe(true);
		await page.screenshot({ path: screenshotPath('shell-phone-find.png') });
		await page.close();
	}, 90_000);

	it('Esc closes the detail panel and gives focus back to the practice list entry that opened it', async () => {
		const page = await open('?panel=list');
		const first = page.locator('#side-body li button').first();
		await first.waitFor({ timeout: 30_000 });
		await first.focus();
		await page.keyboard.press('Enter');
		await page.locator('#detail').waitFor();
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('detail');
		await page.keyboard.press('Escape');
		await page.locator('#detail').waitFor({ state: 'detached' });
		const focused = await page.evaluate(() => document.activeElement?.tagName);
		expect(focused).toBe('BUTTON');
		expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.close();
	}, 90_000);
});
