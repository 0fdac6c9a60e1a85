/**
 * Retention (AVG): a closed case's personal data is deleted after the steunpunt's retention
 * period (default 12 months); the anonymous registration stays. An open case that nobody changed
 * for that same period is closed first (`closeDormantCases`), so no case keeps personal data for
 * ever because it was never closed. Safe when two app instances run
 * it at once: each batch locks its rows with FOR UPDATE SKIP LOCKED, so no case is handled twice
 * and neither instance waits for the other.
 */
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '../db';
import { auditLog } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';

const BATCH = 500;

/**
 * Deletes every case closed longer ago than its steunpunt's retention period (only `steunpuntId`'s
 * when given). Returns the count.
 */
export async function purgeClosedCases(now: Date = new Date(), steunpuntId?: string): Promise<number> {
	let total = 0;
	for (;;) {
		const deleted = await db().transaction(async (tx) => {
			const rows = await tx.execute(sql`
				delete from contact_case
				where id in (
					select c.id from contact_case c
					join steunpunt s on s.id = c.steunpunt_id
					where c.status = 'afgesloten'
						and c.closed_at is not null
						and c.closed_at < ${now.toISOString()}::timestamptz - make_interval(months => s.retention_months)
						and (${steunpuntId ?? null}::uuid is null or c.steunpunt_id = ${steunpuntId ?? null}::uuid)
					order by c.closed_at
					limit ${BATCH}
					for update of c skip locked
				)
				returning id, steunpunt_id`);
			const list = rowsOf<{ id: string; steunpunt_id: string }>(rows);
			const perTenant = new Map<string, number>();
			for (const r of list) perTenant.set(r.steunpunt_id, (perTenant.get(r.steunpunt_id) ?? 0) + 1);
			for (const [steunpuntId, count] of perTenant)
				await tx
					.insert(auditLog)
					.values({ steunpuntId, userId: null, action: 'case.purge', entity: 'contact_case', detail: { count, reason: 'bewaartermijn verlopen' } });
			return list.length;
		});
		total += deleted;
		if (deleted < BATCH) return total;
	}
}

/**
 * Closes every open case without any change (status, note, contact, follow-up) for longer than its
 * steunpunt's retention period (only `steunpuntId`'s when given): status "afgesloten" with an event
 * in the history saying why. It is then deleted after the ordinary retention. Returns the count.
 */
export async function closeDormantCases(now: Date = new Date(), steunpuntId?: string): Promise<number> {
	let total = 0;
	for (;;) {
		const closed = await db().transaction(async (tx) => {
			const rows = rowsOf<{ id: string; steunpunt_id: string }>(
				await tx.execute(sql`
					with picked as (
						select c.id, c.steunpunt_id, c.status from contact_case c
						join steunpunt s on s.id = c.steunpunt_id
						where c.status <> 'afgesloten'
							and c.updated_at < ${now.toISOString()}::timestamptz - make_interval(months => s.retention_months)
							and (${steunpuntId ?? null}::uuid is null or c.steunpunt_id = ${steunpuntId ?? null}::uuid)
						order by c.updated_at
						limit ${BATCH}
						for update of c skip locked
					),
					closed as (
						update contact_case c set status = 'afgesloten', closed_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
						from picked p where c.id = p.id
						returning c.id
					),
					events as (
						insert into case_event (case_id, steunpunt_id, at, user_id, kind, data)
						select p.id, p.steunpunt_id, ${now.toISOString()}::timestamptz, null, 'status',
							jsonb_build_object('from', p.status, 'to', 'afgesloten', 'reden', 'geen-wijziging')
						from picked p join closed on closed.id = p.id
					)
					select p.id, p.steunpunt_id from picked p join closed on closed.id = p.id`)
			);
			const perTenant = new Map<string, number>();
			for (const r of rows) perTenant.set(r.steunpunt_id, (perTenant.get(r.steunpunt_id) ?? 0) + 1);
			for (const [steunpuntId, count] of perTenant)
				await tx.insert(auditLog).values({
					steunpuntId,
					userId: null,
					action: 'case.autoclose',
					entity: 'contact_case',
					detail: { count, reason: 'geen wijziging binnen de bewaartermijn' }
				});
			return rows.length;
		});
		total += closed;
		if (closed < BATCH) return total;
	}
}

/**
 * The beheerder runs the retention round now instead of waiting for the hourly job (e.g. right
 * after lowering the retention period). It deletes only what is past the period, and only in the
 * beheerder's own steunpunt.
 */
export async function runRetentionNow(actor: Actor, now = new Date()): Promise<number> {
	const steunpuntId = tenantOf(actor, policies.canHandlePrivacyRequests(actor));
	await closeDormantCases(now, steunpuntId);
	return purgeClosedCases(now, steunpuntId);
}
