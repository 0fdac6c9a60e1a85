// ESLint for TypeScript and Svelte 5, with Prettier for the layout (`npm run lint`).
// The architecture's import rules (routes never import the database, components never import
// server code, base layers never import a domain, no cycles) live in scripts/check-boundaries.ts,
// which `npm run lint` runs as well.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/', '.tmp/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	},
	{
		rules: {
			// Unused values are mistakes; a leading underscore marks one kept on purpose.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			// Stripping control characters from input is deliberate wherever a regex names them.
			'no-control-regex': 'off',
			// Links are plain hrefs: the public pages work without JavaScript and the base path is '/'.
			'svelte/no-navigation-without-resolve': 'off'
		}
	}
);
