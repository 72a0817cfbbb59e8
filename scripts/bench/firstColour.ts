// The atlas against the floor, as a person sees it, interleaved in one run (the machine's speed drifts):
//
//   npx tsx scripts/bench/firstColour.ts [--no-build] [--runs 3] [--window 25] [--query '?c=-1.5,52.8&z=6']
//
// Each run opens, in fresh contexts and in alternating order, the bare maplibre page (barePage.ts: the
// same lsoa.pmtiles by IMD decile at the same view, nothing else) and the built atlas (cold first visit
// to `/` unless --query), records the screen with Chrome's screencast and the page's animation frames,
// and reports:
//   - first coloured map: the first screen frame in which ≥ 5% of pixels are IMD decile colours;
//   - settled: the end of the last main-thread stall (no animation frame for > 400 ms) in the window;
//   - JavaScript fetched before the first coloured frame (gzip -9 of each file);
//   - atlas only, after the window: a measure or filter change to its first frame drawn, beside an
//     unchanged repaint of the same view (triggerRepaint → render), alternated, medians and the ratio;
//     each through to its pixels (a pixel read back once the frame is issued), from a map with nothing
//     left to draw.
// Medians of the runs; budgets (issue 11): first colour ≤ 1.3× bare, settled ≤ 2× bare, JS ≤ 350 KB,
// switch ≤ 1.2× unchanged repaint. Writes test-results/bench-first-colour.json.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { decileScale } from '../../src/lib/domain/scales';
import { FILL_OPACITY } from '../../src/lib/map/areaLayers';
import { LAND, SEA } from '../../src/lib/map/style';
import {
	buildApp,
	launch,
	missingPrerequisite,
	root,
	screenshotPath,
	serve,
	waitForIdle
} from '../../tests/e2e/harness';
import { serveBare } from './barePage';
import { median } from './stats';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const runs = Number(opt('runs') ?? 3);
const windowMs = Number(opt('window') ?? 25) * 1000;
const query = opt('query') ?? '';
const STALL_MS = 400;

const why = missingPrerequisite();
if (why) {
	console.error(`bench first-colour: ${why}`);
	process.exit(1);
}
if (!args.includes('--no-build')) buildApp();

const kb = (b: number) => `${Math.round(b / 1024)} KB`;

interface Visit {
	frames: { t: number; data: string }[];
	origin: number;
	rafs: number[];
	requests: { url: string; at: number }[];
	switching?: { change: number[]; unchanged: number[] };
	paintedAt: number | null;
}

async function visit(browser: Browser, url: string, atlas: boolean): Promise<Visit> {
	const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const page = await ctx.newPage();
	// A string, not a function: tsx's compiled functions call a helper (__name) that pages lack.
	// Animation frames (the page answering a frame) and, as a fallback where headless Chromium draws
	// no frame, a 50 ms timer: either shows a main thread that is blocked.
	await page.addInitScript(`{
		const t = (window.__rafs = []);
		const frame = (now) => { t.push(now); requestAnimationFrame(frame); };
		requestAnimationFrame(frame);
		const tick = () => { t.push(performance.now()); setTimeout(tick, 50); };
		tick();
	}`);
	const cdp = await ctx.newCDPSession(page);
	const frames: Visit['frames'] = [];
	cdp.on('Page.screencastFrame', (f) => {
		frames.push({ t: (f.metadata.timestamp ?? 0) * 1000, data: f.data });
		cdp.send('Page.screencastFrameAck', { sessionId: f.sessionId }).catch(() => {});
	});
	const requests: Visit['requests'] = [];
	page.on('request', (r) => requests.push({ url: r.url(), at: Date.now() }));
	await cdp.send('Page.startScreencast', { format: 'png', maxWidth: 720, maxHeight: 450, everyNthFrame: 1 });
	const start = Date.now();
	await page.goto(url);
	await page.waitForTimeout(Math.max(0, windowMs - (Date.now() - start)));
	await cdp.send('Page.stopScreencast');
	const { origin, rafs, paintedAt } = await page.evaluate(() => ({
		origin: performance.timeOrigin,
		rafs: (window as unknown as { __rafs: number[] }).__rafs.slice().sort((a, b) => a - b),
		paintedAt: window.__atlas?.paintedAt ?? null
	}));
	const out: Visit = { frames, origin, rafs, requests, paintedAt };
	if (atlas) out.switching = await switching(page);
	await ctx.close();
	return out;
}

