/** Test helper: the mail in the outbox to one address (the outbox has no order of its own). */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { db } from '../db';
import { mailOutbox } from '../db/schema';

/** Mail to `address`, only subjects starting with `subject` when given. */
export async function mailsTo(address: string | null | undefined, subject = '') {
	expect(address, 'an e-mail address').toBeTruthy();
	return (await db().select().from(mailOutbox).where(eq(mailOutbox.to, address!))).filter((m) => m.subject.startsWith(subject));
}
