// deck.gl or maplibre's own circle layer for the practices? (issue 11: "measure both"):
//
//   npx tsx scripts/bench/practiceLayer.ts [--runs 3]
//
// In the bare maplibre page (barePage.ts: the LSOA colours at zoom 6 over England), once the map is
// idle, the ~7,500 located practices are added the way the atlas draws them (radius by list size,
// colour by GP FTE per 10,000 weighted patients, white outline, the zoom's opacity), either as a deck.gl
// ScatterplotLayer in a MapLibreOverlay (interleaved, as the atlas does; deck.gl's code bundled here
// with esbuild, its import timed apart) or as a maplibre `circle` layer from a GeoJSON source. Fresh
// contexts, alternated. Per run: add → first frame drawn with the practices, and the longest gap
// between animation frames in that time (a stall the person feels); then, once settled, what every
// later frame costs (triggerRepaint → a pixel read back, so that the GPU's work is counted), beside
// the same page's frame before the practices were added. Medians; the bundle's gzip size.
//
// The atlas draws with maplibre's circles since the frame cost was measured (deck.gl's instanced
// circles cost about 10 µs each per frame in SwiftShader); deck.gl stays a dev dependency for this.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { launch, missingPrerequisite, root } from '../../tests/e2e/harness';
import { serveBare } from './barePage';
import { parsePractices } from '../../src/lib/data/practices';
import {
	practiceOpacity,
	practiceRadius,
	practiceStyle,
	radiusScale,
	visiblePractices
} from '../../src/lib/map/practiceLayers';
import { DEFAULT_VIEW } from '../../src/lib/state/url';
import { median } from './stats';

const args = process.argv.slice(2);
const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 3);
const why = missingPrerequisite();
if (why) {
	console.error(`bench practice-layer: ${why}`);
	process.exit(1);
}

const ZOOM = 6;
const dir = mkdtempSync(join(tmpdir(), 'practice-layer-'));
const table = parsePractices(JSON.parse(readFileSync(join(root, 'static/data/practices.json'), 'utf8')));
const englandRate = (
	JSON.parse(readFileSync(join(root, 'static/data/networks.json'), 'utf8')) as { englandRate: number }
).englandRate;
const style = practiceStyle(DEFAULT_VIEW, englandRate, new Set());
const points = visiblePractices(table.practices, DEFAULT_VIEW).map((p) => [
	p.lon,
	p.lat,
	Math.max(0.9, practiceRadius(p.patients) * radiusScale(ZOOM)),
	style.fill(p)
]);
writeFileSync(join(dir, 'points.json'), JSON.stringify(points));
const bundle = await build({
	stdin: {
		contents:
			"export { MapLibreOverlay } from '@deck.gl/maplibre'; export { ScatterplotLayer } from '@deck.gl/layers';",
		resolveDir: root
	},
	bundle: true,
	format: 'esm',
	minify: true,
	write: false
});
writeFileSync(join(dir, 'deck.mjs'), bundle.outputFiles[0].contents);
const deckGz = gzipSync(bundle.outputFiles[0].contents, { level: 9 }).length;