/** Measure/filter changes to their first frame, alternated with unchanged repaints of the same view. */
async function switching(page: Page) {
	await waitForIdle(page);
	const change: number[] = [];
	const unchanged: number[] = [];
	const steps: [string, string][] = [
		['#measure', 'hea'],
		['select[aria-label="IMD decile to"]', '2'],
		['#measure', 'imd'],
		['select[aria-label="IMD decile to"]', '10']
	];
	for (let round = 0; round < 2; round++)
		for (const [selector, value] of steps) {
			// Each sample starts with nothing left to draw, and ends when its frame is drawn (a pixel read
			// back): the 'render' event alone comes when the frame is asked for, long before SwiftShader draws it.
			await page.evaluate(async () => {
				const gl = window.__atlas!.map!.getCanvas().getContext('webgl2')!;
				gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
				await new Promise((r) => setTimeout(r, 100));
			});
			unchanged.push(
				await page.evaluate(
					() =>
						new Promise<number>((r) => {
							const m = window.__atlas!.map!;
							const gl = m.getCanvas().getContext('webgl2')!;
							const t0 = performance.now();
							m.once('render', () => {
								gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
								r(performance.now() - t0);
							});
							m.triggerRepaint();
						})
				)
			);
			await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
			change.push(
				await page.evaluate(
					async ({ selector, value }) => {
						const a = window.__atlas!;
						const n = a.repaints.length;
						const el = document.querySelector(selector) as HTMLSelectElement;
						el.value = value;
						el.dispatchEvent(new Event('change', { bubbles: true }));
						while (a.repaints.length === n) await new Promise((r) => setTimeout(r, 5));
						return a.repaints[a.repaints.length - 1].frame;
					},
					{ selector, value }
				)
			);
		}
	return { change, unchanged };
}

/** Share of pixels in IMD decile colours, per PNG frame, decoded in a page of its own. */
async function colourShares(browser: Browser, frames: Visit['frames']): Promise<number[]> {
	const page = await browser.newPage();
	// The decile colours as drawn: opaque (the bare page) and at the atlas's fill opacity over sea or land.
	const rgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
	const over = (c: number[], under: string) => c.map((v, i) => FILL_OPACITY * v + (1 - FILL_OPACITY) * rgb(under)[i]);
	const palette = decileScale().colours.flatMap((h) => [rgb(h), over(rgb(h), SEA), over(rgb(h), LAND)]);
	const shares: number[] = [];
	for (const f of frames) {
		shares.push(
			await page.evaluate(
				async ({ b64, palette }) => {
					const img = new Image();
					img.src = `data:image/png;base64,${b64}`;
					await img.decode();
					const c = document.createElement('canvas');
					[c.width, c.height] = [img.width, img.height];
					const g = c.getContext('2d')!;
					g.drawImage(img, 0, 0);
					const d = g.getImageData(0, 0, c.width, c.height).data;
					let hits = 0;
					for (let i = 0; i < d.length; i += 4)
						if (
							palette.some((p) => Math.abs(d[i] - p[0]) + Math.abs(d[i + 1] - p[1]) + Math.abs(d[i + 2] - p[2]) <= 30)
						)
							hits++;
					return hits / (d.length / 4);
				},
				{ b64: f.data, palette }
			)
		);
		if (shares[shares.length - 1] >= 0.05) break; // only the first coloured frame is needed
	}
	await page.close();
	return shares;
}

const jsCache = new Map<string, number>();
async function gzBytes(url: string): Promise<number> {
	if (!jsCache.has(url))
		jsCache.set(url, gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length);
	return jsCache.get(url)!;
}

