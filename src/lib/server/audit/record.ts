import { auditLog } from '../db/schema';
import type { Db } from '../db';
import type { Actor } from '../auth/roles';

export interface AuditEntry {
	action: string;
	entity: string;
	entityId?: string | null;
	detail?: Record<string, unknown>;
}

/**
 * Writes one audit record (who, what, which record, when). Call it inside the same transaction
 * as the read or change it records, so one never exists without the other.
 */
export async function recordAudit(tx: Db, actor: Pick<Actor, 'userId' | 'steunpuntId'>, entry: AuditEntry): Promise<void> {
	await tx.insert(auditLog).values({
		steunpuntId: actor.steunpuntId,
		userId: actor.userId,
		action: entry.action,
		entity: entry.entity,
		entityId: entry.entityId ?? null,
		detail: entry.detail ?? null
	});
}
