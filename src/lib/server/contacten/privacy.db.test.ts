/**
 * The parent's data: inzage and deletion through the personal link, the retention job (with a
 * clock the test controls, and two instances at once), row-level security on the contact tables,
 * and mail over a real SMTP server (also when it is down for a while).
 */
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { db, withTenant } from '../db';
import { auditLog, caseEvent, casePerson, contactCase, followUp, mailOutbox, referral, registration } from '../db/schema';
import { NotFoundError } from '../errors';
import { deliverQueuedMail, resetMailTransport } from '../platform/outbox';
import { buildCase, buildContact, buildSteunpunt, buildUser, questionForm, removeTestRegions } from '../testing/factories';
import { useTestDatabase } from '../testing/db';
import { caught, rejection } from '../testing/expect-error';
import { askQuestion } from './ask-question';
import { sendFollowUp } from './follow-up';
import { carryOutPrivacyRequest, findPrivacyRequests, getPersonalPage, requestPrivacy } from './privacy';
import { closeDormantCases, purgeClosedCases } from './purge-cases';
import { addNote, referCase } from './update-case';

type Steunpunt = Awaited<ReturnType<typeof buildSteunpunt>>;
const ORIGIN = 'https://steunpunt.test';

beforeAll(async () => {
	await useTestDatabase();
}, 120_000);

afterAll(async () => {
	await removeTestRegions();
});

async function registrationIdOf(caseId: string): Promise<string> {
	const [created] = await db()
		.select()
		.from(caseEvent)
		.where(and(eq(caseEvent.caseId, caseId), eq(caseEvent.kind, 'aangemaakt')));
	return created.data.registrationId as string;
}
const monthsAgo = (now: Date, months: number) => {
	const d = new Date(now);
	d.setUTCMonth(d.getUTCMonth() - months);
	return d;
};