async function analyse(browser: Browser, v: Visit, name: string) {
	const frames = v.frames.filter((f) => f.t >= v.origin).sort((a, b) => a.t - b.t);
	const shares = await colourShares(browser, frames);
	const k = shares.findIndex((s) => s >= 0.05);
	const firstColour = k >= 0 ? frames[k].t - v.origin : NaN;
	if (k >= 0) writeFileSync(screenshotPath(`bench-first-colour-${name}.png`), Buffer.from(frames[k].data, 'base64'));
	let settled = firstColour;
	for (let i = 1; i < v.rafs.length; i++)
		if (v.rafs[i] - v.rafs[i - 1] > STALL_MS) settled = Math.max(settled, v.rafs[i]);
	const js = v.requests.filter((r) => /\.m?js(\?|$)/.test(r.url) && r.at <= v.origin + firstColour);
	let jsGz = 0;
	for (const r of js) jsGz += await gzBytes(r.url);
	// The screencast shows a frame a little after the map drew it: JS requested before the map's own
	// first-paint event (deck.gl is requested right after it) is what the first colours needed.
	let jsGzBeforePaintEvent = 0;
	for (const r of js)
		if (v.paintedAt === null || r.at <= v.origin + v.paintedAt) jsGzBeforePaintEvent += await gzBytes(r.url);
	const stalls = v.rafs.slice(1).filter((t, i) => t - v.rafs[i] > STALL_MS).length;
	return {
		firstColour: Math.round(firstColour),
		settled: Math.round(settled),
		/** The atlas's own first-paint event (first idle with LSOA tiles drawn), for comparison. */
		mapPainted: v.paintedAt === null ? null : Math.round(v.paintedAt),
		jsGz,
		jsGzBeforePaintEvent,
		js: js.map((r) => `${r.url.split('/').pop()} @${Math.round(r.at - v.origin)}`),
		stalls,
		frames: v.rafs.length,
		longestStall: Math.round(Math.max(0, ...v.rafs.slice(1).map((t, i) => t - v.rafs[i])))
	};
}

const atlasServer = await serve();
const bareServer = await serveBare(root);
const browser = await launch();
const results: Record<'bare' | 'atlas', Awaited<ReturnType<typeof analyse>>[]> = { bare: [], atlas: [] };
const switches: { change: number[]; unchanged: number[] } = { change: [], unchanged: [] };
try {
	const visits: ['bare' | 'atlas', Visit][] = [];
	for (let i = 0; i < runs; i++) {
		const order: ('bare' | 'atlas')[] = i % 2 === 0 ? ['bare', 'atlas'] : ['atlas', 'bare'];
		for (const kind of order) {
			const url = (kind === 'bare' ? bareServer.url : atlasServer.url) + '/' + query;
			visits.push([kind, await visit(browser, url, kind === 'atlas')]);
			console.log(`run ${i + 1}: ${kind} recorded`);
		}
	}
	// Decoding frames after all runs, so that it never competes with a page being measured.
	for (const [kind, v] of visits) {
		results[kind].push(await analyse(browser, v, `${kind}-${results[kind].length + 1}`));
		if (v.switching) {
			switches.change.push(...v.switching.change);
			switches.unchanged.push(...v.switching.unchanged);
		}
	}
} finally {
	await browser.close();
	await atlasServer.stop();
	await bareServer.stop();
}

const med = (kind: 'bare' | 'atlas', key: 'firstColour' | 'settled' | 'jsGz' | 'jsGzBeforePaintEvent') =>
	median(results[kind].map((r) => r[key]));
const summary = {
	query: query || '/ (cold first visit)',
	runs: results,
	median: {
		bare: { firstColour: med('bare', 'firstColour'), settled: med('bare', 'settled'), jsGz: med('bare', 'jsGz') },
		atlas: {
			firstColour: med('atlas', 'firstColour'),
			settled: med('atlas', 'settled'),
			jsGz: med('atlas', 'jsGz'),
			jsGzBeforePaintEvent: med('atlas', 'jsGzBeforePaintEvent')
		}
	},
	ratio: {
		firstColour: med('atlas', 'firstColour') / med('bare', 'firstColour'),
		settled: med('atlas', 'settled') / med('bare', 'settled')
	},
	switching: {
		change: Math.round(median(switches.change)),
		unchanged: Math.round(median(switches.unchanged)),
		ratio: median(switches.change) / median(switches.unchanged),
		samples: switches
	}
};
writeFileSync(screenshotPath('bench-first-colour.json'), JSON.stringify(summary, null, 1));
const m = summary.median;
const row = (k: 'bare' | 'atlas') =>
	`${k}: first colour ${results[k].map((r) => r.firstColour).join(', ')} ms (median ${m[k].firstColour}); settled ${results[k].map((r) => r.settled).join(', ')} ms (median ${m[k].settled}); JS before first colour ${kb(m[k].jsGz)} gz`;
console.log(row('bare'));
console.log(row('atlas'));
console.log(
	`ratio first colour ${summary.ratio.firstColour.toFixed(2)} (budget 1.3), settled ${summary.ratio.settled.toFixed(2)} (budget 2); JS ${kb(m.atlas.jsGz)} before the first coloured frame, ${kb(m.atlas.jsGzBeforePaintEvent)} before the map's first-paint event (budget 350 KB)`
);
console.log(
	`switch first frame median ${summary.switching.change} ms vs unchanged repaint ${summary.switching.unchanged} ms: ratio ${summary.switching.ratio.toFixed(2)} (budget 1.2)`
);
