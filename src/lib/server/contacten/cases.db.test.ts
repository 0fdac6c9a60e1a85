/**
 * Vragen en contacten, the way in: the public question and call-back forms (one transaction for
 * case, person, anonymous registration and history; spam and rate limits), the privacy design of
 * the registration table, and the regisseur's fast contact registration.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { PRIVACY_VERSION } from '$lib/contacten';
import { db, rowsOf, withTenant } from '../db';
import { caseEvent, casePerson, contactCase, mailOutbox, registration, topicConfirmation } from '../db/schema';
import { RateLimitedError, ValidationError } from '../errors';
import { buildContact, buildRegion, buildSteunpunt, buildUser, questionForm, removeTestRegions } from '../testing/factories';
import { useTestDatabase } from '../testing/db';
import { caught } from '../testing/expect-error';
import { askQuestion, requestCallback } from './ask-question';
import { personalToken } from './links';
import { registerContact } from './register-contact';
import { issueFormToken } from '../platform/spam';

type Steunpunt = Awaited<ReturnType<typeof buildSteunpunt>>;
const ORIGIN = 'https://steunpunt.test';

beforeAll(async () => {
	await useTestDatabase();
}, 120_000);

afterAll(async () => {
	await removeTestRegions();
});

async function caseCount(steunpuntId: string): Promise<number> {
	return (await db().select({ n: count() }).from(contactCase).where(eq(contactCase.steunpuntId, steunpuntId)))[0].n;
}
async function registrationCount(steunpuntId: string): Promise<number> {
	return (await db().select({ n: count() }).from(registration).where(eq(registration.steunpuntId, steunpuntId)))[0].n;
}
async function mailsTo(address: string) {
	return db().select().from(mailOutbox).where(eq(mailOutbox.to, address));
}
async function caseByReference(steunpuntId: string, reference: string) {
	const [row] = await db()
		.select()
		.from(contactCase)
		.where(and(eq(contactCase.steunpuntId, steunpuntId), eq(contactCase.reference, reference)));
	return row;
}
async function eventsOf(caseId: string) {
	return db().select().from(caseEvent).where(eq(caseEvent.caseId, caseId)).orderBy(caseEvent.id);
}
const ask = (sp: Steunpunt, input: Record<string, unknown>, options: { client?: string; now?: Date } = {}) =>
	askQuestion({ slug: sp.slug, client: options.client ?? `c-${randomUUID()}`, origin: ORIGIN, input, now: options.now });

async function callbackForm(steunpuntId: string, overrides: Record<string, unknown> = {}) {
	return {
		naam: 'Peter Bakker',
		telefoon: '06 12345678',
		momenten: ['ochtend', 'vooravond'],
		toelichtingMoment: 'Niet op woensdag',
		onderwerp: 'Mijn dochter wordt gepest en wil niet meer naar school.',
		wie: 'ouder',
		email: '',
		toestemming: 'ja',
		website: '',
		formtijd: await issueFormToken(`terugbellen:${steunpuntId}`, Date.now() - 5000),
		...overrides
	};
}

describe('askQuestion', () => {
	let sp: Steunpunt;
	beforeAll(async () => {
		sp = await buildSteunpunt();
		await buildRegion(sp.id, ['GM9901']);
	});

	it('writes case, person, registration and the "aangemaakt" event together, due in responseDays working days', async () => {
		// Thursday before Easter 2026: Friday, then Tuesday and Wednesday (Easter Monday is a holiday).
		const now = new Date('2026-04-02T10:00:00Z');
		const input = await questionForm(sp.id, { gemeente: 'GM9901', schooltype: 'vo', fase: 'thuiszitten', leeftijd: '12-16' });
		const result = await ask(sp, input, { now });
		expect(result.reference).toMatch(/^V-[2-9A-HJ-NP-Z]{6}$/);
		expect(result.mailed).toBe(true);
		expect(result.dueText).toContain('binnen 3 werkdagen');
		expect(result.dueText).toContain('woensdag 8 april');

		const c = await caseByReference(sp.id, result.reference);
		expect(c).toMatchObject({ source: 'vraag', status: 'nieuw', dueOn: '2026-04-08', closedAt: null, assignedTo: null });
		const [person] = await db().select().from(casePerson).where(eq(casePerson.caseId, c.id));
		expect(person).toMatchObject({
			steunpuntId: sp.id,
			name: 'Fatima de Vries',
			email: input.email,
			question: input.vraag,
			contactPreference: 'mailen',
			followUpByMail: false,
			consentVersion: PRIVACY_VERSION
		});
		expect(person.consentAt?.toISOString()).toBe(now.toISOString());

		const events = await eventsOf(c.id);
		expect(events.map((e) => e.kind)).toEqual(['aangemaakt']);
		expect(events[0].data).toMatchObject({ source: 'vraag' });
		const registrationId = events[0].data.registrationId as string;
		const [reg] = await db().select().from(registration).where(eq(registration.id, registrationId));
		expect(reg).toMatchObject({
			steunpuntId: sp.id,
			day: '2026-04-02',
			channel: 'web',
			who: 'ouder',
			schoolType: 'vo',
			phase: 'thuiszitten',
			ageGroup: '12-16',
			gemeenteCode: 'GM9901',
			topicsConfirmed: false
		});
		expect(reg.topics).toContain('thuiszitten-verzuim');
		expect(reg.topics.length).toBeLessThanOrEqual(3);
	});

	it('mails a confirmation with the reference and the personal link', async () => {
		const input = await questionForm(sp.id);
		const result = await ask(sp, input);
		const c = await caseByReference(sp.id, result.reference);
		const mails = await mailsTo(input.email as string);
		expect(mails).toHaveLength(1);
		expect(mails[0].steunpuntId).toBe(sp.id);
		expect(mails[0].subject).toContain(result.reference);
		expect(mails[0].text).toContain(result.reference);
		expect(mails[0].text).toContain(`${ORIGIN}/${sp.slug}/mijn-gegevens/${await personalToken(c.id)}`);
		expect(mails[0].html).toContain(`/${sp.slug}/mijn-gegevens/`);
		expect(mails[0].text).toContain('Beste Fatima de Vries,');
	});

	it('keeps no name, phone or mail address when the parent wants no contact', async () => {
		const input = await questionForm(sp.id, { antwoord: 'geen', naam: 'Karin Jansen', telefoon: '06 98765432' });
		const result = await ask(sp, input);
		expect(result.mailed).toBe(false);
		const c = await caseByReference(sp.id, result.reference);
		const [person] = await db().select().from(casePerson).where(eq(casePerson.caseId, c.id));
		expect(person).toMatchObject({ name: null, phone: null, email: null, contactPreference: 'geen', question: input.vraag, consentVersion: PRIVACY_VERSION });
		expect(await mailsTo(input.email as string)).toHaveLength(0);
		const everything = JSON.stringify(await db().select().from(casePerson).where(eq(casePerson.steunpuntId, sp.id)));
		expect(everything).not.toContain('Karin Jansen');
		expect(everything).not.toContain('98765432');
	});

	it('refuses a filled honeypot and saves nothing', async () => {
		const before = [await caseCount(sp.id), await registrationCount(sp.id)];
		const input = await questionForm(sp.id, { website: 'https://spam.example' });
		const error = await caught(ask(sp, input), ValidationError);
		expect(error.status).toBe(400);
		expect(error.fields.form).toMatch(/Laat dit veld leeg/);
		expect([await caseCount(sp.id), await registrationCount(sp.id)]).toEqual(before);
		expect(await mailsTo(input.email as string)).toHaveLength(0);
	});

	it('refuses a form sent within 3 seconds, a forged token and a token of another form', async () => {
		const before = await caseCount(sp.id);
		const fast = await caught(ask(sp, await questionForm(sp.id, { formtijd: await issueFormToken(`vraag:${sp.id}`, Date.now() - 1000) })), ValidationError);
		expect(fast.fields.form).toMatch(/erg snel/);
		const forged = await caught(ask(sp, await questionForm(sp.id, { formtijd: `${Date.now() - 5000}.${'a'.repeat(43)}` })), ValidationError);
		expect(forged.fields.form).toMatch(/verlopen/);
		const other = await caught(
			ask(sp, await questionForm(sp.id, { formtijd: await issueFormToken(`terugbellen:${sp.id}`, Date.now() - 5000) })),
			ValidationError
		);
		expect(other.fields.form).toMatch(/verlopen/);
		const old = await caught(
			ask(sp, await questionForm(sp.id, { formtijd: await issueFormToken(`vraag:${sp.id}`, Date.now() - 25 * 3600_000) })),
			ValidationError
		);
		expect(old.fields.form).toMatch(/verlopen/);
		expect(await caseCount(sp.id)).toBe(before);
	});

	it('refuses a gemeente outside the region', async () => {
		const before = await caseCount(sp.id);
		const error = await caught(ask(sp, await questionForm(sp.id, { gemeente: 'GM9902' })), ValidationError);
		expect(error.fields).toEqual({ gemeente: 'Kies een gemeente uit de lijst.' });
		expect(await caseCount(sp.id)).toBe(before);
	});

	it('refuses the 11th question from one client within the hour, and saves it not', async () => {
		const fresh = await buildSteunpunt();
		const client = `rate-${randomUUID()}`;
		for (let i = 0; i < 10; i++) await ask(fresh, await questionForm(fresh.id, { antwoord: 'geen', email: '' }), { client });
		const error = await caught(ask(fresh, await questionForm(fresh.id, { antwoord: 'geen', email: '' }), { client }), RateLimitedError);
		expect(error.status).toBe(429);
		expect(await caseCount(fresh.id)).toBe(10);
		expect(await registrationCount(fresh.id)).toBe(10);
		// Another client is not affected.
		await ask(fresh, await questionForm(fresh.id, { antwoord: 'geen', email: '' }));
		expect(await caseCount(fresh.id)).toBe(11);
	});

	it('counts rejected attempts too, so a bot cannot probe the form without limit', async () => {
		const fresh = await buildSteunpunt();
		const client = `probe-${randomUUID()}`;
		for (let i = 0; i < 10; i++) await caught(ask(fresh, await questionForm(fresh.id, { vraag: 'kort' }), { client }), ValidationError);
		const error = await caught(ask(fresh, await questionForm(fresh.id, { antwoord: 'geen', email: '' }), { client }), RateLimitedError);
		expect(error.status).toBe(429);
		expect(await caseCount(fresh.id)).toBe(0);
	});
});

describe('requestCallback', () => {
	let sp: Steunpunt;
	beforeAll(async () => {
		sp = await buildSteunpunt();
	});

	it('requires a phone number', async () => {
		const before = await caseCount(sp.id);
		const error = await caught(
			requestCallback({ slug: sp.slug, client: randomUUID(), origin: ORIGIN, input: await callbackForm(sp.id, { telefoon: '' }) }),
			ValidationError
		);
		expect(error.fields.telefoon).toBe('Vul je telefoonnummer in, dan kunnen we je bellen.');
		expect(await caseCount(sp.id)).toBe(before);
	});

	it('stores the moments, the phone number and a registration of channel terugbellen', async () => {
		const result = await requestCallback({ slug: sp.slug, client: randomUUID(), origin: ORIGIN, input: await callbackForm(sp.id) });
		expect(result.mailed).toBe(false);
		const c = await caseByReference(sp.id, result.reference);
		expect(c.source).toBe('terugbellen');
		const [person] = await db().select().from(casePerson).where(eq(casePerson.caseId, c.id));
		expect(person).toMatchObject({
			name: 'Peter Bakker',
			phone: '06 12345678',
			contactPreference: 'bellen',
			question: 'Mijn dochter wordt gepest en wil niet meer naar school.'
		});
		expect(person.preferredMoments).toBe('In de ochtend (9.00 tot 12.00 uur); In de vooravond (17.00 tot 19.00 uur); Niet op woensdag');
		const [event] = await eventsOf(c.id);
		const [reg] = await db()
			.select()
			.from(registration)
			.where(eq(registration.id, event.data.registrationId as string));
		expect(reg.channel).toBe('terugbellen');
		expect(reg.topics).toContain('pesten-veiligheid');
	});
});

describe('the anonymous registration (privacy by design)', () => {
	it('has no column that could point to a case or a person', async () => {
		const columns = rowsOf<{ column_name: string }>(
			await db().execute(
				sql`select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'registration' order by column_name`
			)
		).map((r) => r.column_name);
		expect(columns).toEqual(
			[
				'age_group',
				'channel',
				'created_at',
				'day',
				'duration_minutes',
				'gemeente_code',
				'id',
				'outcome',
				'phase',
				'referral_kind',
				'school_type',
				'steunpunt_id',
				'topics',
				'topics_confirmed',
				'who'
			].sort()
		);
		for (const forbidden of ['case_id', 'person_id', 'name', 'email', 'phone', 'question', 'text', 'comment', 'note', 'summary'])
			expect(columns).not.toContain(forbidden);
		const references = rowsOf<{ target: string }>(
			await db().execute(sql`
				select distinct ccu.table_name as target
				from information_schema.table_constraints tc
				join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.constraint_schema = tc.constraint_schema
				where tc.table_name = 'registration' and tc.constraint_type = 'FOREIGN KEY'`)
		).map((r) => r.target);
		expect(references).toEqual(['steunpunt']);
	});

	it('answers reporting questions from the registration table alone', async () => {
		const sp = await buildSteunpunt();
		const { actor } = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
		await buildContact(sp);
		await buildContact(sp, { antwoord: 'geen', email: '' });
		await requestCallback({ slug: sp.slug, client: randomUUID(), origin: ORIGIN, input: await callbackForm(sp.id) });
		await registerContact(actor, { kanaal: 'telefoon', wie: 'professional', onderwerpen: 'opp', uitkomst: 'informatie-advies' });
		const rows = await withTenant(sp.id, async (tx) =>
			rowsOf<{ channel: string; n: number | string }>(await tx.execute(sql`select channel, count(*) as n from registration group by channel order by channel`))
		);
		expect(rows.map((r) => [r.channel, Number(r.n)])).toEqual([
			['telefoon', 1],
			['terugbellen', 1],
			['web', 2]
		]);
		const byTopic = await withTenant(sp.id, async (tx) =>
			rowsOf<{ topic: string }>(await tx.execute(sql`select distinct unnest(topics) as topic from registration where 'opp' = any(topics)`))
		);
		expect(byTopic.map((r) => r.topic)).toEqual(['opp']);
	});
});

describe('registerContact', () => {
	let sp: Steunpunt;
	let regisseur: Awaited<ReturnType<typeof buildUser>>;
	let consulent: Awaited<ReturnType<typeof buildUser>>;
	beforeAll(async () => {
		sp = await buildSteunpunt();
		regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
		consulent = await buildUser({ steunpuntId: sp.id, roles: ['consulent'] });
	});

	/** The fields exactly as the form posts them: strings, empty where nothing was filled in. */
	const form = (overrides: Record<string, unknown> = {}) => ({
		kanaal: 'telefoon',
		duur: '25',
		wie: 'ouder',
		schooltype: 'vo',
		fase: 'thuiszitten',
		onderwerpen: ['thuiszitten-verzuim', 'pesten-veiligheid'],
		gemeente: '',
		uitkomst: 'informatie-advies',
		verwijzing: '',
		samenvatting: 'Zoon zit thuis sinds de herfstvakantie.',
		dossier: '',
		naam: '',
		telefoon: '',
		email: '',
		opvolgdatum: '',
		...overrides
	});

	it('registers the anonymous contact with its topics, and no case without a dossier', async () => {
		const result = await registerContact(regisseur.actor, form());
		expect(result.caseId).toBeNull();
		const [reg] = await db().select().from(registration).where(eq(registration.id, result.registrationId));
		expect(reg).toMatchObject({
			steunpuntId: sp.id,
			channel: 'telefoon',
			who: 'ouder',
			schoolType: 'vo',
			phase: 'thuiszitten',
			gemeenteCode: null,
			topics: ['thuiszitten-verzuim', 'pesten-veiligheid'],
			topicsConfirmed: true,
			outcome: 'informatie-advies',
			referralKind: null,
			durationMinutes: 25
		});
	});

	it('starts a new case with the person and their consent (dossier=nieuw)', async () => {
		const now = new Date('2026-03-02T09:00:00Z');
		const result = await registerContact(
			regisseur.actor,
			form({
				dossier: 'nieuw',
				naam: 'Sanne Visser',
				telefoon: '06 11122233',
				email: 'sanne@example.org',
				opvolgen: 'on',
				toestemming: 'on',
				opvolgdatum: '2026-03-16'
			}),
			now
		);
		expect(result.caseId).not.toBeNull();
		const [c] = await db().select().from(contactCase).where(eq(contactCase.id, result.caseId!));
		expect(c).toMatchObject({
			reference: result.reference,
			source: 'contact',
			status: 'in-behandeling',
			assignedTo: regisseur.user.id,
			dueOn: '2026-03-05',
			followUpOn: '2026-03-16'
		});
		const [person] = await db().select().from(casePerson).where(eq(casePerson.caseId, c.id));
		expect(person).toMatchObject({
			name: 'Sanne Visser',
			phone: '06 11122233',
			email: 'sanne@example.org',
			contactPreference: 'mailen',
			followUpByMail: true,
			consentVersion: PRIVACY_VERSION
		});
		expect(person.consentAt?.toISOString()).toBe(now.toISOString());
		const events = await eventsOf(c.id);
		expect(events.map((e) => e.kind)).toEqual(['contact']);
		expect(events[0]).toMatchObject({ userId: regisseur.user.id, text: 'Zoon zit thuis sinds de herfstvakantie.' });
		expect(events[0].data).toMatchObject({ registrationId: result.registrationId, channel: 'telefoon', duration: 25, outcome: 'informatie-advies' });
	});

	it('refuses personal details for a new case without consent', async () => {
		const before = await registrationCount(sp.id);
		const error = await caught(registerContact(regisseur.actor, form({ dossier: 'nieuw', naam: 'Sanne Visser' })), ValidationError);
		expect(error.fields.toestemming).toMatch(/gegevens bewaren/);
		expect(await registrationCount(sp.id)).toBe(before);
	});

	it('adds a contact event to an existing case', async () => {
		const existing = await buildContact(sp);
		const result = await registerContact(
			regisseur.actor,
			form({ kanaal: 'mail', dossier: existing.caseId, samenvatting: 'Mail gestuurd met uitleg over de zorgplicht.' })
		);
		expect(result).toMatchObject({ caseId: existing.caseId, reference: existing.reference });
		const events = await eventsOf(existing.caseId);
		expect(events.map((e) => e.kind)).toEqual(['aangemaakt', 'contact']);
		expect(events[1]).toMatchObject({ text: 'Mail gestuurd met uitleg over de zorgplicht.', userId: regisseur.user.id });
		expect(events[1].data).toMatchObject({ registrationId: result.registrationId, channel: 'mail' });
	});

	it('lets no consulent start a new case', async () => {
		const before = [await caseCount(sp.id), await registrationCount(sp.id)];
		const error = await caught(registerContact(consulent.actor, form({ dossier: 'nieuw' })), ValidationError);
		expect(error.fields.dossier).toBe('Alleen de regisseur kan een nieuw dossier starten.');
		expect([await caseCount(sp.id), await registrationCount(sp.id)]).toEqual(before);
	});

	it('refuses more than 3 topics', async () => {
		const before = await registrationCount(sp.id);
		const error = await caught(
			registerContact(regisseur.actor, form({ onderwerpen: ['opp', 'zorgplicht', 'klacht-geschil', 'medezeggenschap'] })),
			ValidationError
		);
		expect(error.fields.onderwerpen).toBe('Kies hooguit 3 onderwerpen uit de lijst.');
		expect(await registrationCount(sp.id)).toBe(before);
	});

	it('keeps the known terms of the summary for the classifier, never a name', async () => {
		const own = await buildSteunpunt();
		const { actor } = await buildUser({ steunpuntId: own.id, roles: ['regisseur'] });
		const samenvatting = 'Mevrouw Jansen belt: haar zoon zit al weken thuis en wordt gepest in de klas. Jansen wil een gesprek met school.';
		await registerContact(actor, form({ samenvatting, onderwerpen: ['thuiszitten-verzuim', 'pesten-veiligheid'] }));
		const rows = await db().select().from(topicConfirmation).where(eq(topicConfirmation.steunpuntId, own.id));
		expect(rows).toHaveLength(1);
		expect(rows[0].topics).toEqual(['thuiszitten-verzuim', 'pesten-veiligheid']);
		expect(rows[0].terms.length).toBeGreaterThan(0);
		expect(rows[0].terms.some((t) => /thuis|pest/.test(t))).toBe(true);
		expect(JSON.stringify(rows)).not.toMatch(/jansen/i);
		expect(JSON.stringify(rows)).not.toContain(samenvatting);
	});
});
