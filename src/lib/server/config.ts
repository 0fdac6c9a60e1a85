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
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	return {
		databaseUrl: env.DATABASE_URL || undefined,
		dataDir: path.resolve(env.DATA_DIR || 'data'),
		smtpUrl: env.SMTP_URL || undefined,
		mailFrom: env.MAIL_FROM || 'Steunpunt <noreply@steunpunt.localhost>',
		origin: env.ORIGIN || undefined,
		logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'warn' : 'info')
	};
}
