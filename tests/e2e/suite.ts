// The browser tests' one setup: skip (or, in CI, fail) without Chromium, build the app, serve it and
// launch Chromium once per file, and open pages on it. Kept apart from harness.ts, which the bench
// script also imports, because it uses vitest.
import { afterAll, beforeAll, describe } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildApp, launch, missingPrerequisite, serve, type Server } from './harness';

export const DESKTOP = { width: 1440, height: 900 };

export interface OpenOptions {
	viewport?: { width: number; height: number };
	acceptDownloads?: boolean;
	/** Record dialogs as errors and dismiss them. */
	dialogsAreErrors?: boolean;
	/** Run before the page loads the app (routes, init scripts). */
	prepare?: (page: Page) => Promise<void>;
}

export interface Session {
	/** A new page at the app's URL with this query; `errors` collects uncaught page errors. */
	open(query?: string, options?: OpenOptions): Promise<{ page: Page; errors: string[] }>;
}

/** A describe block with the app served and Chromium launched for its tests. */
export function browserSuite(name: string, tests: (session: Session) => void) {
	// In CI a missing prerequisite is a failure, not a skip.
	const why = missingPrerequisite();
	if (why && process.env.CI) throw new Error(`browser tests cannot run: ${why}`);
	if (why) console.warn(`browser tests skipped: ${why}`);
	let server: Server;
	let browser: Browser;
	const session: Session = {
		async open(query = '', { viewport = DESKTOP, acceptDownloads, dialogsAreErrors, prepare } = {}) {
			const page = await browser.newPage(acceptDownloads ? { viewport, acceptDownloads } : { viewport });
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(String(e)));
			if (dialogsAreErrors) {
				page.on('dialog', (d) => {
					errors.push(`dialog: ${d.message()}`);
					void d.dismiss();
				});
			}
			if (prepare) await prepare(page);
			await page.goto(`${server.url}/${query}`);
			return { page, errors };
		}
	};
	(why ? describe.skip : describe)(name, () => {
		beforeAll(async () => {
			buildApp();
			server = await serve();
			browser = await launch();
		}, 240_000);
		afterAll(async () => {
			await browser?.close();
			await server?.stop();
		});
		tests(session);
	});
}
