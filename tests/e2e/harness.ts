// Shared by the browser tests and scripts/bench-app.ts: build the app, serve it with `vite preview`
// on 127.0.0.1, and drive Debian's Chromium with playwright-core (no browser download).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type {} from '../../src/lib/map/instrument'; // window.__atlas, window.__atlasInstrument
import { csvRecords } from '../../src/lib/data/csv';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const dataDir = join(root, 'static/data');
export const resultsDir = join(root, 'test-results');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage'
];

const REQUIRED = ['lsoa.pmtiles', 'boundaries.pmtiles', 'practices.json', 'networks.json', 'practices.csv'];

/** Why the browser tests cannot run here, or null when they can. */
export function missingPrerequisite(): string | null {
	const missing = REQUIRED.filter((f) => !existsSync(join(dataDir, f)));
	if (missing.length)
		return `static/data lacks ${missing.join(', ')}: run \`npm run data\` to build the atlas data first`;
	if (!existsSync(CHROMIUM)) return `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)`;
	return null;
}

export function buildApp() {
	const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
		cwd: root,
		encoding: 'utf8',
		// The production bundle, as `npm run atlas` builds it (vitest sets NODE_ENV=test, which would make
		// Vite resolve the development builds of svelte and kit).
		env: { ...process.env, NODE_ENV: 'production' }
	});
	if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

async function freePort(): Promise<number> {
	return new Promise((res, rej) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => res(port));
		});
		s.on('error', rej);
	});
}

export interface Server {
	url: string;
	stop(): Promise<void>;
}

export async function serve(): Promise<Server> {
	const port = await freePort();
	const child: ChildProcess = spawn(
		process.execPath,
		[
			join(root, 'node_modules/vite/bin/vite.js'),
			'preview',
			'--host',
			'127.0.0.1',
			'--port',
			String(port),
			'--strictPort'
		],
		{ cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }
	);
	let log = '';
	child.stdout!.on('data', (d) => (log += d));
	child.stderr!.on('data', (d) => (log += d));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${log}`);
		try {
			const r = await fetch(url);
			if (r.ok) break;
		} catch {
			// not up yet
		}
		if (Date.now() > deadline) {
			child.kill();
			throw new Error(`vite preview did not answer on ${url} within 30 s:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	return {
		url,
		stop: () =>
			new Promise<void>((res) => {
				if (child.exitCode !== null) return res();
				child.once('exit', () => res());
				child.kill('SIGTERM');
			})
	};
}

/**
 * Ask the app for its timings (window.__atlas: first paint, repaints, the maplibre map). The map loads
 * its instrumentation only when this flag is set before the app starts, so production pages carry none.
 */
export async function instrument(target: Page | BrowserContext) {
	await target.addInitScript(() => {
		window.__atlasInstrument = true;
	});
}

/** Chromium whose every new page and context is instrumented (the tests and the bench read window.__atlas). */
export async function launch(): Promise<Browser> {
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
	const newPage = browser.newPage.bind(browser);
	const newContext = browser.newContext.bind(browser);
	browser.newPage = async (options) => {
		const page = await newPage(options);
		await instrument(page);
		return page;
	};
	browser.newContext = async (options) => {
		const context = await newContext(options);
		await instrument(context);
		return context;
	};
	return browser;
}

/** Wait until the map reports its first LSOA colours on screen. */
export async function waitForMap(page: Page, timeout = 60_000) {
	await page.waitForFunction(() => window.__atlas?.paintedAt != null, undefined, { timeout, polling: 100 });
}

/** Wait for the map to finish drawing (all visible tiles loaded and rendered). */
export async function waitForIdle(page: Page, timeout = 60_000) {
	await page.waitForFunction(
		() => window.__atlas?.map?.loaded() === true && window.__atlas.map.areTilesLoaded(),
		undefined,
		{ timeout, polling: 100 }
	);
	await page.evaluate(
		() =>
			new Promise<void>((r) => {
				const m = window.__atlas!.map!;
				m.once('idle', () => r());
				m.triggerRepaint();
			})
	);
}

export function screenshotPath(name: string) {
	mkdirSync(resultsDir, { recursive: true });
	return join(resultsDir, name);
}

/** Pixel statistics of an image (PNG bytes), computed in the page so that no PNG decoder is needed. */
export async function pixelStats(page: Page, png: Buffer, palette: string[]) {
	return page.evaluate(
		async ({ b64, palette }) => {
			const img = new Image();
			img.src = `data:image/png;base64,${b64}`;
			await img.decode();
			const c = document.createElement('canvas');
			c.width = img.width;
			c.height = img.height;
			const ctx = c.getContext('2d')!;
			ctx.drawImage(img, 0, 0);
			const d = ctx.getImageData(0, 0, c.width, c.height).data;
			const pal = palette.map((h) => [
				parseInt(h.slice(1, 3), 16),
				parseInt(h.slice(3, 5), 16),
				parseInt(h.slice(5, 7), 16)
			]);
			const hits = pal.map(() => 0);
			let total = 0;
			const distinct = new Set<number>();
			for (let i = 0; i < d.length; i += 4) {
				total++;
				distinct.add((d[i] >> 3) * 1024 + (d[i + 1] >> 3) * 32 + (d[i + 2] >> 3));
				for (let k = 0; k < pal.length; k++) {
					// Fill opacity (0.92) over the land blends colours slightly: allow a small distance.
					if (Math.abs(d[i] - pal[k][0]) + Math.abs(d[i + 1] - pal[k][1]) + Math.abs(d[i + 2] - pal[k][2]) <= 30) {
						hits[k]++;
						break;
					}
				}
			}
			return { total, hits, distinctColours: distinct.size };
		},
		{ b64: png.toString('base64'), palette }
	);
}

/** practices.csv as records (the pipeline's table; the panel must show the same figures). */
export function readPracticesCsv(): Record<string, string>[] {
	return csvRecords(readFileSync(join(dataDir, 'practices.csv'), 'utf8'));
}

/**
 * Serve /data/* from `dir` through the page (with HTTP range support, as PMTiles needs), optionally
 * changing a file's bytes on the way: how the tests serve a corrupted copy without touching static/data.
 */
export async function serveDataFrom(
	page: Page,
	dir: string,
	transform: (file: string, bytes: Buffer) => Buffer | null = (_f, b) => b
) {
	await page.route('**/data/**', async (route) => {
		const name = new URL(route.request().url()).pathname.replace(/^.*\/data\//, '');
		const file = join(dir, name);
		const original = existsSync(file) ? readFileSync(file) : null;
		const bytes = original ? transform(name, original) : null;
		if (!bytes) return route.fulfill({ status: 404, body: 'Not found' });
		const type = name.endsWith('.json')
			? 'application/json'
			: name.endsWith('.csv')
				? 'text/csv'
				: 'application/octet-stream';
		const range = route.request().headers()['range'];
		const m = range ? /bytes=(\d+)-(\d*)/.exec(range) : null;
		if (m) {
			const start = Number(m[1]);
			const end = Math.min(m[2] ? Number(m[2]) : bytes.length - 1, bytes.length - 1);
			return route.fulfill({
				status: 206,
				body: bytes.subarray(start, end + 1),
				headers: {
					'content-type': type,
					'accept-ranges': 'bytes',
					'content-range': `bytes ${start}-${end}/${bytes.length}`
				}
			});
		}
		return route.fulfill({ status: 200, body: bytes, headers: { 'content-type': type } });
	});
}
