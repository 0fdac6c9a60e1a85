/**
 * The buddy programme over time: figures with small counts suppressed, check-in reminders for
 * quiet matches (once per period), and the retention purge of personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '../db';
import { buddyMatch, buddyMatchEvent, buddyMoment, buddyRequest, buddySurvey, mailOutbox } from '../db/schema';
import { ForbiddenError } from '../errors';
import { buildBuddy, buildBuddyRequest, buildSteunpunt, buildUser, dayFromToday, removeTestRegions } from '../testing/factories';
import { useTestDatabase } from '../testing/db';
import { caught } from '../testing/expect-error';
import { shown } from '$lib/small-counts';
import { getBuddyFigures } from './figures';
import { findQuietMatches, sendCheckInReminders } from './check-ins';
import { purgeBuddyPersonalData } from './retention';

type Steunpunt = Awaited<ReturnType<typeof buildSteunpunt>>;
const ORIGIN = 'https://steunpunt.test';
const DAY = 86_400_000;

beforeAll(async () => {
	await useTestDatabase();
}, 120_000);

afterAll(async () => {
	await removeTestRegions();
});

/** An active match, written directly: a request, a match with activeAt and lastContactOn. */
async function activeMatch(sp: { id: string }, b: { id: string }, options: { activeAt?: Date; lastContactOn?: string | null; requestCreatedAt?: Date } = {}) {
	const request = await buildBuddyRequest(sp, { status: 'actief', ...(options.requestCreatedAt ? { createdAt: options.requestCreatedAt } : {}) });
	const activeAt = options.activeAt ?? new Date();
	const [m] = await db()
		.insert(buddyMatch)
		.values({
			steunpuntId: sp.id,
			requestId: request.id,
			buddyId: b.id,
			status: 'actief',
			proposedAt: activeAt,
			acceptedAt: activeAt,
			activeAt,
			lastContactOn: options.lastContactOn === undefined ? dayFromToday(0) : options.lastContactOn
		})
		.returning();
	return { request, match: m };
}

function valueOf(figures: Awaited<ReturnType<typeof getBuddyFigures>>, label: string): string {
	const row = figures.rows.find((r) => r.label === label);
	expect(row, label).toBeDefined();
	return row!.value;
}

