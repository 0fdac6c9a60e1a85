/**
 * Login throttling, stored in the database so it holds across app instances and restarts.
 * Every attempt is counted *before* the password or code is checked (an atomic upsert), so
 * attempts sent at the same time cannot slip past the limit: after MAX_FAILURES attempts within
 * the window the key is locked for LOCK_MINUTES. A successful attempt is handed back.
 * Keys are per e-mail address (or user) and per client address.
 */
import { eq, sql } from 'drizzle-orm';
import { db } from '../db';
import { loginThrottle } from '../db/schema';
import { RateLimitedError } from '../errors';

export const MAX_FAILURES = 5;
const WINDOW_MINUTES = 15;
const LOCK_MINUTES = 15;

const LOCKED_MESSAGE = 'Je hebt te vaak een verkeerd wachtwoord of verkeerde code ingevuld. Probeer het over een kwartier opnieuw.';

/** Counts one attempt for every key; throws RateLimitedError when any key is over the limit. */
export async function takeAttempt(keys: string[], now = new Date()): Promise<void> {
	const nowSql = sql`${now.toISOString()}::timestamptz`;
	const windowStart = sql`${new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString()}::timestamptz`;
	const lockUntil = sql`${new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString()}::timestamptz`;
	let refused = false;
	for (const key of keys) {
		const [row] = await db()
			.insert(loginThrottle)
			.values({ key, failures: 1, windowStart: now })
			.onConflictDoUpdate({
				target: loginThrottle.key,
				set: {
					failures: sql`case when ${loginThrottle.windowStart} < ${windowStart} and coalesce(${loginThrottle.lockedUntil} < ${nowSql}, true) then 1 else ${loginThrottle.failures} + 1 end`,
					windowStart: sql`case when ${loginThrottle.windowStart} < ${windowStart} and coalesce(${loginThrottle.lockedUntil} < ${nowSql}, true) then ${nowSql} else ${loginThrottle.windowStart} end`,
					lockedUntil: sql`case when ${loginThrottle.lockedUntil} > ${nowSql} then ${loginThrottle.lockedUntil} when ${loginThrottle.windowStart} >= ${windowStart} and ${loginThrottle.failures} + 1 > ${MAX_FAILURES} then ${lockUntil} else null end`
				}
			})
			.returning({ failures: loginThrottle.failures, lockedUntil: loginThrottle.lockedUntil });
		if ((row.lockedUntil && row.lockedUntil > now) || row.failures > MAX_FAILURES) refused = true;
	}
	if (refused) throw new RateLimitedError(LOCKED_MESSAGE);
}

/** A successful attempt does not count against the key (e.g. a client address). */
export async function releaseAttempt(key: string): Promise<void> {
	await db()
		.update(loginThrottle)
		.set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
		.where(eq(loginThrottle.key, key));
}

export async function clearFailures(key: string): Promise<void> {
	await db().delete(loginThrottle).where(eq(loginThrottle.key, key));
}
