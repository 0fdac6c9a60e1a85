/**
 * Buddy profiles and requests: readiness (training, intake, VOG within the steunpunt's limit,
 * pause), the ranking on the request page, saving a profile (account link, Dutch validation),
 * and requests from the site and from a case. Access, the capacity lock and row-level security
 * are in access.db.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { PRIVACY_VERSION } from '$lib/contacten';
import { db } from '../db';
import { buddy, buddyMatch, buddyRequest } from '../db/schema';
import { ValidationError } from '../errors';
import { buildBuddy, buildBuddyRequest, buildContact, buildSteunpunt, buildUser, dayFromToday, removeTestRegions } from '../testing/factories';
import { useTestDatabase } from '../testing/db';
import { caught } from '../testing/expect-error';
import { issueFormToken } from '../platform/spam';
import { referCase } from '../contacten/update-case';
import { findBuddies, getBuddy, readiness, saveBuddy } from './buddies';
import { findRequests, getRequest, requestBuddy } from './requests';
import { findMyMatches } from './matches';

type Steunpunt = Awaited<ReturnType<typeof buildSteunpunt>>;

beforeAll(async () => {
	await useTestDatabase();
}, 120_000);

afterAll(async () => {
	await removeTestRegions();
});

/** A day `years` years before today (the VOG date of a buddy). */
function yearsAgo(years: number, extraDays = 0): string {
	const d = new Date(`${dayFromToday(0)}T00:00:00Z`);
	d.setUTCFullYear(d.getUTCFullYear() - years);
	d.setUTCDate(d.getUTCDate() + extraDays);
	return d.toISOString().slice(0, 10);
}

/** The fields of the buddy form as the regisseur posts them. */
function buddyForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		naam: 'Karin Bakker',
		email: `karin-${randomUUID().slice(0, 8)}@example.org`,
		telefoon: '06 12345678',
		ervaring: ['thuiszitten', 'autisme'],
		schooltypes: ['vo'],
		gemeenten: [],
		talen: ['nl', 'tr'],
		steunwijzen: ['telefonisch', 'afspreken'],
		capaciteit: '2',
		pauze: '',
		training: '2026-01-15',
		intake: '2026-02-01',
		vog: '2026-01-10',
		over: 'Moeder van twee, een zoon zat een jaar thuis.',
		...overrides
	};
}