describe('getBuddyFigures', () => {
	let sp: Steunpunt;
	let beleid: Awaited<ReturnType<typeof buildUser>>;
	beforeAll(async () => {
		sp = await buildSteunpunt();
		beleid = await buildUser({ steunpuntId: sp.id, roles: ['beleid'] });
	});

	it('shows small numbers as "minder dan 5" and from 5 the number; 0 stays 0', async () => {
		expect(shown(0)).toBe('0');
		expect(shown(1)).toBe('minder dan 5');
		expect(shown(4)).toBe('minder dan 5');
		expect(shown(5)).toBe('5');
		expect(shown(1234)).toBe('1.234');

		let figures = await getBuddyFigures(beleid.actor);
		expect(valueOf(figures, 'Aanvragen voor een buddy')).toBe('0');
		const b = await buildBuddy(sp, { capacity: 10 });
		for (let i = 0; i < 4; i++) await activeMatch(sp, b, { requestCreatedAt: new Date(Date.now() - 10 * DAY), activeAt: new Date(Date.now() - 4 * DAY) });
		figures = await getBuddyFigures(beleid.actor);
		expect(valueOf(figures, 'Aanvragen voor een buddy')).toBe('minder dan 5');
		expect(valueOf(figures, 'Koppelingen gemaakt (actief geworden)')).toBe('minder dan 5');
		expect(valueOf(figures, 'Koppelingen die nu actief zijn')).toBe('minder dan 5');
		expect(valueOf(figures, 'Gemiddelde tijd van aanvraag tot actieve koppeling (dagen)')).toBe('te weinig (minder dan 5)');

		await activeMatch(sp, b, { requestCreatedAt: new Date(Date.now() - 10 * DAY), activeAt: new Date(Date.now() - 4 * DAY) });
		await buildBuddyRequest(sp);
		figures = await getBuddyFigures(beleid.actor);
		expect(valueOf(figures, 'Aanvragen voor een buddy')).toBe('6');
		expect(valueOf(figures, 'Koppelingen gemaakt (actief geworden)')).toBe('5');
		expect(valueOf(figures, 'Koppelingen die nu actief zijn')).toBe('5');
		expect(valueOf(figures, 'Gemiddelde tijd van aanvraag tot actieve koppeling (dagen)')).toBe('6,0');
		// Nothing has ended yet.
		expect(valueOf(figures, 'Gemiddelde duur van een afgelopen koppeling (dagen)')).toBe('te weinig (minder dan 5)');
	});

	it("averages the parents' answers only from 5 answers on, and counts contact moments by form", async () => {
		const own = await buildSteunpunt();
		const regisseur = await buildUser({ steunpuntId: own.id, roles: ['regisseur'] });
		const answer = (supported: number, who = 'ouder') =>
			db()
				.insert(buddySurvey)
				.values({ steunpuntId: own.id, day: dayFromToday(-3), who, supported });
		for (const s of [4, 4, 4, 5]) await answer(s);
		await answer(1, 'buddy'); // the buddy's score is not the parents'
		let figures = await getBuddyFigures(regisseur.actor);
		expect(valueOf(figures, 'Voelden ouders zich gesteund? (gemiddeld, 1 tot 5)')).toBe('te weinig (minder dan 5)');
		expect(valueOf(figures, 'Aantal antwoorden op die vraag')).toBe('minder dan 5');
		await answer(4);
		figures = await getBuddyFigures(regisseur.actor);
		expect(valueOf(figures, 'Voelden ouders zich gesteund? (gemiddeld, 1 tot 5)')).toBe('4,2');
		expect(valueOf(figures, 'Aantal antwoorden op die vraag')).toBe('5');
		// An old answer (outside the period) does not count.
		await db()
			.insert(buddySurvey)
			.values({ steunpuntId: own.id, day: dayFromToday(-400), who: 'ouder', supported: 1 });
		expect(valueOf(await getBuddyFigures(regisseur.actor), 'Voelden ouders zich gesteund? (gemiddeld, 1 tot 5)')).toBe('4,2');

		const b = await buildBuddy(own);
		const { match } = await activeMatch(own, b);
		const moments = [...Array(6).fill('telefoon'), 'afspraak', 'afspraak'];
		await db()
			.insert(buddyMoment)
			.values(moments.map((form) => ({ steunpuntId: own.id, matchId: match.id, day: dayFromToday(-1), form })));
		figures = await getBuddyFigures(regisseur.actor);
		expect(figures.moments).toEqual([
			{ label: 'Telefoon', value: '6' },
			{ label: 'Afspraak', value: 'minder dan 5' },
			{ label: 'Mee naar school', value: '0' }
		]);
	});

	it('counts only its own steunpunt, and is refused to a buddy or consulent', async () => {
		const own = await buildSteunpunt();
		const regisseur = await buildUser({ steunpuntId: own.id, roles: ['regisseur'] });
		const figures = await getBuddyFigures(regisseur.actor);
		expect(figures.rows.every((r) => r.value === '0' || r.value.startsWith('te weinig'))).toBe(true);
		const consulent = await buildUser({ steunpuntId: own.id, roles: ['consulent'] });
		const buddyUser = await buildUser({ steunpuntId: own.id, roles: ['buddy'] });
		await caught(getBuddyFigures(consulent.actor), ForbiddenError);
		await caught(getBuddyFigures(buddyUser.actor), ForbiddenError);
	});
});

