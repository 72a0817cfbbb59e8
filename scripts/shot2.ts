// Dev aid: screenshot journeys. npx tsx scripts/shot2.ts
import { serve, launch, waitForMap, waitForIdle } from '../tests/e2e/harness';
const server = await serve();
const browser = await launch();
for (const [name, q] of [
	['home', ''],
	['recruit', '?mode=recruit&net=yorkshire_humber'],
	['commission', '?mode=commission&lvl=icb&area=E54000054'],
	['find', '?mode=find&q=LS1%201UR']
]) {
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.on('pageerror', (e) => console.log(name, 'pageerror', String(e)));
	page.on('console', (m) => {
		if (m.type() === 'error') console.log(name, 'console', m.text().slice(0, 300));
	});
	await page.goto(server.url + '/' + q);
	try {
		await waitForMap(page, 30000);
		await page.waitForTimeout(3000);
		await waitForIdle(page, 30000);
	} catch (e) {
		console.log(name, String(e).slice(0, 200));
	}
	await page.screenshot({ path: `tmp-shots/j-${name}.png` });
	await page.close();
}
await browser.close();
await server.stop();
