/**
 * The outbox: every mail the steunpunt sent (kept 30 days). Without SMTP_URL (the demo) this is
 * where mail goes; staff read it here. It holds addresses, so reading it is audited.
 */
import { desc, eq } from 'drizzle-orm';
import { mailOutbox } from '../db/schema';
import { authorize, policies } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';
import { db, withTenant } from '../db';

export async function findOutbox(actor: Actor, steunpuntId: string) {
	authorize(actor, steunpuntId, policies.canReadOutbox(actor));
	// mail_outbox is not a tenant table under RLS (it also holds staff mail); filter explicitly.
	const rows = await db()
		.select({ id: mailOutbox.id, to: mailOutbox.to, subject: mailOutbox.subject, text: mailOutbox.text, createdAt: mailOutbox.createdAt, sentAt: mailOutbox.sentAt })
		.from(mailOutbox)
		.where(eq(mailOutbox.steunpuntId, steunpuntId))
		.orderBy(desc(mailOutbox.createdAt))
		.limit(100);
	await withTenant(steunpuntId, (tx) => recordAudit(tx, actor, { action: 'outbox.read', entity: 'mail_outbox', detail: { shown: rows.length } }));
	return rows;
}
