// Dev aid: screenshot the built atlas at a URL query (desktop and phone). npx tsx scripts/shot.ts "?m=imd" name
import { serve, launch, waitForMap, waitForIdle } from '../tests/e2e/harness';
const query = process.argv[2] ?? '';
const name = process.argv[3] ?? 'shot';
const server = await serve();
const browser = await launch();
try {
	for (const [label, viewport] of [
		['desktop', { width: 1440, height: 900 }],
		['phone', { width: 390, height: 844 }]
	] as const) {
		const page = await browser.newPage({ viewport });
		const errors: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
		});
		page.on('pageerror', (e) => errors.push(String(e)));
		const t0 = Date.now();
		await page.goto(server.url + '/' + query);
		try {
			await waitForMap(page, 30000);
			await waitForIdle(page, 30000);
		} catch (e) {
			errors.push('wait: ' + e);
		}
		console.log(label, 'ready in', Date.now() - t0, 'ms');
		await page.screenshot({ path: `tmp-shots/${name}-${label}.png` });
		if (errors.length) console.log(errors.slice(0, 10).join('\n'));
		await page.close();
	}
} finally {
	await browser.close();
	await server.stop();
}
