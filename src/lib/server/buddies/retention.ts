/**
 * Retention for the buddy programme: once a request is closed longer ago than the steunpunt's
 * retention period, the parent's words and contact details, the notes and the reflection are
 * wiped. A request still waiting for a buddy (`aangevraagd`) longer than that period is closed and
 * wiped too (before, an open request kept its copy of the parent's details for ever). States,
 * dates, forms of contact and topics stay for the figures (they name no one).
 */
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '../db';

export async function purgeBuddyPersonalData(now: Date = new Date()): Promise<number> {
	return db().transaction(async (tx) => {
		const stale = rowsOf<{ id: string }>(
			await tx.execute(sql`
				update buddy_request r set status = 'afgesloten', closed_at = ${now.toISOString()}::timestamptz, need = null, name = null, email = null, phone = null
				from steunpunt s
				where s.id = r.steunpunt_id and r.status = 'aangevraagd'
					and r.created_at < ${now.toISOString()}::timestamptz - make_interval(months => s.retention_months)
				returning r.id`)
		);
		const closed = rowsOf<{ id: string }>(
			await tx.execute(sql`
				update buddy_request r set need = null, name = null, email = null, phone = null
				from steunpunt s
				where s.id = r.steunpunt_id and r.status = 'afgesloten' and r.closed_at is not null
					and r.closed_at < ${now.toISOString()}::timestamptz - make_interval(months => s.retention_months)
					and (r.need is not null or r.name is not null or r.email is not null or r.phone is not null)
				returning r.id`)
		);
		const wiped = [...stale, ...closed];
		if (!wiped.length) return 0;
		const ids = sql.join(
			wiped.map((c) => sql`${c.id}::uuid`),
			sql`, `
		);
		await tx.execute(sql`update buddy_match set reflection = null, end_reason = null where request_id in (${ids})`);
		await tx.execute(sql`update buddy_moment set note = null where match_id in (select id from buddy_match where request_id in (${ids}))`);
		await tx.execute(sql`update buddy_match_event set note = null where match_id in (select id from buddy_match where request_id in (${ids}))`);
		return wiped.length;
	});
}
