import { and, desc, eq, inArray, like, type SQL } from 'drizzle-orm';
import { db, withTenant } from '../db';
import { appUser, auditLog } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';

/** Dutch words for what happened; unknown actions show as they are. */
export const AUDIT_LABELS: Record<string, string> = {
	'case.view': 'Dossier bekeken',
	'case.list': 'Lijst met dossiers bekeken',
	'case.export': 'Gegevens van een ouder geëxporteerd (inzage)',
	'case.delete': 'Dossier gewist op verzoek van de ouder',
	'case.purge': 'Dossiers gewist na de bewaartermijn',
	'case.autoclose': 'Dossiers vanzelf afgesloten (niets gewijzigd binnen de bewaartermijn)',
	'outbox.read': 'Uitgaande mail bekeken',
	'organisation.add': 'Organisatie toegevoegd',
	'organisation.remove': 'Organisatie verwijderd',
	'audit.read': 'Auditlog bekeken',
	'steunpunt.settings': 'Instellingen gewijzigd',
	'activity.create': 'Activiteit gepland',
	'activity.update': 'Activiteit gewijzigd',
	'activity.copy': 'Activiteit gekopieerd',
	'activity.cancel': 'Activiteit afgelast',
	'activity.view': 'Deelnemers van een activiteit bekeken',
	'activity.export': 'Deelnemers van een activiteit geëxporteerd (CSV)',
	'activity.signup_add': 'Deelnemer aangemeld door het steunpunt',
	'activity.signup_cancel': 'Deelnemer afgemeld door het steunpunt',
	'activity.offer_confirm': 'Aangeboden plek genomen door het steunpunt',
	'activity.feedback_mail': 'Feedbackmail van een activiteit verstuurd',
	'activity.topics': 'Besproken onderwerpen van een activiteit vastgelegd'
};

/** Which records: `dossiers` (case.*), `activiteiten` (activity.*) or all; of one entity; how many (default 200). */
export interface AuditLogQuery {
	filter?: string;
	entityId?: string;
	limit?: number;
}

/** One audit record as the log page shows it. */
export interface AuditLogLine {
	at: Date;
	who: string;
	action: string;
	entity: string;
	entityId: string | null;
	reference: string | null;
	count: number | null;
}

/** The latest audit records of the actor's steunpunt, for its beheerder. Reading it is itself audited. */
export async function findAuditLog(actor: Actor, options: AuditLogQuery = {}): Promise<AuditLogLine[]> {
	const steunpuntId = tenantOf(actor, policies.canReadAuditLog(actor));
	const where: SQL[] = [eq(auditLog.steunpuntId, steunpuntId)];
	if (options.filter === 'dossiers') where.push(like(auditLog.action, 'case.%'));
	if (options.filter === 'activiteiten') where.push(like(auditLog.action, 'activity.%'));
	if (options.entityId) where.push(eq(auditLog.entityId, options.entityId));
	const rows = await withTenant(steunpuntId, async (tx) => {
		const found = await tx
			.select()
			.from(auditLog)
			.where(and(...where))
			.orderBy(desc(auditLog.at))
			.limit(options.limit ?? 200);
		await tx.insert(auditLog).values({ steunpuntId, userId: actor.userId, action: 'audit.read', entity: 'audit_log' });
		return found;
	});
	const ids = [...new Set(rows.map((r) => r.userId).filter((x): x is string => !!x))];
	const users = new Map(
		ids.length ? (await db().select({ id: appUser.id, naam: appUser.naam }).from(appUser).where(inArray(appUser.id, ids))).map((u) => [u.id, u.naam]) : []
	);
	return rows.map((r) => ({
		at: r.at,
		who: r.userId ? (users.get(r.userId) ?? 'onbekend') : 'systeem',
		action: AUDIT_LABELS[r.action] ?? r.action,
		entity: r.entity,
		entityId: r.entityId,
		reference: typeof r.detail?.reference === 'string' ? r.detail.reference : null,
		count: typeof r.detail?.count === 'number' ? r.detail.count : null
	}));
}