const then = `
const mode = q.get('mode');
const opacity = ${practiceOpacity(ZOOM)};
const pts = await (await fetch('/points.json')).json();
const gl = map.getCanvas().getContext('webgl2');
const frameCost = async () => {
	const times = [];
	for (let i = 0; i < 9; i++) {
		await new Promise((r) => setTimeout(r, 60));
		times.push(await new Promise((r) => {
			const t0 = performance.now();
			map.once('render', () => { gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4)); r(performance.now() - t0); });
			map.triggerRepaint();
		}));
	}
	return times.sort((a, b) => a - b)[4];
};
map.once('idle', () => setTimeout(async () => {
	const base = await frameCost();
	const rafs = [];
	let on = true;
	const frame = (t) => { rafs.push(t); if (on) requestAnimationFrame(frame); };
	const t0 = performance.now();
	requestAnimationFrame(frame);
	let imported = null;
	if (mode === 'maplibre') {
		map.addSource('p', { type: 'geojson', data: { type: 'FeatureCollection', features: pts.map(([x, y, r, c]) => ({ type: 'Feature', properties: { r, c: 'rgba(' + c[0] + ',' + c[1] + ',' + c[2] + ',' + c[3] / 255 + ')' }, geometry: { type: 'Point', coordinates: [x, y] } })) } });
		map.addLayer({ id: 'p', type: 'circle', source: 'p', paint: { 'circle-radius': ['get', 'r'], 'circle-color': ['get', 'c'], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.6, 'circle-opacity': opacity, 'circle-stroke-opacity': opacity } });
		await new Promise((r) => map.once('idle', r));
	} else {
		const { MapLibreOverlay, ScatterplotLayer } = await import('/deck.mjs');
		imported = performance.now() - t0;
		await new Promise((resolve) => {
			const layer = new ScatterplotLayer({ id: 'p', data: pts, getPosition: (d) => [d[0], d[1]], getRadius: (d) => d[2], radiusUnits: 'pixels', getFillColor: (d) => d[3], stroked: true, getLineColor: [255, 255, 255, 220], getLineWidth: 0.6, lineWidthUnits: 'pixels', opacity });
			map.addControl(new MapLibreOverlay({ interleaved: true, layers: [layer], onAfterRender: () => resolve() }));
		});
	}
	await new Promise((r) => requestAnimationFrame(() => r()));
	const drawn = performance.now() - t0;
	on = false;
	const gaps = rafs.map((t, i) => t - (i ? rafs[i - 1] : t0));
	await new Promise((r) => setTimeout(r, 1000));
	window.__result = { drawn, imported, longest: Math.max(...gaps), frame: await frameCost(), base };
}, 500));
`;
const server = await serveBare(root, {
	then,
	files: {
		'/points.json': [join(dir, 'points.json'), 'application/json'],
		'/deck.mjs': [join(dir, 'deck.mjs'), 'text/javascript']
	}
});
const browser = await launch();
type Result = { drawn: number; imported: number | null; longest: number; frame: number; base: number };
const results: Record<'deck' | 'maplibre', Result[]> = {
	deck: [],
	maplibre: []
};
try {
	for (let i = 0; i < runs; i++)
		for (const mode of (i % 2 ? ['maplibre', 'deck'] : ['deck', 'maplibre']) as ('deck' | 'maplibre')[]) {
			const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
			const page = await ctx.newPage();
			await page.goto(`${server.url}/?c=-1.6,53.2&z=${ZOOM}&mode=${mode}`);
			await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result, null, {
				timeout: 60_000
			});
			results[mode].push(await page.evaluate(() => (window as unknown as { __result: never }).__result));
			await ctx.close();
			console.log(`run ${i + 1}: ${mode} ${JSON.stringify(results[mode].at(-1))}`);
		}
} finally {
	await browser.close();
	await server.stop();
}
const row = (m: 'deck' | 'maplibre') =>
	`${m}: add → drawn median ${Math.round(median(results[m].map((r) => r.drawn)))} ms (${results[m].map((r) => Math.round(r.drawn)).join(', ')}), longest frame gap median ${Math.round(median(results[m].map((r) => r.longest)))} ms, a settled frame median ${Math.round(median(results[m].map((r) => r.frame)))} ms against ${Math.round(median(results[m].map((r) => r.base)))} ms without the practices`;
console.log(`${points.length} practices at zoom ${ZOOM}`);
console.log(
	row('deck') +
		`; of which importing deck.gl's code median ${Math.round(median(results.deck.map((r) => r.imported ?? 0)))} ms; its code ${Math.round(deckGz / 1024)} KB gzip`
);
console.log(row('maplibre') + '; no extra code');
