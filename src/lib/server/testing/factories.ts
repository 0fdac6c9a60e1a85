/** Test factories: unique steunpunten and staff, so database tests never collide. */
import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { db } from '../db';
import { activity, buddy, buddyRequest, contactCase, gemeente, steunpunt, swv, swvGemeente } from '../db/schema';
import { askQuestion } from '../contacten/ask-question';
import { newReference } from '../platform/references';
import { addDays, dayInNL } from '$lib/working-days';
import { personalToken } from '../contacten/links';
import { issueFormToken } from '../platform/spam';
import { createUser, grantRole } from '../auth/users';
import type { Actor, Role } from '../auth/roles';
import { signUp } from '../activiteiten/signups';

export async function buildSteunpunt(overrides: Partial<typeof steunpunt.$inferInsert> = {}) {
	const slug = overrides.slug ?? `test-${randomUUID().slice(0, 8)}`;
	const [row] = await db()
		.insert(steunpunt)
		.values({ slug, naam: `Steunpunt ${slug}`, telefoon: '010 000 00 00', email: `${slug}@example.org`, ...overrides })
		.returning();
	return row;
}

/** A user with the given roles in one steunpunt, and the actor a request of theirs would have. */
export async function buildUser(options: { steunpuntId: string; roles: Role[]; isLandelijk?: boolean }) {
	const email = `user-${randomUUID().slice(0, 8)}@example.org`;
	const user = await createUser({ email, naam: 'Test Gebruiker', password: 'een-lang-test-wachtwoord', isLandelijk: options.isLandelijk });
	for (const role of options.roles) await grantRole({ userId: user.id, steunpuntId: options.steunpuntId, role });
	const actor: Actor = { userId: user.id, steunpuntId: options.steunpuntId, roles: options.roles, isLandelijk: !!options.isLandelijk };
	return { user, actor, email, password: 'een-lang-test-wachtwoord' };
}

/**
 * A region for a steunpunt: one samenwerkingsverband with made-up gemeenten (codes GM99xx, which
 * no real gemeente has), so the gemeente choice of the contact forms has something to accept.
 * Call `removeTestRegions()` in afterAll: the national tables are shared with the import tests.
 */
const testRegions: { swvCode: string; gemeenteCodes: string[] }[] = [];

export async function buildRegion(steunpuntId: string, gemeenteCodes = ['GM9901', 'GM9902']) {
	const swvCode = `TEST${randomUUID().slice(0, 8)}`;
	await db()
		.insert(gemeente)
		.values(gemeenteCodes.map((code) => ({ code, naam: `Testgemeente ${code}`, provincie: 'Testprovincie' })))
		.onConflictDoNothing();
	await db().insert(swv).values({ code: swvCode, sector: 'po', naam: 'Test-SWV', steunpuntId });
	await db()
		.insert(swvGemeente)
		.values(gemeenteCodes.map((gemeenteCode) => ({ swvCode, gemeenteCode, sector: 'po', aandeel: 1 })));
	testRegions.push({ swvCode, gemeenteCodes });
	return { swvCode, gemeenteCodes };
}

export async function removeTestRegions(): Promise<void> {
	for (const r of testRegions.splice(0)) {
		await db().delete(swvGemeente).where(eq(swvGemeente.swvCode, r.swvCode));
		await db().delete(swv).where(eq(swv.code, r.swvCode));
	}
	await db().delete(gemeente).where(like(gemeente.code, 'GM99%'));
}

/** The fields of the "Stel je vraag" form as a browser posts them, with a valid form token. */
export async function questionForm(steunpuntId: string, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
	return {
		vraag: 'Mijn zoon zit al weken thuis. School zegt dat er geen plek is. Wat kan ik doen?',
		wie: 'ouder',
		antwoord: 'mailen',
		naam: 'Fatima de Vries',
		email: `ouder-${randomUUID().slice(0, 8)}@example.org`,
		toestemming: 'ja',
		website: '',
		formtijd: await issueFormToken(`vraag:${steunpuntId}`, Date.now() - 5000),
		...overrides
	};
}

/**
 * A web question asked through the real use case (askQuestion), as a parent would. Returns the
 * case id, its reference, the parent's personal-link token and the address used.
 */
export async function buildContact(sp: { id: string; slug: string }, overrides: Record<string, unknown> = {}) {
	const input = await questionForm(sp.id, overrides);
	const submitted = await askQuestion({ slug: sp.slug, client: `test-${randomUUID()}`, origin: 'https://steunpunt.test', input });
	const [row] = await db()
		.select({ id: contactCase.id })
		.from(contactCase)
		.where(and(eq(contactCase.steunpuntId, sp.id), eq(contactCase.reference, submitted.reference)));
	return { caseId: row.id, reference: submitted.reference, token: await personalToken(row.id), email: (input.email as string | undefined) ?? null, submitted };
}

