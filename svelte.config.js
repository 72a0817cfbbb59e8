import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// The atlas is a static site: all data is pre-built into static/data by scripts/build.ts.
		adapter: adapter({ fallback: '200.html' })
	}
};

export default config;
