/**
 * Deletes what is no longer needed: expired sessions and reset links, and the throttle and
 * rate-limit counters (which hold client addresses) once their window is over, mail after 30
 * days, and closed cases after the retention period. Plain deletes of old rows or SKIP LOCKED
 * batches, so two app instances running it at once do no harm.
 */
import { and, isNull, lt, or } from 'drizzle-orm';
import { db } from './db';
import { loginThrottle, mailOutbox, passwordReset, rateLimit, session } from './db/schema';
import { purgeClosedCases } from './contacten/purge-cases';
import { retryUnsentMail } from './mail/send';
import { purgeBuddyPersonalData } from './buddies/retention';
import { sendCheckInReminders } from './buddies/check-ins';
import { readConfig } from './config';
import { runActivityJobs } from './activiteiten/jobs';

export async function purgeExpired(now = new Date()): Promise<void> {
	const dayAgo = new Date(now.getTime() - 86_400_000);
	await db().delete(session).where(lt(session.expiresAt, now));
	await db().delete(passwordReset).where(lt(passwordReset.expiresAt, dayAgo));
	await db()
		.delete(loginThrottle)
		.where(and(lt(loginThrottle.windowStart, dayAgo), or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, now))));
	await db().delete(rateLimit).where(lt(rateLimit.windowStart, dayAgo));
	// Mail holds addresses and names: keep it 30 days, then it goes.
	await db().delete(mailOutbox).where(lt(mailOutbox.createdAt, new Date(now.getTime() - 30 * 86_400_000)));
	await purgeClosedCases(now);
	await purgeBuddyPersonalData(now);
	await retryUnsentMail(now);
	await sendCheckInReminders({ origin: readConfig().origin ?? 'http://localhost:3000', now });
	await runActivityJobs({ origin: readConfig().origin ?? 'http://localhost:3000' }, now);
}
