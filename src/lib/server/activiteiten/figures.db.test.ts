/**
 * Figures of the activities: small counts suppressed, averages over at least 5 answers,
 * attendance only where the door list was used, waiting-list use, topics; and who may see them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import { activityFeedback, activitySignup } from '../db/schema';
import { ForbiddenError, NotFoundError } from '../errors';
import { buildActivity, buildSteunpunt, buildUser } from '../testing/factories';
import { useTestDatabase } from '../testing/db';
import { caught } from '../testing/expect-error';
import { actorFor } from '../auth/sessions';
import type { Actor } from '../auth/roles';
import { getActivityFigures } from './figures';

type Steunpunt = Awaited<ReturnType<typeof buildSteunpunt>>;
type User = Awaited<ReturnType<typeof buildUser>>;
const DAY = 86_400_000;

/** How staffContext sees `who` on the pages of steunpunt `steunpuntId`: not a member there, so no steunpunt (actorFor). */
function onPagesOf(who: User, steunpuntId: string): Actor {
	const memberships = who.actor.roles.map((role) => ({ steunpuntId: who.actor.steunpuntId!, role }));
	return actorFor({ userId: who.user.id, email: who.email, naam: 'Test', complete: true, needsEnrolment: false, memberships, isLandelijk: false }, steunpuntId);
}

beforeAll(async () => {
	await useTestDatabase();
}, 120_000);

type Row = { status: string; people?: number; wasWaiting?: boolean; confirmed?: boolean; checkedIn?: boolean };
async function addSignups(sp: Steunpunt, a: { id: string; startsAt: Date }, rows: Row[]) {
	await db()
		.insert(activitySignup)
		.values(
			rows.map((r) => ({
				steunpuntId: sp.id,
				activityId: a.id,
				status: r.status,
				people: r.people ?? 1,
				wasWaiting: !!r.wasWaiting,
				confirmedAt: r.confirmed ? new Date(a.startsAt.getTime() - 5 * DAY) : null,
				checkedInAt: r.checkedIn ? a.startsAt : null
			}))
		);
}
const times = (n: number, row: Row) => Array.from({ length: n }, () => row);

