// Lint: typescript-eslint's recommended rules for TypeScript, eslint-plugin-svelte's for components,
// and eslint-config-prettier so that layout is Prettier's alone (`npm run format`).
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['node_modules/', '.svelte-kit/', 'build/', 'static/data/', 'data/raw/', 'test-results/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// Unused names are errors, except deliberately ignored ones (_x) and rest siblings.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }
			],
			// The atlas's history entries are shallow (same route, new query string): nothing to resolve.
			'svelte/no-navigation-without-resolve': ['error', { ignorePushState: true, ignoreReplaceState: true }],
			// Maps and Sets here are values (built whole, then passed on or replaced), never mutated state.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } }
	}
);
