// Member lists of practice names in headless Chromium: matched in a worker with progress on screen
// (the page stays responsive), and a long list can be cancelled. Timings are in scripts/bench/memberList.ts.
import { expect, it } from 'vitest';
import { browserSuite } from './suite';
import { typedNameList } from './memberLists';

browserSuite('member lists of names in headless Chromium', (session) => {
	const load = async (n: number) => {
		const { page, errors } = await session.open('?mode=recruit&net=yorkshire_humber');
		await page.getByTestId('recruit-summary').waitFor({ timeout: 60_000 });
		await page
			.locator('#member-file')
			.setInputFiles({ name: `names-${n}.csv`, mimeType: 'text/csv', buffer: Buffer.from(typedNameList(n)) });
		return { page, errors };
	};

	it('2,000 names: matched off the page’s thread, each offered to confirm or listed as not used', async () => {
		const { page, errors } = await load(2000);
		const summary = page.getByTestId('member-summary');
		await summary.waitFor({ timeout: 120_000 });
		const text = (await summary.textContent())!.replace(/\s+/g, ' ');
		const m = /(\d[\d,]*) to confirm(?:, (\d[\d,]*) not used)?/.exec(text);
		expect(m, text).not.toBeNull();
		const n = (s?: string) => Number((s ?? '0').replace(/,/g, ''));
		// Every row lands somewhere; most typed names find their practice.
		expect(n(m![1]) + n(m![2])).toBe(2000);
		expect(n(m![1])).toBeGreaterThan(1800);
		expect(await page.getByTestId('member-progress').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	}, 180_000);

	it('50,000 rows: progress on screen, and Cancel stops the run and leaves no result', async () => {
		const { page, errors } = await session.open('?mode=recruit&net=yorkshire_humber');
		await page.getByTestId('recruit-summary').waitFor({ timeout: 60_000 });
		// Cancel from inside the page the moment progress is first drawn with a count: on a quiet
		// machine the 20,000 rows read are matched in a few seconds, faster than a click sent from here.
		await page.evaluate(() => {
			const w = window as unknown as { __progressSeen?: string };
			new MutationObserver((_, obs) => {
				const p = document.querySelector('[data-testid="member-progress"]');
				if (!p || !/of 20,000 rows/.test(p.textContent ?? '')) return;
				w.__progressSeen = p.textContent ?? '';
				obs.disconnect();
				p.querySelector('button')!.click();
			}).observe(document.body, { subtree: true, childList: true, characterData: true });
		});
		await page
			.locator('#member-file')
			.setInputFiles({ name: 'names-50000.csv', mimeType: 'text/csv', buffer: Buffer.from(typedNameList(50_000)) });
		const seen = () => page.evaluate(() => (window as unknown as { __progressSeen?: string }).__progressSeen ?? '');
		await expect.poll(seen, { timeout: 60_000 }).toMatch(/of 20,000 rows/);
		expect(await page.getByTestId('member-progress').count()).toBe(0);
		await page.waitForTimeout(1000);
		expect(await page.getByTestId('member-summary').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	}, 180_000);
});
