/**
 * Keys the app instances share, created once in the database (table app_secret), so every
 * instance signs and checks the same way without extra configuration. They are loaded when the
 * process opens its database (`loadSharedSecrets`), so signing a link never needs a query — and
 * never a second connection beside a use case's transaction.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { appSecret } from './db/schema';

/** Every key the app uses: the form fill-in time, the parent's personal links, activity links. */
export const SECRET_NAMES = ['form', 'personal-link', 'activity-link'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

let loaded: Map<string, string> | undefined;

/** Creates missing keys and loads them all (at start, and in the test setup). */
// Typed structurally (not `Db`): db/client.ts calls this while opening, and imports this module.
export async function loadSharedSecrets(database: PgDatabase<PgQueryResultHKT, Record<string, unknown>>): Promise<void> {
	await database
		.insert(appSecret)
		.values(SECRET_NAMES.map((name) => ({ name, value: randomBytes(32).toString('hex') })))
		.onConflictDoNothing();
	const rows = await database
		.select()
		.from(appSecret)
		.where(inArray(appSecret.name, [...SECRET_NAMES]));
	loaded = new Map(rows.map((r) => [r.name, r.value]));
}

/** A loaded key. Throws when the process has not loaded them (a programming error). */
export function secretKey(name: SecretName): string {
	const value = loaded?.get(name);
	if (!value) throw new Error(`Sleutel ${name} is niet geladen: roep loadSharedSecrets aan bij het openen van de database.`);
	return value;
}

/** @deprecated Kept while callers move to `secretKey`; the key is already loaded. */
export async function sharedSecret(name: SecretName): Promise<string> {
	return secretKey(name);
}

export function hmac(key: string, payload: string): string {
	return createHmac('sha256', key).update(payload).digest('base64url');
}

/** Forgets the loaded keys (tests that swap the database). */
export function forgetSecrets(): void {
	loaded = undefined;
}
