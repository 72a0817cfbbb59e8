// Runs only while the site is prerendered (it is static). The atlas page imports the map code lazily
// (maplibre is most of its weight), which made its download wait for the app to start: a
// modulepreload link in the page's head fetches and compiles it alongside the app instead.
import type { Handle } from '@sveltejs/kit';
import { building } from '$app/environment';
import { mapPreloadLinks } from '$lib/prerender/mapPreload';

export const handle: Handle = async ({ event, resolve }) => {
	// `vite dev` serves modules one by one (and a manifest left by an earlier build would be stale).
	if (!building || event.route.id !== '/') return resolve(event);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('</head>', `${mapPreloadLinks(html)}</head>`)
	});
};
