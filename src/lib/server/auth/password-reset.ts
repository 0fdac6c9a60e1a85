/**
 * Password reset by mail link. The answer never says whether an address exists. The link holds a
 * random token (its hash is stored), works once, and for one hour.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '../db';
import { appUser, passwordReset } from '../db/schema';
import { ValidationError } from '../errors';
import { parse } from '../validation';
import { escapeHtml } from '$lib/html';
import { queueMail } from '../platform/outbox';
import { recordAudit } from '../audit/record';
import { hashPassword, newToken, sha256 } from './crypto';
import { deleteSessionsOfUser } from './sessions';
import { takeAttempt } from './throttle';

const ZRequest = z.object({ email: z.string().trim().toLowerCase().max(200).email('Vul een geldig e-mailadres in.') });

export async function requestPasswordReset(input: unknown, options: { origin: string; client: string }): Promise<void> {
	const { email } = parse(ZRequest, input);
	await takeAttempt([`reset:${options.client}`]); // every request counts: a few per quarter per client
	const [user] = await db().select().from(appUser).where(eq(appUser.email, email));
	if (!user || user.disabledAt) return;
	const token = newToken();
	const link = `${options.origin}/beheer/wachtwoord/nieuw?token=${token}`;
	// The link and its mail in one transaction: no usable link without a mail on its way.
	await db().transaction(async (tx) => {
		await tx.insert(passwordReset).values({ tokenHash: sha256(token), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) });
		await queueMail(tx, {
			to: user.email,
			subject: 'Nieuw wachtwoord voor Steunpunt',
			text: `Hallo ${user.naam},\n\nJe vroeg om een nieuw wachtwoord. Kies het via deze link (een uur geldig):\n${link}\n\nHeb je dit niet zelf gevraagd? Dan kun je deze mail negeren.`,
			html: `<p>Hallo ${escapeHtml(user.naam)},</p><p>Je vroeg om een nieuw wachtwoord. Kies het via deze link (een uur geldig):</p><p><a href="${escapeHtml(link)}">Nieuw wachtwoord kiezen</a></p><p>Heb je dit niet zelf gevraagd? Dan kun je deze mail negeren.</p>`
		});
	});
}

const ZReset = z.object({
	token: z.string().min(10).max(100),
	password: z.string().min(12, 'Een wachtwoord heeft minstens 12 tekens.').max(200, 'Dit wachtwoord is te lang.')
});

export async function resetPassword(input: unknown): Promise<void> {
	const { token, password } = parse(ZReset, input);
	const [row] = await db()
		.select()
		.from(passwordReset)
		.where(and(eq(passwordReset.tokenHash, sha256(token)), isNull(passwordReset.usedAt), gt(passwordReset.expiresAt, new Date())));
	if (!row) throw new ValidationError({ password: 'Deze link werkt niet meer. Vraag een nieuwe aan.' });
	const hash = await hashPassword(password);
	await db().transaction(async (tx) => {
		// Claim the link atomically: of two simultaneous uses only one finds it unused.
		const claimed = await tx
			.update(passwordReset)
			.set({ usedAt: new Date() })
			.where(and(eq(passwordReset.tokenHash, row.tokenHash), isNull(passwordReset.usedAt)))
			.returning({ tokenHash: passwordReset.tokenHash });
		if (!claimed.length) throw new ValidationError({ password: 'Deze link werkt niet meer. Vraag een nieuwe aan.' });
		await tx.update(appUser).set({ passwordHash: hash }).where(eq(appUser.id, row.userId));
		await recordAudit(tx as never, { userId: row.userId, steunpuntId: null }, { action: 'password.reset', entity: 'user', entityId: row.userId });
	});
	await deleteSessionsOfUser(row.userId);
}
