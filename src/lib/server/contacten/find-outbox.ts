/**
 * The outbox: every mail the steunpunt sent (kept 30 days). Without SMTP_URL (the demo) this is
 * where mail goes; staff read it here. It holds addresses, so reading it is audited. A mail that
 * failed for good ("mislukt") can be put back in the queue.
 */
import { and, desc, eq } from 'drizzle-orm';
import { mailOutbox } from '../db/schema';
import { policies } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';
import { NotFoundError } from '../errors';
import { uuidLike } from '../platform/fields';
import { requeueMail } from '../platform/outbox';
import { asStaff } from '../platform/unit-of-work';

export interface OutboxMail {
	id: string;
	to: string;
	subject: string;
	text: string;
	createdAt: Date;
	sentAt: Date | null;
	status: string;
	attempts: number;
	lastError: string | null;
	viaSmtp: boolean;
}

/** The newest 100 mails of the actor's steunpunt (audited: they hold addresses). */
export async function findOutbox(actor: Actor): Promise<OutboxMail[]> {
	return asStaff(actor, policies.canReadOutbox, async ({ tx, actor, steunpunt }) => {
		const rows = await tx
			.select({
				id: mailOutbox.id,
				to: mailOutbox.to,
				subject: mailOutbox.subject,
				text: mailOutbox.text,
				createdAt: mailOutbox.createdAt,
				sentAt: mailOutbox.sentAt,
				status: mailOutbox.status,
				attempts: mailOutbox.attempts,
				lastError: mailOutbox.lastError,
				viaSmtp: mailOutbox.viaSmtp
			})
			.from(mailOutbox)
			.where(eq(mailOutbox.steunpuntId, steunpunt.id))
			.orderBy(desc(mailOutbox.createdAt))
			.limit(100);
		await recordAudit(tx, actor, { action: 'outbox.read', entity: 'mail_outbox', detail: { shown: rows.length } });
		return rows;
	});
}

/** Puts a failed mail back in the queue ("Opnieuw proberen"); 404 for anything else. */
export async function retryFailedMail(actor: Actor, input: { mailId: unknown }): Promise<void> {
	const mailId = typeof input.mailId === 'string' && uuidLike.test(input.mailId) ? input.mailId : null;
	if (!mailId) throw new NotFoundError();
	await asStaff(actor, policies.canReadOutbox, async ({ tx, actor, steunpunt }) => {
		const [row] = await tx
			.select({ status: mailOutbox.status })
			.from(mailOutbox)
			.where(and(eq(mailOutbox.id, mailId), eq(mailOutbox.steunpuntId, steunpunt.id)));
		if (!row || row.status !== 'mislukt' || !(await requeueMail(tx, { mailId, steunpuntId: steunpunt.id }))) throw new NotFoundError();
		await recordAudit(tx, actor, { action: 'outbox.retry', entity: 'mail_outbox', entityId: mailId });
	});
}
