/**
 * The audit log's own retention (AVG accountability is needed for a limited time): records older
 * than the steunpunt's `audit_retention_months` (default 24, Instellingen) go; records of no
 * steunpunt (logins, national staff) after the default. The purge itself is recorded.
 */
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '../db';
import { auditLog } from '../db/schema';

export const DEFAULT_AUDIT_RETENTION_MONTHS = 24;

/** Deletes audit records past their retention; returns how many per steunpunt (null: none). */
export async function purgeAuditLog(now: Date = new Date()): Promise<number> {
	const at = now.toISOString();
	return db().transaction(async (tx) => {
		const rows = rowsOf<{ steunpunt_id: string | null; n: number }>(
			await tx.execute(sql`
				with gone as (
					delete from audit_log a
					where a.at < ${at}::timestamptz - make_interval(months => coalesce(
						(select s.audit_retention_months from steunpunt s where s.id = a.steunpunt_id), ${DEFAULT_AUDIT_RETENTION_MONTHS}))
					returning a.steunpunt_id
				)
				select steunpunt_id, count(*)::int as n from gone group by steunpunt_id`)
		);
		for (const r of rows)
			await tx.insert(auditLog).values({
				steunpuntId: r.steunpunt_id,
				userId: null,
				action: 'audit.purge',
				entity: 'audit_log',
				detail: { count: r.n, reason: 'bewaartermijn auditlog verlopen' }
			});
		return rows.reduce((sum, r) => sum + r.n, 0);
	});
}