describe('privacy requests through the personal link', () => {
	let sp: Steunpunt;
	let beheerder: Awaited<ReturnType<typeof buildUser>>;
	let regisseur: Awaited<ReturnType<typeof buildUser>>;
	beforeAll(async () => {
		sp = await buildSteunpunt();
		beheerder = await buildUser({ steunpuntId: sp.id, roles: ['beheerder'] });
		regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
	});

	it('refuses a tampered personal link', async () => {
		const { token } = await buildContact(sp);
		const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
		await caught(requestPrivacy({ slug: sp.slug, token: tampered, kind: 'inzage' }), NotFoundError);
		await caught(getPersonalPage({ slug: sp.slug, token: tampered }), NotFoundError);
		await caught(requestPrivacy({ slug: sp.slug, token: 'kort', kind: 'inzage' }), NotFoundError);
		// A good link of this steunpunt does not work at another steunpunt.
		const elsewhere = await buildSteunpunt();
		await caught(getPersonalPage({ slug: elsewhere.slug, token }), NotFoundError);
	});

	it('inzage: the beheerder mails the parent everything kept, including the notes', async () => {
		const { caseId, token, email, reference } = await buildContact(sp, {
			naam: 'Ilse Mulder',
			vraag: 'Mijn dochter mag niet meer naar de plusklas. Mag dat zomaar?'
		});
		await addNote(regisseur.actor, { caseId, notitie: 'Teruggebeld, uitleg gegeven over de zorgplicht.' });
		expect(await requestPrivacy({ slug: sp.slug, token, kind: 'inzage' })).toEqual({ kind: 'inzage', scope: 'dossier', reference });
		// Asking twice makes one request.
		await requestPrivacy({ slug: sp.slug, token, kind: 'inzage' });
		expect((await getPersonalPage({ slug: sp.slug, token })).openRequests).toEqual(['inzage']);
		const requests = (await findPrivacyRequests(beheerder.actor)).filter((r) => r.reference === reference);
		expect(requests).toHaveLength(1);
		const result = await carryOutPrivacyRequest(beheerder.actor, { requestId: requests[0].id, origin: ORIGIN });
		expect(result).toEqual({ exportText: undefined, mailed: true });
		const [mail] = (await db().select().from(mailOutbox).where(eq(mailOutbox.to, email!))).filter((m) => m.subject.startsWith('Jouw gegevens'));
		expect(mail.subject).toContain(reference);
		expect(mail.text).toContain('Naam: Ilse Mulder');
		expect(mail.text).toContain('Mijn dochter mag niet meer naar de plusklas. Mag dat zomaar?');
		expect(mail.text).toContain('Teruggebeld, uitleg gegeven over de zorgplicht.');
		expect(mail.text).toContain(`${ORIGIN}/${sp.slug}/mijn-gegevens/${token}`);
		const audit = await db()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.userId, beheerder.user.id), eq(auditLog.action, 'case.export')));
		expect(audit.map((a) => a.entityId)).toContain(caseId);
		// Carried out once only.
		await expect(carryOutPrivacyRequest(beheerder.actor, { requestId: requests[0].id, origin: ORIGIN })).rejects.toMatchObject({ status: 400 });
	});

	it('deletion: the case and everything personal go, the registration stays, the link dies', async () => {
		const { caseId, token, email, reference } = await buildContact(sp, { naam: 'Joris Smit', opvolgen: 'ja' });
		await addNote(regisseur.actor, { caseId, notitie: 'Gesprek gehad.' });
		await referCase(regisseur.actor, { caseId, soort: 'buddy', akkoord: 'ja' });
		await sendFollowUp(regisseur.actor, { caseId, origin: ORIGIN });
		const registrationId = await registrationIdOf(caseId);
		expect((await db().select().from(mailOutbox).where(eq(mailOutbox.to, email!))).length).toBe(2);

		await requestPrivacy({ slug: sp.slug, token, kind: 'verwijderen' });
		const [request] = (await findPrivacyRequests(beheerder.actor)).filter((r) => r.reference === reference && r.kind === 'verwijderen');
		expect(await carryOutPrivacyRequest(beheerder.actor, { requestId: request.id, origin: ORIGIN })).toEqual({
			mailed: true,
			removed: ['1 vraag (dossier) met je gegevens en onze aantekeningen', '1 aanvraag voor een buddy', '2 mails aan jou']
		});

		expect(await db().select().from(contactCase).where(eq(contactCase.id, caseId))).toHaveLength(0);
		expect(await db().select().from(casePerson).where(eq(casePerson.caseId, caseId))).toHaveLength(0);
		expect(await db().select().from(caseEvent).where(eq(caseEvent.caseId, caseId))).toHaveLength(0);
		expect(await db().select().from(referral).where(eq(referral.caseId, caseId))).toHaveLength(0);
		expect(await db().select().from(followUp).where(eq(followUp.caseId, caseId))).toHaveLength(0);
		const [reg] = await db().select().from(registration).where(eq(registration.id, registrationId));
		expect(reg).toMatchObject({ steunpuntId: sp.id, outcome: 'doorverwijzing', referralKind: 'buddy' });
		const mails = await db().select().from(mailOutbox).where(eq(mailOutbox.to, email!));
		expect(mails.map((m) => m.subject)).toEqual([`Je gegevens zijn gewist (${reference})`]);
		expect(mails[0].text).not.toContain('Joris Smit');

		await caught(getPersonalPage({ slug: sp.slug, token }), NotFoundError);
		await caught(requestPrivacy({ slug: sp.slug, token, kind: 'inzage' }), NotFoundError);
		expect((await findPrivacyRequests(beheerder.actor)).find((r) => r.id === request.id)).toMatchObject({ caseExists: false });
	});
});