describe('check-in reminders', () => {
	async function remindersTo(address: string): Promise<number> {
		const mails = await db().select().from(mailOutbox).where(eq(mailOutbox.to, address));
		return mails.filter((m) => m.subject.startsWith('Hoe gaat het met je buddy-ouder?')).length;
	}

	it('mails the buddy of a quiet active match once per period, and lists it for the regisseur', async () => {
		const sp = await buildSteunpunt();
		const patient = await buildSteunpunt({ buddyCheckInWeeks: 8 });
		const regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
		const patientRegisseur = await buildUser({ steunpuntId: patient.id, roles: ['regisseur'] });
		const quietBuddy = await buildBuddy(sp, { name: 'Stille Buddy' });
		const busyBuddy = await buildBuddy(sp, { name: 'Drukke Buddy' });
		const patientBuddy = await buildBuddy(patient, { name: 'Geduldige Buddy' });
		const now = new Date();
		const quiet = await activeMatch(sp, quietBuddy, { activeAt: new Date(now.getTime() - 60 * DAY), lastContactOn: dayFromToday(-35) });
		// Never a contact moment: the activation date counts (and findQuietMatches lists it).
		const neverTalked = await activeMatch(sp, quietBuddy, { activeAt: new Date(now.getTime() - 40 * DAY), lastContactOn: null });
		await activeMatch(sp, busyBuddy, { activeAt: new Date(now.getTime() - 60 * DAY), lastContactOn: dayFromToday(-10) });
		const patientMatch = await activeMatch(patient, patientBuddy, { activeAt: new Date(now.getTime() - 60 * DAY), lastContactOn: dayFromToday(-35) });
		// An ended match is never reminded.
		const ended = await activeMatch(sp, busyBuddy, { activeAt: new Date(now.getTime() - 90 * DAY), lastContactOn: dayFromToday(-80) });
		await db().update(buddyMatch).set({ status: 'afgerond', endedAt: now }).where(eq(buddyMatch.id, ended.match.id));

		const listed = await findQuietMatches(regisseur.actor, now);
		expect(listed.weeks).toBe(4);
		expect(listed.rows.map((r) => r.id).sort()).toEqual([quiet.match.id, neverTalked.match.id].sort());
		expect(listed.rows.find((r) => r.id === quiet.match.id)).toMatchObject({
			buddy: 'Stille Buddy',
			reference: quiet.request.reference,
			lastContactOn: dayFromToday(-35)
		});
		const patientList = await findQuietMatches(patientRegisseur.actor, now);
		expect(patientList).toEqual({ weeks: 8, rows: [] });

		const sent = await sendCheckInReminders({ origin: ORIGIN, now });
		expect(sent).toBeGreaterThanOrEqual(2);
		expect(await remindersTo(quietBuddy.email!)).toBe(2); // one per quiet match
		expect(await remindersTo(busyBuddy.email!)).toBe(0);
		expect(await remindersTo(patientBuddy.email!)).toBe(0);
		const [mail] = (await db().select().from(mailOutbox).where(eq(mailOutbox.to, quietBuddy.email!))).filter((m) => m.subject.startsWith('Hoe gaat het'));
		expect(mail.text).toContain('Beste Stille Buddy,');
		expect(mail.text).toContain('4 weken geen contactmoment');
		expect(mail.text).toContain(`${ORIGIN}/beheer/${sp.slug}/mijn-koppelingen`);
		expect((await db().select().from(buddyMatch).where(eq(buddyMatch.id, quiet.match.id)))[0].lastReminderAt).toEqual(now);

		// The same run again, and a week later: nothing new.
		await sendCheckInReminders({ origin: ORIGIN, now });
		await sendCheckInReminders({ origin: ORIGIN, now: new Date(now.getTime() + 7 * DAY) });
		expect(await remindersTo(quietBuddy.email!)).toBe(2);
		// Still quiet after the next period (29 days on): one more reminder each; the patient steunpunt's
		// match is now more than 8 weeks quiet (35 + 29 days), so its buddy gets the first one.
		await sendCheckInReminders({ origin: ORIGIN, now: new Date(now.getTime() + 29 * DAY) });
		expect(await remindersTo(quietBuddy.email!)).toBe(4);
		expect(await remindersTo(patientBuddy.email!)).toBe(1);
		expect(await remindersTo(busyBuddy.email!)).toBe(1); // 10 + 29 days without contact
		expect((await db().select().from(buddyMatch).where(eq(buddyMatch.id, patientMatch.match.id)))[0].lastReminderAt).toBeInstanceOf(Date);
	});
});

