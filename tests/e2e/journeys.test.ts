// The three journeys end to end in headless Chromium, with the numbers on screen checked against the
// pipeline's own outputs (networks.json, areas.csv, practices.csv): Recruit (ranked list, member-list
// upload with bad rows, CSV export), Commission (area summary, quintile table), Find (a postcode, a
// postcode that does not exist, a town).
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir, readPracticesCsv, screenshotPath, waitForMap } from './harness';
import { browserSuite } from './suite';
import { csvRecords } from '../../src/lib/data/csv';
import { distanceKm } from '../../src/lib/domain/metrics';

const gb2 = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const gb0 = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

browserSuite('journeys in headless Chromium', (session) => {
	const open = (query: string) => session.open(query, { acceptDownloads: true, dialogsAreErrors: true });

	it('Recruit: Yorkshire & Humber ranked by its rule; member list with bad rows; CSV export', async () => {
		const networks = JSON.parse(readFileSync(join(dataDir, 'networks.json'), 'utf8'));
		const yh = networks.networks.find((n: { id: string }) => n.id === 'yorkshire_humber');
		const { page, errors } = await open('?mode=recruit&net=yorkshire_humber');
		const summary = page.getByTestId('recruit-summary');
		await summary.waitFor({ timeout: 30_000 });
		const text = (await summary.textContent())!.replace(/\s+/g, ' ');
		expect(text).toContain(`${gb0.format(yh.footprintPracticeCount)} practices in the footprint`);
		expect(text).toContain(`${gb0.format(yh.estimatedMemberCount)} eligible by the rule`);
		// The first row is the pipeline's rank 1.
		const first = yh.estimatedMembers.find((m: { rank: number }) => m.rank === 1);
		expect(await page.locator('[data-testid="recruit-table"] tbody tr').first().getAttribute('data-code')).toBe(
			first.code
		);

		// A member list: 3 good codes, one unknown, one duplicate, one line of HTML (must stay text).
		const good = yh.estimatedMembers.slice(0, 3).map((m: { code: string }) => m.code);
		const csv = ['practice_code', ...good, 'X99999', good[0], '<img src=x onerror="alert(1)">'].join('\n');
		await page
			.locator('#member-file')
			.setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		const ms = page.getByTestId('member-summary');
		await ms.waitFor({ timeout: 10_000 });
		expect((await ms.textContent())!.replace(/\s+/g, ' ')).toContain('3 matched by code');
		const bad = (await page.getByTestId('member-bad-rows').textContent())!;
		expect(bad).toContain('X99999');
		expect(bad).toMatch(/duplicate/i);
		expect(bad).toContain('<img src=x');
		expect(await page.locator('.journey img').count()).toBe(0);
		await expect.poll(async () => (await summary.textContent())!.replace(/\s+/g, ' ')).toContain('3 current members');
		await page.screenshot({ path: screenshotPath('journey-recruit.png') });

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export CSV' }).click()
		]);
		const exported = readFileSync((await download.path())!, 'utf8');
		const lines = exported.split(/\r?\n/);
		expect(lines[0]).toMatch(/^# Deep End Atlas: practices ranked for recruitment/);
		expect(exported).toMatch(/# Rule: /);
		expect(exported).toMatch(/# Data: .*IoD2025/);
		const header = lines.find((l) => !l.startsWith('#'))!;
		expect(header.split(',')[2]).toBe('practice_code');
		const body = lines.filter((l) => l && !l.startsWith('#')).length - 1;
		expect(body).toBe(yh.footprintPracticeCount);
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);

	it('Commission: an ICB summary and quintile table match areas.csv; brushing the chart marks rows', async () => {
		const areas = csvRecords(readFileSync(join(dataDir, 'areas.csv'), 'utf8'));
		const icb = areas.find((a) => a.level === 'icb' && a.code === 'E54000054')!;
		const { page, errors } = await open('?mode=commission&lvl=icb&area=E54000054');
		const summary = page.getByTestId('commission-summary');
		await summary.waitFor({ timeout: 30_000 });
		const text = (await summary.textContent())!.replace(/\s+/g, ' ');
		expect(text).toContain(icb.name);
		expect(text).toContain(`${gb0.format(Number(icb.practices))} practices`);
		expect(text).toContain(`${gb2.format(Number(icb.gp_fte_per_10k_weighted))} GP FTE per 10,000 weighted patients`);
		expect(await page.locator('[data-testid="quintile-table"] tbody tr').count()).toBe(6);
		// Brush the whole plot: every listed practice with FTE is marked.
		const box = (await page.locator('figure.chart canvas').boundingBox())!;
		await page.mouse.move(box.x + 40, box.y + 5);
		await page.mouse.down();
		await page.mouse.move(box.x + box.width - 5, box.y + box.height - 32, { steps: 5 });
		await page.mouse.up();
		await expect.poll(() => page.locator('[data-testid="shortfall-table"] tr.brushed').count()).toBeGreaterThan(10);
		await page.screenshot({ path: screenshotPath('journey-commission.png') });
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);

	it('Find: a postcode gives its network, decile and nearest practices; an unknown postcode gets a helpful message', async () => {
		const { page, errors } = await open('?mode=find');
		const box = page.locator('#find-q');
		await box.waitFor({ timeout: 30_000 });
		await waitForMap(page);
		await box.fill('ls1 1ur');
		await box.press('Enter');
		const answer = page.getByTestId('find-answer');
		await answer.waitFor({ timeout: 20_000 });
		expect(await page.getByTestId('find-network').textContent()).toContain('Yorkshire');
		expect(await page.getByTestId('find-decile').textContent()).toMatch(/IMD 2025 decile \d+/);
		// Nearest practice, recomputed from practices.csv and the postcode's own coordinates.
		const outcode = JSON.parse(readFileSync(join(dataDir, 'postcodes/LS1.json'), 'utf8'));
		const [, lat, lon] = outcode.postcodes.find((p: [string]) => p[0] === '1UR');
		const nearest = readPracticesCsv()
			.filter((r) => r.lat && r.lon)
			.map((r) => ({ name: r.practice_name, km: distanceKm(lat, lon, Number(r.lat), Number(r.lon)) }))
			.sort((a, b) => a.km - b.km)[0];
		expect(await page.locator('[data-testid="find-practices"] li').first().textContent()).toContain(nearest.name);
		await page.screenshot({ path: screenshotPath('journey-find.png') });

		await box.fill('LS99 9ZZ');
		await box.press('Enter');
		const msg = page.getByTestId('find-message');
		await msg.waitFor({ timeout: 10_000 });
		expect(await msg.textContent()).toContain('No postcode LS99 9ZZ');
		await box.fill('!!??');
		await box.press('Enter');
		await expect.poll(() => msg.textContent()).toBeTruthy();

		// A town by name, with suggestions as you type.
		await box.fill('');
		await box.type('Middlesbr', { delay: 20 });
		await page.locator('#find-suggestions').waitFor({ timeout: 10_000 });
		await box.press('ArrowDown');
		await box.press('Enter');
		await expect.poll(() => page.getByTestId('find-network').textContent(), { timeout: 15_000 }).toContain('NENC');
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);
});
