/**
 * After the activity: the feedback mail (by hand and by the job, once), the one-time anonymous
 * feedback link, and the topics registered in the signalering.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { activity, activityFeedback, activitySignup, registration } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import { buildActivity, buildSignup, buildSteunpunt, buildUser } from '../testing/factories';
import { useTestDatabase } from '../testing/db';
import { mailsTo } from '../testing/mail';
import { caught } from '../testing/expect-error';
import { dayInNL } from '$lib/working-days';
import { getFeedbackForm, giveFeedback, registerTopics, sendDueFeedbackMails, sendFeedbackNow } from './aftercare';
import { checkIn } from './participants';
import { GoneError } from './signups';

type Steunpunt = Awaited<ReturnType<typeof buildSteunpunt>>;
type User = Awaited<ReturnType<typeof buildUser>>;
const ORIGIN = 'https://steunpunt.test';
const HOUR = 3_600_000;

beforeAll(async () => {
	await useTestDatabase();
}, 120_000);

async function feedbackMails(address: string | null) {
	return mailsTo(address, 'Hoe was het?');
}
function feedbackToken(text: string, slug: string): string {
	const m = text.match(new RegExp(`${ORIGIN}/${slug}/activiteit-feedback/([0-9a-f]{32}[A-Za-z0-9_-]{32})`));
	expect(m).not.toBeNull();
	return m![1];
}
/** An activity that just happened, with `count` confirmed people (signed up a week before). */
async function heldActivity(sp: Steunpunt, count: number, endedHoursAgo = 0) {
	const now = new Date();
	const startsAt = new Date(now.getTime() - (2 + endedHoursAgo) * HOUR);
	const a = await buildActivity(sp, { startsAt, now });
	const before = new Date(startsAt.getTime() - 7 * 24 * HOUR);
	const people = [];
	for (let i = 0; i < count; i++) people.push(await buildSignup(sp, a.id, { naam: `Deelnemer ${i}` }, before));
	return { a, people, now };
}

describe('the feedback mail', () => {
	let sp: Steunpunt;
	let regisseur: User;
	beforeAll(async () => {
		sp = await buildSteunpunt();
		regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
	});

	it('by hand: refused before anyone is checked in and before the end; then only to those checked in, once', async () => {
		const now = new Date();
		const a = await buildActivity(sp, { startsAt: new Date(now.getTime() - HOUR), now: new Date(now.getTime() - 10 * 24 * HOUR) });
		const before = new Date(now.getTime() - 3 * 24 * HOUR);
		const came = await buildSignup(sp, a.id, {}, before);
		const stayedAway = await buildSignup(sp, a.id, {}, before);
		const early = await caught(sendFeedbackNow(regisseur.actor, { activityId: a.id, origin: ORIGIN }, now), ValidationError);
		expect(early.fields.form).toBe('De feedbackmail gaat pas na de activiteit, of als er iemand is afgetekend.');

		await checkIn(regisseur.actor, { aanmelding: came.signupId, activityId: a.id }, now);
		expect(await sendFeedbackNow(regisseur.actor, { activityId: a.id, origin: ORIGIN }, now)).toBe(1);
		expect(await feedbackMails(came.email)).toHaveLength(1);
		expect(await feedbackMails(stayedAway.email)).toHaveLength(0);
		expect((await caught(sendFeedbackNow(regisseur.actor, { activityId: a.id, origin: ORIGIN }, now), ValidationError)).fields.form).toBe(
			'De feedbackmail is al verstuurd.'
		);
		// Nor does the job send it again.
		await sendDueFeedbackMails({ origin: ORIGIN }, new Date(a.endsAt.getTime() + 3 * HOUR));
		expect(await feedbackMails(came.email)).toHaveLength(1);
		expect(await feedbackMails(stayedAway.email)).toHaveLength(0);
	});

	it('the job: two hours after the end, to everyone confirmed when nobody was checked in; once, also when two runs overlap', async () => {
		const { a, people } = await heldActivity(sp, 3, 0);
		const { signUp } = await import('./signups');
		expect(signUp).toBeTypeOf('function');
		await sendDueFeedbackMails({ origin: ORIGIN }, new Date(a.endsAt.getTime() + HOUR));
		for (const p of people) expect(await feedbackMails(p.email)).toHaveLength(0);

		const later = new Date(a.endsAt.getTime() + 2 * HOUR + 60_000);
		const [one, two] = await Promise.all([sendDueFeedbackMails({ origin: ORIGIN }, later), sendDueFeedbackMails({ origin: ORIGIN }, later)]);
		expect(one + two).toBeGreaterThanOrEqual(3);
		for (const p of people) expect(await feedbackMails(p.email)).toHaveLength(1);
		const [row] = await db().select().from(activity).where(eq(activity.id, a.id));
		expect(row.feedbackSentAt).toEqual(later);
		await sendDueFeedbackMails({ origin: ORIGIN }, new Date(later.getTime() + HOUR));
		for (const p of people) expect(await feedbackMails(p.email)).toHaveLength(1);
	});

	it('the job skips activities that were called off', async () => {
		const { a, people } = await heldActivity(sp, 1, 0);
		await db().update(activity).set({ status: 'afgelast' }).where(eq(activity.id, a.id));
		await sendDueFeedbackMails({ origin: ORIGIN }, new Date(a.endsAt.getTime() + 3 * HOUR));
		expect(await feedbackMails(people[0].email)).toHaveLength(0);
	});
});