describe('purgeBuddyPersonalData', () => {
	it('wipes personal data of requests closed longer ago than the retention period, and keeps the rest', async () => {
		const sp = await buildSteunpunt({ retentionMonths: 6 });
		const b = await buildBuddy(sp);
		const now = new Date();
		const sevenMonthsAgo = new Date(now.getTime() - 213 * DAY);
		const oldRequest = await buildBuddyRequest(sp, {
			status: 'afgesloten',
			closedAt: sevenMonthsAgo,
			createdAt: new Date(now.getTime() - 300 * DAY),
			topics: ['thuiszitten-verzuim']
		});
		const recentRequest = await buildBuddyRequest(sp, { status: 'afgesloten', closedAt: new Date(now.getTime() - 60 * DAY) });
		// Still waiting for a buddy: closed and wiped once it waited longer than the period; a
		// request waiting less long keeps its details.
		const openRequest = await buildBuddyRequest(sp, { createdAt: new Date(now.getTime() - 700 * DAY) });
		const waitingRequest = await buildBuddyRequest(sp, { createdAt: new Date(now.getTime() - 100 * DAY) });
		const [oldMatch] = await db()
			.insert(buddyMatch)
			.values({
				steunpuntId: sp.id,
				requestId: oldRequest.id,
				buddyId: b.id,
				status: 'afgerond',
				activeAt: new Date(now.getTime() - 280 * DAY),
				endedAt: sevenMonthsAgo,
				endReason: 'Moeder verhuisde naar Zwolle.',
				reflection: 'Het gezin had het zwaar.'
			})
			.returning();
		const [recentMatch] = await db()
			.insert(buddyMatch)
			.values({ steunpuntId: sp.id, requestId: recentRequest.id, buddyId: b.id, status: 'gestopt', endReason: 'Klikte niet.', reflection: 'Jammer.' })
			.returning();
		await db()
			.insert(buddyMoment)
			.values([
				{
					steunpuntId: sp.id,
					matchId: oldMatch.id,
					day: dayFromToday(-250),
					form: 'afspraak',
					minutes: 60,
					topics: ['thuiszitten-verzuim'],
					note: 'Gesprek bij de moeder thuis.'
				},
				{ steunpuntId: sp.id, matchId: recentMatch.id, day: dayFromToday(-70), form: 'telefoon', note: 'Kort gebeld.' }
			]);
		await db()
			.insert(buddyMatchEvent)
			.values([
				{ steunpuntId: sp.id, matchId: oldMatch.id, from: 'actief', to: 'afgerond', note: 'Moeder verhuisde naar Zwolle.' },
				{ steunpuntId: sp.id, matchId: recentMatch.id, from: 'actief', to: 'gestopt', note: 'Klikte niet.' }
			]);

		expect(await purgeBuddyPersonalData(now)).toBeGreaterThanOrEqual(1);

		const requests = new Map(
			(
				await db()
					.select()
					.from(buddyRequest)
					.where(inArray(buddyRequest.id, [oldRequest.id, recentRequest.id, openRequest.id, waitingRequest.id]))
			).map((r) => [r.id, r])
		);
		expect(requests.get(oldRequest.id)).toMatchObject({
			need: null,
			name: null,
			email: null,
			phone: null,
			status: 'afgesloten',
			closedAt: sevenMonthsAgo,
			topics: ['thuiszitten-verzuim'],
			reference: oldRequest.reference
		});
		expect(requests.get(recentRequest.id)).toMatchObject({
			need: recentRequest.need,
			name: recentRequest.name,
			email: recentRequest.email,
			phone: recentRequest.phone
		});
		expect(requests.get(openRequest.id)).toMatchObject({ need: null, name: null, email: null, phone: null, status: 'afgesloten', closedAt: now });
		expect(requests.get(waitingRequest.id)).toMatchObject({
			need: waitingRequest.need,
			name: waitingRequest.name,
			email: waitingRequest.email,
			phone: waitingRequest.phone,
			status: 'aangevraagd'
		});

		const matches = new Map(
			(
				await db()
					.select()
					.from(buddyMatch)
					.where(inArray(buddyMatch.id, [oldMatch.id, recentMatch.id]))
			).map((m) => [m.id, m])
		);
		expect(matches.get(oldMatch.id)).toMatchObject({ reflection: null, endReason: null, status: 'afgerond', endedAt: sevenMonthsAgo });
		expect(matches.get(oldMatch.id)!.activeAt).toBeInstanceOf(Date);
		expect(matches.get(recentMatch.id)).toMatchObject({ reflection: 'Jammer.', endReason: 'Klikte niet.' });

		const moments = await db()
			.select()
			.from(buddyMoment)
			.where(inArray(buddyMoment.matchId, [oldMatch.id, recentMatch.id]));
		expect(moments.find((m) => m.matchId === oldMatch.id)).toMatchObject({ note: null, form: 'afspraak', minutes: 60, topics: ['thuiszitten-verzuim'] });
		expect(moments.find((m) => m.matchId === recentMatch.id)!.note).toBe('Kort gebeld.');
		const events = await db()
			.select()
			.from(buddyMatchEvent)
			.where(inArray(buddyMatchEvent.matchId, [oldMatch.id, recentMatch.id]));
		expect(events.find((e) => e.matchId === oldMatch.id)).toMatchObject({ note: null, from: 'actief', to: 'afgerond' });
		expect(events.find((e) => e.matchId === recentMatch.id)!.note).toBe('Klikte niet.');

		// A second run finds nothing more of this steunpunt to wipe.
		await purgeBuddyPersonalData(now);
		const [again] = await db()
			.select()
			.from(buddyRequest)
			.where(and(eq(buddyRequest.id, recentRequest.id), eq(buddyRequest.steunpuntId, sp.id)));
		expect(again.name).toBe(recentRequest.name);
	});
});
