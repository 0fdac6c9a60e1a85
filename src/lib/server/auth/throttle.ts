/**
 * Login throttling, stored in the database so it holds across app instances and restarts:
 * after MAX_FAILURES failed attempts within the window the key is locked for LOCK_MINUTES.
 * Keys are per e-mail address and per client address, so one attacker cannot lock everybody.
 */
import { eq, sql } from 'drizzle-orm';
import { db } from '../db';
import { loginThrottle } from '../db/schema';
import { RateLimitedError } from '../errors';

export const MAX_FAILURES = 5;
const WINDOW_MINUTES = 15;
const LOCK_MINUTES = 15;

export async function assertNotThrottled(keys: string[], now = new Date()): Promise<void> {
	for (const key of keys) {
		const [row] = await db().select().from(loginThrottle).where(eq(loginThrottle.key, key));
		if (row?.lockedUntil && row.lockedUntil > now) {
			throw new RateLimitedError(
				'Je hebt te vaak een verkeerd wachtwoord of verkeerde code ingevuld. Probeer het over een kwartier opnieuw.'
			);
		}
	}
}

export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
	const windowStart = sql`${new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString()}::timestamptz`;
	const lockUntil = sql`${new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString()}::timestamptz`;
	const nowSql = sql`${now.toISOString()}::timestamptz`;
	for (const key of keys) {
		await db()
			.insert(loginThrottle)
			.values({ key, failures: 1, windowStart: now })
			.onConflictDoUpdate({
				target: loginThrottle.key,
				set: {
					failures: sql`case when ${loginThrottle.windowStart} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
					windowStart: sql`case when ${loginThrottle.windowStart} < ${windowStart} then ${nowSql} else ${loginThrottle.windowStart} end`,
					lockedUntil: sql`case when ${loginThrottle.windowStart} >= ${windowStart} and ${loginThrottle.failures} + 1 >= ${MAX_FAILURES} then ${lockUntil} else ${loginThrottle.lockedUntil} end`
				}
			});
	}
}

export async function clearFailures(key: string): Promise<void> {
	await db().delete(loginThrottle).where(eq(loginThrottle.key, key));
}
