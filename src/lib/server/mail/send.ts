/**
 * Sending mail: over SMTP when SMTP_URL is set, otherwise into the outbox table (demo), where
 * the back office can show it. Every mail is plain text plus simple HTML.
 */
import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { db } from '../db';
import { mailOutbox } from '../db/schema';
import { readConfig } from '../config';
import { log } from '../log';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	html?: string;
	steunpuntId?: string | null;
}

let transporter: Transporter | undefined;

export async function sendMail(mail: Mail): Promise<void> {
	const config = readConfig();
	const [row] = await db()
		.insert(mailOutbox)
		.values({ steunpuntId: mail.steunpuntId ?? null, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null })
		.returning({ id: mailOutbox.id });
	if (!config.smtpUrl) {
		log.info({ mail: row.id }, 'geen SMTP_URL: mail staat in de outbox');
		return;
	}
	transporter ??= nodemailer.createTransport(config.smtpUrl);
	await transporter.sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
	await db().update(mailOutbox).set({ sentAt: new Date() }).where(eq(mailOutbox.id, row.id));
}

/** Escapes text for the simple HTML part of a mail. */
export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
