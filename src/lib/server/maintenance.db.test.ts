import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from './testing/db';
import { db } from './db';
import { loginThrottle, rateLimit } from './db/schema';
import { purgeExpired } from './maintenance';

const run = randomUUID();

beforeAll(async () => {
	await useTestDatabase();
}, 120_000);

describe('purgeExpired', () => {
	it('removes counters (with client addresses) after a day and keeps current ones', async () => {
		const old = new Date(Date.now() - 2 * 86_400_000);
		await db()
			.insert(rateLimit)
			.values([
				{ key: `purge-${run}:old`, count: 3, windowStart: old },
				{ key: `purge-${run}:new`, count: 1, windowStart: new Date() }
			]);
		await db()
			.insert(loginThrottle)
			.values({ key: `purge-${run}:old-ip`, failures: 2, windowStart: old });
		await purgeExpired();
		expect(
			await db()
				.select()
				.from(rateLimit)
				.where(eq(rateLimit.key, `purge-${run}:old`))
		).toHaveLength(0);
		expect(
			await db()
				.select()
				.from(rateLimit)
				.where(eq(rateLimit.key, `purge-${run}:new`))
		).toHaveLength(1);
		expect(
			await db()
				.select()
				.from(loginThrottle)
				.where(eq(loginThrottle.key, `purge-${run}:old-ip`))
		).toHaveLength(0);
	});
});
