/**
 * @deprecated The outbox lives in `../platform/outbox.ts`. `sendMail` only queues (outside the
 * caller's transaction); callers move to `queueMail(tx, …)` inside their unit of work.
 */
import { db } from '../db';
import { deliverQueuedMail, queueMail, resetMailTransport, type Mail } from '../platform/outbox';

export type { Mail };
export { resetMailTransport };
export { escapeHtml } from '$lib/html';

export async function sendMail(mail: Mail): Promise<void> {
	await queueMail(db(), mail);
}

/** @deprecated Use `deliverQueuedMail`. */
export async function retryUnsentMail(): Promise<number> {
	return (await deliverQueuedMail()).sent;
}
