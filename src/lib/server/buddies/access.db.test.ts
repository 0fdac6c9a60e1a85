/**
 * Who may see and do what in the buddy programme (a buddy only their own matches, the parent's
 * details only once active, beleid only figures, other steunpunten 404, anonymous 401), the
 * capacity lock under concurrent proposals, and row-level security of the buddy tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { db, withTenant } from '../db';
import { buddy, buddyMatch, buddyRequest } from '../db/schema';
import { ANONYMOUS } from '../auth/roles';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors';
import { buildBuddy, buildBuddyRequest, buildSteunpunt, buildUser, removeTestRegions } from '../testing/factories';
import { useTestDatabase } from '../testing/db';
import { caught } from '../testing/expect-error';
import { findBuddies } from './buddies';
import { findRequests, getRequest } from './requests';
import { activateMatch, findMyMatches, getMatch, proposeMatch, reflect, respondAsBuddy } from './matches';
import { getBuddyFigures } from './figures';

type Steunpunt = Awaited<ReturnType<typeof buildSteunpunt>>;
const ORIGIN = 'https://steunpunt.test';

beforeAll(async () => {
	await useTestDatabase();
}, 120_000);

afterAll(async () => {
	await removeTestRegions();
});

async function placesHeldInDb(buddyId: string): Promise<number> {
	const rows = await db()
		.select({ id: buddyMatch.id })
		.from(buddyMatch)
		.where(and(eq(buddyMatch.buddyId, buddyId), inArray(buddyMatch.status, ['voorgesteld', 'geaccepteerd', 'actief'])));
	return rows.length;
}

describe('access', () => {
	let sp: Steunpunt;
	let other: Steunpunt;
	let regisseur: Awaited<ReturnType<typeof buildUser>>;
	let stranger: Awaited<ReturnType<typeof buildUser>>;
	let beleid: Awaited<ReturnType<typeof buildUser>>;
	let anne: Awaited<ReturnType<typeof buildBuddy>>;
	let bert: Awaited<ReturnType<typeof buildBuddy>>;
	let annesMatch: string;
	let bertsMatch: string;
	let request: Awaited<ReturnType<typeof buildBuddyRequest>>;
	beforeAll(async () => {
		sp = await buildSteunpunt();
		other = await buildSteunpunt();
		regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
		stranger = await buildUser({ steunpuntId: other.id, roles: ['regisseur', 'beheerder'] });
		beleid = await buildUser({ steunpuntId: sp.id, roles: ['beleid'] });
		anne = await buildBuddy(sp, { account: true, name: 'Anne' });
		bert = await buildBuddy(sp, { account: true, name: 'Bert' });
		request = await buildBuddyRequest(sp, { name: 'Priya Ouder', email: 'priya@example.org', phone: '06 87654321' });
		annesMatch = await proposeMatch(regisseur.actor, { buddy: anne.id, requestId: request.id, origin: ORIGIN });
		const bertsRequest = await buildBuddyRequest(sp);
		bertsMatch = await proposeMatch(regisseur.actor, { buddy: bert.id, requestId: bertsRequest.id, origin: ORIGIN });
	});

	it("a buddy sees only their own matches: another buddy's match is 404", async () => {
		await caught(getMatch(anne.user!.actor, { matchId: bertsMatch }), NotFoundError);
		await caught(respondAsBuddy(anne.user!.actor, { antwoord: 'ja', matchId: bertsMatch }), NotFoundError);
		const mine = await findMyMatches(anne.user!.actor);
		expect(mine.buddy.name).toBe('Anne');
		expect(mine.matches.map((m) => m.id)).toEqual([annesMatch]);
		expect(mine.matches[0]).toMatchObject({ status: 'voorgesteld', reference: request.reference });
		// Nor the regisseur's lists and pages.
		await caught(findBuddies(anne.user!.actor), ForbiddenError);
		await caught(getRequest(anne.user!.actor, { requestId: request.id }), ForbiddenError);
	});

	it("a regisseur who is also a buddy cannot answer or reflect for another buddy's match", async () => {
		const both = await buildUser({ steunpuntId: sp.id, roles: ['regisseur', 'buddy'] });
		await buildBuddy(sp, { userId: both.user.id, email: both.email, name: 'Regisseur-buddy' });
		const error = await caught(respondAsBuddy(both.actor, { antwoord: 'nee', matchId: bertsMatch }), ValidationError);
		expect(error.fields.form).toMatch(/buddy zelf/);
		expect((await db().select().from(buddyMatch).where(eq(buddyMatch.id, bertsMatch)))[0].status).toBe('voorgesteld');
		const reflection = await caught(reflect(both.actor, { gesteund: '3', reflectie: 'Niet de mijne', matchId: bertsMatch }), ValidationError);
		expect(reflection.fields).toEqual({ form: 'De reflectie is van de buddy zelf.' });
	});

	it("hides the parent's name, e-mail and phone from the buddy until the match is active", async () => {
		let seen = await getMatch(anne.user!.actor, { matchId: annesMatch });
		expect(seen.request).toMatchObject({ reference: request.reference, name: null, email: null, phone: null });
		expect(seen.can).toMatchObject({ manage: false, respond: true, activate: false });
		expect((await getMatch(regisseur.actor, { matchId: annesMatch })).request).toMatchObject({
			name: 'Priya Ouder',
			email: 'priya@example.org',
			phone: '06 87654321'
		});
		await respondAsBuddy(anne.user!.actor, { antwoord: 'ja', matchId: annesMatch });
		seen = await getMatch(anne.user!.actor, { matchId: annesMatch });
		expect(seen.status).toBe('geaccepteerd');
		expect(seen.request).toMatchObject({ name: null, email: null, phone: null });
		await activateMatch(regisseur.actor, { ouderAkkoord: 'ja', matchId: annesMatch });
		seen = await getMatch(anne.user!.actor, { matchId: annesMatch });
		expect(seen.status).toBe('actief');
		expect(seen.request).toMatchObject({ name: 'Priya Ouder', email: 'priya@example.org', phone: '06 87654321' });
	});

	it('beleid sees the figures but not the buddies (403)', async () => {
		const figures = await getBuddyFigures(beleid.actor);
		expect(figures.rows.length).toBeGreaterThan(0);
		const error = await caught(findBuddies(beleid.actor), ForbiddenError);
		expect(error.status).toBe(403);
		await caught(getRequest(beleid.actor, { requestId: request.id }), ForbiddenError);
		await caught(getMatch(beleid.actor, { matchId: annesMatch }), ForbiddenError);
	});

	it("another steunpunt's regisseur gets 404 for requests, matches and proposals", async () => {
		const free = await buildBuddyRequest(sp);
		// They act in their own steunpunt (the actor's), where the rows of sp do not exist.
		const theirBuddy = await buildBuddy(other, { name: 'Eigen Buddy' });
		for (const call of [
			() => getRequest(stranger.actor, { requestId: request.id }),
			() => getMatch(stranger.actor, { matchId: annesMatch }),
			() => proposeMatch(stranger.actor, { buddy: theirBuddy.id, requestId: free.id, origin: ORIGIN })
		]) {
			expect((await caught(call(), NotFoundError)).status).toBe(404);
		}
		// Nor can they propose a buddy of sp.
		const error = await caught(proposeMatch(stranger.actor, { buddy: bert.id, requestId: free.id, origin: ORIGIN }), ValidationError);
		expect(error.fields).toEqual({ buddy: 'Kies een buddy uit de lijst.' });
		expect(await db().select().from(buddyMatch).where(eq(buddyMatch.requestId, free.id))).toHaveLength(0);
		// Their own lists show nothing of sp.
		expect((await findBuddies(stranger.actor)).map((b) => b.id)).toEqual([theirBuddy.id]);
		expect((await findRequests(stranger.actor)).map((r) => r.id)).not.toContain(request.id);
	});

	it('anonymous visitors get 401', async () => {
		for (const call of [
			() => findBuddies(ANONYMOUS),
			() => getRequest(ANONYMOUS, { requestId: request.id }),
			() => getMatch(ANONYMOUS, { matchId: annesMatch }),
			() => proposeMatch(ANONYMOUS, { buddy: anne.id, requestId: request.id, origin: ORIGIN }),
			() => findMyMatches(ANONYMOUS),
			() => getBuddyFigures(ANONYMOUS)
		]) {
			expect((await caught(call(), UnauthenticatedError)).status).toBe(401);
		}
	});
});

describe('capacity under concurrency', () => {
	it('ten simultaneous proposals for a buddy with 2 places: exactly 2 succeed', async () => {
		const sp = await buildSteunpunt();
		const regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
		const b = await buildBuddy(sp, { name: 'Drukke Buddy', capacity: 2 });
		const requests = await Promise.all(Array.from({ length: 10 }, () => buildBuddyRequest(sp)));
		const results = await Promise.allSettled(requests.map((r) => proposeMatch(regisseur.actor, { buddy: b.id, requestId: r.id, origin: ORIGIN })));
		const fulfilled = results.filter((r) => r.status === 'fulfilled');
		const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(fulfilled).toHaveLength(2);
		expect(rejected).toHaveLength(8);
		for (const r of rejected) {
			expect(r.reason).toBeInstanceOf(ValidationError);
			expect((r.reason as ValidationError).fields.buddy).toMatch(/geen plek/);
			expect((r.reason as ValidationError).fields.buddy).toContain('(2 van 2 bezet)');
		}
		expect(await placesHeldInDb(b.id)).toBe(2);
		// The refused requests are still open; the two proposed ones moved on.
		const statuses = await db()
			.select({ status: buddyRequest.status })
			.from(buddyRequest)
			.where(
				inArray(
					buddyRequest.id,
					requests.map((r) => r.id)
				)
			);
		expect(statuses.filter((s) => s.status === 'voorgesteld')).toHaveLength(2);
		expect(statuses.filter((s) => s.status === 'aangevraagd')).toHaveLength(8);
		// And the ranking leaves the full buddy out.
		expect((await getRequest(regisseur.actor, { requestId: requests[0].id })).ranked.map((x) => x.id)).not.toContain(b.id);
	}, 60_000);
});

describe('row-level security', () => {
	it('inside withTenant(A) no buddy, request or match of B is visible', async () => {
		const a = await buildSteunpunt();
		const b = await buildSteunpunt();
		for (const sp of [a, b]) {
			const bud = await buildBuddy(sp);
			const req = await buildBuddyRequest(sp);
			await db().insert(buddyMatch).values({ steunpuntId: sp.id, requestId: req.id, buddyId: bud.id, status: 'voorgesteld' });
		}
		// As the owner (no RLS) both are there.
		expect((await db().select().from(buddyMatch).where(eq(buddyMatch.steunpuntId, b.id))).length).toBe(1);
		const seen = await withTenant(a.id, async (tx) => ({
			buddies: await tx.select({ sp: buddy.steunpuntId }).from(buddy),
			requests: await tx.select({ sp: buddyRequest.steunpuntId }).from(buddyRequest),
			matches: await tx.select({ sp: buddyMatch.steunpuntId }).from(buddyMatch),
			bOnly: await tx.select().from(buddy).where(eq(buddy.steunpuntId, b.id))
		}));
		expect(seen.buddies.length).toBeGreaterThan(0);
		expect(seen.requests.length).toBeGreaterThan(0);
		expect(seen.matches.length).toBeGreaterThan(0);
		for (const list of [seen.buddies, seen.requests, seen.matches]) expect(list.every((r) => r.sp === a.id)).toBe(true);
		expect(seen.bOnly).toHaveLength(0);
		// Nor can A write a row for B.
		const [bBuddy] = await db().select().from(buddy).where(eq(buddy.steunpuntId, b.id));
		await expect(withTenant(a.id, (tx) => tx.insert(buddyRequest).values({ steunpuntId: b.id, reference: 'V-RLS001', source: 'website' }))).rejects.toThrow();
		const updated = await withTenant(a.id, (tx) => tx.update(buddy).set({ name: 'Overgenomen' }).where(eq(buddy.id, bBuddy.id)).returning());
		expect(updated).toHaveLength(0);
	});
});
