// The atlas in real headless Chromium (Debian's, driven by playwright-core) against `vite preview`
// on the real build in static/data: coloured LSOAs on screen (pixels), a practice click and its
// panel's numbers (against practices.csv), a shared link restoring the view, corrupt and missing
// data files shown as errors (and dropped or cancelled tile requests not), keyboard use, axe-core,
// and screenshots at desktop and phone size.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import {
	dataDir,
	pixelStats,
	readPracticesCsv,
	screenshotPath,
	serveDataFrom,
	waitForIdle,
	waitForMap
} from './harness';
import { browserSuite, DESKTOP } from './suite';
import { decileScale } from '../../src/lib/domain/scales';
import { FILL_OPACITY, LAND } from '../../src/lib/map/style';
import { distanceKm } from '../../src/lib/domain/metrics';

/** A palette colour as drawn: the fill at FILL_OPACITY over the land colour. */
function asDrawn(hex: string): string {
	const ch = (h: string, i: number) => parseInt(h.slice(1 + 2 * i, 3 + 2 * i), 16);
	return (
		'#' +
		[0, 1, 2]
			.map((i) =>
				Math.round(FILL_OPACITY * ch(hex, i) + (1 - FILL_OPACITY) * ch(LAND, i))
					.toString(16)
					.padStart(2, '0')
			)
			.join('')
	);
}

const PHONE = { width: 390, height: 844 };

/** The map canvas alone as PNG (no panels or legend over it). */
async function canvasShot(page: Page) {
	const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
	return page.screenshot({ clip: box });
}

