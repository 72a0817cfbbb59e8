// Screenshots of the built atlas at a list of URL queries, desktop (1440×900) and phone (390×844),
// into one folder: take a set before a change and one after, and compare them side by side.
//
//   npx tsx scripts/bench/screenshots.ts [--out DIR] [--settle MS] [--build] [name=query …]
//
// Each argument is `name=query` (e.g. `commission=?mode=commission&lvl=icb&area=E54000054`) or a
// bare query (named by its position). Without arguments it takes the start screen and one view
// per journey. Writes DIR/<name>-desktop.png and DIR/<name>-phone.png (DIR defaults to tmp-shots,
// which git ignores) and prints, per page, the time until the map was idle and any console errors.
// Needs static/data (npm run data) and a built app (npm run build, or pass --build).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildApp, launch, missingPrerequisite, root, serve, waitForIdle, waitForMap } from '../../tests/e2e/harness';

const VIEWPORTS = [
	['desktop', { width: 1440, height: 900 }],
	['phone', { width: 390, height: 844 }]
] as const;

/** The start screen and each journey, as a newcomer would first see them. */
const DEFAULT_QUERIES: [string, string][] = [
	['home', ''],
	['recruit', '?mode=recruit&net=yorkshire_humber'],
	['commission', '?mode=commission&lvl=icb&area=E54000054'],
	['find', '?mode=find&q=LS1%201UR']
];

function parseArgs(argv: string[]) {
	let out = join(root, 'tmp-shots');
	let settleMs = 3000;
	let build = false;
	const queries: [string, string][] = [];
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--out') out = resolve(argv[++i]);
		else if (a === '--settle') settleMs = Number(argv[++i]);
		else if (a === '--build') build = true;
		else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
		else {
			const eq = a.indexOf('=');
			// "name=?query" names the shot; a bare "?query" (whose own "=" come after "?") is numbered.
			const named = eq > 0 && !a.slice(0, eq).includes('?');
			queries.push(named ? [a.slice(0, eq), a.slice(eq + 1)] : [`shot${queries.length + 1}`, a]);
		}
	}
	if (!Number.isFinite(settleMs) || settleMs < 0) throw new Error('--settle needs a number of milliseconds');
	return { out, settleMs, build, queries: queries.length ? queries : DEFAULT_QUERIES };
}

const { out, settleMs, build, queries } = parseArgs(process.argv.slice(2));
const why = missingPrerequisite();
if (why) {
	console.error(`screenshots: ${why}`);
	process.exit(1);
}
if (build) buildApp();
mkdirSync(out, { recursive: true });

const server = await serve();
const browser = await launch();
try {
	for (const [name, query] of queries) {
		for (const [label, viewport] of VIEWPORTS) {
			const page = await browser.newPage({ viewport });
			const errors: string[] = [];
			page.on('console', (m) => {
				if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text().slice(0, 300));
			});
			page.on('pageerror', (e) => errors.push(String(e)));
			const t0 = Date.now();
			await page.goto(`${server.url}/${query}`);
			try {
				await waitForMap(page, 30_000);
				// Journey panels and lazily loaded layers arrive after the first idle map.
				await page.waitForTimeout(settleMs);
				await waitForIdle(page, 30_000);
			} catch (e) {
				errors.push(`wait: ${e}`);
			}
			const path = join(out, `${name}-${label}.png`);
			await page.screenshot({ path });
			console.log(`${path}  (${label}, ready in ${Date.now() - t0} ms)`);
			for (const e of errors.slice(0, 10)) console.log(`  ${e}`);
			await page.close();
		}
	}
} finally {
	await browser.close();
	await server.stop();
}
