import { desc, eq } from 'drizzle-orm';
import { db, withTenant } from '../db';
import { appUser, auditLog } from '../db/schema';
import { authorize, policies } from '../auth/policy';
import type { Actor } from '../auth/roles';

/** The latest audit records of a steunpunt, for its beheerder. Reading it is itself audited. */
export async function findAuditLog(actor: Actor, steunpuntId: string, limit = 200) {
	authorize(actor, steunpuntId, policies.canReadAuditLog(actor));
	const rows = await withTenant(steunpuntId, async (tx) => {
		const found = await tx.select().from(auditLog).where(eq(auditLog.steunpuntId, steunpuntId)).orderBy(desc(auditLog.at)).limit(limit);
		await tx.insert(auditLog).values({ steunpuntId, userId: actor.userId, action: 'audit.read', entity: 'audit_log' });
		return found;
	});
	const users = new Map((await db().select({ id: appUser.id, naam: appUser.naam }).from(appUser)).map((u) => [u.id, u.naam]));
	return rows.map((r) => ({ at: r.at, who: r.userId ? (users.get(r.userId) ?? 'onbekend') : 'systeem', action: r.action, entity: r.entity, entityId: r.entityId }));
}
