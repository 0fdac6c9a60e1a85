import pino from 'pino';
import { readConfig } from './config';

/** The application's logger. Never log personal data: ids, not names or addresses. */
export const log = pino({ level: readConfig().logLevel, base: undefined });
