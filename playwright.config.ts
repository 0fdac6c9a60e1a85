import { defineConfig } from '@playwright/test';
import { FORM_AGE } from './tests/e2e/fixtures/client';

/**
 * End-to-end tests in Debian's Chromium (never a downloaded Playwright browser) against the built
 * app (`npm run test:e2e` builds first). tests/e2e/server.mjs prepares a database (fresh PGlite
 * folder, or DATABASE_URL) with the demo, a second steunpunt and test accounts, then starts it.
 */
export const E2E_PORT = Number(process.env.E2E_PORT || 4173);
export const E2E_ORIGIN = `http://127.0.0.1:${E2E_PORT}`;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	// Per port, so two runs side by side (E2E_PORT=…) do not delete each other's traces.
	outputDir: `test-results/${E2E_PORT}`,
	fullyParallel: true,
	forbidOnly: true,
	workers: 2,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
	use: {
		baseURL: E2E_ORIGIN,
		// The forms' test clock (fixtures/client.ts): public forms may be sent without waiting.
		extraHTTPHeaders: FORM_AGE,
		browserName: 'chromium',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: {
		command: 'node tests/e2e/server.mjs',
		url: `${E2E_ORIGIN}/healthz`,
		env: { E2E_PORT: String(E2E_PORT) },
		timeout: 180_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		stderr: 'pipe',
		// SIGTERM to server.mjs, which stops the app (the app closes its database) and removes
		// the temporary PGlite folder.
		gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 }
	}
});
