// Where a cold visit's time goes, for finding what delays the first colours or freezes the page:
//
//   npx tsx scripts/bench/timeline.ts [--no-build] [--bare] [--query '?c=-1.5,52.8&z=6'] [--window 10]
//
// One visit to the built atlas (or the bare maplibre page), printed as a timeline in ms from
// navigation: data and code requests (start → end), long tasks, stalls (no animation frame for
// > 400 ms), the map's steps after its first colours (performance marks `atlas-step-N`) and the
// map's first-paint event. Not a benchmark (one run, no baseline): firstColour.ts is that.
import type { Page } from 'playwright-core';
import { buildApp, instrument, launch, missingPrerequisite, root, serve } from '../../tests/e2e/harness';
import { serveBare } from './barePage';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const bare = args.includes('--bare');
const windowMs = Number(opt('window') ?? 10) * 1000;
const why = missingPrerequisite();
if (why) {
	console.error(`bench timeline: ${why}`);
	process.exit(1);
}
if (!bare && !args.includes('--no-build')) buildApp();

const server = bare ? await serveBare(root) : await serve();
const browser = await launch();
try {
	const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	if (!bare) await instrument(ctx);
	const page: Page = await ctx.newPage();
	await page.addInitScript(`{
		window.__long = [];
		new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); })
			.observe({ type: 'longtask', buffered: true });
		const r = (window.__rafs = []);
		const frame = (t) => { r.push(t); requestAnimationFrame(frame); };
		requestAnimationFrame(frame);
	}`);
	await page.goto(server.url + '/' + (opt('query') ?? ''));
	await page.waitForTimeout(windowMs);
	const t = await page.evaluate(() => ({
		resources: performance
			.getEntriesByType('resource')
			.map((e) => [e.name.replace(location.origin, ''), e.startTime, (e as PerformanceResourceTiming).responseEnd]),
		marks: performance.getEntriesByType('mark').map((e) => [e.name, e.startTime]),
		paints: performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]),
		long: (window as unknown as { __long: number[][] }).__long,
		rafs: (window as unknown as { __rafs: number[] }).__rafs,
		painted: window.__atlas?.paintedAt ?? null
	}));
	const rows: [number, string][] = [];
	for (const [name, start, end] of t.resources as [string, number, number][])
		if (/\/data\/|\.m?js$/.test(name))
			rows.push([start, `request ${name.split('/').slice(-2).join('/')} → ${Math.round(end)}`]);
	for (const [s, d] of t.long) rows.push([s, `long task ${Math.round(d)} ms`]);
	for (let i = 1; i < t.rafs.length; i++)
		if (t.rafs[i] - t.rafs[i - 1] > 400)
			rows.push([t.rafs[i - 1], `STALL ${Math.round(t.rafs[i] - t.rafs[i - 1])} ms`]);
	for (const [n, s] of [...(t.marks as [string, number][]), ...(t.paints as [string, number][])]) rows.push([s, n]);
	if (t.painted !== null) rows.push([t.painted, 'map: first colours drawn (idle with LSOA tiles)']);
	for (const [at, what] of rows.sort((a, b) => a[0] - b[0]))
		console.log(`${String(Math.round(at)).padStart(6)}  ${what}`);
} finally {
	await browser.close();
	await server.stop();
}
