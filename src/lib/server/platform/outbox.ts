/**
 * The transactional outbox. A use case writes its mail into `mail_outbox` with `queueMail(tx, …)`
 * in the same transaction as the change, so a mail exists exactly when the change does, and no
 * request ever waits on (or fails because of) the mail server. The sender job
 * (`deliverQueuedMail`) sends what is due: it claims rows with SKIP LOCKED and puts them on a
 * lease, renews the lease of each row just before sending it and skips a row whose lease another
 * instance took over meanwhile (so several instances never send one mail twice, also when a slow
 * mail server makes a batch outlast the lease). It sends each outside any transaction, counts
 * attempts, backs off exponentially after a failure and gives up after MAX_ATTEMPTS ("mislukt",
 * shown on *Uitgaande mail* with a retry button). One failing row never blocks the others.
 *
 * Without SMTP_URL (the demo) mail is only kept in the outbox, where staff can read it.
 */
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { db, type Db } from '../db';
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
	/** The body and address should not outlive delivery (an inzage export): wiped once sent. */
	eraseAfterSend?: boolean;
}

export const MAX_ATTEMPTS = 8;
/** Minutes to wait after the n-th failed attempt: 1, 2, 4, … capped at 6 hours. */
export const backoffMinutes = (attempts: number) => Math.min(2 ** Math.max(0, attempts - 1), 360);
/**
 * A claimed row is not picked up again for this long (a crashed sender's rows come back). The
 * lease's end is also the claim's token: a sender only sends a row whose lease is still its own.
 */
export const LEASE_MS = 5 * 60_000;
const BATCH = 20;
const SEND_TIMEOUT_MS = 20_000;

let transporter: Transporter | undefined;
let kickTimer: ReturnType<typeof setTimeout> | undefined;
let autoDeliver = true;

/**
 * Writes a mail into the outbox inside the caller's transaction. It is sent by the sender job
 * shortly after the transaction commits (a rolled-back change leaves no mail behind).
 */
export async function queueMail(tx: Db, mail: Mail): Promise<string> {
	const config = readConfig();
	const [row] = await tx
		.insert(mailOutbox)
		.values({
			steunpuntId: mail.steunpuntId ?? null,
			to: mail.to,
			subject: mail.subject,
			text: mail.text,
			html: mail.html ?? null,
			viaSmtp: !!config.smtpUrl,
			attachments: mail.attachments ?? [],
			eraseAfterSend: mail.eraseAfterSend ?? false
		})
		.returning({ id: mailOutbox.id });
	if (config.smtpUrl) kickDelivery();
	else log.info({ mail: row.id }, 'geen SMTP_URL: mail staat in de outbox');
	return row.id;
}

/**
 * Asks the sender job to run soon (debounced). Runs after the caller's transaction has had time
 * to commit; whatever it misses, the periodic run picks up.
 */
export function kickDelivery(delayMs = 150): void {
	if (!autoDeliver || kickTimer) return;
	kickTimer = setTimeout(() => {
		kickTimer = undefined;
		deliverQueuedMail().catch((error) => log.error({ code: errorCode(error) }, 'mail versturen mislukt'));
	}, delayMs);
	kickTimer.unref?.();
}

/** Tests drive the sender themselves: no background runs after queueing. */
export function setAutoDelivery(on: boolean): void {
	autoDeliver = on;
	if (!on && kickTimer) {
		clearTimeout(kickTimer);
		kickTimer = undefined;
	}
}

/** A short code for the log and the outbox row: SMTP reply code or system error code, never text. */
export function errorCode(error: unknown): string {
	const e = error as { responseCode?: number; code?: string; cause?: { code?: string } };
	if (e?.responseCode) return String(e.responseCode);
	if (e?.code) return String(e.code).slice(0, 40);
	if (e?.cause?.code) return String(e.cause.code).slice(0, 40);
	return 'ONBEKEND';
}

let running: Promise<{ sent: number; failed: number }> | undefined;
let next: Promise<{ sent: number; failed: number }> | undefined;

/**
 * Sends every due mail (sender job). Returns how many were sent and how many attempts failed.
 * One round at a time per process; a call during a round gets one more round right after it
 * (that round may have looked for due mail before the caller's mail was queued), shared by all
 * who call meanwhile. Other instances are kept apart by SKIP LOCKED and the lease.
 */
export function deliverQueuedMail(now: () => Date = () => new Date()): Promise<{ sent: number; failed: number }> {
	if (!running) {
		running = sendDueMail(now).finally(() => {
			running = undefined;
		});
		return running;
	}
	next ??= running
		.catch(() => undefined)
		.then(() => {
			next = undefined;
			return deliverQueuedMail(now);
		});
	return next;
}

/**
 * One sender run, not shared with other calls: what one instance does. The app calls
 * `deliverQueuedMail`; tests run two of these at once to act as two instances.
 */