describe('retention (purgeClosedCases)', () => {
	it('deletes cases closed longer ago than the retention period of their steunpunt; registrations stay', async () => {
		const now = new Date();
		const yearly = await buildSteunpunt();
		const monthly = await buildSteunpunt({ retentionMonths: 1 });
		const old = await buildCase(yearly, { status: 'afgesloten', closedAt: monthsAgo(now, 13) });
		const recent = await buildCase(yearly, { status: 'afgesloten', closedAt: monthsAgo(now, 11) });
		const open = await buildCase(yearly, { status: 'in-behandeling' });
		// An open case with an old closedAt (reopened) is not touched.
		const reopened = await buildCase(yearly, { status: 'in-behandeling', closedAt: monthsAgo(now, 20) });
		const monthlyOld = await buildCase(monthly, { status: 'afgesloten', closedAt: monthsAgo(now, 2) });
		const monthlyRecent = await buildCase(monthly, { status: 'afgesloten', closedAt: new Date(now.getTime() - 10 * 86_400_000) });
		const registrations = await Promise.all([old, monthlyOld].map((c) => registrationIdOf(c.caseId)));

		const purged = await purgeClosedCases(now);
		expect(purged).toBeGreaterThanOrEqual(2);
		const left = await db()
			.select({ id: contactCase.id })
			.from(contactCase)
			.where(inArray(contactCase.steunpuntId, [yearly.id, monthly.id]));
		expect(left.map((r) => r.id).sort()).toEqual([recent, open, reopened, monthlyRecent].map((c) => c.caseId).sort());
		expect(
			await db()
				.select()
				.from(casePerson)
				.where(inArray(casePerson.caseId, [old.caseId, monthlyOld.caseId]))
		).toHaveLength(0);
		expect(await db().select().from(registration).where(inArray(registration.id, registrations))).toHaveLength(2);
		for (const sp of [yearly, monthly]) {
			const audit = await db()
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.steunpuntId, sp.id), eq(auditLog.action, 'case.purge')));
			expect(audit).toHaveLength(1);
			expect(audit[0]).toMatchObject({ userId: null, entity: 'contact_case', detail: { count: 1, reason: 'bewaartermijn verlopen' } });
		}
		// Running again finds nothing more of these steunpunten.
		await purgeClosedCases(now);
		expect(
			await db()
				.select()
				.from(auditLog)
				.where(and(inArray(auditLog.steunpuntId, [yearly.id, monthly.id]), eq(auditLog.action, 'case.purge')))
		).toHaveLength(2);
	});

	it('two instances at once delete every expired case exactly once', async () => {
		const now = new Date();
		await purgeClosedCases(now); // whatever earlier tests left behind
		const sp = await buildSteunpunt();
		const closedAt = monthsAgo(now, 13);
		const rows = await db()
			.insert(contactCase)
			.values(
				Array.from({ length: 30 }, (_, i) => ({
					steunpuntId: sp.id,
					reference: `V-PURGE${i}`,
					source: 'vraag',
					status: 'afgesloten',
					dueOn: '2025-01-01',
					closedAt
				}))
			)
			.returning({ id: contactCase.id });
		await db()
			.insert(casePerson)
			.values(rows.map((r) => ({ caseId: r.id, steunpuntId: sp.id, name: 'Oud', contactPreference: 'geen' })));
		const counts = await Promise.all([purgeClosedCases(now), purgeClosedCases(now)]);
		expect(counts[0] + counts[1]).toBe(30);
		expect(await db().select().from(contactCase).where(eq(contactCase.steunpuntId, sp.id))).toHaveLength(0);
		const audit = await db()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.steunpuntId, sp.id), eq(auditLog.action, 'case.purge')));
		expect(audit.reduce((sum, a) => sum + Number(a.detail?.count), 0)).toBe(30);
	});
});

