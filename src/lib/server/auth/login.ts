/**
 * Staff sign-in: password (argon2id), then a TOTP code, or TOTP enrolment on first login for
 * roles that can see personal data. Failures are throttled per e-mail and per client address.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '../db';
import { appUser } from '../db/schema';
import { ValidationError } from '../errors';
import { parse } from '../validation';
import { recordAudit } from '../audit/record';
import { burnPasswordCheck, verifyPassword } from './crypto';
import { clearFailures, releaseAttempt, takeAttempt } from './throttle';
import { createSession, markSessionTwoFactor, readSession } from './sessions';
import { matchTotp, newTotpSecret } from './totp';

export const ZLoginInput = z.object({
	email: z.string().trim().toLowerCase().max(200).email('Vul een geldig e-mailadres in.'),
	password: z.string().min(1, 'Vul je wachtwoord in.').max(200, 'Dit wachtwoord is te lang.')
});
export type LoginInput = z.infer<typeof ZLoginInput>;

const WRONG = 'Het e-mailadres of het wachtwoord klopt niet.';

/** Checks e-mail and password; returns a new (possibly half) session. */
export async function login(input: unknown, client: string): Promise<{ token: string; expiresAt: Date; complete: boolean; needsEnrolment: boolean }> {
	const { email, password } = parse(ZLoginInput, input);
	const keys = [`email:${email}`, `ip:${client}`];
	await takeAttempt(keys);
	const [user] = await db().select().from(appUser).where(eq(appUser.email, email));
	if (!user || user.disabledAt) {
		await burnPasswordCheck(password);
		throw new ValidationError({ email: WRONG });
	}
	if (!(await verifyPassword(user.passwordHash, password))) throw new ValidationError({ email: WRONG });
	await clearFailures(`email:${email}`);
	await releaseAttempt(`ip:${client}`);
	const created = await createSession(user.id, false);
	const info = await readSession(created.token);
	await recordAudit(db(), { userId: user.id, steunpuntId: null }, { action: 'login.password', entity: 'user', entityId: user.id });
	return { ...created, complete: info?.complete ?? false, needsEnrolment: info?.needsEnrolment ?? false };
}

const ZCode = z.object({
	code: z
		.string()
		.trim()
		.regex(/^\d{6}$/, 'Vul de 6 cijfers uit je app in.')
});

/** Second step: the code from the authenticator app. */
export async function verifySecondFactor(token: string, input: unknown, client: string): Promise<void> {
	const info = await readSession(token);
	if (!info) throw new ValidationError({ code: 'Je sessie is verlopen. Log opnieuw in.' });
	const { code } = parse(ZCode, input);
	const keys = [`2fa:${info.userId}`, `ip:${client}`];
	await takeAttempt(keys);
	const [user] = await db().select().from(appUser).where(eq(appUser.id, info.userId));
	const step = user?.totpSecret && user.totpEnabledAt ? matchTotp(user.totpSecret, code) : null;
	// A code counts once: a step at or before the last accepted one is refused (replay).
	if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) {
		throw new ValidationError({ code: 'Deze code klopt niet of is al gebruikt. Wacht op de volgende code in je app.' });
	}
	await db().update(appUser).set({ totpLastStep: step }).where(eq(appUser.id, user.id));
	await clearFailures(`2fa:${info.userId}`);
	await releaseAttempt(`ip:${client}`);
	await markSessionTwoFactor(token);
	await recordAudit(db(), { userId: user.id, steunpuntId: null }, { action: 'login.2fa', entity: 'user', entityId: user.id });
}

/** First login: give the user a secret to put in their authenticator app (kept until confirmed). */
export async function startEnrolment(token: string): Promise<{ secret: string; email: string }> {
	const info = await readSession(token);
	if (!info || !info.needsEnrolment) throw new ValidationError({ code: 'Je sessie is verlopen. Log opnieuw in.' });
	const [user] = await db().select().from(appUser).where(eq(appUser.id, info.userId));
	let secret = user.totpSecret;
	if (!secret) {
		secret = newTotpSecret();
		await db().update(appUser).set({ totpSecret: secret }).where(eq(appUser.id, user.id));
	}
	return { secret, email: user.email };
}

/** Confirms enrolment with a first valid code; the session is then complete. */
export async function confirmEnrolment(token: string, input: unknown, client: string): Promise<void> {
	const info = await readSession(token);
	if (!info || !info.needsEnrolment) throw new ValidationError({ code: 'Je sessie is verlopen. Log opnieuw in.' });
	const { code } = parse(ZCode, input);
	const keys = [`2fa:${info.userId}`, `ip:${client}`];
	await takeAttempt(keys);
	const [user] = await db().select().from(appUser).where(eq(appUser.id, info.userId));
	const step = user.totpSecret ? matchTotp(user.totpSecret, code) : null;
	if (step === null) {
		throw new ValidationError({ code: 'Deze code klopt niet. Scan de code opnieuw of typ de sleutel over.' });
	}
	await db().update(appUser).set({ totpEnabledAt: new Date(), totpLastStep: step }).where(eq(appUser.id, user.id));
	await clearFailures(`2fa:${info.userId}`);
	await releaseAttempt(`ip:${client}`);
	await markSessionTwoFactor(token);
	await recordAudit(db(), { userId: user.id, steunpuntId: null }, { action: '2fa.enrolled', entity: 'user', entityId: user.id });
}
