// Wales and Scotland in headless Chromium, on the real build in static/data: the national view shows
// Great Britain coloured (pixels in Scotland and Wales), Find names the neighbourhood that contains a
// Cardiff or Glasgow postcode and the nearest practices of that nation, a Northern Ireland postcode
// gets a clear message, and a Welsh practice's panel says what is not published.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { dataDir, pixelStats, readPracticesCsv, screenshotPath, waitForIdle, waitForMap } from './harness';
import { browserSuite, DESKTOP } from './suite';
import { decileScale } from '../../src/lib/domain/scales';
import { distanceKm } from '../../src/lib/domain/metrics';
import { FILL_OPACITY, LAND } from '../../src/lib/map/style';

/** A palette colour as drawn: the fill at FILL_OPACITY over the land colour (as in atlas.test.ts). */
function asDrawn(hex: string): string {
	const ch = (h: string, i: number) => parseInt(h.slice(1 + 2 * i, 3 + 2 * i), 16);
	const mix = (i: number) => Math.round(FILL_OPACITY * ch(hex, i) + (1 - FILL_OPACITY) * ch(LAND, i));
	return '#' + [0, 1, 2].map((i) => mix(i).toString(16).padStart(2, '0')).join('');
}

/** The nearest practice of one nation to a postcode, from practices.csv and the postcode's own file. */
function nearestOf(postcode: string, nation: string) {
	const [outcode, incode] = postcode.split(' ');
	const file = JSON.parse(readFileSync(join(dataDir, `postcodes/${outcode}.json`), 'utf8'));
	const [, lat, lon] = file.postcodes.find((p: [string]) => p[0] === incode);
	return readPracticesCsv()
		.filter((r) => r.nation === nation && r.lat && r.lon)
		.map((r) => ({ name: r.practice_name, km: distanceKm(lat, lon, Number(r.lat), Number(r.lon)) }))
		.sort((a, b) => a.km - b.km)[0];
}

async function find(page: Page, text: string) {
	const box = page.locator('#find-q');
	await box.fill(text);
	await box.press('Enter');
}

browserSuite('Wales and Scotland in headless Chromium', (session) => {
	it('the national view shows Scotland and Wales coloured (pixels in the decile palette)', async () => {
		const { page, errors } = await session.open('?c=-3.2,54.6&z=5', { viewport: DESKTOP });
		await waitForMap(page);
		await page.getByRole('checkbox', { name: /Show practices/ }).uncheck();
		await page.getByRole('checkbox', { name: /Integrated care boards/ }).uncheck();
		await waitForIdle(page);
		await page.screenshot({ path: screenshotPath('nations-national.png') });
		const palette = decileScale().colours.map(asDrawn);
		const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
		// Squares of 40 px around inland points: Perthshire and the Borders (Scotland), Powys (Wales).
		for (const [where, lon, lat] of [
			['Scotland, Perthshire', -3.9, 56.6],
			['Scotland, Borders', -2.9, 55.55],
			['Wales, Powys', -3.45, 52.3]
		] as const) {
			const [x, y] = await page.evaluate(
				([lo, la]) => {
					const p = window.__atlas!.map!.project([lo, la]);
					return [p.x, p.y];
				},
				[lon, lat]
			);
			const png = await page.screenshot({
				clip: { x: canvas.x + x - 20, y: canvas.y + y - 20, width: 40, height: 40 }
			});
			const stats = await pixelStats(page, png, palette);
			const coloured = stats.hits.reduce((a, b) => a + b, 0) / stats.total;
			expect(coloured, where).toBeGreaterThan(0.6);
		}
		await expect
			.poll(() => page.getByTestId('legend-nations').textContent())
			.toContain('Welsh Index of Multiple Deprivation 2019');
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);

	it('Find: CF10 1EP, LL11 1AA and G1 1XQ name their own network, neighbourhood and nearest practices; BT gets a message', async () => {
		const { page, errors } = await session.open('?mode=find', { viewport: DESKTOP });
		await page.locator('#find-q').waitFor({ timeout: 30_000 });
		await waitForMap(page);
		for (const [postcode, nation, place] of [
			['CF10 1EP', 'W', /Cardiff/],
			['LL11 1AA', 'W', /Wrexham/],
			['G1 1XQ', 'S', /City Centre|Glasgow/]
		] as const) {
			await find(page, postcode);
			const decile = page.getByTestId('find-decile');
			await expect.poll(() => decile.getAttribute('data-nation'), { timeout: 20_000 }).toBe(nation);
			// Two Welsh postcodes in a row: wait for this one's answer, not the last one's.
			await expect.poll(async () => (await decile.textContent()) ?? '', { timeout: 20_000 }).toMatch(place);
			const text = (await decile.textContent())!;
			expect(text).toMatch(
				nation === 'W' ? /WIMD 2019 decile \d+ within Wales/ : /SIMD 2020v2 decile \d+ within Scotland/
			);
			expect(text).not.toMatch(/Allerdale|North Somerset|England/);
			// The nation's own Deep End network: Deep End Cymru's footprint is Wales, Scotland's Scotland.
			await expect
				.poll(async () => (await page.getByTestId('find-network').textContent()) ?? '', { timeout: 10_000 })
				.toContain(nation === 'W' ? 'Deep End Cymru' : 'Deep End Scotland');
			const first = (await page.locator('[data-testid="find-practices"] li').first().textContent())!;
			expect(first, postcode).toContain(nearestOf(postcode, nation).name);
			expect(await page.getByTestId('find-practices').textContent()).toContain(
				nation === 'W' ? 'not published for Wales' : 'per 10k registered'
			);
			await page.screenshot({ path: screenshotPath(`nations-find-${nation}.png`) });
		}
		await find(page, 'BT1 1AA');
		const msg = page.getByTestId('find-message');
		await msg.waitFor({ timeout: 10_000 });
		expect(await msg.textContent()).toContain('Northern Ireland');
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);

	it('a Welsh neighbourhood panel gives its decile within Wales, from the open table', async () => {
		const csv = readFileSync(join(dataDir, 'neighbourhoods-wales-scotland.csv'), 'utf8');
		const [code, name, , rank, , decile] = csv
			.split('\n')
			.find((l) => l.includes(',Cardiff 032G,'))!
			.split(',');
		const { page, errors } = await session.open(`?c=-3.17,51.476&z=12&sel=l:${code}`, { viewport: DESKTOP });
		await waitForMap(page);
		const headline = page.getByTestId('nation-decile');
		await headline.waitFor({ timeout: 30_000 });
		const text = (await headline.textContent())!.replace(/\s+/g, ' ');
		expect(text).toContain(`decile ${decile} of 10`);
		expect(text).toContain(`rank ${rank} of 1,909`);
		expect(await page.locator('#area-name').textContent()).toBe(name);
		expect(errors).toEqual([]);
		await page.close();
	}, 90_000);

	it('a Welsh practice panel says GP workforce is not published for Wales', async () => {
		const row = readPracticesCsv().find((r) => r.nation === 'W' && r.wimd_share_20pc && r.lat)!;
		const { page, errors } = await session.open(`?c=${row.lon},${row.lat}&z=13&sel=p:${row.practice_code}`, {
			viewport: DESKTOP
		});
		await waitForMap(page);
		await expect
			.poll(() => page.getByTestId('nation-fte').textContent(), { timeout: 30_000 })
			.toBe('not published for Wales');
		const share = (Number(row.wimd_share_20pc) * 100).toFixed(1);
		expect(await page.getByTestId('wimd-share').textContent()).toBe(`${share}%`);
		expect(errors).toEqual([]);
		await page.close();
	}, 90_000);
});
