/**
 * Scheduled work of Activiteiten (run by the maintenance job): reminder mails two days before,
 * settling offers that ran out, feedback mails after the activity, and deleting participants'
 * personal data a set number of days after the activity (the counts stay). Each claims its rows
 * with SKIP LOCKED or a conditional update, so two app instances never do the same work twice.
 */
import { and, eq, gt, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { db, rowsOf } from '../db';
import { activity, activitySignup, steunpunt } from '../db/schema';
import { queueMail } from '../platform/outbox';
import { reminderMail } from './mails';
import { signupToken } from './links';
import { expireOffers, type MailContext } from './signups';
import { sendDueFeedbackMails } from './aftercare';

export const REMIND_BEFORE_MS = 48 * 3_600_000;

/** Two days before: a reminder to everyone confirmed with an e-mail address, once. */
export async function sendReminders(ctx: MailContext, now = new Date()): Promise<number> {
	let sent = 0;
	for (let i = 0; i < 1000; i++) {
		const claimed = await db().transaction(async (tx) => {
			const [row] = await tx
				.select({
					s: activitySignup,
					a: activity,
					sp: { id: steunpunt.id, slug: steunpunt.slug, naam: steunpunt.naam, telefoon: steunpunt.telefoon, email: steunpunt.email }
				})
				.from(activitySignup)
				.innerJoin(activity, eq(activity.id, activitySignup.activityId))
				.innerJoin(steunpunt, eq(steunpunt.id, activity.steunpuntId))
				.where(
					and(
						eq(activitySignup.status, 'bevestigd'),
						isNull(activitySignup.remindedAt),
						isNotNull(activitySignup.email),
						eq(activity.status, 'gepland'),
						gt(activity.startsAt, now),
						lt(activity.startsAt, new Date(now.getTime() + REMIND_BEFORE_MS))
					)
				)
				.limit(1)
				.for('update', { of: activitySignup, skipLocked: true });
			if (!row) return null;
			await tx.update(activitySignup).set({ remindedAt: now }).where(eq(activitySignup.id, row.s.id));
			// Marked reminded and the reminder queued in one transaction.
			const token = await signupToken(row.s.id);
			await queueMail(tx, {
				steunpuntId: row.sp.id,
				to: row.s.email!,
				...reminderMail({ origin: ctx.origin, steunpunt: row.sp, activity: row.a, token, name: row.s.name })
			});
			return row;
		});
		if (!claimed) break;
		sent++;
	}
	return sent;
}

/**
 * Deletes participants' names, contact details and needs once the activity ended longer ago
 * than the steunpunt's `activityRetentionDays`; the rows stay (status, size, check-in, whether
 * they waited) for the figures. Mail in the outbox goes after 30 days with all other mail.
 */
export async function purgeActivityPersonalData(now = new Date()): Promise<number> {
	return db().transaction(async (tx) => {
		const due = rowsOf<{ id: string }>(
			await tx.execute(sql`
				select a.id from activity a join steunpunt s on s.id = a.steunpunt_id
				where a.personal_data_purged_at is null
					and a.ends_at < ${now.toISOString()}::timestamptz - make_interval(days => s.activity_retention_days)
				order by a.ends_at
				limit 500
				for update of a skip locked`)
		);
		if (!due.length) return 0;
		const ids = due.map((d) => d.id);
		await tx
			.update(activitySignup)
			.set({ name: null, email: null, phone: null, needs: [], needsNote: null, tokenExpiresAt: now })
			.where(inArray(activitySignup.activityId, ids));
		await tx.update(activity).set({ personalDataPurgedAt: now, onlineUrl: null }).where(inArray(activity.id, ids));
		return ids.length;
	});
}

/** Everything above, in one go (the hourly maintenance). */
export async function runActivityJobs(ctx: MailContext, now = new Date()): Promise<void> {
	await expireOffers(ctx, now);
	await sendReminders(ctx, now);
	await sendDueFeedbackMails(ctx, now);
	await purgeActivityPersonalData(now);
}
