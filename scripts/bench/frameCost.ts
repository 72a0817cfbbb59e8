// What one frame of the map costs once it has settled, as drawn: from triggerRepaint to a pixel read
// back from the map's canvas (so that the GPU's work, SwiftShader's here, is included), medians of
// repeated frames. For each view: the atlas as a visitor sees it, the atlas without its practice marks
// (`l=` without `practices`), and the bare maplibre page (barePage.ts) at the same view as the floor;
// the three pages alternate within each run, as the machine's speed drifts.
//
//   npx tsx scripts/bench/frameCost.ts [--no-build] [--runs 3] [--frames 9]
//
// Not a timed test: it prints medians and ratios, for the README.
import type { Page } from 'playwright-core';
import { buildApp, launch, missingPrerequisite, root, serve, waitForIdle } from '../../tests/e2e/harness';
import { serveBare } from './barePage';
import { median } from './stats';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const runs = Number(opt('runs') ?? 3);
const frames = Number(opt('frames') ?? 9);
const why = missingPrerequisite();
if (why) {
	console.error(`bench frameCost: ${why}`);
	process.exit(1);
}
if (!args.includes('--no-build')) buildApp();

const VIEWS = [
	{ name: 'England (zoom 5.8)', query: 'c=-1.9,53.0&z=5.8' },
	{ name: 'Leeds (zoom 10)', query: 'c=-1.55,53.8&z=10' },
	{ name: 'London (zoom 12.5)', query: 'c=-0.12,51.51&z=12.5' }
];
const PAGES = ['atlas', 'atlas without practices', 'bare maplibre'] as const;
const NO_PRACTICES = 'l=lsoa,labels,icb';

/** Median ms from triggerRepaint to a pixel read back, over `n` frames with a pause between them. */
async function frameCost(page: Page, n: number): Promise<number> {
	return page.evaluate(async (n) => {
		const w = window as unknown as { __atlas?: { map: unknown }; __bare?: { map: unknown } };
		const map = (w.__atlas ?? w.__bare)!.map as {
			once(e: string, f: () => void): void;
			triggerRepaint(): void;
			getCanvas(): HTMLCanvasElement;
		};
		const gl = map.getCanvas().getContext('webgl2')!;
		const px = new Uint8Array(4);
		const times: number[] = [];
		for (let i = 0; i < n; i++) {
			await new Promise((r) => setTimeout(r, 60));
			times.push(
				await new Promise<number>((r) => {
					const t0 = performance.now();
					map.once('render', () => {
						gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
						r(performance.now() - t0);
					});
					map.triggerRepaint();
				})
			);
		}
		times.sort((a, b) => a - b);
		return times[Math.floor(times.length / 2)];
	}, n);
}

const atlas = await serve();
const bare = await serveBare(root);
const browser = await launch();
const results: Record<string, Record<string, number[]>> = {};
try {
	for (let run = 0; run < runs; run++)
		for (const view of VIEWS)
			for (const [i] of PAGES.entries()) {
				const kind = PAGES[(i + run) % PAGES.length];
				const url =
					kind === 'bare maplibre'
						? `${bare.url}/?${view.query}`
						: `${atlas.url}/?${view.query}${kind === 'atlas' ? '' : `&${NO_PRACTICES}`}`;
				const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
				await page.goto(url);
				if (kind === 'bare maplibre')
					await page.waitForFunction(() =>
						(window as unknown as { __bare?: { map: { loaded(): boolean } } }).__bare?.map.loaded()
					);
				else await waitForIdle(page);
				await page.waitForTimeout(2000); // practices, labels and the other measures' layers arrive after the first colours
				const ms = await frameCost(page, frames);
				((results[view.name] ??= {})[kind] ??= []).push(ms);
				console.log(`run ${run + 1}: ${view.name}, ${kind}: ${ms.toFixed(0)} ms`);
				await page.close();
			}
} finally {
	await browser.close();
	await atlas.stop();
	await bare.stop();
}

console.log('\nmedian frame (ms) | atlas | without practices | bare maplibre | atlas ÷ bare');
for (const view of VIEWS) {
	const m = Object.fromEntries(PAGES.map((k) => [k, median(results[view.name][k])]));
	console.log(
		`${view.name} | ${m.atlas.toFixed(0)} | ${m['atlas without practices'].toFixed(0)} | ${m['bare maplibre'].toFixed(0)} | ${(m.atlas / m['bare maplibre']).toFixed(2)}`
	);
}
