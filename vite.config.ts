import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['tests/**/*.test.ts'],
		// The full-pipeline and browser tests are slow by nature; unit tests stay fast.
		testTimeout: 30_000,
		hookTimeout: 300_000,
		pool: 'forks'
	}
});
