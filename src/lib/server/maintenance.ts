/**
 * The periodic jobs. Each step runs on its own and a failing step is logged (by code) and
 * skipped, so one broken mail or one bad row can never stop the others. Every step is safe with
 * several app instances at the same moment: plain deletes of old rows and wipes that re-check
 * their condition, or claims (SKIP LOCKED, a mark such as `reminded_at` set in the transaction
 * that queues the mail), so no mail or reminder goes out twice (several-instances.db.test.ts
 * runs them side by side). The app also runs the hourly round on one instance at a time
 * (app.ts, an advisory lock).
 *
 * Hourly (`purgeExpired`): expired sessions and reset links; throttle and rate-limit counters
 * (they hold client addresses) once their window is over; mail after 30 days; the audit log after
 * each steunpunt's audit retention; closed cases, buddy data and activity participants after their
 * retention; free text in anonymous answers after the steunpunt's retention; buddy check-ins and
 * activity reminders. Every half minute (`deliverQueuedMail`): the
 * outbox.
 */
import { and, isNull, lt, or } from 'drizzle-orm';
import { db } from './db';
import { loginThrottle, mailOutbox, passwordReset, rateLimit, session } from './db/schema';
import { closeDormantCases, purgeClosedCases } from './contacten/purge-cases';
import { purgeBuddyPersonalData } from './buddies/retention';
import { sendCheckInReminders } from './buddies/check-ins';
import { readConfig } from './config';
import { runActivityJobs } from './activiteiten/jobs';
import { purgeAuditLog } from './audit/retention';
import { wipeOldFreeText } from './platform/free-text-retention';
import { errorCode } from './platform/outbox';
import { log } from './log';

export interface StepOutcome {
	step: string;
	ok: boolean;
	code?: string;
}

/** Runs the steps one after another; a failure is logged and the next step runs anyway. */
export async function runSteps(steps: [string, () => Promise<unknown>][]): Promise<StepOutcome[]> {
	const outcomes: StepOutcome[] = [];
	for (const [step, run] of steps) {
		try {
			await run();
			outcomes.push({ step, ok: true });
		} catch (error) {
			const code = errorCode(error);
			log.error({ step, code }, 'onderhoudsstap mislukt; de andere stappen lopen door');
			outcomes.push({ step, ok: false, code });
		}
	}
	return outcomes;
}

export async function purgeExpired(now = new Date()): Promise<StepOutcome[]> {
	const dayAgo = new Date(now.getTime() - 86_400_000);
	const origin = readConfig().origin ?? 'http://localhost:3000';
	return runSteps([
		['sessies', () => db().delete(session).where(lt(session.expiresAt, now))],
		['wachtwoordlinks', () => db().delete(passwordReset).where(lt(passwordReset.expiresAt, dayAgo))],
		[
			'inlogtellers',
			() =>
				db()
					.delete(loginThrottle)
					.where(and(lt(loginThrottle.windowStart, dayAgo), or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, now))))
		],
		['limieten', () => db().delete(rateLimit).where(lt(rateLimit.windowStart, dayAgo))],
		// Mail holds addresses and names: keep it 30 days, then it goes.
		[
			'mail',
			() =>
				db()
					.delete(mailOutbox)
					.where(lt(mailOutbox.createdAt, new Date(now.getTime() - 30 * 86_400_000)))
		],
		['auditlog', () => purgeAuditLog(now)],
		['stille dossiers', () => closeDormantCases(now)],
		['dossiers', () => purgeClosedCases(now)],
		['buddygegevens', () => purgeBuddyPersonalData(now)],
		['vrije tekst', () => wipeOldFreeText(now)],
		['buddy-check-ins', () => sendCheckInReminders({ origin, now })],
		['activiteiten', () => runActivityJobs({ origin }, now)]
	]);
}
