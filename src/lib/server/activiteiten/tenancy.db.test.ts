/**
 * Row-level security on the activity tables: inside withTenant(A) the rows of B are invisible,
 * and A cannot write rows for B. And the staff functions read the steunpunt from the actor: a
 * regisseur of A who names B's activity gets 404.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db, withTenant } from '../db';
import { activity, activityFeedback, activitySignup } from '../db/schema';
import { buildActivity, buildSignup, buildSteunpunt, buildUser } from '../testing/factories';
import { useTestDatabase } from '../testing/db';
import { rejection } from '../testing/expect-error';
import { NotFoundError } from '../errors';
import { cancelActivity, copyActivity, updateActivity, formValuesOf } from './activities';
import { checkIn, exportParticipants, getActivity } from './participants';
import { addParticipant, confirmOffer, removeParticipant } from './signups';
import { registerTopics, sendFeedbackNow } from './aftercare';

type Steunpunt = Awaited<ReturnType<typeof buildSteunpunt>>;
let a: Steunpunt;
let b: Steunpunt;
let bActivity: Awaited<ReturnType<typeof buildActivity>>;
let bSignup: Awaited<ReturnType<typeof buildSignup>>;

beforeAll(async () => {
	await useTestDatabase();
	a = await buildSteunpunt();
	b = await buildSteunpunt();
	for (const sp of [a, b]) {
		const act = await buildActivity(sp);
		const signup = await buildSignup(sp, act.id);
		if (sp === b) bSignup = signup;
		await db().insert(activityFeedback).values({ steunpuntId: sp.id, activityId: act.id, useful: 4 });
		if (sp === b) bActivity = act;
	}
}, 120_000);

describe('row-level security of the activity tables', () => {
	for (const [name, table] of Object.entries({ activity, activity_signup: activitySignup, activity_feedback: activityFeedback })) {
		it(`shows only the tenant's own ${name} rows to a query without a steunpunt filter`, async () => {
			const all = await db().select({ sp: table.steunpuntId }).from(table);
			expect(all.some((r) => r.sp === b.id)).toBe(true);
			const seen = await withTenant(a.id, (tx) => tx.select({ sp: table.steunpuntId }).from(table));
			expect(seen.length).toBeGreaterThan(0);
			expect(seen.every((r) => r.sp === a.id)).toBe(true);
			expect(await withTenant(a.id, (tx) => tx.select().from(table).where(eq(table.steunpuntId, b.id)))).toHaveLength(0);
		});
	}

	it("cannot change B's activity or sign up for it from A", async () => {
		const updated = await withTenant(a.id, (tx) => tx.update(activity).set({ title: 'Overgenomen' }).where(eq(activity.id, bActivity.id)).returning());
		expect(updated).toHaveLength(0);
		expect((await db().select().from(activity).where(eq(activity.id, bActivity.id)))[0].title).toBe(bActivity.title);
		await expect(
			withTenant(a.id, (tx) => tx.insert(activitySignup).values({ steunpuntId: b.id, activityId: bActivity.id, status: 'bevestigd' }))
		).rejects.toThrow();
		await expect(withTenant(a.id, (tx) => tx.insert(activityFeedback).values({ steunpuntId: b.id, activityId: bActivity.id, useful: 5 }))).rejects.toThrow();
		expect(await db().select().from(activitySignup).where(eq(activitySignup.activityId, bActivity.id))).toHaveLength(1);
	});

	it("gives a regisseur of A 404 for every staff function on B's activity, and changes nothing", async () => {
		const { actor } = await buildUser({ steunpuntId: a.id, roles: ['regisseur', 'beheerder'] });
		const origin = 'https://steunpunt.test';
		const activityId = bActivity.id;
		const form = { aanmelding: bSignup.signupId };
		const before = await db().select().from(activitySignup).where(eq(activitySignup.activityId, activityId));
		const calls = {
			getActivity: () => getActivity(actor, { activityId }),
			exportParticipants: () => exportParticipants(actor, { activityId }),
			checkIn: () => checkIn(actor, { ...form, activityId }, bActivity.startsAt),
			updateActivity: () => updateActivity(actor, { ...formValuesOf(bActivity), titel: 'Overgenomen', activityId, origin }),
			copyActivity: () => copyActivity(actor, { datum: formValuesOf(bActivity).datum, activityId }),
			cancelActivity: () => cancelActivity(actor, { activityId }),
			addParticipant: () =>
				addParticipant(actor, { naam: 'Indringer', telefoon: '0612345678', aantal: '1', wie: 'ouder', toestemming: 'ja', activityId, origin }),
			removeParticipant: () => removeParticipant(actor, { ...form, activityId, origin }),
			confirmOffer: () => confirmOffer(actor, { ...form, activityId, origin }),
			sendFeedbackNow: () => sendFeedbackNow(actor, { activityId, origin }, bActivity.endsAt),
			registerTopics: () => registerTopics(actor, { onderwerpen: ['opp'], activityId }, bActivity.startsAt)
		};
		for (const [name, call] of Object.entries(calls)) expect(await rejection(call()), name).toBeInstanceOf(NotFoundError);
		const [row] = await db().select().from(activity).where(eq(activity.id, activityId));
		expect(row).toMatchObject({ title: bActivity.title, status: 'gepland', sequence: 0, topics: [], feedbackSentAt: null });
		expect(await db().select().from(activitySignup).where(eq(activitySignup.activityId, activityId))).toEqual(before);
		expect(await db().select().from(activity).where(eq(activity.steunpuntId, a.id))).toHaveLength(1);
	});
});