browserSuite('atlas map in headless Chromium', (session) => {
	const open = (query = '', viewport = DESKTOP, prepare?: (p: Page) => Promise<void>) =>
		session.open(query, { viewport, prepare });

	it('first view: coloured LSOA areas on the map (pixels in the IMD palette), legend, attribution; desktop screenshot', async () => {
		const { page, errors } = await open();
		// Nothing loops while the map loads: an endless animation (a spinner) has the compositor redraw
		// the page every frame, which in software WebGL held the map's first frame back by 0.5–0.8 s.
		await page.getByRole('status').filter({ hasText: 'Drawing the map' }).waitFor({ timeout: 20_000 });
		expect(
			await page.evaluate(
				() => document.getAnimations().filter((a) => a.effect?.getTiming().iterations === Infinity).length
			)
		).toBe(0);
		await waitForMap(page);
		await waitForIdle(page);
		await page.screenshot({ path: screenshotPath('atlas-desktop.png') });
		// The practices sit under the place names, even when they arrived while tiles were loading.
		await expect
			.poll(() => page.evaluate(() => window.__atlas!.map!.getLayersOrder().join(' ')), { timeout: 20_000 })
			.toMatch(/practices practice-selected practice-highlight search-marker labels-anchor .*place-city/);
		// Pixels of the areas alone: hide practices and boundary lines, keep the fills.
		await page.getByRole('checkbox', { name: /Show practices/ }).uncheck();
		await page.getByRole('checkbox', { name: /Integrated care boards/ }).uncheck();
		await waitForIdle(page);
		const png = await canvasShot(page);
		const palette = decileScale().colours.map(asDrawn);
		const stats = await pixelStats(page, png, palette);
		const shares = stats.hits.map((h) => h / stats.total);
		// England covers roughly a third of the canvas at this zoom (local authorities, coloured by
		// their own IMD decile); most deciles show, over a real share of the map.
		const coloured = shares.reduce((a, b) => a + b, 0);
		expect(coloured, `palette shares ${shares.map((s) => s.toFixed(3))}`).toBeGreaterThan(0.12);
		expect(
			shares.filter((s) => s > 0.001).length,
			`palette shares ${shares.map((s) => s.toFixed(3))}`
		).toBeGreaterThanOrEqual(6);
		await expect.poll(() => page.getByTestId('legend-lsoa').textContent()).toContain('1 · most deprived');
		expect(await page.locator('.attribution').textContent()).toMatch(
			/Open Government Licence v3\.0.*OS data © Crown copyright/s
		);
		expect(errors).toEqual([]);
		await page.close();
	}, 90_000);

	it('clicking a practice opens its panel with the figures in practices.csv', async () => {
		const rows = readPracticesCsv();
		// A large practice with reported FTE and no other practice within 1 km, so that the click is unambiguous.
		const located = rows.filter((r) => r.lat && r.lon);
		const alone = (r: Record<string, string>) =>
			located.every((o) => o === r || distanceKm(Number(r.lat), Number(r.lon), Number(o.lat), Number(o.lon)) > 1);
		const row = located
			.filter((r) => r.fte_status === 'reported' && Number(r.registered_patients) > 12000)
			.find(alone)!;
		const lon = Number(row.lon);
		const lat = Number(row.lat);
		const { page, errors } = await open(`?c=${lon},${lat}&z=14`);
		await waitForMap(page);
		await waitForIdle(page);
		await page.waitForFunction(() => document.querySelector('.side')?.textContent?.includes('practices shown'));
		// The practices are drawn once practices.json has loaded and the map has shown its first colours:
		// wait until this practice's circle is on screen.
		const pt = await page.evaluate(([x, y]) => window.__atlas!.map!.project([x, y]), [lon, lat]);
		await expect
			.poll(
				() =>
					page.evaluate(
						({ x, y }) =>
							window
								.__atlas!.map!.queryRenderedFeatures([x, y], { layers: ['practices'] })
								.map((f) => f.properties?.code),
						pt
					),
				{ timeout: 20_000 }
			)
			.toContain(row.practice_code);
		const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
		await page.mouse.click(canvas.x + pt.x, canvas.y + pt.y);
		const code = page.getByTestId('practice-code');
		await expect.poll(() => code.textContent(), { timeout: 15_000 }).toBe(row.practice_code);
		const panel = page.locator('#detail');
		expect(await panel.locator('h2').textContent()).toBe(row.practice_name);
		const value = (field: string) => panel.locator(`tr[data-metric="${field}"] td.value`).textContent();
		const n = (s: string) => Number(s);
		expect(await value('patients')).toBe(Math.round(n(row.registered_patients)).toLocaleString('en-GB'));
		expect(await value('weightedPatients')).toBe(Math.round(n(row.weighted_patients)).toLocaleString('en-GB'));
		expect(await value('gpFtePer10kWeighted')).toBe(n(row.gp_fte_per_10k_weighted).toFixed(2));
		expect(await value('gpFte')).toBe(n(row.gp_fte).toFixed(1));
		expect(await value('imdScore')).toBe(n(row.imd_score).toFixed(1));
		expect(await value('share15')).toBe(`${(n(row.share_most_deprived_15pc) * 100).toFixed(1)}%`);
		expect(await panel.getByTestId('deep-end-rank').textContent()).toContain(
			Number(row.deep_end_rank).toLocaleString('en-GB')
		);
		expect(await panel.textContent()).toContain(row.pcn_code);
		// The selection is in the URL.
		await expect.poll(() => page.evaluate(() => location.search)).toContain(`sel=p%3A${row.practice_code}`);
		expect(errors).toEqual([]);
		await page.close();
	}, 90_000);

	it('a shared link restores centre, zoom, measure, layers, filters and selection', async () => {
		const rows = readPracticesCsv();
		const row = rows.find((r) => r.fte_status === 'reported' && r.icb_code)!;
		const query = `?c=-1.5491,53.8008&z=10.5&m=hea&pm=share15&l=lsoa,practices,icb,network&imd=1-3&icb=${row.icb_code}&sel=p:${row.practice_code}`;
		const { page, errors } = await open(query);
		await waitForMap(page);
		await waitForIdle(page);
		const cam = await page.evaluate(() => {
			const m = window.__atlas!.map!;
			return { lon: m.getCenter().lng, lat: m.getCenter().lat, zoom: m.getZoom() };
		});
		expect(cam.lon).toBeCloseTo(-1.5491, 3);
		expect(cam.lat).toBeCloseTo(53.8008, 3);
		expect(cam.zoom).toBeCloseTo(10.5, 2);
		expect(await page.locator('#measure').inputValue()).toBe('hea');
		await expect
			.poll(() => page.getByTestId('practice-code').textContent(), { timeout: 15_000 })
			.toBe(row.practice_code);
		expect(await page.locator('select[aria-label="IMD decile from"]').inputValue()).toBe('1');
		expect(await page.locator('select[aria-label="IMD decile to"]').inputValue()).toBe('3');
		// The layer toggles follow the link: networks on, LSOAs on, local authorities off.
		const layerBox = (label: RegExp) => page.getByRole('checkbox', { name: label });
		expect(await layerBox(/Deep End network footprints/).isChecked()).toBe(true);
		expect(await layerBox(/Local authorities/).isChecked()).toBe(false);
		// The URL the page writes back is the same view.
		await page.waitForTimeout(400);
		const search = new URLSearchParams(await page.evaluate(() => location.search));
		for (const [k, v] of new URLSearchParams(query)) expect(search.get(k), k).toBe(v);
		expect(errors).toEqual([]);
		await page.close();
	}, 90_000);

	it('a corrupt LSOA tile archive shows a clear error on screen, not a blank map', async () => {
		const { page } = await open('', DESKTOP, (p) =>
			serveDataFrom(p, dataDir, (file, bytes) =>
				file === 'lsoa.pmtiles' ? Buffer.from(bytes.subarray(0, 2000).map((b, i) => (i < 7 ? 0x41 : b))) : bytes
			)
		);
		const alert = page.getByTestId('data-errors');
		await alert.waitFor({ timeout: 30_000 });
		const text = (await alert.textContent())!;
		expect(text).toContain('data/lsoa.pmtiles');
		expect(text).toMatch(/corrupt|unreadable/i);
		expect(text).toContain('Reload the page');
		expect(text).not.toContain('npm run data');
		expect(await page.getByText('The map could not be drawn.').isVisible()).toBe(true);
		await page.close();
	}, 60_000);

	it('a truncated LSOA tile archive is reported on load, even though its header and first tiles read', async () => {
		const { page } = await open('', DESKTOP, (p) =>
			serveDataFrom(p, dataDir, (file, bytes) =>
				file === 'lsoa.pmtiles' ? bytes.subarray(0, Math.floor(bytes.length * 0.6)) : bytes
			)
		);
		const alert = page.getByTestId('data-errors');
		await alert.waitFor({ timeout: 30_000 });
		const text = (await alert.textContent())!;
		expect(text).toContain('data/lsoa.pmtiles');
		expect(text).toMatch(/truncated: its header says [\d,]+ bytes/);
		expect(text).toContain('Reload the page');
		await page.close();
	}, 60_000);

	it('cancelled and aborted tile requests raise no data banner; quick zooms and pans neither', async () => {
		// Drop some of the archive's range requests as a flaky connection would (the header read and
		// two tile reads), then move the map faster than its tiles load so that maplibre cancels requests.
		let requests = 0;
		const dropped: number[] = [];
		const { page, errors } = await open('?c=-1.55,53.8&z=9', DESKTOP, async (p) => {
			await p.route('**/data/lsoa.pmtiles', (route) => {
				requests++;
				if (requests === 1 || requests === 4 || requests === 5) {
					dropped.push(requests);
					return route.abort('aborted');
				}
				return route.continue();
			});
		});
		// A dropped header read that is not retried stops the map before its first paint, with a banner.
		const banner = page.getByTestId('data-errors');
		await Promise.race([waitForMap(page), banner.waitFor({ timeout: 60_000 })]);
		expect(await banner.count()).toBe(0);
		await waitForMap(page);
		await page.evaluate(async () => {
			const m = window.__atlas!.map!;
			const stops: [number, number, number][] = [
				[-1.55, 53.8, 11],
				[-2.24, 53.48, 12],
				[-0.12, 51.5, 10],
				[-1.9, 52.48, 13],
				[-2.6, 51.45, 9],
				[-1.47, 53.38, 12]
			];
			for (const [lon, lat, zoom] of stops) {
				m.jumpTo({ center: [lon, lat], zoom });
				await new Promise((r) => setTimeout(r, 40));
			}
		});
		await waitForIdle(page);
		await page.waitForTimeout(1500);
		expect(dropped).toEqual([1, 4, 5]);
		expect(await banner.count()).toBe(0);
		expect(await page.getByText('The map could not be drawn.').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	}, 90_000);

	it('a missing LSOA tile archive is reported by name, and the map says it could not be drawn', async () => {
		const { page } = await open('', DESKTOP, (p) =>
			serveDataFrom(p, dataDir, (file, bytes) => (file === 'lsoa.pmtiles' ? null : bytes))
		);
		const alert = page.getByTestId('data-errors');
		await alert.waitFor({ timeout: 30_000 });
		const text = (await alert.textContent())!;
		expect(text).toContain('data/lsoa.pmtiles');
		expect(text).toMatch(/missing/i);
		expect(text).not.toContain('npm run data');
		expect(await page.getByText('The map could not be drawn.').isVisible()).toBe(true);
		await page.close();
	}, 60_000);

	it('a missing practice table is reported by name, and the map still draws', async () => {
		const { page } = await open('', DESKTOP, (p) =>
			serveDataFrom(p, dataDir, (file, bytes) => (file === 'practices.json' ? null : bytes))
		);
		await waitForMap(page);
		const alert = page.getByTestId('data-errors');
		await alert.waitFor({ timeout: 30_000 });
		expect(await alert.textContent()).toContain('data/practices.json');
		await page.close();
	}, 60_000);

	it('keyboard: the practice list is reachable, searchable and opens a practice; focus is visible', async () => {
		const rows = readPracticesCsv();
		const row = rows.find((r) => r.fte_status === 'reported')!;
		const { page } = await open();
		await waitForMap(page);
		await page.keyboard.press('Tab'); // skip link
		await page.keyboard.press('Enter');
		const search = page.locator('#practice-search');
		await search.waitFor();
		await search.focus();
		await page.keyboard.type(row.practice_code);
		const item = page.locator(`[data-code="${row.practice_code}"]`).first();
		await item.waitFor({ timeout: 15_000 });
		await item.focus();
		const outline = await item.evaluate(
			(el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).boxShadow
		);
		expect(outline).not.toBe('none none');
		await page.keyboard.press('Enter');
		await expect
			.poll(() => page.getByTestId('practice-code').textContent(), { timeout: 15_000 })
			.toBe(row.practice_code);
		await page.keyboard.press('Escape');
		await expect.poll(() => page.locator('#detail').count()).toBe(0);
		await page.close();
	}, 60_000);

	it('sources panel lists every dataset with vintage, licence and attribution', async () => {
		const sources = JSON.parse(readFileSync(`${dataDir}/sources.json`, 'utf8'));
		const { page } = await open('?panel=sources');
		const panel = page.getByRole('dialog');
		await panel.waitFor({ timeout: 15_000 });
		await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toContain(`Datasets (${sources.sources.length})`);
		const text = (await panel.textContent())!;
		for (const s of sources.sources) expect(text, s.id).toContain(s.vintage);
		expect(text).toContain('Open Government Licence');
		await page.close();
	}, 60_000);

	it('axe-core: no serious or critical accessibility violations (map view and practice panel)', async () => {
		const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
		const rows = readPracticesCsv();
		for (const query of ['', `?sel=p:${rows[0].practice_code}`, '?panel=sources']) {
			const { page } = await open(query);
			await waitForMap(page);
			await page.waitForTimeout(800);
			await page.addScriptTag({ content: axeSource });
			const result = await page.evaluate(async () => {
				// @ts-expect-error axe is injected above
				const r = await window.axe.run(document, { resultTypes: ['violations'] });
				return r.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => ({
					id: v.id,
					impact: v.impact,
					nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' '))
				}));
			});
			const serious = result.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical');
			expect(serious, `${query || 'home'}: ${JSON.stringify(serious)}`).toEqual([]);
			await page.close();
		}
	}, 120_000);

	it('phone: the side panel becomes a bottom sheet over a full-width map; screenshots', async () => {
		const { page, errors } = await open('', PHONE);
		await waitForMap(page);
		await waitForIdle(page);
		await page.screenshot({ path: screenshotPath('atlas-phone.png') });
		const map = (await page.locator('.maplibregl-canvas').boundingBox())!;
		expect(map.width).toBeGreaterThanOrEqual(PHONE.width - 2);
		const handle = page.locator('.sheet-handle');
		expect(await handle.isVisible()).toBe(true);
		await handle.click();
		await expect.poll(() => handle.getAttribute('aria-expanded')).toBe('true');
		await page.waitForTimeout(400);
		const sheet = (await page.locator('.side').boundingBox())!;
		expect(sheet.y).toBeGreaterThan(PHONE.height * 0.2);
		await page.screenshot({ path: screenshotPath('atlas-phone-sheet.png') });
		expect(errors).toEqual([]);
		await page.close();
	}, 90_000);
});
