/**
 * Settings from the environment, read once. Documented in the README.
 * No SvelteKit imports here: the command-line tools use this module too.
 */
import path from 'node:path';

export interface Config {
	databaseUrl: string | undefined;
	dataDir: string;
	smtpUrl: string | undefined;
	mailFrom: string;
	origin: string | undefined;
	logLevel: string;
	/**
	 * Tests only, never in production: a request header (FORM_AGE_HEADER, e.g. x-e2e-form-age)
	 * whose value in milliseconds makes a public form count as shown that long ago, so end-to-end
	 * tests need not wait out the minimum fill-in time (platform/spam.ts formShownAt).
	 */
	formAgeHeader: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	return {
		databaseUrl: env.DATABASE_URL || undefined,
		dataDir: path.resolve(env.DATA_DIR || 'data'),
		smtpUrl: env.SMTP_URL || undefined,
		mailFrom: env.MAIL_FROM || 'Steunpunt <noreply@steunpunt.localhost>',
		origin: env.ORIGIN || undefined,
		logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'warn' : 'info'),
		formAgeHeader: env.FORM_AGE_HEADER?.trim().toLowerCase() || undefined
	};
}