describe('readiness', () => {
	let sp: Steunpunt;
	let strict: Steunpunt;
	let regisseur: Awaited<ReturnType<typeof buildUser>>;
	let strictRegisseur: Awaited<ReturnType<typeof buildUser>>;
	beforeAll(async () => {
		sp = await buildSteunpunt();
		strict = await buildSteunpunt({ vogMaxYears: 1 });
		regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
		strictRegisseur = await buildUser({ steunpuntId: strict.id, roles: ['regisseur'] });
	});

	it('names what is missing: training, intake, VOG, an expired VOG; a pause also blocks', async () => {
		const ready = await buildBuddy(sp, { vogOn: yearsAgo(1) });
		const noTraining = await buildBuddy(sp, { trainingOn: null });
		const noIntake = await buildBuddy(sp, { intakeOn: null });
		const noVog = await buildBuddy(sp, { vogOn: null });
		const oldVog = await buildBuddy(sp, { vogOn: yearsAgo(3, -1) });
		const paused = await buildBuddy(sp, { paused: true });
		const rows = new Map((await findBuddies(regisseur.actor)).map((r) => [r.id, r]));
		expect(rows.get(ready.id)).toMatchObject({ ready: true, missing: [], paused: false, expiresSoon: false, vogValidUntil: yearsAgo(-2) });
		expect(rows.get(noTraining.id)).toMatchObject({ ready: false, missing: ['training ervaringsdeskundige ouder'] });
		expect(rows.get(noIntake.id)).toMatchObject({ ready: false, missing: ['intakegesprek'] });
		expect(rows.get(noVog.id)).toMatchObject({ ready: false, missing: ['VOG'], vogValidUntil: null });
		expect(rows.get(oldVog.id)).toMatchObject({ ready: false, missing: ['nieuwe VOG (verlopen)'] });
		expect(rows.get(paused.id)).toMatchObject({ ready: false, missing: [], paused: true });
		// A VOG of exactly three years ago has just expired; one day younger is still valid.
		expect(readiness({ trainingOn: '2020-01-01', intakeOn: '2020-01-01', vogOn: '2023-06-01', paused: false, endedAt: null }, '2026-06-01', 3).ready).toBe(
			false
		);
		expect(readiness({ trainingOn: '2020-01-01', intakeOn: '2020-01-01', vogOn: '2023-06-02', paused: false, endedAt: null }, '2026-06-01', 3).ready).toBe(
			true
		);
	});

	it("uses the steunpunt's VOG limit (vog_max_years), 3 years by default", async () => {
		const twoYears = yearsAgo(2);
		const here = await buildBuddy(sp, { vogOn: twoYears });
		const there = await buildBuddy(strict, { vogOn: twoYears });
		expect((await getBuddy(regisseur.actor, { buddyId: here.id })).ready).toBe(true);
		const seen = await getBuddy(strictRegisseur.actor, { buddyId: there.id });
		expect(seen).toMatchObject({ ready: false, missing: ['nieuwe VOG (verlopen)'] });
		const recent = await buildBuddy(strict, { vogOn: dayFromToday(-100) });
		expect((await getBuddy(strictRegisseur.actor, { buddyId: recent.id })).ready).toBe(true);
	});

	it('flags a VOG that expires within 60 days, and still counts it as ready', async () => {
		const soon = await buildBuddy(sp, { vogOn: yearsAgo(3, 30) });
		const notYet = await buildBuddy(sp, { vogOn: yearsAgo(3, 90) });
		const seenSoon = await getBuddy(regisseur.actor, { buddyId: soon.id });
		expect(seenSoon).toMatchObject({ ready: true, expiresSoon: true, vogValidUntil: dayFromToday(30) });
		expect((await getBuddy(regisseur.actor, { buddyId: notYet.id })).expiresSoon).toBe(false);
	});

	it('ranks only ready buddies with a free place on the request page, best first, with reasons', async () => {
		const own = await buildSteunpunt();
		const boss = await buildUser({ steunpuntId: own.id, roles: ['regisseur'] });
		const request = await buildBuddyRequest(own, { topics: ['thuiszitten-verzuim'], schoolType: 'vo', supportWays: ['afspreken'] });
		const best = await buildBuddy(own, { name: 'Anke Best', experiences: ['thuiszitten'], schoolTypes: ['vo'], supportWays: ['afspreken'] });
		const fair = await buildBuddy(own, { name: 'Bram Redelijk', experiences: [], schoolTypes: [], supportWays: ['telefonisch'] });
		const full = await buildBuddy(own, { name: 'Carla Vol', experiences: ['thuiszitten'], schoolTypes: ['vo'], capacity: 1 });
		const other = await buildBuddyRequest(own, { status: 'actief' });
		await db().insert(buddyMatch).values({ steunpuntId: own.id, requestId: other.id, buddyId: full.id, status: 'actief', activeAt: new Date() });
		await buildBuddy(own, { name: 'Dirk Gepauzeerd', experiences: ['thuiszitten'], paused: true });
		await buildBuddy(own, { name: 'Eva Zonder VOG', experiences: ['thuiszitten'], vogOn: null });
		await buildBuddy(own, { name: 'Frits Oude VOG', experiences: ['thuiszitten'], vogOn: yearsAgo(4) });

		const seen = await getRequest(boss.actor, { requestId: request.id });
		expect(seen.ranked.map((r) => r.name)).toEqual(['Anke Best', 'Bram Redelijk']);
		expect(seen.ranked[0].id).toBe(best.id);
		expect(seen.ranked[1].id).toBe(fair.id);
		expect(seen.ranked[0].score).toBeGreaterThan(seen.ranked[1].score);
		expect(seen.ranked[0].reasonText).toContain('kent thuiszitten');
		expect(seen.ranked[0].reasonText).toContain('kent het vo');
		expect(seen.ranked[0].reasonText).toContain('kan afspreken');
		expect(seen.ranked[0].reasonText).toContain('heeft nog alle 2 plekken vrij');
		expect(seen.ranked[1].reasonText).not.toContain('kent');
		expect(seen.ranked[0]).toMatchObject({ held: 0, capacity: 2 });
	});
});

