/**
 * The scheduled work: reminders two days before (once, also with two runs at the same time) and
 * deleting participants' personal data after the steunpunt's retention period.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { activity, activitySignup } from '../db/schema';
import { buildActivity, buildSignup, buildSteunpunt } from '../testing/factories';
import { useTestDatabase } from '../testing/db';
import { mailsTo } from '../testing/mail';
import { caught } from '../testing/expect-error';
import { purgeActivityPersonalData, sendReminders } from './jobs';
import { GoneError, cancelOwnSignup, getOwnSignup } from './signups';

const ORIGIN = 'https://steunpunt.test';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
	await useTestDatabase();
}, 120_000);

async function reminders(address: string | null) {
	return mailsTo(address, 'Herinnering:');
}

describe('sendReminders', () => {
	it('reminds every confirmed participant with an e-mail address within 48 hours before the start, once, also with two runs at once', async () => {
		const sp = await buildSteunpunt();
		const now = new Date();
		const soon = await buildActivity(sp, { capacity: 3, startsAt: new Date(now.getTime() + 30 * HOUR), now, title: 'Oudercafé over het OPP' });
		const signedUp = new Date(now.getTime() - DAY);
		const a = await buildSignup(sp, soon.id, { naam: 'Anna' }, signedUp);
		const b = await buildSignup(sp, soon.id, {}, signedUp);
		await buildSignup(sp, soon.id, { email: '', telefoon: '06 12345678' }, signedUp);
		const waiting = await buildSignup(sp, soon.id, {}, signedUp);
		const gone = await buildSignup(sp, (await buildActivity(sp, { startsAt: soon.startsAt, now })).id, {}, signedUp);
		await cancelOwnSignup({ slug: sp.slug, token: gone.token, origin: ORIGIN }, signedUp);
		const later = await buildActivity(sp, { startsAt: new Date(now.getTime() + 50 * HOUR), now });
		const notYet = await buildSignup(sp, later.id, {}, signedUp);
		const off = await buildActivity(sp, { startsAt: new Date(now.getTime() + 20 * HOUR), now });
		const calledOff = await buildSignup(sp, off.id, {}, signedUp);
		await db().update(activity).set({ status: 'afgelast' }).where(eq(activity.id, off.id));
		expect(waiting.status).toBe('wachtlijst');

		const [one, two] = await Promise.all([sendReminders({ origin: ORIGIN }, now), sendReminders({ origin: ORIGIN }, now)]);
		expect(one + two).toBeGreaterThanOrEqual(2);
		for (const s of [a, b]) {
			const mails = await reminders(s.email);
			expect(mails).toHaveLength(1);
			expect(mails[0].text).toContain(`${ORIGIN}/${sp.slug}/aanmelding/${s.token}`);
			expect(mails[0].subject).toBe('Herinnering: Oudercafé over het OPP');
		}
		expect((await reminders(a.email))[0].text).toContain('Beste Anna,');
		for (const s of [waiting, gone, notYet, calledOff]) expect(await reminders(s.email)).toHaveLength(0);
		const [row] = await db().select().from(activitySignup).where(eq(activitySignup.id, a.signupId));
		expect(row.remindedAt).toEqual(now);

		await sendReminders({ origin: ORIGIN }, new Date(now.getTime() + HOUR));
		for (const s of [a, b]) expect(await reminders(s.email)).toHaveLength(1);
		// The later activity gets its turn when it comes within 48 hours.
		await sendReminders({ origin: ORIGIN }, new Date(now.getTime() + 3 * HOUR));
		expect(await reminders(notYet.email)).toHaveLength(1);
		expect(await reminders(calledOff.email)).toHaveLength(0);
	});
});

describe('purgeActivityPersonalData', () => {
	it("wipes names, contact details and needs after the steunpunt's retention days, and keeps the counts", async () => {
		const now = new Date();
		const none = await buildSteunpunt({ activityRetentionDays: 0 });
		const standard = await buildSteunpunt();
		const long = await buildSteunpunt({ activityRetentionDays: 60 });
		expect(standard.activityRetentionDays).toBe(30);

		async function past(sp: typeof none, endedDaysAgo: number) {
			const startsAt = new Date(now.getTime() - endedDaysAgo * DAY - 2 * HOUR);
			const a = await buildActivity(sp, { startsAt, capacity: 1, now, online: true, onlineUrl: 'https://meet.example/geheim' });
			const before = new Date(startsAt.getTime() - 7 * DAY);
			const s = await buildSignup(sp, a.id, { naam: 'Fatima de Vries', telefoon: '06 12345678', behoeften: ['tolk'], toelichting: 'Arabisch' }, before);
			const w = await buildSignup(sp, a.id, { aantal: '2' }, before);
			await db().update(activitySignup).set({ checkedInAt: startsAt }).where(eq(activitySignup.id, s.signupId));
			return { a, s, w };
		}
		const sp0 = await past(none, 1);
		const sp30old = await past(standard, 45);
		const sp30recent = await past(standard, 10);
		const sp60 = await past(long, 45);

		expect(await purgeActivityPersonalData(now)).toBeGreaterThanOrEqual(2);
		const rowsOf = async (id: string) => db().select().from(activitySignup).where(eq(activitySignup.activityId, id));
		const activityOf = async (id: string) => (await db().select().from(activity).where(eq(activity.id, id)))[0];
		for (const purged of [sp0, sp30old]) {
			const rows = await rowsOf(purged.a.id);
			expect(rows).toHaveLength(2);
			for (const r of rows) expect(r).toMatchObject({ name: null, email: null, phone: null, needs: [], needsNote: null });
			// What the figures need stays.
			expect(rows.map((r) => [r.status, r.people, !!r.checkedInAt, r.wasWaiting]).sort()).toEqual([
				['bevestigd', 1, true, false],
				['wachtlijst', 2, false, true]
			]);
			const a = await activityOf(purged.a.id);
			expect(a.personalDataPurgedAt).toEqual(now);
			expect(a.onlineUrl).toBeNull();
			// The personal link no longer works.
			await caught(
				getOwnSignup(
					{ slug: purged.a.steunpuntId === none.id ? none.slug : standard.slug, token: purged.s.token, origin: ORIGIN },
					new Date(now.getTime() + 1000)
				),
				GoneError
			);
		}
		for (const kept of [sp30recent, sp60]) {
			const rows = await rowsOf(kept.a.id);
			expect(rows.find((r) => r.id === kept.s.signupId)).toMatchObject({
				name: 'Fatima de Vries',
				phone: '06 12345678',
				needs: ['tolk'],
				needsNote: 'Arabisch'
			});
			expect((await activityOf(kept.a.id)).personalDataPurgedAt).toBeNull();
		}

		// Twenty days on: the 60-day steunpunt's activity (65 days ago) goes too; the 10-day one (30 days ago) not yet.
		const later = new Date(now.getTime() + 20 * DAY);
		await purgeActivityPersonalData(later);
		expect((await rowsOf(sp60.a.id)).every((r) => r.name === null && r.email === null)).toBe(true);
		expect((await activityOf(sp30recent.a.id)).personalDataPurgedAt).toBeNull();
		// A second run changes nothing that was done.
		await purgeActivityPersonalData(later);
		expect((await activityOf(sp0.a.id)).personalDataPurgedAt).toEqual(now);
	});
});
