/**
 * Sending mail: over SMTP when SMTP_URL is set, otherwise into the outbox table (demo), where
 * the back office can show it. Every mail is plain text plus simple HTML.
 */
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { db } from '../db';
import { mailOutbox, type MailAttachment } from '../db/schema';
import { readConfig } from '../config';
import { log } from '../log';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	html?: string;
	steunpuntId?: string | null;
	/** E.g. an activity's .ics; kept in the outbox with the mail, so a retry sends it too. */
	attachments?: MailAttachment[];
}

const forNodemailer = (list: MailAttachment[] | null | undefined) => (list ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content }));

let transporter: Transporter | undefined;

export async function sendMail(mail: Mail): Promise<void> {
	const config = readConfig();
	const [row] = await db()
		.insert(mailOutbox)
		.values({ steunpuntId: mail.steunpuntId ?? null, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null, viaSmtp: !!config.smtpUrl, attachments: mail.attachments ?? [] })
		.returning({ id: mailOutbox.id });
	if (!config.smtpUrl) {
		log.info({ mail: row.id }, 'geen SMTP_URL: mail staat in de outbox');
		return;
	}
	await deliver(config.smtpUrl, config.mailFrom, { id: row.id, ...mail, html: mail.html ?? null, attachments: mail.attachments ?? [] });
}

async function deliver(smtpUrl: string, from: string, mail: { id: string; to: string; subject: string; text: string; html: string | null; attachments: MailAttachment[] }): Promise<void> {
	transporter ??= nodemailer.createTransport(smtpUrl);
	await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? undefined, attachments: forNodemailer(mail.attachments) });
	await db().update(mailOutbox).set({ sentAt: new Date() }).where(eq(mailOutbox.id, mail.id));
}

/**
 * Sends mail that failed earlier (SMTP down): unsent rows older than a minute and younger than a
 * day. Each row is claimed with SKIP LOCKED, so two instances never send the same mail twice.
 */
export async function retryUnsentMail(now = new Date()): Promise<number> {
	const config = readConfig();
	if (!config.smtpUrl) return 0;
	let sent = 0;
	for (let i = 0; i < 200; i++) {
		const done = await db().transaction(async (tx) => {
			const [row] = await tx
				.select()
				.from(mailOutbox)
				.where(and(eq(mailOutbox.viaSmtp, true), isNull(mailOutbox.sentAt), lt(mailOutbox.createdAt, new Date(now.getTime() - 60_000)), gt(mailOutbox.createdAt, new Date(now.getTime() - 86_400_000))))
				.orderBy(mailOutbox.createdAt)
				.limit(1)
				.for('update', { skipLocked: true });
			if (!row) return false;
			transporter ??= nodemailer.createTransport(config.smtpUrl!);
			await transporter.sendMail({ from: config.mailFrom, to: row.to, subject: row.subject, text: row.text, html: row.html ?? undefined, attachments: forNodemailer(row.attachments) });
			await tx.update(mailOutbox).set({ sentAt: sql`now()` }).where(eq(mailOutbox.id, row.id));
			return true;
		});
		if (!done) break;
		sent++;
	}
	return sent;
}

/** Drops the cached SMTP connection (tests that point SMTP_URL elsewhere). */
export function resetMailTransport(): void {
	transporter?.close();
	transporter = undefined;
}

/** Escapes text for the simple HTML part of a mail. */
export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
