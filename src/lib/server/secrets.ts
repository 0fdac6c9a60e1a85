/**
 * Keys the app instances share, created once in the database (table app_secret), so every
 * instance signs and checks the same way without extra configuration.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from './db';
import { appSecret } from './db/schema';

const cache = new Map<string, Promise<string>>();

export async function sharedSecret(name: string): Promise<string> {
	let hit = cache.get(name);
	if (!hit) {
		hit = (async () => {
			await db().insert(appSecret).values({ name, value: randomBytes(32).toString('hex') }).onConflictDoNothing();
			const [row] = await db().select().from(appSecret).where(eq(appSecret.name, name));
			return row.value;
		})();
		cache.set(name, hit);
		hit.catch(() => cache.delete(name));
	}
	return hit;
}

export function hmac(key: string, payload: string): string {
	return createHmac('sha256', key).update(payload).digest('base64url');
}

/** Forgets cached keys (tests that swap the database). */
export function forgetSecrets(): void {
	cache.clear();
}
