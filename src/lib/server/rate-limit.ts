/**
 * A fixed-window counter per key in the database, so limits hold across app instances.
 * Throws RateLimitedError once `max` hits happened within `windowSeconds`.
 */
import { sql } from 'drizzle-orm';
import { db } from './db';
import { rateLimit } from './db/schema';
import { RateLimitedError } from './errors';

export async function hitRateLimit(options: { key: string; max: number; windowSeconds: number; now?: Date }): Promise<void> {
	const now = options.now ?? new Date();
	const windowStart = new Date(now.getTime() - options.windowSeconds * 1000).toISOString();
	const [row] = await db()
		.insert(rateLimit)
		.values({ key: options.key, count: 1, windowStart: now })
		.onConflictDoUpdate({
			target: rateLimit.key,
			set: {
				count: sql`case when ${rateLimit.windowStart} < ${windowStart}::timestamptz then 1 else ${rateLimit.count} + 1 end`,
				windowStart: sql`case when ${rateLimit.windowStart} < ${windowStart}::timestamptz then ${now.toISOString()}::timestamptz else ${rateLimit.windowStart} end`
			}
		})
		.returning({ count: rateLimit.count });
	if (row.count > options.max) throw new RateLimitedError();
}
