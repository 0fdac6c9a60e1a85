/**
 * A parent's request reaches everything the steunpunt keeps about them, in the scope they chose:
 * - dossier: the case, the buddy request copied from it and the mail naming it; not their other
 *   question or its mail;
 * - persoon: every entry point (web question, a call, a buddy request from the site and from a
 *   case, an activity sign-up) found by the same e-mail address or phone number in any notation,
 *   shown in one inzage document and then erased, after which no text column anywhere in the
 *   database holds the name, the address or the number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { db, rowsOf } from '../db';
import { activitySignup, buddyRequest, contactCase, mailOutbox, privacyRequest } from '../db/schema';
import { sql } from 'drizzle-orm';
import { buildActivity, buildBuddyRequest, buildContact, buildSignup, buildSteunpunt, buildUser, removeTestRegions } from '../testing/factories';
import { useTestDatabase } from '../testing/db';
import { carryOutPrivacyRequest, findPrivacyRequests, requestPrivacy } from './privacy';
import { registerContact } from './register-contact';
import { referCase } from './update-case';

const ORIGIN = 'https://steunpunt.test';

beforeAll(async () => {
	await useTestDatabase();
}, 120_000);

afterAll(async () => {
	await removeTestRegions();
});

/**
 * Every place in the database (any table, any text, varchar, jsonb or array column) where `needle`
 * occurs, as `table.column`, skipping the rows named in `except` (table → ids).
 */
