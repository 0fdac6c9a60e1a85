/**
 * Working on cases: status history, notes, referrals (consulent, buddy, outside organisation),
 * confirming topics, the audit trail of every look, the role matrix at domain level, and the
 * "Hoe gaat het nu?" follow-up with its one-click answer.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { db } from '../db';
import { auditLog, caseEvent, contactCase, followUp, mailOutbox, organisation, referral, registration, supportScore } from '../db/schema';
import { ANONYMOUS, type Actor, type Role } from '../auth/roles';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors';
import { buildContact, buildSteunpunt, buildUser, removeTestRegions } from '../testing/factories';
import { useTestDatabase } from '../testing/db';
import { caught, rejection } from '../testing/expect-error';
import { answerFollowUp, sendFollowUp } from './follow-up';
import { findFollowUps, findInbox } from './find-inbox';
import { findRequests } from '../buddies/requests';
import { getCase } from './get-case';
import { addOrganisation, findOrganisations } from './organisations';
import { carryOutPrivacyRequest, findPrivacyRequests, requestPrivacy } from './privacy';
import { registerContact } from './register-contact';
import { addNote, changeCase, confirmTopics, referCase } from './update-case';
import { dayInNL } from '$lib/working-days';

type Steunpunt = Awaited<ReturnType<typeof buildSteunpunt>>;
const ORIGIN = 'https://steunpunt.test';

beforeAll(async () => {
	await useTestDatabase();
}, 120_000);

afterAll(async () => {
	await removeTestRegions();
});

async function eventsOf(caseId: string) {
	return db().select().from(caseEvent).where(eq(caseEvent.caseId, caseId)).orderBy(caseEvent.id);
}
async function caseRow(caseId: string) {
	const [row] = await db().select().from(contactCase).where(eq(contactCase.id, caseId));
	return row;
}
async function registrationOf(caseId: string) {
	const [created] = (await eventsOf(caseId)).filter((e) => e.kind === 'aangemaakt');
	const [row] = await db()
		.select()
		.from(registration)
		.where(eq(registration.id, created.data.registrationId as string));
	return row;
}
/** The answer token lives only in the mail: the one-click links end in /hoe-gaat-het/<token>?trend=… */
async function answerTokenMailedTo(address: string): Promise<{ token: string; text: string }> {
	const mails = (await db().select().from(mailOutbox).where(eq(mailOutbox.to, address))).filter((m) => m.subject.startsWith('Hoe gaat het nu?'));
	expect(mails).toHaveLength(1);
	const tokens = [...mails[0].text.matchAll(/\/hoe-gaat-het\/([a-z2-7]+)\?trend=(\w+)/g)];
	expect(tokens.map((t) => t[2])).toEqual(['beter', 'hetzelfde', 'slechter']);
	expect(new Set(tokens.map((t) => t[1])).size).toBe(1);
	return { token: tokens[0][1], text: mails[0].text };
}