describe('getActivityFigures', () => {
	let sp: Steunpunt;
	const now = new Date();
	let beleid: Awaited<ReturnType<typeof buildUser>>;
	let a: Awaited<ReturnType<typeof buildActivity>>;

	beforeAll(async () => {
		sp = await buildSteunpunt();
		beleid = await buildUser({ steunpuntId: sp.id, roles: ['beleid'] });
		// A: the door list was used. 7 people confirmed (one pair came from the waiting list), 6 came.
		a = await buildActivity(sp, { startsAt: new Date(now.getTime() - 10 * DAY), now, topics: ['opp', 'zorgplicht'] });
		await addSignups(sp, a, [
			...times(4, { status: 'bevestigd', confirmed: true, checkedIn: true }),
			{ status: 'bevestigd', people: 2, confirmed: true, checkedIn: true, wasWaiting: true },
			{ status: 'bevestigd', confirmed: true },
			{ status: 'verlopen', wasWaiting: true },
			{ status: 'geannuleerd', confirmed: true }
		]);
		// B: no door list: 3 confirmed, left out of the attendance rate.
		const b = await buildActivity(sp, { kind: 'po-cafe', startsAt: new Date(now.getTime() - 20 * DAY), now, topics: ['opp'] });
		await addSignups(sp, b, times(3, { status: 'bevestigd', confirmed: true }));
		// C: called off; its sign-ups and topics do not count.
		const c = await buildActivity(sp, { status: 'afgelast', startsAt: new Date(now.getTime() - 5 * DAY), now, topics: ['opp'] });
		await addSignups(sp, c, times(2, { status: 'geannuleerd', confirmed: true }));
		// D: still to come, with a waiting list of 5.
		const d = await buildActivity(sp, { startsAt: new Date(now.getTime() + 5 * DAY), now });
		await addSignups(sp, d, [...times(2, { status: 'bevestigd', confirmed: true }), ...times(5, { status: 'wachtlijst', wasWaiting: true })]);
		// E: more than a year ago.
		const e = await buildActivity(sp, { startsAt: new Date(now.getTime() - 400 * DAY), now });
		await addSignups(sp, e, times(20, { status: 'bevestigd', confirmed: true, checkedIn: true }));
	});

	it('counts activities, sign-ups, attendance where check-in was used, and the waiting list; below 5 as "minder dan 5"', async () => {
		const f = await getActivityFigures(beleid.actor, {}, now);
		expect(f.activities).toMatchObject({ held: 'minder dan 5', coming: 'minder dan 5', cancelled: 'minder dan 5' });
		expect(f.signups).toEqual({ total: '18', people: '13', cancelled: 'minder dan 5' });
		expect(f.attendance).toEqual({ activities: 'minder dan 5', rate: '86%', noShows: 'minder dan 5', came: '6' });
		expect(f.waitingList).toEqual({ used: '7', promoted: 'minder dan 5' });
		expect(f.topics).toEqual([
			{ label: 'Ontwikkelingsperspectief (OPP)', shown: 'minder dan 5' },
			{ label: 'Zorgplicht van de school', shown: 'minder dan 5' }
		]);
		// The year before counts when asked for.
		const longer = await getActivityFigures(beleid.actor, { sinceDays: 500 }, now);
		expect(longer.attendance.came).toBe('26');
	});

	it('shows the average usefulness and the suggestions only from 5 answers', async () => {
		const answers = [4, 4, 5, 3];
		await db()
			.insert(activityFeedback)
			.values(answers.map((useful, i) => ({ steunpuntId: sp.id, activityId: a.id, useful, nextTime: i === 0 ? 'Meer over het OPP' : null })));
		let f = await getActivityFigures(beleid.actor, {}, now);
		expect(f.feedback).toEqual({ answers: 'minder dan 5', useful: 'te weinig antwoorden (minder dan 5)', suggestions: [] });
		await db().insert(activityFeedback).values({ steunpuntId: sp.id, activityId: a.id, useful: 4, nextTime: 'Avond eerder beginnen' });
		f = await getActivityFigures(beleid.actor, {}, now);
		expect(f.feedback).toEqual({ answers: '5', useful: '4,0', suggestions: ['Avond eerder beginnen', 'Meer over het OPP'] });
	});

	it('a rate over fewer than 5 people is not shown', async () => {
		const small = await buildSteunpunt();
		const regisseur = await buildUser({ steunpuntId: small.id, roles: ['regisseur'] });
		const x = await buildActivity(small, { startsAt: new Date(now.getTime() - DAY), now });
		await addSignups(small, x, [...times(3, { status: 'bevestigd', confirmed: true, checkedIn: true }), { status: 'bevestigd', confirmed: true }]);
		const f = await getActivityFigures(regisseur.actor, {}, now);
		expect(f.attendance.rate).toBe('te weinig (minder dan 5)');
		expect(f.signups.total).toBe('minder dan 5');
		expect(f.feedback.answers).toBe('0');
	});

	it('regisseur, beheerder and beleid may see the figures; other roles 403; another steunpunt 404', async () => {
		for (const role of ['regisseur', 'beheerder', 'beleid'] as const) {
			const user = await buildUser({ steunpuntId: sp.id, roles: [role] });
			expect((await getActivityFigures(user.actor, {}, now)).signups.total).toBe('18');
		}
		for (const role of ['consulent', 'redacteur', 'meelezer', 'buddy'] as const) {
			const user = await buildUser({ steunpuntId: sp.id, roles: [role] });
			await caught(getActivityFigures(user.actor, {}, now), ForbiddenError);
		}
		const other = await buildSteunpunt();
		const stranger = await buildUser({ steunpuntId: other.id, roles: ['beleid'] });
		await caught(getActivityFigures(onPagesOf(stranger, sp.id), {}, now), NotFoundError);
		// Their own figures do not include ours.
		expect((await getActivityFigures(stranger.actor, {}, now)).signups.total).toBe('0');
	});
});
