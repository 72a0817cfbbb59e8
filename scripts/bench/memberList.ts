// Member-list matching in headless Chromium (Debian's) against `vite preview`:
//   npx tsx scripts/bench/memberList.ts [--no-build] [--sizes 2000,50000]
// For each size, a list of practice *names* as people type them (tests/e2e/memberLists.ts) is loaded
// in Recruit; measured: time from choosing the file to the summary on screen (goal < 2 s for 2,000
// names), and the longest main-thread task meanwhile, from a PerformanceObserver on "longtask" entries
// (goal: none over 200 ms). Writes test-results/bench-member-list.json. Needs static/data.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, launch, missingPrerequisite, resultsDir, serve } from '../../tests/e2e/harness';
import { typedNameList } from '../../tests/e2e/memberLists';

const args = process.argv.slice(2);
const sizes = (args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '2000,50000').split(',').map(Number);
const why = missingPrerequisite();
if (why) {
	console.error(`bench-member-list: ${why}`);
	process.exit(1);
}
if (!args.includes('--no-build')) buildApp();

const server = await serve();
const browser = await launch();
const results: Record<string, unknown>[] = [];
try {
	for (const n of sizes) {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		await page.addInitScript(() => {
			const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
			w.__longTasks = [];
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
			}).observe({ type: 'longtask', buffered: true });
		});
		await page.goto(`${server.url}?mode=recruit&net=yorkshire_humber`);
		await page.getByTestId('recruit-summary').waitFor({ timeout: 60_000 });
		await page.waitForTimeout(1000); // let the page settle: only the list's own tasks are counted
		// The same wait with no list: what the page (its map, drawn by software WebGL here) costs by itself.
		const idle = await page.evaluate(async () => {
			const t0 = performance.now();
			await new Promise((r) => setTimeout(r, 5000));
			const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter(
				(t) => t.start >= t0
			);
			return { longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)) };
		});
		const csv = typedNameList(n);
		const t0 = await page.evaluate(() => performance.now());
		await page
			.locator('#member-file')
			.setInputFiles({ name: `names-${n}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
		const summary = page.getByTestId('member-summary');
		await summary.waitFor({ timeout: 600_000 });
		const r = await page.evaluate((t0) => {
			const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter(
				(t) => t.start + t.duration >= t0
			);
			return {
				ms: performance.now() - t0,
				longTasks: tasks.length,
				longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
				tasks: tasks.map((t) => [Math.round(t.start - t0), Math.round(t.duration)])
			};
		}, t0);
		const text = (await summary.textContent())!.replace(/\s+/g, ' ').trim();
		results.push({ rows: n, ...r, idleFor5s: idle, summary: text });
		console.log(
			`${n.toLocaleString('en-GB')} names: ${(r.ms / 1000).toFixed(2)} s to the summary; ` +
				`${r.longTasks} long tasks, longest ${r.longestTaskMs.toFixed(0)} ms ${JSON.stringify(r.tasks)}; ` +
				`idle page for 5 s: ${idle.longTasks} long tasks, longest ${idle.longestTaskMs.toFixed(0)} ms — ${text}`
		);
		await page.close();
	}
} finally {
	await browser.close();
	await server.stop();
}
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
	join(resultsDir, 'bench-member-list.json'),
	JSON.stringify({ at: new Date().toISOString(), results }, null, 2)
);