/** A case in a given state: a web question, then (as the regisseur would) status and referral set directly. */
export async function buildCase(
	sp: { id: string; slug: string },
	options: { status?: string; closedAt?: Date | null; consulentId?: string | null; input?: Record<string, unknown> } = {}
) {
	const built = await buildContact(sp, options.input);
	const set: Partial<typeof contactCase.$inferInsert> = {};
	if (options.status) set.status = options.status;
	if (options.closedAt !== undefined) set.closedAt = options.closedAt;
	if (options.consulentId !== undefined) set.consulentId = options.consulentId;
	if (Object.keys(set).length) await db().update(contactCase).set(set).where(eq(contactCase.id, built.caseId));
	return built;
}

/** A day relative to today (in the Netherlands), as the date columns hold it: `dayFromToday(-30)`. */
export function dayFromToday(days: number, now = new Date()): string {
	return addDays(dayInNL(now), days);
}

/**
 * A buddy profile, written directly (as the regisseur's saveBuddy would): ready to be matched by
 * default (training, intake and a VOG of a month ago). `account: true` also creates a login with
 * the role buddy and the same e-mail address, linked to the profile.
 */
export async function buildBuddy(sp: { id: string }, overrides: Partial<typeof buddy.$inferInsert> & { account?: boolean } = {}) {
	const { account, ...values } = overrides;
	const user = account ? await buildUser({ steunpuntId: sp.id, roles: ['buddy'] }) : null;
	const [row] = await db()
		.insert(buddy)
		.values({
			steunpuntId: sp.id,
			name: `Buddy ${randomUUID().slice(0, 6)}`,
			email: user?.email ?? `buddy-${randomUUID().slice(0, 8)}@example.org`,
			trainingOn: dayFromToday(-60),
			intakeOn: dayFromToday(-45),
			vogOn: dayFromToday(-30),
			capacity: 2,
			userId: user?.user.id ?? null,
			...values
		})
		.returning();
	return { ...row, user };
}

/** A request for a buddy, written directly (status aangevraagd unless told). */
export async function buildBuddyRequest(sp: { id: string }, overrides: Partial<typeof buddyRequest.$inferInsert> = {}) {
	const [row] = await db()
		.insert(buddyRequest)
		.values({
			steunpuntId: sp.id,
			reference: newReference(),
			source: 'website',
			need: 'Ik zoek een ouder die weet hoe het is als je kind thuiszit.',
			name: 'Sanne Jansen',
			email: `ouder-${randomUUID().slice(0, 8)}@example.org`,
			phone: '06 12345678',
			...overrides
		})
		.returning();
	return row;
}

/**
 * An activity, written directly (as createActivity would): an oudercafé a week from `now`, two
 * hours long, 10 places, 2 per sign-up, 48 hours to take an offered place.
 */
export async function buildActivity(sp: { id: string }, overrides: Partial<typeof activity.$inferInsert> & { now?: Date } = {}) {
	const { now = new Date(), ...values } = overrides;
	const startsAt = values.startsAt ?? new Date(now.getTime() + 7 * 86_400_000);
	const [row] = await db()
		.insert(activity)
		.values({
			steunpuntId: sp.id,
			kind: 'oudercafe',
			title: 'Oudercafé Thuiszitten',
			audience: 'ouders',
			startsAt,
			endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
			locationName: 'Buurthuis De Klimop',
			address: 'Dorpsstraat 1',
			place: 'Utrecht',
			capacity: 10,
			...values
		})
		.returning();
	return row;
}

/** The fields of the public sign-up form as a browser posts them, with a valid form token. */
export async function signupForm(activityId: string, overrides: Record<string, unknown> = {}, now = new Date()): Promise<Record<string, unknown>> {
	return {
		naam: 'Fatima de Vries',
		email: `ouder-${randomUUID().slice(0, 8)}@example.org`,
		telefoon: '',
		aantal: '1',
		wie: 'ouder',
		toelichting: '',
		toestemming: 'ja',
		website: '',
		formtijd: await issueFormToken(`activiteit:${activityId}`, now.getTime() - 5000),
		...overrides
	};
}

/** Signs up through the real use case (signUp), each call as its own client. */
export async function buildSignup(sp: { slug: string }, activityId: string, overrides: Record<string, unknown> = {}, now = new Date()) {
	const input = await signupForm(activityId, overrides, now);
	const result = await signUp({ slug: sp.slug, activityId, client: `test-${randomUUID()}`, origin: 'https://steunpunt.test', input }, now);
	return { ...result, email: (input.email as string | undefined) || null };
}
