/**
 * Check-ins: active matches without a contact moment for N weeks (per steunpunt). The regisseur
 * sees them in a list; the buddy gets a reminder mail at most once per N weeks. The job claims
 * each match with FOR UPDATE SKIP LOCKED, so two app instances never mail twice.
 */
import { and, asc, eq, lt, or, isNull, sql } from 'drizzle-orm';
import { db, withTenant } from '../db';
import { buddy, buddyMatch, buddyRequest, steunpunt } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { queueMail } from '../platform/outbox';
import { addDays, dayInNL } from '$lib/working-days';
import { reminderMail } from './mails';

/** The regisseur's check-in list: the period in weeks and the matches quiet for longer. */
export interface QuietMatches {
	weeks: number;
	rows: { id: string; buddy: string; reference: string; lastContactOn: string | null }[];
}

/** Active matches whose last contact is older than the steunpunt's check-in period. */
export async function findQuietMatches(actor: Actor, now = new Date()): Promise<QuietMatches> {
	const steunpuntId = tenantOf(actor, policies.canManageBuddies(actor));
	return withTenant(steunpuntId, async (tx) => {
		const [{ weeks }] = await tx.select({ weeks: steunpunt.buddyCheckInWeeks }).from(steunpunt).where(eq(steunpunt.id, steunpuntId));
		const before = addDays(dayInNL(now), -7 * weeks);
		const rows = await tx
			.select({ id: buddyMatch.id, buddy: buddy.name, reference: buddyRequest.reference, lastContactOn: buddyMatch.lastContactOn })
			.from(buddyMatch)
			.innerJoin(buddy, eq(buddy.id, buddyMatch.buddyId))
			.innerJoin(buddyRequest, eq(buddyRequest.id, buddyMatch.requestId))
			.where(
				and(
					eq(buddyMatch.steunpuntId, steunpuntId),
					eq(buddyMatch.status, 'actief'),
					or(isNull(buddyMatch.lastContactOn), lt(buddyMatch.lastContactOn, before))
				)
			)
			.orderBy(asc(buddyMatch.lastContactOn));
		return { weeks, rows };
	});
}

/** The hourly job: mail buddies of quiet matches (once per check-in period). Returns how many. */
export async function sendCheckInReminders(options: { origin: string; now?: Date }): Promise<number> {
	const now = options.now ?? new Date();
	const today = dayInNL(now);
	let sent = 0;
	for (let i = 0; i < 500; i++) {
		const claimed = await db().transaction(async (tx) => {
			const [row] = await tx
				.select({
					id: buddyMatch.id,
					steunpuntId: buddyMatch.steunpuntId,
					email: buddy.email,
					name: buddy.name,
					weeks: steunpunt.buddyCheckInWeeks,
					sp: { slug: steunpunt.slug, naam: steunpunt.naam, telefoon: steunpunt.telefoon, email: steunpunt.email }
				})
				.from(buddyMatch)
				.innerJoin(buddy, eq(buddy.id, buddyMatch.buddyId))
				.innerJoin(steunpunt, eq(steunpunt.id, buddyMatch.steunpuntId))
				.where(
					and(
						eq(buddyMatch.status, 'actief'),
						sql`coalesce(${buddyMatch.lastContactOn}, ${buddyMatch.activeAt}::date) < ${today}::date - 7 * ${steunpunt.buddyCheckInWeeks}`,
						sql`(${buddyMatch.lastReminderAt} is null or ${buddyMatch.lastReminderAt} < ${now.toISOString()}::timestamptz - make_interval(weeks => ${steunpunt.buddyCheckInWeeks}))`
					)
				)
				.limit(1)
				.for('update', { of: buddyMatch, skipLocked: true });
			if (!row) return null;
			await tx.update(buddyMatch).set({ lastReminderAt: now }).where(eq(buddyMatch.id, row.id));
			// The reminder goes to the outbox with the claim: marked reminded means a mail is queued.
			if (row.email)
				await queueMail(tx, {
					steunpuntId: row.steunpuntId,
					to: row.email,
					...reminderMail({ origin: options.origin, steunpunt: row.sp, buddyName: row.name, weeks: row.weeks })
				});
			return row;
		});
		if (!claimed) break;
		if (claimed.email) sent++;
	}
	return sent;
}
