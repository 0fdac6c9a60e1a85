import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		// One shared database for all database tests (a new PGlite costs ~2.5 s): files run
		// one after another in one worker that keeps its module cache.
		fileParallelism: false,
		isolate: false,
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
