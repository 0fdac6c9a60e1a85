/**
 * Row-level security on the activity tables: inside withTenant(A) the rows of B are invisible,
 * and A cannot write rows for B.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db, withTenant } from '../db';
import { activity, activityFeedback, activitySignup } from '../db/schema';
import { buildActivity, buildSignup, buildSteunpunt } from '../testing/factories';
import { useTestDatabase } from '../testing/db';

type Steunpunt = Awaited<ReturnType<typeof buildSteunpunt>>;
let a: Steunpunt;
let b: Steunpunt;
let bActivity: Awaited<ReturnType<typeof buildActivity>>;

beforeAll(async () => {
	await useTestDatabase();
	a = await buildSteunpunt();
	b = await buildSteunpunt();
	for (const sp of [a, b]) {
		const act = await buildActivity(sp);
		await buildSignup(sp, act.id);
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
});