export async function sendDueMail(now: () => Date = () => new Date()): Promise<{ sent: number; failed: number }> {
	const config = readConfig();
	const totals = { sent: 0, failed: 0 };
	if (!config.smtpUrl) return totals;
	for (let round = 0; round < 50; round++) {
		const batch = await claimDue(now());
		if (batch.length === 0) break;
		for (const row of batch) {
			const outcome = await deliverOne(config.smtpUrl, config.mailFrom, row, now);
			if (outcome === 'sent') totals.sent++;
			else if (outcome === 'failed') totals.failed++;
		}
	}
	return totals;
}

type Claimed = typeof mailOutbox.$inferSelect;

/**
 * Claims due rows and puts them on lease in one short transaction; sending happens after it. The
 * rows come back with `nextAttemptAt` set to this sender's lease.
 */
async function claimDue(at: Date): Promise<Claimed[]> {
	const lease = new Date(at.getTime() + LEASE_MS);
	return db().transaction(async (tx) => {
		const rows = await tx
			.select()
			.from(mailOutbox)
			.where(and(eq(mailOutbox.status, 'wacht'), eq(mailOutbox.viaSmtp, true), lte(mailOutbox.nextAttemptAt, at)))
			.orderBy(asc(mailOutbox.nextAttemptAt))
			.limit(BATCH)
			.for('update', { skipLocked: true });
		if (rows.length)
			await tx
				.update(mailOutbox)
				.set({ nextAttemptAt: lease })
				.where(
					inArray(
						mailOutbox.id,
						rows.map((r) => r.id)
					)
				);
		return rows.map((r) => ({ ...r, nextAttemptAt: lease }));
	});
}

/**
 * Renews the lease of one claimed row right before it is sent, only while the lease is still
 * this sender's. False when another instance took the row over after the lease ran out (the
 * batch before it was slow): that instance sends it, this one must not.
 */
async function renewLease(row: Claimed, now: Date): Promise<boolean> {
	const renewed = await db()
		.update(mailOutbox)
		.set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
		.where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.status, 'wacht'), eq(mailOutbox.nextAttemptAt, row.nextAttemptAt)))
		.returning({ id: mailOutbox.id });
	return renewed.length > 0;
}

async function deliverOne(smtpUrl: string, from: string, row: Claimed, now: () => Date): Promise<'sent' | 'failed' | 'taken-over'> {
	if (!(await renewLease(row, now()))) {
		log.info({ mail: row.id }, 'mail overgenomen door een andere instantie');
		return 'taken-over';
	}
	try {
		transporter ??= nodemailer.createTransport(smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: SEND_TIMEOUT_MS });
		await transporter.sendMail({
			from,
			to: row.to,
			subject: row.subject,
			text: row.text,
			html: row.html ?? undefined,
			attachments: (row.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content }))
		});
	} catch (error) {
		const attempts = row.attempts + 1;
		const code = errorCode(error);
		const givingUp = attempts >= MAX_ATTEMPTS;
		await db()
			.update(mailOutbox)
			.set({ attempts, lastError: code, status: givingUp ? 'mislukt' : 'wacht', nextAttemptAt: new Date(now().getTime() + backoffMinutes(attempts) * 60_000) })
			.where(eq(mailOutbox.id, row.id));
		log.warn({ mail: row.id, attempts, code }, givingUp ? 'mail mislukt: niet meer geprobeerd' : 'mail niet verstuurd: later opnieuw');
		// A broken connection may be cached: start afresh next time.
		resetMailTransport();
		return 'failed';
	}
	await db()
		.update(mailOutbox)
		.set({
			status: 'verstuurd',
			sentAt: now(),
			attempts: row.attempts + 1,
			lastError: null,
			// The address goes too: after a deletion request nothing may point to the person.
			...(row.eraseAfterSend ? { to: '(gewist)', text: '(verstuurd; de inhoud is gewist)', html: null, attachments: [] } : {})
		})
		.where(eq(mailOutbox.id, row.id));
	return 'sent';
}

/** A mail that failed for good goes back in the queue (button on *Uitgaande mail*). */
export async function requeueMail(tx: Db, options: { mailId: string; steunpuntId: string }): Promise<boolean> {
	const rows = await tx
		.update(mailOutbox)
		.set({ status: 'wacht', attempts: 0, lastError: null, nextAttemptAt: sql`now()` })
		.where(and(eq(mailOutbox.id, options.mailId), eq(mailOutbox.steunpuntId, options.steunpuntId), eq(mailOutbox.status, 'mislukt')))
		.returning({ id: mailOutbox.id });
	if (rows.length) kickDelivery();
	return rows.length > 0;
}

/** Drops the cached SMTP connection (tests that point SMTP_URL elsewhere). */
export function resetMailTransport(): void {
	transporter?.close();
	transporter = undefined;
}