describe('changeCase, addNote, referCase, confirmTopics', () => {
	let sp: Steunpunt;
	let other: Steunpunt;
	let regisseur: Awaited<ReturnType<typeof buildUser>>;
	let consulent: Awaited<ReturnType<typeof buildUser>>;
	let otherConsulent: Awaited<ReturnType<typeof buildUser>>;
	beforeAll(async () => {
		sp = await buildSteunpunt();
		other = await buildSteunpunt();
		regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
		consulent = await buildUser({ steunpuntId: sp.id, roles: ['consulent'] });
		otherConsulent = await buildUser({ steunpuntId: sp.id, roles: ['consulent'] });
	});

	it('records every change in the history, and closing stamps closedAt', async () => {
		const { caseId } = await buildContact(sp);
		await changeCase(regisseur.actor, { caseId, status: 'in-behandeling', toegewezen: regisseur.user.id, opvolgdatum: '2026-12-01' });
		let row = await caseRow(caseId);
		expect(row).toMatchObject({ status: 'in-behandeling', assignedTo: regisseur.user.id, followUpOn: '2026-12-01', closedAt: null });
		await addNote(regisseur.actor, { caseId, notitie: 'Moeder gebeld, ze belt terug na het gesprek met school.' });
		await changeCase(regisseur.actor, { caseId, status: 'afgesloten', toegewezen: regisseur.user.id, opvolgdatum: '' });
		row = await caseRow(caseId);
		expect(row.status).toBe('afgesloten');
		expect(row.closedAt).toBeInstanceOf(Date);
		expect(row.followUpOn).toBeNull();
		const events = await eventsOf(caseId);
		expect(events.map((e) => e.kind)).toEqual(['aangemaakt', 'status', 'toegewezen', 'opvolgdatum', 'notitie', 'status', 'opvolgdatum']);
		expect(events[1].data).toEqual({ from: 'nieuw', to: 'in-behandeling' });
		expect(events[4]).toMatchObject({ text: 'Moeder gebeld, ze belt terug na het gesprek met school.', userId: regisseur.user.id });
		expect(events[5].data).toEqual({ from: 'in-behandeling', to: 'afgesloten' });
		// Reopening clears closedAt again.
		await changeCase(regisseur.actor, { caseId, status: 'in-behandeling', toegewezen: regisseur.user.id });
		expect((await caseRow(caseId)).closedAt).toBeNull();
	});

	it('refers to a consulent: only that consulent sees the case, the registration counts the referral', async () => {
		const { caseId, reference } = await buildContact(sp);
		await referCase(regisseur.actor, {
			caseId,
			soort: 'consulent',
			consulent: consulent.user.id,
			overgedragen: 'Vraag over OPP, moeder is akkoord.',
			akkoord: 'ja'
		});
		expect(await caseRow(caseId)).toMatchObject({ status: 'doorverwezen', consulentId: consulent.user.id });
		const [ref] = await db().select().from(referral).where(eq(referral.caseId, caseId));
		expect(ref).toMatchObject({
			kind: 'consulent',
			consulentId: consulent.user.id,
			parentAgreed: true,
			handedOver: 'Vraag over OPP, moeder is akkoord.',
			createdBy: regisseur.user.id
		});
		expect(await registrationOf(caseId)).toMatchObject({ outcome: 'doorverwijzing', referralKind: 'consulent' });

		const mine = await findInbox(consulent.actor, { status: 'alle' });
		expect(mine.items.map((i) => i.reference)).toContain(reference);
		expect(mine.canHandle).toBe(false);
		const theirs = await findInbox(otherConsulent.actor, { status: 'alle' });
		expect(theirs.items.map((i) => i.reference)).not.toContain(reference);
		await caught(getCase(otherConsulent.actor, { caseId }), NotFoundError);
		const seen = await getCase(consulent.actor, { caseId });
		expect(seen.reference).toBe(reference);
		expect(seen.can.handle).toBe(false);
	});

	it('refers to the buddy programme: the case appears in the buddy requests', async () => {
		const { caseId, reference } = await buildContact(sp);
		await referCase(regisseur.actor, { caseId, soort: 'buddy', akkoord: 'nee', overgedragen: 'Wil graag praten met een ouder die dit kent' });
		const requests = await findRequests(regisseur.actor);
		expect(requests.find((r) => r.reference === reference)).toMatchObject({ source: 'Uit een dossier', status: 'Aangevraagd' });
		expect(await registrationOf(caseId)).toMatchObject({ outcome: 'doorverwijzing', referralKind: 'buddy' });
	});

	it("refers outside only to an organisation of the steunpunt's own directory", async () => {
		const { caseId } = await buildContact(sp);
		const beheerderOther = await buildUser({ steunpuntId: other.id, roles: ['beheerder'] });
		await addOrganisation(beheerderOther.actor, { naam: 'Jeugdteam Elders', omschrijving: '', telefoon: '', website: '' });
		const [foreign] = await db()
			.select()
			.from(organisation)
			.where(and(eq(organisation.steunpuntId, other.id), eq(organisation.name, 'Jeugdteam Elders')));
		const error = await caught(referCase(regisseur.actor, { caseId, soort: 'extern', organisatie: foreign.id, akkoord: 'ja' }), ValidationError);
		expect(error.fields).toEqual({ organisatie: 'Kies een organisatie uit de lijst.' });
		expect(await db().select().from(referral).where(eq(referral.caseId, caseId))).toHaveLength(0);
		expect((await caseRow(caseId)).status).toBe('nieuw');
		expect((await eventsOf(caseId)).map((e) => e.kind)).toEqual(['aangemaakt']);
		expect((await registrationOf(caseId)).outcome).toBeNull();

		await addOrganisation(regisseur.actor, {
			naam: 'Jeugdteam Hier',
			omschrijving: 'Voor jeugdhulp.',
			telefoon: '010-1234567',
			website: 'https://jeugdteam.example'
		});
		const own = (await findOrganisations(regisseur.actor)).find((o) => o.name === 'Jeugdteam Hier')!;
		await referCase(regisseur.actor, { caseId, soort: 'extern', organisatie: own.id, akkoord: 'ja' });
		const [ref] = await db().select().from(referral).where(eq(referral.caseId, caseId));
		expect(ref).toMatchObject({ kind: 'extern', organisationId: own.id, organisationName: 'Jeugdteam Hier' });
		expect(await registrationOf(caseId)).toMatchObject({ outcome: 'doorverwijzing', referralKind: 'extern' });
	});

	it('confirms the topics of the registration, with a history event', async () => {
		const { caseId } = await buildContact(sp);
		await confirmTopics(regisseur.actor, { caseId, onderwerpen: ['zorgplicht', 'thuiszitten-verzuim'] });
		expect(await registrationOf(caseId)).toMatchObject({ topics: ['zorgplicht', 'thuiszitten-verzuim'], topicsConfirmed: true });
		const events = await eventsOf(caseId);
		expect(events.at(-1)).toMatchObject({ kind: 'onderwerpen', data: { topics: ['zorgplicht', 'thuiszitten-verzuim'] } });
	});

	it('finds a case by phone number whatever the spacing or +31', async () => {
		const { caseId } = await buildContact(sp, { naam: 'Telefoon Zoeker', telefoon: '06 1234 5678', antwoord: 'bellen' });
		for (const zoek of ['0612345678', '06-12345678', '+31 6 12345678', '12345678']) {
			const found = await findInbox(regisseur.actor, { status: 'alle', zoek });
			expect(
				found.items.map((c) => c.id),
				zoek
			).toContain(caseId);
		}
		expect((await findInbox(regisseur.actor, { status: 'alle', zoek: '0699999999' })).items.map((c) => c.id)).not.toContain(caseId);
	});

	it('audits every look: getCase writes case.view, findInbox writes case.list', async () => {
		const { caseId } = await buildContact(sp);
		const viewer = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
		await getCase(viewer.actor, { caseId });
		const views = await db()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.userId, viewer.user.id), eq(auditLog.action, 'case.view')));
		expect(views).toHaveLength(1);
		expect(views[0]).toMatchObject({ steunpuntId: sp.id, entity: 'contact_case', entityId: caseId });
		await findInbox(viewer.actor, {});
		const lists = await db()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.userId, viewer.user.id), eq(auditLog.action, 'case.list')));
		expect(lists).toHaveLength(1);
		expect(lists[0].steunpuntId).toBe(sp.id);
	});
	it('finds a case in the inbox by its number, or by part of the name, and treats % and _ literally', async () => {
		const fresh = await buildSteunpunt();
		const a = await buildContact(fresh, { naam: 'Fatima de Vries' });
		const b = await buildContact(fresh, { naam: 'Piet Jansen' });
		const { actor } = await buildUser({ steunpuntId: fresh.id, roles: ['regisseur'] });
		const ids = async (zoek: string) => (await findInbox(actor, { status: 'alle', zoek })).items.map((i) => i.id).sort();
		expect(await ids(a.reference)).toEqual([a.caseId]);
		expect(await ids(a.reference.toLowerCase())).toEqual([a.caseId]);
		expect(await ids('vries')).toEqual([a.caseId]);
		expect(await ids('JANSEN')).toEqual([b.caseId]);
		expect(await ids('%%')).toEqual([]);
		expect(await ids('__')).toEqual([]);
		expect(await ids('')).toEqual([a.caseId, b.caseId].sort());
	});
});