async function whereFound(needle: string, except: Record<string, string[]> = {}): Promise<string[]> {
	const columns = rowsOf<{ table_name: string; column_name: string }>(
		await db().execute(sql`
			select c.table_name, c.column_name from information_schema.columns c
			join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
			where c.table_schema = 'public' and (c.data_type in ('text', 'character varying', 'jsonb', 'json') or c.data_type = 'ARRAY')`)
	);
	const found: string[] = [];
	for (const { table_name: table, column_name: column } of columns) {
		const skip = except[table]?.length
			? sql` and id not in (${sql.join(
					except[table].map((id) => sql`${id}::uuid`),
					sql`, `
				)})`
			: sql``;
		const [hit] = rowsOf<{ n: number }>(
			await db().execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)}::text ilike ${`%${needle}%`}${skip}`)
		);
		if (hit.n > 0) found.push(`${table}.${column}`);
	}
	return found;
}

async function carryOut(
	sp: { id: string; slug: string },
	beheerder: { actor: Parameters<typeof findPrivacyRequests>[0] },
	token: string,
	kind: 'inzage' | 'verwijderen',
	scope: 'dossier' | 'persoon'
) {
	const asked = await requestPrivacy({ slug: sp.slug, token, kind, scope });
	expect(asked.scope).toBe(scope);
	const request = (await findPrivacyRequests(beheerder.actor)).find((r) => r.reference === asked.reference && r.kind === kind && !r.handledAt);
	expect(request, 'the request reaches the beheerder').toBeDefined();
	expect(request!.scope).toBe(scope);
	return { request: request!, result: await carryOutPrivacyRequest(beheerder.actor, { requestId: request!.id, origin: ORIGIN }) };
}

describe('the scope of a privacy request', () => {
	it('dossier: the case and the buddy request made from it go; the same parent’s other question and its mail stay', async () => {
		const sp = await buildSteunpunt();
		const beheerder = await buildUser({ steunpuntId: sp.id, roles: ['beheerder'] });
		const regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
		const email = `dossier-${Math.random().toString(36).slice(2, 8)}@example.org`;
		const first = await buildContact(sp, { naam: 'Noor Bakker', email });
		const second = await buildContact(sp, { naam: 'Noor Bakker', email, vraag: 'Hoe vraag ik een gesprek aan over de overstap naar het vo?' });
		await referCase(regisseur.actor, { caseId: first.caseId, soort: 'buddy', akkoord: 'ja' });
		const [copied] = await db().select().from(buddyRequest).where(eq(buddyRequest.caseId, first.caseId));
		expect(copied).toMatchObject({ name: 'Noor Bakker', email });

		const { request, result } = await carryOut(sp, beheerder, first.token, 'verwijderen', 'dossier');
		expect(result.removed).toEqual(['1 vraag (dossier) met je gegevens en onze aantekeningen', '1 aanvraag voor een buddy', '1 mail aan jou']);
		expect(await db().select().from(contactCase).where(eq(contactCase.id, first.caseId))).toHaveLength(0);
		const [wiped] = await db().select().from(buddyRequest).where(eq(buddyRequest.id, copied.id));
		expect(wiped).toMatchObject({ name: null, email: null, phone: null, need: null, caseId: null, status: 'afgesloten' });
		// The other question is untouched, with its confirmation mail.
		expect(await db().select().from(contactCase).where(eq(contactCase.id, second.caseId))).toHaveLength(1);
		const mails = await db().select().from(mailOutbox).where(eq(mailOutbox.to, email));
		expect(mails.map((m) => m.subject).sort()).toEqual([expect.stringContaining(second.reference), `Je gegevens zijn gewist (${first.reference})`].sort());
		const [stored] = await db().select().from(privacyRequest).where(eq(privacyRequest.id, request.id));
		expect(stored).toMatchObject({ scope: 'dossier', outcome: { dossiers: 1, buddyaanvragen: 1, aanmeldingen: 0, mails: 1, mailsNaVersturen: 0 } });
	});

	it('a scope that is not offered is refused with a Dutch message, and nothing is stored', async () => {
		const sp = await buildSteunpunt();
		const contact = await buildContact(sp);
		await expect(requestPrivacy({ slug: sp.slug, token: contact.token, kind: 'verwijderen', scope: 'alles-overal' })).rejects.toMatchObject({
			status: 400,
			fields: { scope: expect.stringMatching(/deze vraag/) }
		});
		expect(await db().select().from(privacyRequest).where(eq(privacyRequest.caseId, contact.caseId))).toHaveLength(0);
	});
});

describe('everything about one person, from every entry point', () => {
	it('inzage shows all of it in one document; deletion leaves no name, address or number anywhere', async () => {
		const sp = await buildSteunpunt();
		const beheerder = await buildUser({ steunpuntId: sp.id, roles: ['beheerder'] });
		const regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
		const tag = Math.random().toString(36).slice(2, 8);
		const NAME = `Yara Verhoef${tag}`;
		const EMAIL = `yara-${tag}@example.org`;
		const PHONE_DIGITS = `06${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
		const spaced = `${PHONE_DIGITS.slice(0, 2)} ${PHONE_DIGITS.slice(2)}`;
		const international = `+31 6 ${PHONE_DIGITS.slice(2)}`;

		// 1. A question on the website, referred to the buddy programme (a buddy request from a case).
		const web = await buildContact(sp, { naam: NAME, email: EMAIL, telefoon: spaced });
		await referCase(regisseur.actor, { caseId: web.caseId, soort: 'buddy', akkoord: 'ja' });
		// 2. A call: only the phone number, written differently.
		const call = await registerContact(regisseur.actor, {
			kanaal: 'telefoon',
			duur: '15',
			wie: 'ouder',
			schooltype: 'po',
			fase: 'thuiszitten',
			onderwerpen: ['thuiszitten-verzuim'],
			gemeente: '',
			uitkomst: 'informatie-advies',
			verwijzing: '',
			samenvatting: `Belde over thuiszitten, ${NAME} wil teruggebeld worden.`,
			dossier: 'nieuw',
			naam: NAME,
			telefoon: international,
			email: '',
			toestemming: 'on'
		});
		// 3. A buddy request from the site, the address in capitals.
		const fromSite = await buildBuddyRequest(sp, { name: NAME, email: EMAIL.toUpperCase(), phone: null, need: `Ik zoek steun. Groet, ${NAME}` });
		// 4. An activity sign-up.
		const activity = await buildActivity(sp, { title: `Oudercafé ${tag}` });
		await buildSignup(sp, activity.id, { naam: NAME, email: EMAIL, toelichting: 'Ik kom met de rolstoel.' });
		// Someone else in the same steunpunt stays untouched.
		const other = await buildContact(sp, { naam: 'Iemand Anders', email: `anders-${tag}@example.org` });

		const before = await whereFound(NAME);
		expect(before).toEqual(expect.arrayContaining(['case_person.name', 'buddy_request.name', 'activity_signup.name']));

		const inzage = await carryOut(sp, beheerder, web.token, 'inzage', 'persoon');
		expect(inzage.result.mailed).toBe(true);
		const [exported] = await db()
			.select()
			.from(mailOutbox)
			.where(eq(mailOutbox.to, EMAIL))
			.then((rows) => rows.filter((m) => m.subject.startsWith('Jouw gegevens')));
		for (const part of [web.reference, call.reference!, fromSite.reference, `Oudercafé ${tag}`, 'Ik kom met de rolstoel.', 'Ik zoek steun.'])
			expect(exported.text, `the inzage document names ${part}`).toContain(part);
		expect(exported.text).not.toContain(other.reference);
		expect(exported.eraseAfterSend).toBe(true);

		const deletion = await carryOut(sp, beheerder, web.token, 'verwijderen', 'persoon');
		expect(deletion.result.removed).toEqual([
			'2 vragen (dossiers) met je gegevens en onze aantekeningen',
			'2 aanvragen voor een buddy',
			'1 aanmelding voor een activiteit',
			expect.stringMatching(/^\d+ mails? aan jou$/)
		]);
		// The only trace left is the confirmation, which goes out and is then wiped (erase_after_send).
		const confirmations = await db().select().from(mailOutbox).where(eq(mailOutbox.to, EMAIL));
		expect(confirmations.map((m) => [m.subject, m.eraseAfterSend])).toEqual([[`Je gegevens zijn gewist (${web.reference})`, true]]);
		expect(confirmations[0].text).not.toContain(NAME);
		const except = { mail_outbox: confirmations.map((m) => m.id) };
		for (const value of [NAME, EMAIL, PHONE_DIGITS.slice(2), `Verhoef${tag}`]) expect(await whereFound(value, except), `where "${value}" survived`).toEqual([]);

		expect(
			await db()
				.select()
				.from(contactCase)
				.where(inArray(contactCase.id, [web.caseId, call.caseId!]))
		).toHaveLength(0);
		expect(await db().select().from(contactCase).where(eq(contactCase.id, other.caseId))).toHaveLength(1);
		const [signup] = await db().select().from(activitySignup).where(eq(activitySignup.activityId, activity.id));
		expect(signup).toMatchObject({ name: null, email: null, phone: null, needsNote: null });
	});
});