describe('saveBuddy', () => {
	let sp: Steunpunt;
	let regisseur: Awaited<ReturnType<typeof buildUser>>;
	beforeAll(async () => {
		sp = await buildSteunpunt();
		regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
	});

	it('links the account with role buddy and the same e-mail address, and can update the profile', async () => {
		const account = await buildUser({ steunpuntId: sp.id, roles: ['buddy'] });
		const id = await saveBuddy(regisseur.actor, { ...buddyForm({ email: account.email.toUpperCase() }), buddyId: null });
		const [row] = await db().select().from(buddy).where(eq(buddy.id, id));
		expect(row).toMatchObject({
			steunpuntId: sp.id,
			userId: account.user.id,
			name: 'Karin Bakker',
			experiences: ['thuiszitten', 'autisme'],
			languages: ['nl', 'tr'],
			capacity: 2,
			paused: false,
			trainingOn: '2026-01-15',
			vogOn: '2026-01-10'
		});
		// The account now reaches its own profile.
		expect((await findMyMatches(account.actor)).buddy.name).toBe('Karin Bakker');
		await saveBuddy(regisseur.actor, { ...buddyForm({ email: account.email, naam: 'Karin Bakker-de Wit', capaciteit: '3', pauze: 'ja' }), buddyId: id });
		const [updated] = await db().select().from(buddy).where(eq(buddy.id, id));
		expect(updated).toMatchObject({ name: 'Karin Bakker-de Wit', capacity: 3, paused: true, userId: account.user.id });
	});

	it('does not link an account without the role buddy, and links nothing when there is no e-mail', async () => {
		const staff = await buildUser({ steunpuntId: sp.id, roles: ['consulent'] });
		const id = await saveBuddy(regisseur.actor, { ...buddyForm({ email: staff.email }), buddyId: null });
		const noMail = await saveBuddy(regisseur.actor, { ...buddyForm({ email: '', talen: [] }), buddyId: null });
		const rows = await db()
			.select()
			.from(buddy)
			.where(inArray(buddy.id, [id, noMail]));
		expect(rows.find((r) => r.id === id)!.userId).toBeNull();
		expect(rows.find((r) => r.id === noMail)).toMatchObject({ userId: null, email: null, languages: ['nl'] });
	});

	it('refuses to link one account to two profiles, on create and on update', async () => {
		const account = await buildUser({ steunpuntId: sp.id, roles: ['buddy'] });
		await saveBuddy(regisseur.actor, { ...buddyForm({ email: account.email }), buddyId: null });
		const twice = await caught(saveBuddy(regisseur.actor, { ...buddyForm({ email: account.email }), buddyId: null }), ValidationError);
		expect(twice.fields).toEqual({ email: 'Dit account hoort al bij een andere buddy.' });
		const otherId = await saveBuddy(regisseur.actor, { ...buddyForm({ naam: 'Tweede Buddy' }), buddyId: null });
		const onUpdate = await caught(
			saveBuddy(regisseur.actor, { ...buddyForm({ naam: 'Tweede Buddy', email: account.email }), buddyId: otherId }),
			ValidationError
		);
		expect(onUpdate.fields).toEqual({ email: 'Dit account hoort al bij een andere buddy.' });
		expect((await db().select().from(buddy).where(eq(buddy.id, otherId)))[0].userId).toBeNull();
	});

	it('refuses bad input with a Dutch message per field, and stores nothing', async () => {
		const before = (await db().select({ id: buddy.id }).from(buddy).where(eq(buddy.steunpuntId, sp.id))).length;
		const cases: [Record<string, unknown>, Record<string, string>][] = [
			[{ capaciteit: '0' }, { capaciteit: 'Minstens 1 ouder.' }],
			[{ capaciteit: '11' }, { capaciteit: 'Hooguit 10 ouders tegelijk.' }],
			[{ capaciteit: '1.5' }, { capaciteit: 'Vul een heel getal in.' }],
			[{ capaciteit: 'veel' }, { capaciteit: 'Vul een aantal in.' }],
			[{ vog: '2026-02-30' }, { vog: 'Deze datum bestaat niet.' }],
			[{ training: '15-01-2026' }, { training: 'Vul een datum in als jjjj-mm-dd.' }],
			[{ ervaring: ['thuiszitten', 'sterrenkunde'] }, { ervaring: 'Kies ervaring uit de lijst (hooguit 20).' }],
			[{ talen: ['nl', 'klingon'] }, { talen: 'Kies talen uit de lijst.' }],
			[{ steunwijzen: ['per-brief'] }, { steunwijzen: 'Kies uit de lijst hoe de buddy steunt.' }],
			[{ naam: 'K' }, { naam: 'Vul de naam van de buddy in.' }],
			[{ email: 'geen-adres' }, { email: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.' }]
		];
		for (const [input, fields] of cases) {
			const error = await caught(saveBuddy(regisseur.actor, { ...buddyForm(input), buddyId: null }), ValidationError);
			expect(error.fields).toEqual(fields);
		}
		expect((await db().select({ id: buddy.id }).from(buddy).where(eq(buddy.steunpuntId, sp.id))).length).toBe(before);
	});
});

describe('requests', () => {
	let sp: Steunpunt;
	let regisseur: Awaited<ReturnType<typeof buildUser>>;
	beforeAll(async () => {
		sp = await buildSteunpunt();
		regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
	});

	async function requestForm(overrides: Record<string, unknown> = {}) {
		return {
			behoefte: 'Mijn dochter zit thuis en ik wil praten met iemand die dit kent.',
			onderwerpen: ['thuiszitten-verzuim'],
			schooltype: 'vo',
			taal: 'nl',
			steunwijzen: ['telefonisch'],
			naam: 'Yasmina El Amrani',
			email: `ouder-${randomUUID().slice(0, 8)}@example.org`,
			telefoon: '',
			toestemming: 'ja',
			website: '',
			formtijd: await issueFormToken(`buddy:${sp.id}`, Date.now() - 5000),
			...overrides
		};
	}

	it('stores a request from the site with the consent version, and the regisseur lists it', async () => {
		const input = await requestForm();
		const { reference } = await requestBuddy({ slug: sp.slug, client: `test-${randomUUID()}`, input });
		const [row] = await db()
			.select()
			.from(buddyRequest)
			.where(and(eq(buddyRequest.steunpuntId, sp.id), eq(buddyRequest.reference, reference)));
		expect(row).toMatchObject({
			source: 'website',
			status: 'aangevraagd',
			need: 'Mijn dochter zit thuis en ik wil praten met iemand die dit kent.',
			topics: ['thuiszitten-verzuim'],
			schoolType: 'vo',
			supportWays: ['telefonisch'],
			name: 'Yasmina El Amrani',
			email: input.email,
			phone: null,
			consentVersion: PRIVACY_VERSION,
			caseId: null
		});
		expect(row.consentAt).toBeInstanceOf(Date);
		const listed = await findRequests(regisseur.actor);
		expect(listed.find((r) => r.reference === reference)).toMatchObject({ source: 'Via de website', status: 'Aangevraagd' });
	});

	it('refuses a request without consent, without a way to reach the parent, or with a bad form token', async () => {
		const noConsent = await caught(
			requestBuddy({ slug: sp.slug, client: `test-${randomUUID()}`, input: await requestForm({ toestemming: '' }) }),
			ValidationError
		);
		expect(noConsent.fields.toestemming).toBe('Geef toestemming, anders kunnen we je aanvraag niet bewaren.');
		const unreachable = await caught(
			requestBuddy({ slug: sp.slug, client: `test-${randomUUID()}`, input: await requestForm({ email: '', telefoon: '' }) }),
			ValidationError
		);
		expect(unreachable.fields.email).toBe('Vul je e-mailadres of telefoonnummer in, zodat we je kunnen bereiken.');
		const wrongPurpose = await caught(
			requestBuddy({
				slug: sp.slug,
				client: `test-${randomUUID()}`,
				input: await requestForm({ formtijd: await issueFormToken(`vraag:${sp.id}`, Date.now() - 5000) })
			}),
			ValidationError
		);
		expect(wrongPurpose.fields.form).toMatch(/verlopen/);
	});

	it("turns a case's referral to the buddy programme into a request with source 'dossier'", async () => {
		const { caseId, reference, email } = await buildContact(sp);
		await referCase(regisseur.actor, { caseId, soort: 'buddy', akkoord: 'ja', overgedragen: 'Moeder wil graag een ervaringsdeskundige ouder spreken.' });
		const [row] = await db().select().from(buddyRequest).where(eq(buddyRequest.caseId, caseId));
		expect(row).toMatchObject({
			steunpuntId: sp.id,
			source: 'dossier',
			reference,
			status: 'aangevraagd',
			need: 'Moeder wil graag een ervaringsdeskundige ouder spreken.',
			name: 'Fatima de Vries',
			email,
			consentVersion: PRIVACY_VERSION
		});
		const seen = await getRequest(regisseur.actor, { requestId: row.id });
		expect(seen).toMatchObject({ source: 'dossier', caseId, statusLabel: 'Aangevraagd' });
	});
});