describe('role matrix at domain level', () => {
	/**
	 * `eigen`: allowed, but staff of another steunpunt work in their own one (the tenant comes from
	 * the actor): the answer holds their own records and none of `sp`.
	 */
	type Outcome = 'ok' | 'eigen' | 400 | 401 | 403 | 404;
	const ROLES: Role[] = ['beheerder', 'regisseur', 'consulent', 'redacteur', 'meelezer', 'buddy', 'beleid'];
	const WHO = [...ROLES, 'vreemde regisseur', 'vreemde beheerder', 'anoniem'] as const;
	let sp: Steunpunt;
	const actors = new Map<string, Actor>();
	let caseId: string;
	let requestId: string;
	/** Ids of `sp`'s records, and of the other steunpunt's own ones. */
	const spIds: string[] = [];
	const elsewhereIds: string[] = [];

	beforeAll(async () => {
		sp = await buildSteunpunt();
		const elsewhere = await buildSteunpunt();
		for (const role of ROLES) actors.set(role, (await buildUser({ steunpuntId: sp.id, roles: [role] })).actor);
		actors.set('vreemde regisseur', (await buildUser({ steunpuntId: elsewhere.id, roles: ['regisseur'] })).actor);
		actors.set('vreemde beheerder', (await buildUser({ steunpuntId: elsewhere.id, roles: ['beheerder'] })).actor);
		actors.set('anoniem', ANONYMOUS);
		const built = await buildContact(sp, { opvolgen: 'ja' });
		caseId = built.caseId;
		await requestPrivacy({ slug: sp.slug, token: built.token, kind: 'inzage' });
		const [req] = await findPrivacyRequests(actors.get('beheerder')!);
		requestId = req.id;
		await addOrganisation(actors.get('beheerder')!, { naam: 'Organisatie van hier' });
		spIds.push(caseId, requestId, ...(await findOrganisations(actors.get('beheerder')!)).map((o) => o.id));
		const theirs = await buildContact(elsewhere);
		await requestPrivacy({ slug: elsewhere.slug, token: theirs.token, kind: 'inzage' });
		await addOrganisation(actors.get('vreemde beheerder')!, { naam: 'Organisatie van elders' });
		elsewhereIds.push(
			theirs.caseId,
			...(await findPrivacyRequests(actors.get('vreemde beheerder')!)).map((r) => r.id),
			...(await findOrganisations(actors.get('vreemde beheerder')!)).map((o) => o.id)
		);
	});

	// Record ids are sp's: staff of another steunpunt act in their own one, where they do not exist.
	const calls: Record<string, (actor: Actor) => Promise<unknown>> = {
		findInbox: (a) => findInbox(a, {}),
		getCase: (a) => getCase(a, { caseId }),
		registerContact: (a) => registerContact(a, { kanaal: 'telefoon', wie: 'ouder', onderwerpen: 'opp', uitkomst: 'luisterend-oor', dossier: caseId }),
		referCase: (a) => referCase(a, { caseId, soort: 'buddy', akkoord: 'ja' }),
		sendFollowUp: (a) => sendFollowUp(a, { caseId, origin: ORIGIN }),
		findPrivacyRequests: (a) => findPrivacyRequests(a),
		carryOutPrivacyRequest: (a) => carryOutPrivacyRequest(a, { requestId, origin: ORIGIN }),
		findOrganisations: (a) => findOrganisations(a)
	};
	// Columns: beheerder, regisseur, consulent, redacteur, meelezer, buddy, beleid, vreemde regisseur, vreemde beheerder, anoniem.
	const EXPECTED: Record<keyof typeof calls, Outcome[]> = {
		findInbox: ['ok', 'ok', 'ok', 403, 403, 403, 403, 'eigen', 'eigen', 401],
		getCase: ['ok', 'ok', 404, 403, 403, 403, 403, 404, 404, 401],
		registerContact: ['ok', 'ok', 404, 403, 403, 403, 403, 404, 404, 401],
		referCase: ['ok', 'ok', 403, 403, 403, 403, 403, 404, 404, 401],
		sendFollowUp: ['ok', 'ok', 403, 403, 403, 403, 403, 404, 404, 401],
		findPrivacyRequests: ['ok', 403, 403, 403, 403, 403, 403, 403, 'eigen', 401],
		carryOutPrivacyRequest: [403, 403, 403, 403, 403, 403, 403, 403, 404, 401],
		findOrganisations: ['ok', 'ok', 403, 403, 403, 403, 403, 'eigen', 'eigen', 401]
	};
	// The beheerder carries out the one open request last (it can be carried out once).
	EXPECTED.carryOutPrivacyRequest[0] = 'ok';
	const ERROR_CLASS = { 400: ValidationError, 401: UnauthenticatedError, 403: ForbiddenError, 404: NotFoundError } as const;
	const cases = Object.entries(EXPECTED).flatMap(([fn, outcomes]) => WHO.map((who, i) => ({ fn, who, expected: outcomes[i] })));

	it.each(cases.filter((c) => c.expected !== 'ok' && c.expected !== 'eigen'))('$fn as $who → $expected', async ({ fn, who, expected }) => {
		const error = await rejection(calls[fn](actors.get(who)!));
		expect(error).toBeInstanceOf(ERROR_CLASS[expected as keyof typeof ERROR_CLASS]);
		expect((error as DomainError).status).toBe(expected);
	});

	it.each(cases.filter((c) => c.expected === 'eigen'))('$fn as $who shows only their own steunpunt', async ({ fn, who }) => {
		const answer = JSON.stringify(await calls[fn](actors.get(who)!));
		for (const id of spIds) expect(answer).not.toContain(id);
		expect(elsewhereIds.some((id) => answer.includes(id))).toBe(true);
	});

	it.each(cases.filter((c) => c.expected === 'ok'))('$fn as $who is allowed', async ({ fn, who }) => {
		const outcome = await calls[fn](actors.get(who)!).then(
			() => 'ok',
			(e: unknown) => e
		);
		expect(outcome).toBe('ok');
	});
});

