// Where a cold visit's time goes between the page's thread and the GPU process (issue 11):
//
//   npx tsx scripts/bench/gpuThread.ts [--no-build] [--runs 3] [--window 10] [--links]
//
// The bare maplibre page (barePage.ts) and the built atlas, alternated in fresh contexts, each traced
// (Chrome's `toplevel` category). Per visit: the map's first colours (its first idle with LSOA tiles
// drawn, as each page reports it), and the busy time of the page's main thread and of the GPU process's main thread from
// navigation to the first colours and over the window. With software WebGL (SwiftShader) the GPU
// process draws every WebGL frame and rasterises the page's DOM on that one thread: when it is busy
// nearly all the time before the first colours, the first colours are bound by it, not by the page.
//
// --links: once the atlas has settled, each of maplibre's shader programs is linked again from its own
// sources in a fresh WebGL context (a comment appended, so Chrome's program cache cannot answer) and
// timed. A program's first use in the map's own context waits for the GPU process to finish the frames
// queued before it; this separates the link itself from that wait.
import type { Browser } from 'playwright-core';
import { buildApp, launch, missingPrerequisite, root, serve } from '../../tests/e2e/harness';
import { serveBare } from './barePage';
import { median } from './stats';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const runs = Number(opt('runs') ?? 3);
const windowMs = Number(opt('window') ?? 10) * 1000;
const why = missingPrerequisite();
if (why) {
	console.error(`bench gpuThread: ${why}`);
	process.exit(1);
}
if (!args.includes('--no-build')) buildApp();

interface TraceEvent {
	ph: string;
	name: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: { name?: string };
}
type Kind = 'bare' | 'atlas';
interface Visit {
	firstColours: number;
	pageToFirst: number;
	gpuToFirst: number;
	pageInWindow: number;
	gpuInWindow: number;
}

/** Busy ms of a thread's top-level tasks from navigation until `until` (ms). */
function busy(events: TraceEvent[], threads: Map<string, string>, thread: string, nav: number, until: number) {
	let sum = 0;
	for (const e of events) {
		if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || e.ts < nav) continue;
		if (threads.get(`${e.pid}:${e.tid}`) !== thread) continue;
		const start = (e.ts - nav) / 1000;
		if (start < until) sum += Math.min((e.dur ?? 0) / 1000, until - start);
	}
	return Math.round(sum);
}

async function visit(browser: Browser, url: string, kind: Kind): Promise<Visit> {
	const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const page = await ctx.newPage();
	await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
	await page.goto(url);
	await page.waitForTimeout(windowMs);
	const first = (await page.evaluate('(window.__atlas ?? window.__bare)?.paintedAt ?? null')) as number | null;
	const trace = JSON.parse((await browser.stopTracing()).toString());
	await ctx.close();
	if (first === null) throw new Error(`${kind}: no first colours within ${windowMs} ms`);
	const events: TraceEvent[] = trace.traceEvents ?? trace;
	const threads = new Map<string, string>();
	for (const e of events)
		if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
	const nav = events.find((e) => e.name === 'navigationStart')?.ts;
	if (nav === undefined) throw new Error(`${kind}: no navigationStart in the trace`);
	return {
		firstColours: Math.round(first),
		pageToFirst: busy(events, threads, 'CrRendererMain', nav, first),
		gpuToFirst: busy(events, threads, 'CrGpuMain', nav, first),
		pageInWindow: busy(events, threads, 'CrRendererMain', nav, windowMs),
		gpuInWindow: busy(events, threads, 'CrGpuMain', nav, windowMs)
	};
}

/** Each maplibre program of the settled atlas, linked again from its sources in a fresh context. */
async function linkTimes(browser: Browser, url: string): Promise<[string, number][]> {
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	await page.goto(url);
	await page.waitForTimeout(windowMs);
	// A string, not a function: tsx's compiled functions call a helper (__name) that pages lack.
	const out = (await page.evaluate(`(() => {
		const map = window.__atlas.map;
		const gl = map.painter.context.gl;
		const fresh = document.createElement('canvas').getContext('webgl2');
		const out = [];
		for (const [key, program] of Object.entries(map.painter.programCache.programs)) {
			const src = {};
			for (const s of gl.getAttachedShaders(program.program) || [])
				src[gl.getShaderParameter(s, gl.SHADER_TYPE) === gl.VERTEX_SHADER ? 'vs' : 'fs'] = gl.getShaderSource(s);
			const t0 = performance.now();
			const p = fresh.createProgram();
			for (const [type, text] of [[fresh.VERTEX_SHADER, src.vs], [fresh.FRAGMENT_SHADER, src.fs]]) {
				const sh = fresh.createShader(type);
				fresh.shaderSource(sh, text + '\\n// not cached');
				fresh.compileShader(sh);
				fresh.attachShader(p, sh);
			}
			fresh.linkProgram(p);
			fresh.getProgramParameter(p, fresh.LINK_STATUS);
			out.push([key.split('/')[0], Math.round(performance.now() - t0)]);
		}
		return out;
	})()`)) as [string, number][];
	await page.close();
	return out;
}

const atlas = await serve();
const bare = await serveBare(root);
const browser = await launch();
try {
	const results: Record<Kind, Visit[]> = { bare: [], atlas: [] };
	for (let r = 0; r < runs; r++)
		for (const kind of (r % 2 ? ['atlas', 'bare'] : ['bare', 'atlas']) as Kind[]) {
			const v = await visit(browser, (kind === 'atlas' ? atlas.url : bare.url) + '/', kind);
			results[kind].push(v);
			console.log(`${kind} run ${r + 1}: ${JSON.stringify(v)}`);
		}
	const m = (k: Kind, f: keyof Visit) => median(results[k].map((v) => v[f]));
	console.log(`\n| medians of ${runs} (ms from navigation) | bare maplibre | atlas | atlas ÷ bare |`);
	console.log('|---|---|---|---|');
	const rows: [string, keyof Visit][] = [
		['first colours (map idle with LSOA tiles)', 'firstColours'],
		["GPU process's thread busy before them", 'gpuToFirst'],
		["page's thread busy before them", 'pageToFirst'],
		[`GPU process's thread busy in ${windowMs / 1000} s`, 'gpuInWindow'],
		[`page's thread busy in ${windowMs / 1000} s`, 'pageInWindow']
	];
	for (const [label, f] of rows)
		console.log(`| ${label} | ${m('bare', f)} | ${m('atlas', f)} | ${(m('atlas', f) / m('bare', f)).toFixed(2)} |`);
	if (args.includes('--links')) {
		const links = await linkTimes(browser, atlas.url + '/');
		console.log(
			`\nmaplibre's programs linked in a fresh context (ms): ${links.map(([k, t]) => `${k} ${t}`).join(', ')}`
		);
	}
} finally {
	await browser.close();
	await atlas.stop();
	await bare.stop();
}
