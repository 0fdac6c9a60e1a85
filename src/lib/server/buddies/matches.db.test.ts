/**
 * The match state machine: voorgesteld → geaccepteerd / afgewezen → actief → afgerond / gestopt,
 * by the buddy's own screen and by the mail link, with the parent's survey and the buddy's
 * reflection at the end. Every change leaves a buddy_match_event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { db } from '../db';
import { buddyMatch, buddyMatchEvent, buddyMoment, buddyRequest, buddySurvey, mailOutbox } from '../db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { buildBuddy, buildBuddyRequest, buildSteunpunt, buildUser, dayFromToday, removeTestRegions } from '../testing/factories';
import { useTestDatabase } from '../testing/db';
import { caught } from '../testing/expect-error';
import { activateMatch, endMatch, getMatch, getProposalByToken, logMoment, proposeMatch, reflect, respondAsBuddy, respondByToken } from './matches';
import { answerSurvey, getSurvey } from './survey';
import { getRequest } from './requests';

type Steunpunt = Awaited<ReturnType<typeof buildSteunpunt>>;
const ORIGIN = 'https://steunpunt.test';

beforeAll(async () => {
	await useTestDatabase();
}, 120_000);

afterAll(async () => {
	await removeTestRegions();
});

async function matchRow(id: string) {
	const [row] = await db().select().from(buddyMatch).where(eq(buddyMatch.id, id));
	return row;
}
async function requestRow(id: string) {
	const [row] = await db().select().from(buddyRequest).where(eq(buddyRequest.id, id));
	return row;
}
async function transitions(matchId: string): Promise<string[]> {
	const rows = await db().select().from(buddyMatchEvent).where(eq(buddyMatchEvent.matchId, matchId)).orderBy(buddyMatchEvent.id);
	return rows.map((e) => `${e.from ?? '-'}→${e.to}`);
}
/** The one mail to `address` whose subject starts with `subject`, and the token of its link. */
async function tokenMailed(address: string, subject: string, path: string): Promise<{ token: string; count: number; text: string }> {
	const mails = (await db().select().from(mailOutbox).where(eq(mailOutbox.to, address))).filter((m) => m.subject.startsWith(subject));
	const last = mails.at(-1);
	expect(last).toBeDefined();
	const match = last!.text.match(new RegExp(`${ORIGIN}/[a-z0-9-]+/${path}/([a-z2-7]+)`));
	expect(match).not.toBeNull();
	return { token: match![1], count: mails.length, text: last!.text };
}
async function surveysOf(steunpuntId: string) {
	return db().select().from(buddySurvey).where(eq(buddySurvey.steunpuntId, steunpuntId));
}