describe('open cases nobody touches (closeDormantCases)', () => {
	it('closes an open case without any change for the retention period, with the reason in its history; it is deleted one period later', async () => {
		const now = new Date();
		const yearly = await buildSteunpunt();
		const monthly = await buildSteunpunt({ retentionMonths: 1 });
		const touch = (caseId: string, at: Date) => db().update(contactCase).set({ updatedAt: at }).where(eq(contactCase.id, caseId));
		const dormant = await buildCase(yearly, { status: 'in-behandeling' });
		await touch(dormant.caseId, monthsAgo(now, 13));
		const quiet = await buildCase(yearly, { status: 'wacht-op-ouder' });
		await touch(quiet.caseId, monthsAgo(now, 11));
		const monthlyDormant = await buildCase(monthly);
		await touch(monthlyDormant.caseId, monthsAgo(now, 2));
		const closedLongAgo = await buildCase(yearly, { status: 'afgesloten', closedAt: monthsAgo(now, 6) });
		await touch(closedLongAgo.caseId, monthsAgo(now, 20));

		expect(await closeDormantCases(now, yearly.id)).toBe(1);
		expect(await closeDormantCases(now)).toBeGreaterThanOrEqual(1);
		const state = async (caseId: string) => (await db().select().from(contactCase).where(eq(contactCase.id, caseId)))[0];
		expect(await state(dormant.caseId)).toMatchObject({ status: 'afgesloten', closedAt: now });
		expect(await state(monthlyDormant.caseId)).toMatchObject({ status: 'afgesloten', closedAt: now });
		expect(await state(quiet.caseId)).toMatchObject({ status: 'wacht-op-ouder', closedAt: null });
		expect((await state(closedLongAgo.caseId)).closedAt).toEqual(monthsAgo(now, 6));
		const events = await db().select().from(caseEvent).where(eq(caseEvent.caseId, dormant.caseId));
		expect(events.filter((e) => e.kind === 'status')).toEqual([
			expect.objectContaining({ userId: null, data: { from: 'in-behandeling', to: 'afgesloten', reden: 'geen-wijziging' } })
		]);
		const audit = await db()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.steunpuntId, yearly.id), eq(auditLog.action, 'case.autoclose')));
		expect(audit.map((a) => a.detail)).toEqual([{ count: 1, reason: 'geen wijziging binnen de bewaartermijn' }]);

		// Closed today, so the ordinary retention keeps it one more period, then it goes.
		await purgeClosedCases(now);
		expect(await state(dormant.caseId)).toBeDefined();
		const later = new Date(now.getTime() + 400 * 86_400_000);
		await purgeClosedCases(later);
		expect(await state(dormant.caseId)).toBeUndefined();
		expect(await db().select().from(casePerson).where(eq(casePerson.caseId, dormant.caseId))).toHaveLength(0);
	});
});

describe('row-level security on the contact tables', () => {
	it('shows a steunpunt only its own rows, and refuses rows for another', async () => {
		const a = await buildSteunpunt();
		const b = await buildSteunpunt();
		const regA = await buildUser({ steunpuntId: a.id, roles: ['regisseur'] });
		const regB = await buildUser({ steunpuntId: b.id, roles: ['regisseur'] });
		const caseA = await buildContact(a);
		const caseB = await buildContact(b);
		await referCase(regA.actor, { caseId: caseA.caseId, soort: 'buddy', akkoord: 'ja' });
		await referCase(regB.actor, { caseId: caseB.caseId, soort: 'buddy', akkoord: 'ja' });
		for (const table of [contactCase, casePerson, registration, referral]) {
			const all = await db().select({ steunpuntId: table.steunpuntId }).from(table);
			expect(all.some((r) => r.steunpuntId === b.id)).toBe(true);
			const seen = await withTenant(a.id, (tx) => tx.select({ steunpuntId: table.steunpuntId }).from(table));
			expect(seen.length).toBeGreaterThan(0);
			expect(seen.every((r) => r.steunpuntId === a.id)).toBe(true);
		}
		const before = await db().select().from(contactCase).where(eq(contactCase.steunpuntId, b.id));
		await rejection(
			withTenant(a.id, (tx) => tx.insert(contactCase).values({ steunpuntId: b.id, reference: 'V-INBRAAK', source: 'vraag', dueOn: '2026-01-01' }))
		);
		await rejection(withTenant(a.id, (tx) => tx.insert(registration).values({ steunpuntId: b.id, day: '2026-01-01', channel: 'web', who: 'ouder' })));
		await rejection(withTenant(a.id, (tx) => tx.update(contactCase).set({ steunpuntId: b.id }).where(eq(contactCase.id, caseA.caseId))));
		expect(await db().select().from(contactCase).where(eq(contactCase.steunpuntId, b.id))).toHaveLength(before.length);
		const updated = await withTenant(a.id, (tx) => tx.update(casePerson).set({ name: 'Overgenomen' }).where(eq(casePerson.caseId, caseB.caseId)).returning());
		expect(updated).toHaveLength(0);
	});
});