describe('follow-up: "Hoe gaat het nu?"', () => {
	let sp: Steunpunt;
	let regisseur: Awaited<ReturnType<typeof buildUser>>;
	beforeAll(async () => {
		sp = await buildSteunpunt();
		regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
	});

	it('refuses to mail a parent who did not agree to be mailed later', async () => {
		const { caseId, email } = await buildContact(sp, { opvolgen: '' });
		const error = await caught(sendFollowUp(regisseur.actor, { caseId, origin: ORIGIN }), ValidationError);
		expect(error.fields.form).toMatch(/niet gezegd dat we mogen mailen/);
		expect(await db().select().from(followUp).where(eq(followUp.caseId, caseId))).toHaveLength(0);
		expect((await db().select().from(mailOutbox).where(eq(mailOutbox.to, email!))).map((m) => m.subject)).not.toContain(expect.stringMatching(/Hoe gaat het/));
	});

	it('mails three one-click links; the answer lands in the case and the anonymous scores, once', async () => {
		const { caseId, email } = await buildContact(sp, { opvolgen: 'ja' });
		const sentAt = new Date();
		await sendFollowUp(regisseur.actor, { caseId, origin: ORIGIN }, sentAt);
		expect((await caseRow(caseId)).status).toBe('wacht-op-ouder');
		const { token, text } = await answerTokenMailedTo(email!);
		expect(text).toContain(`${ORIGIN}/${sp.slug}/hoe-gaat-het/${token}?trend=beter`);
		expect(text).toContain(`/${sp.slug}/mijn-gegevens/`);
		// The token is stored only as a hash.
		const [stored] = await db().select().from(followUp).where(eq(followUp.caseId, caseId));
		expect(stored.tokenHash).not.toContain(token);

		const scoresBefore = (await db().select({ n: count() }).from(supportScore).where(eq(supportScore.steunpuntId, sp.id)))[0].n;
		const answeredAt = new Date(sentAt.getTime() + 60_000);
		await answerFollowUp({ slug: sp.slug, token, input: { trend: 'slechter', gesteund: '2', toelichting: 'School doet nog steeds niets.' }, now: answeredAt });
		const [answered] = await db().select().from(followUp).where(eq(followUp.caseId, caseId));
		expect(answered).toMatchObject({ trend: 'slechter', supported: 2, comment: 'School doet nog steeds niets.' });
		expect(answered.answeredAt?.toISOString()).toBe(answeredAt.toISOString());
		const events = await eventsOf(caseId);
		expect(events.map((e) => e.kind)).toEqual(['aangemaakt', 'opvolgmail', 'antwoord']);
		expect(events[2]).toMatchObject({ userId: null, text: 'School doet nog steeds niets.', data: { trend: 'slechter', supported: 2 } });
		const scores = await db().select().from(supportScore).where(eq(supportScore.steunpuntId, sp.id));
		expect(scores).toHaveLength(scoresBefore + 1);
		expect(scores.at(-1)).toMatchObject({ trend: 'slechter', supported: 2, day: dayInNL(answeredAt) });
		expect(Object.keys(scores[0])).not.toContain('caseId');

		await caught(answerFollowUp({ slug: sp.slug, token, input: { trend: 'beter' }, now: answeredAt }), ConflictError);
		expect((await db().select().from(followUp).where(eq(followUp.caseId, caseId)))[0].trend).toBe('slechter');

		// Worse: back on today's list of the regisseur.
		expect(await caseRow(caseId)).toMatchObject({ status: 'in-behandeling', followUpOn: dayInNL(answeredAt) });
		const today = await findFollowUps(regisseur.actor, answeredAt);
		expect(today.map((f) => f.id)).toContain(caseId);
	});

	it('does not put a case that goes better back on the list', async () => {
		const { caseId, email } = await buildContact(sp, { opvolgen: 'ja' });
		await sendFollowUp(regisseur.actor, { caseId, origin: ORIGIN });
		const { token } = await answerTokenMailedTo(email!);
		await answerFollowUp({ slug: sp.slug, token, input: { trend: 'beter', gesteund: '', toelichting: '' } });
		expect(await caseRow(caseId)).toMatchObject({ status: 'wacht-op-ouder', followUpOn: null });
		expect((await findFollowUps(regisseur.actor)).map((f) => f.id)).not.toContain(caseId);
		// A token of this steunpunt does not work at another one.
		const elsewhere = await buildSteunpunt();
		await caught(answerFollowUp({ slug: elsewhere.slug, token, input: { trend: 'beter' } }), NotFoundError);
		expect(randomUUID()).not.toBe(token);
	});
});