describe('the feedback link', () => {
	it('works once, stores the answer without the person and only the day', async () => {
		const sp = await buildSteunpunt();
		const regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
		const { a, people, now } = await heldActivity(sp, 2, 3);
		expect(await sendFeedbackNow(regisseur.actor, { activityId: a.id, origin: ORIGIN }, now)).toBe(2);
		const [mail] = await feedbackMails(people[0].email);
		const token = feedbackToken(mail.text, sp.slug);
		expect(await getFeedbackForm({ slug: sp.slug, token: token })).toMatchObject({ title: a.title });

		// The personal sign-up link is not a feedback link, and the other way round.
		await caught(getFeedbackForm({ slug: sp.slug, token: people[0].token }), NotFoundError);
		const { getOwnSignup } = await import('./signups');
		await caught(getOwnSignup({ slug: sp.slug, token: token, origin: ORIGIN }, now), NotFoundError);
		await caught(getFeedbackForm({ slug: (await buildSteunpunt()).slug, token: token }), NotFoundError);

		expect((await caught(giveFeedback({ slug: sp.slug, token: token, input: { nuttig: '6' } }, now), ValidationError)).fields.nuttig).toBe(
			'Kies een cijfer van 1 tot 5.'
		);
		expect(
			(await caught(giveFeedback({ slug: sp.slug, token: token, input: { nuttig: '4', volgendeKeer: 'a'.repeat(1001) } }, now), ValidationError)).fields
				.volgendeKeer
		).toBe('Gebruik hooguit 1000 tekens.');
		await giveFeedback({ slug: sp.slug, token: token, input: { nuttig: '4', volgendeKeer: 'Meer over het OPP.' } }, now);
		const rows = await db().select().from(activityFeedback).where(eq(activityFeedback.activityId, a.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ steunpuntId: sp.id, useful: 4, nextTime: 'Meer over het OPP.' });
		expect(Object.keys(rows[0]).sort()).toEqual(['activityId', 'createdAt', 'id', 'nextTime', 'steunpuntId', 'useful']);
		expect(rows[0].createdAt.toISOString()).toBe(`${dayInNL(now)}T12:00:00.000Z`);

		const again = await caught(giveFeedback({ slug: sp.slug, token: token, input: { nuttig: '1' } }, now), GoneError);
		expect(again.status).toBe(410);
		expect(again.message).toBe('Je hebt je antwoord al gegeven. Dank je wel!');
		await caught(getFeedbackForm({ slug: sp.slug, token: token }), GoneError);
		expect(await db().select().from(activityFeedback).where(eq(activityFeedback.activityId, a.id))).toHaveLength(1);
		// Two answers at the same moment through the other link: one is stored.
		const other = feedbackToken((await feedbackMails(people[1].email))[0].text, sp.slug);
		const settled = await Promise.allSettled([
			giveFeedback({ slug: sp.slug, token: other, input: { nuttig: '5' } }, now),
			giveFeedback({ slug: sp.slug, token: other, input: { nuttig: '5' } }, now)
		]);
		expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(await db().select().from(activityFeedback).where(eq(activityFeedback.activityId, a.id))).toHaveLength(2);
		const [signup] = await db().select().from(activitySignup).where(eq(activitySignup.id, people[0].signupId));
		expect(signup.feedbackGiven).toBe(true);
	});
});

describe('topics discussed', () => {
	it('creates one anonymous registration, replaces it on a later save and removes it when emptied; refused before the start', async () => {
		const sp = await buildSteunpunt();
		const regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
		const coming = await buildActivity(sp);
		expect((await caught(registerTopics(regisseur.actor, { onderwerpen: ['opp'], activityId: coming.id }), ValidationError)).fields.form).toMatch(
			/op de dag van de activiteit/
		);
		const beleid = await buildUser({ steunpuntId: sp.id, roles: ['beleid'] });
		const { ForbiddenError } = await import('../errors');
		await caught(registerTopics(beleid.actor, { onderwerpen: ['opp'], activityId: coming.id }), ForbiddenError);

		const { a, now } = await heldActivity(sp, 1, 0);
		const regs = () => db().select().from(registration).where(eq(registration.steunpuntId, sp.id));
		await registerTopics(regisseur.actor, { onderwerpen: ['opp', 'zorgplicht', 'opp'], activityId: a.id }, now);
		let rows = await regs();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			channel: 'activiteit',
			who: 'ouder',
			topics: ['opp', 'zorgplicht'],
			topicsConfirmed: true,
			day: dayInNL(a.startsAt),
			durationMinutes: 120
		});
		const [row] = await db().select().from(activity).where(eq(activity.id, a.id));
		expect(row).toMatchObject({ topics: ['opp', 'zorgplicht'], registrationId: rows[0].id });

		await registerTopics(regisseur.actor, { onderwerpen: 'thuiszitten-verzuim', activityId: a.id }, now);
		const firstId = rows[0].id;
		rows = await regs();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ id: firstId, topics: ['thuiszitten-verzuim'] });

		expect(
			(await caught(registerTopics(regisseur.actor, { onderwerpen: ['geen-onderwerp'], activityId: a.id }, now), ValidationError)).fields.onderwerpen
		).toMatch(/uit de lijst/);
		await registerTopics(regisseur.actor, { onderwerpen: [], activityId: a.id }, now);
		expect(await regs()).toHaveLength(0);
		const [emptied] = await db().select().from(activity).where(eq(activity.id, a.id));
		expect(emptied).toMatchObject({ topics: [], registrationId: null });
	});
});