describe('mail over SMTP', () => {
	interface Received {
		to: string[];
		raw: string;
	}
	const received: Received[] = [];
	let server: SMTPServer;
	let port: number;
	const savedUrl = process.env.SMTP_URL;
	let sp: Steunpunt;

	beforeAll(async () => {
		sp = await buildSteunpunt();
		server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			onData(stream, session, callback) {
				const chunks: Buffer[] = [];
				stream.on('data', (c: Buffer) => chunks.push(c));
				stream.on('end', () => {
					received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
					callback();
				});
			}
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		port = (server.server.address() as AddressInfo).port;
	});

	afterAll(async () => {
		if (savedUrl === undefined) delete process.env.SMTP_URL;
		else process.env.SMTP_URL = savedUrl;
		resetMailTransport();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});

	/** The message body with quoted-printable soft line breaks undone. */
	const unfold = (raw: string) => raw.replace(/=\r?\n/g, '');

	it('delivers the confirmation with subject, reference, a text and an HTML part', async () => {
		process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
		resetMailTransport();
		const input = await questionForm(sp.id);
		const result = await askQuestion({ slug: sp.slug, client: `smtp-${port}`, origin: ORIGIN, input });
		expect(result.mailed).toBe(true);
		// The request only queued the mail; the sender job delivers it.
		expect(received.some((m) => m.to.includes(input.email as string))).toBe(false);
		expect((await deliverQueuedMail(() => new Date(Date.now() + 1000))).sent).toBeGreaterThanOrEqual(1);
		const message = received.find((m) => m.to.includes(input.email as string));
		expect(message).toBeDefined();
		const raw = unfold(message!.raw);
		expect(raw).toMatch(new RegExp(`^Subject: We hebben je vraag ontvangen \\(${result.reference}\\)`, 'm'));
		expect(raw).toMatch(/Content-Type: text\/plain/i);
		expect(raw).toMatch(/Content-Type: text\/html/i);
		expect(raw).toContain(`Het nummer is ${result.reference}`);
		const [row] = await db()
			.select()
			.from(mailOutbox)
			.where(eq(mailOutbox.to, input.email as string));
		expect(row.sentAt).toBeInstanceOf(Date);
	});

	it('keeps the question when SMTP is down, and the retry job sends the mail later', async () => {
		const closed = await new Promise<number>((resolve) => {
			const probe = createServer();
			probe.listen(0, '127.0.0.1', () => {
				const p = (probe.address() as AddressInfo).port;
				probe.close(() => resolve(p));
			});
		});
		process.env.SMTP_URL = `smtp://127.0.0.1:${closed}`;
		resetMailTransport();
		const input = await questionForm(sp.id);
		const result = await askQuestion({ slug: sp.slug, client: `smtp-down-${port}`, origin: ORIGIN, input });
		// Queued: the parent's question never waits on (or fails with) the mail server.
		expect(result.mailed).toBe(true);
		const failed = await deliverQueuedMail();
		expect(failed.failed).toBeGreaterThanOrEqual(1);
		const [saved] = await db()
			.select()
			.from(contactCase)
			.where(and(eq(contactCase.steunpuntId, sp.id), eq(contactCase.reference, result.reference)));
		expect(saved).toBeDefined();
		const [unsent] = await db()
			.select()
			.from(mailOutbox)
			.where(eq(mailOutbox.to, input.email as string));
		expect(unsent.sentAt).toBeNull();
		expect(received.some((m) => m.to.includes(input.email as string))).toBe(false);

		expect(unsent.attempts).toBe(1);
		expect(unsent.lastError).toMatch(/^E[A-Z]+$/);
		expect(unsent.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

		// The server is back; the sender job runs again after the backoff.
		process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
		resetMailTransport();
		const later = new Date(Date.now() + 5 * 60_000);
		const { sent } = await deliverQueuedMail(() => later);
		expect(sent).toBeGreaterThanOrEqual(1);
		const arrived = received.filter((m) => m.to.includes(input.email as string));
		expect(arrived).toHaveLength(1);
		expect(unfold(arrived[0].raw)).toContain(result.reference);
		const [row] = await db()
			.select()
			.from(mailOutbox)
			.where(eq(mailOutbox.to, input.email as string));
		expect(row.sentAt).toBeInstanceOf(Date);
		// Nothing is sent twice.
		expect((await deliverQueuedMail(() => later)).sent).toBe(0);
		expect(received.filter((m) => m.to.includes(input.email as string))).toHaveLength(1);
	});
});