describe('the match state machine', () => {
	let sp: Steunpunt;
	let regisseur: Awaited<ReturnType<typeof buildUser>>;
	beforeAll(async () => {
		sp = await buildSteunpunt();
		regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
	});

	it('propose → accept in the own screen → actief → contact moments → afgerond, with survey and reflection', async () => {
		const b = await buildBuddy(sp, { account: true, capacity: 2 });
		const other = await buildBuddy(sp);
		const request = await buildBuddyRequest(sp, { name: 'Lotte Visser' });
		const matchId = await proposeMatch(regisseur.actor, { buddy: b.id, requestId: request.id, origin: ORIGIN });
		expect(await matchRow(matchId)).toMatchObject({ status: 'voorgesteld', buddyId: b.id, requestId: request.id });
		expect((await requestRow(request.id)).status).toBe('voorgesteld');
		const proposal = await tokenMailed(b.email!, 'Wil je een ouder steunen?', 'buddy-voorstel');
		expect(proposal.text).not.toContain('Lotte Visser');

		// A second proposal for the same request is refused, and holds no place.
		const second = await caught(proposeMatch(regisseur.actor, { buddy: other.id, requestId: request.id, origin: ORIGIN }), ValidationError);
		expect(second.fields).toEqual({ form: 'Voor deze aanvraag is al een buddy voorgesteld of gekoppeld.' });
		expect(await db().select().from(buddyMatch).where(eq(buddyMatch.requestId, request.id))).toHaveLength(1);
		// Nothing happens to the request page's ranking any more: the request is no longer open.
		expect((await getRequest(regisseur.actor, { requestId: request.id })).ranked).toEqual([]);

		// Only the buddy answers; a regisseur cannot accept in the buddy's name. Activation needs acceptance.
		expect((await caught(respondAsBuddy(regisseur.actor, { antwoord: 'ja', matchId }), ValidationError)).fields.form).toMatch(/buddy zelf/);
		await caught(activateMatch(regisseur.actor, { ouderAkkoord: 'ja', matchId }), ValidationError);
		await caught(logMoment(b.user!.actor, { datum: dayFromToday(0), vorm: 'telefoon', matchId }), ValidationError);
		await respondAsBuddy(b.user!.actor, { antwoord: 'ja', toelichting: 'Graag!', matchId });
		expect(await matchRow(matchId)).toMatchObject({ status: 'geaccepteerd', buddyTokenHash: null });
		expect((await matchRow(matchId)).acceptedAt).toBeInstanceOf(Date);
		await caught(respondAsBuddy(b.user!.actor, { antwoord: 'nee', matchId }), ConflictError);
		// The mail link died with the answer in the own screen.
		await caught(respondByToken({ slug: sp.slug, token: proposal.token, input: { antwoord: 'ja' } }), NotFoundError);

		// Activation needs the parent's agreement.
		const noAgreement = await caught(activateMatch(regisseur.actor, { matchId }), ValidationError);
		expect(noAgreement.fields.ouderAkkoord).toMatch(/akkoord/);
		await caught(activateMatch(b.user!.actor, { ouderAkkoord: 'ja', matchId }), ForbiddenError);
		const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
		await activateMatch(regisseur.actor, { ouderAkkoord: 'ja', matchId }, tenDaysAgo);
		expect(await matchRow(matchId)).toMatchObject({ status: 'actief', lastContactOn: dayFromToday(-10) });
		expect((await requestRow(request.id)).status).toBe('actief');

		// Contact moments: a later one moves lastContactOn, an earlier one does not.
		await logMoment(b.user!.actor, {
			datum: dayFromToday(-2),
			vorm: 'afspraak',
			minuten: '45',
			onderwerpen: ['thuiszitten-verzuim'],
			notitie: 'Samen het gesprek met school voorbereid.',
			matchId
		});
		expect((await matchRow(matchId)).lastContactOn).toBe(dayFromToday(-2));
		await logMoment(regisseur.actor, { datum: dayFromToday(-5), vorm: 'telefoon', matchId });
		expect((await matchRow(matchId)).lastContactOn).toBe(dayFromToday(-2));
		const bad = await caught(logMoment(b.user!.actor, { datum: '2026-02-30', vorm: 'brief', matchId }), ValidationError);
		expect(bad.fields).toEqual({ datum: 'Deze datum bestaat niet.', vorm: 'Kies hoe het contact was.' });
		const moments = await db().select().from(buddyMoment).where(eq(buddyMoment.matchId, matchId));
		expect(moments.map((m) => m.form).sort()).toEqual(['afspraak', 'telefoon']);
		expect(moments.find((m) => m.form === 'afspraak')).toMatchObject({
			minutes: 45,
			topics: ['thuiszitten-verzuim'],
			note: 'Samen het gesprek met school voorbereid.'
		});
		const seen = await getMatch(b.user!.actor, { matchId });
		expect(seen.moments).toHaveLength(2);
		expect(seen.can).toMatchObject({ end: true, log: true, respond: false, reflect: false });

		// Reflection only after the end.
		await caught(reflect(b.user!.actor, { gesteund: '4', matchId }), ValidationError);

		// The buddy ends it; the request closes; the parent gets the survey.
		await caught(endMatch(b.user!.actor, { afloop: 'klaar', reden: '', matchId, origin: ORIGIN }), ValidationError);
		await endMatch(b.user!.actor, { afloop: 'afgerond', reden: 'De vragen zijn beantwoord, moeder redt het nu zelf.', matchId, origin: ORIGIN });
		expect(await matchRow(matchId)).toMatchObject({ status: 'afgerond', endReason: 'De vragen zijn beantwoord, moeder redt het nu zelf.' });
		expect((await matchRow(matchId)).endedAt).toBeInstanceOf(Date);
		const closed = await requestRow(request.id);
		expect(closed.status).toBe('afgesloten');
		expect(closed.closedAt).toBeInstanceOf(Date);
		await caught(endMatch(regisseur.actor, { afloop: 'gestopt', reden: 'Nog een keer', matchId, origin: ORIGIN }), ValidationError);
		await caught(logMoment(b.user!.actor, { datum: dayFromToday(0), vorm: 'telefoon', matchId }), ValidationError);

		const survey = await tokenMailed(request.email!, 'Hoe was je buddy?', 'buddy-vragenlijst');
		expect(survey.text).toContain('Beste Lotte Visser,');
		expect(await getSurvey(sp.slug, survey.token)).toEqual({ answered: false });
		const before = (await surveysOf(sp.id)).length;
		await answerSurvey({ slug: sp.slug, token: survey.token, input: { gesteund: '4', hielp: 'Dat iemand echt luisterde.', beter: '' } });
		const answers = await surveysOf(sp.id);
		expect(answers).toHaveLength(before + 1);
		const parent = answers.find((a) => a.who === 'ouder')!;
		expect(parent).toMatchObject({ who: 'ouder', supported: 4, helped: 'Dat iemand echt luisterde.', better: null, day: dayFromToday(0) });
		// Anonymous: the row holds nothing that leads back to the match, request or parent.
		expect(Object.keys(parent).sort()).toEqual(['better', 'day', 'helped', 'id', 'steunpuntId', 'supported', 'who']);
		expect(await getSurvey(sp.slug, survey.token)).toEqual({ answered: true });
		await caught(answerSurvey({ slug: sp.slug, token: survey.token, input: { gesteund: '5' } }), ConflictError);
		expect(await surveysOf(sp.id)).toHaveLength(before + 1);
		await caught(answerSurvey({ slug: sp.slug, token: 'abcdefghijklmnopqrstuvwxyz', input: { gesteund: '5' } }), NotFoundError);

		// The buddy's reflection: once, by the buddy only.
		await caught(reflect(regisseur.actor, { gesteund: '4', reflectie: 'Namens de buddy', matchId }), ValidationError);
		await caught(reflect(b.user!.actor, { gesteund: '6', matchId }), ValidationError);
		await reflect(b.user!.actor, { gesteund: '5', reflectie: 'Mooi traject, ik leerde er zelf ook van.', matchId });
		expect((await matchRow(matchId)).reflection).toBe('Mooi traject, ik leerde er zelf ook van.');
		expect((await surveysOf(sp.id)).filter((a) => a.who === 'buddy')).toEqual([expect.objectContaining({ supported: 5, helped: null, better: null })]);
		await caught(reflect(b.user!.actor, { gesteund: '3', matchId }), ConflictError);
		expect((await getMatch(b.user!.actor, { matchId })).reflection).toBeNull();
		expect((await getMatch(regisseur.actor, { matchId })).reflection).toBe('Mooi traject, ik leerde er zelf ook van.');

		expect(await transitions(matchId)).toEqual(['-→voorgesteld', 'voorgesteld→geaccepteerd', 'geaccepteerd→actief', 'actief→afgerond']);
		const events = await db().select().from(buddyMatchEvent).where(eq(buddyMatchEvent.matchId, matchId)).orderBy(buddyMatchEvent.id);
		expect(events.map((e) => e.userId)).toEqual([regisseur.user.id, b.user!.user.id, regisseur.user.id, b.user!.user.id]);
		expect(events[1].note).toBe('Graag!');
		expect(events[3].note).toBe('De vragen zijn beantwoord, moeder redt het nu zelf.');
		expect(events.every((e) => e.steunpuntId === sp.id)).toBe(true);
	});

	it('a decline frees the place and reopens the request for another buddy', async () => {
		const b = await buildBuddy(sp, { account: true, capacity: 1 });
		const request = await buildBuddyRequest(sp);
		const matchId = await proposeMatch(regisseur.actor, { buddy: b.id, requestId: request.id, origin: ORIGIN });
		// Full now: another request cannot get this buddy.
		const elsewhere = await buildBuddyRequest(sp);
		await caught(proposeMatch(regisseur.actor, { buddy: b.id, requestId: elsewhere.id, origin: ORIGIN }), ValidationError);
		await respondAsBuddy(b.user!.actor, { antwoord: 'nee', toelichting: 'Ik zit deze maand vol.', matchId });
		const row = await matchRow(matchId);
		expect(row).toMatchObject({ status: 'afgewezen', acceptedAt: null, buddyTokenHash: null });
		expect(row.endedAt).toBeInstanceOf(Date);
		expect((await requestRow(request.id)).status).toBe('aangevraagd');
		expect(await transitions(matchId)).toEqual(['-→voorgesteld', 'voorgesteld→afgewezen']);
		// The place is free again, and the request can be proposed again.
		expect((await getRequest(regisseur.actor, { requestId: elsewhere.id })).ranked.map((r) => r.id)).toContain(b.id);
		const again = await proposeMatch(regisseur.actor, { buddy: b.id, requestId: elsewhere.id, origin: ORIGIN });
		expect((await matchRow(again)).status).toBe('voorgesteld');
		const other = await buildBuddy(sp);
		const retry = await proposeMatch(regisseur.actor, { buddy: other.id, requestId: request.id, origin: ORIGIN });
		expect((await requestRow(request.id)).status).toBe('voorgesteld');
		expect((await getRequest(regisseur.actor, { requestId: request.id })).matches.map((m) => m.id).sort()).toEqual([matchId, retry].sort());
	});

	it('the mail link answers once; the second time it is gone', async () => {
		const b = await buildBuddy(sp); // no account: the mail link is the only way
		const request = await buildBuddyRequest(sp);
		const matchId = await proposeMatch(regisseur.actor, { buddy: b.id, requestId: request.id, origin: ORIGIN });
		const { token, count: mails } = await tokenMailed(b.email!, 'Wil je een ouder steunen?', 'buddy-voorstel');
		expect(mails).toBe(1);
		expect(await getProposalByToken(sp.slug, token)).toEqual({ status: 'voorgesteld' });
		await caught(respondByToken({ slug: sp.slug, token, input: { antwoord: 'misschien' } }), ValidationError);
		expect(await respondByToken({ slug: sp.slug, token, input: { antwoord: 'ja' } })).toBe('geaccepteerd');
		expect((await matchRow(matchId)).status).toBe('geaccepteerd');
		const again = await respondByToken({ slug: sp.slug, token, input: { antwoord: 'nee' } }).then(
			() => null,
			(e: unknown) => e
		);
		expect(again instanceof NotFoundError || again instanceof ConflictError).toBe(true);
		await caught(getProposalByToken(sp.slug, token), NotFoundError);
		expect((await matchRow(matchId)).status).toBe('geaccepteerd');
		// The link is tied to its steunpunt.
		const elsewhere = await buildSteunpunt();
		await caught(respondByToken({ slug: elsewhere.slug, token, input: { antwoord: 'ja' } }), NotFoundError);
		// An answer by link carries no user in the history.
		const events = await db().select().from(buddyMatchEvent).where(eq(buddyMatchEvent.matchId, matchId)).orderBy(buddyMatchEvent.id);
		expect(events.map((e) => [e.from, e.to, e.userId])).toEqual([
			[null, 'voorgesteld', regisseur.user.id],
			['voorgesteld', 'geaccepteerd', null]
		]);

		// The regisseur activates and later stops it: gestopt, with the reason; the parent has an address so gets the survey.
		await activateMatch(regisseur.actor, { ouderAkkoord: 'ja', matchId });
		await endMatch(regisseur.actor, { afloop: 'gestopt', reden: 'Het klikte niet.', matchId, origin: ORIGIN });
		expect(await matchRow(matchId)).toMatchObject({ status: 'gestopt', endReason: 'Het klikte niet.' });
		expect((await requestRow(request.id)).status).toBe('afgesloten');
		expect(await transitions(matchId)).toEqual(['-→voorgesteld', 'voorgesteld→geaccepteerd', 'geaccepteerd→actief', 'actief→gestopt']);
		const [{ n }] = await db()
			.select({ n: count() })
			.from(mailOutbox)
			.where(and(eq(mailOutbox.to, request.email!), eq(mailOutbox.steunpuntId, sp.id)));
		expect(n).toBe(1);
	});

	it('a decline by mail link puts the request back to aangevraagd', async () => {
		const b = await buildBuddy(sp);
		const request = await buildBuddyRequest(sp);
		const matchId = await proposeMatch(regisseur.actor, { buddy: b.id, requestId: request.id, origin: ORIGIN });
		const { token } = await tokenMailed(b.email!, 'Wil je een ouder steunen?', 'buddy-voorstel');
		expect(await respondByToken({ slug: sp.slug, token, input: { antwoord: 'nee' } })).toBe('afgewezen');
		expect((await matchRow(matchId)).status).toBe('afgewezen');
		expect((await requestRow(request.id)).status).toBe('aangevraagd');
		await caught(respondByToken({ slug: sp.slug, token, input: { antwoord: 'ja' } }), NotFoundError);
		expect(await transitions(matchId)).toEqual(['-→voorgesteld', 'voorgesteld→afgewezen']);
	});
});
