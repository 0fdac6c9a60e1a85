/**
 * Bad input at domain level, table-driven: every use case that takes input refuses hundreds of
 * malformed values (huge strings, control characters, markup, SQL, emoji, wrong types, missing
 * fields, wrong options, forged ids of another steunpunt) with a 4xx DomainError — a Dutch
 * message per field for a ValidationError — and saves nothing half.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { db, rowsOf } from '../db';
import { mailOutbox, organisation } from '../db/schema';
import { DomainError, ValidationError } from '../errors';
import { buildContact, buildRegion, buildSteunpunt, buildUser, questionForm, removeTestRegions } from '../testing/factories';
import { useTestDatabase } from '../testing/db';
import { rejection } from '../testing/expect-error';
import { askQuestion, requestCallback } from './ask-question';
import { answerFollowUp, sendFollowUp } from './follow-up';
import { addOrganisation } from './organisations';
import { registerContact } from './register-contact';
import { issueFormToken } from '../platform/spam';
import { changeCase, referCase } from './update-case';

type Steunpunt = Awaited<ReturnType<typeof buildSteunpunt>>;
const ORIGIN = 'https://steunpunt.test';
const MISSING = Symbol('missing');

/** Malformed values for any field that expects one word from a list, a number, a date or an id. */
const GARBAGE: unknown[] = [
	'x'.repeat(10_000),
	'x'.repeat(100_000),
	'\u0000\u0001\u0007\u001b',
	'<script>alert(1)</script>',
	"'; drop table contact_case; --",
	'😀🙈',
	['a', 'b'],
	{ a: 1 },
	{ toString: () => 'ouder' },
	42,
	true
];
/** For required fields also: nothing at all. */
const ABSENT: unknown[] = [null, '', MISSING];
/** Free text fields that have a maximum: too long, or not text at all. */
const NOT_TEXT_OR_TOO_LONG: unknown[] = ['x'.repeat(10_000), 'x'.repeat(100_000), ['tekst', 'tekst'], { tekst: 'tekst' }, 42, true];

let sp: Steunpunt;
let other: Steunpunt;
let regisseur: Awaited<ReturnType<typeof buildUser>>;
let beheerder: Awaited<ReturnType<typeof buildUser>>;
let ownCase: string;
let foreignCase: string;
let foreignConsulent: string;
let foreignOrganisation: string;
let foreignUser: string;
let answerToken: string;
let ownConsulent: string;
let ownOrganisation: string;
let foreignAnswerToken: string;

async function followUpToken(target: Steunpunt, actor: Awaited<ReturnType<typeof buildUser>>['actor']): Promise<string> {
	const { caseId, email } = await buildContact(target, { opvolgen: 'ja' });
	await sendFollowUp(actor, { caseId, origin: ORIGIN });
	const [mail] = await db()
		.select()
		.from(mailOutbox)
		.where(and(eq(mailOutbox.to, email!), sql`${mailOutbox.subject} like 'Hoe gaat het%'`));
	return /\/hoe-gaat-het\/([a-z2-7]+)\?/.exec(mail.text)![1];
}

beforeAll(async () => {
	await useTestDatabase();
	sp = await buildSteunpunt();
	other = await buildSteunpunt();
	await buildRegion(sp.id, ['GM9901']);
	regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
	beheerder = await buildUser({ steunpuntId: sp.id, roles: ['beheerder'] });
	const otherRegisseur = await buildUser({ steunpuntId: other.id, roles: ['regisseur'] });
	foreignUser = otherRegisseur.user.id;
	foreignConsulent = (await buildUser({ steunpuntId: other.id, roles: ['consulent'] })).user.id;
	await addOrganisation(otherRegisseur.actor, { naam: 'Organisatie Elders' });
	[{ id: foreignOrganisation }] = await db().select({ id: organisation.id }).from(organisation).where(eq(organisation.steunpuntId, other.id));
	ownConsulent = (await buildUser({ steunpuntId: sp.id, roles: ['consulent'] })).user.id;
	await addOrganisation(regisseur.actor, { naam: 'Eigen organisatie' });
	[{ id: ownOrganisation }] = await db().select({ id: organisation.id }).from(organisation).where(eq(organisation.steunpuntId, sp.id));
	ownCase = (await buildContact(sp)).caseId;
	foreignCase = (await buildContact(other)).caseId;
	answerToken = await followUpToken(sp, regisseur.actor);
	foreignAnswerToken = await followUpToken(other, otherRegisseur.actor);
}, 120_000);

afterAll(async () => {
	await removeTestRegions();
});

/** Rows of the steunpunt in every table a use case below could write to. */
async function footprint(): Promise<Record<string, number>> {
	const [row] = rowsOf<Record<string, number | string>>(
		await db().execute(sql`select
			(select count(*) from contact_case where steunpunt_id = ${sp.id}) as cases,
			(select count(*) from case_person where steunpunt_id = ${sp.id}) as persons,
			(select count(*) from case_event where steunpunt_id = ${sp.id}) as events,
			(select count(*) from registration where steunpunt_id = ${sp.id}) as registrations,
			(select count(*) from referral where steunpunt_id = ${sp.id}) as referrals,
			(select count(*) from organisation where steunpunt_id = ${sp.id}) as organisations,
			(select count(*) from support_score where steunpunt_id = ${sp.id}) as scores,
			(select count(*) from topic_confirmation where steunpunt_id = ${sp.id}) as confirmations,
			(select count(*) from follow_up where steunpunt_id = ${sp.id} and answered_at is not null) as answers,
			(select count(*) from mail_outbox where steunpunt_id = ${sp.id}) as mails,
			(select string_agg(status || coalesce(consulent_id::text, '') || coalesce(follow_up_on::text, ''), ',' order by id) from contact_case where steunpunt_id = ${sp.id}) as states`)
	);
	return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === 'states' ? (v as unknown as number) : Number(v)]));
}

interface BadCase {
	name: string;
	run: () => Promise<unknown>;
}

/** One case per bad value: the valid input with one field replaced (or left out). */
function variants(
	label: string,
	base: () => Promise<Record<string, unknown>> | Record<string, unknown>,
	fields: Record<string, unknown[]>,
	call: (input: Record<string, unknown>) => Promise<unknown>
): BadCase[] {
	return Object.entries(fields).flatMap(([field, values]) =>
		values.map((value, i) => ({
			name: `${label}: ${field} #${i} ${describe_(value)}`,
			run: async () => {
				const input = { ...(await base()) };
				if (value === MISSING) delete input[field];
				else input[field] = value;
				return call(input);
			}
		}))
	);
}
function describe_(value: unknown): string {
	if (value === MISSING) return '(missing)';
	if (typeof value === 'string') return JSON.stringify(value.length > 30 ? `${value.slice(0, 10)}… (${value.length} chars)` : value);
	if (Array.isArray(value)) return `array(${value.length})`;
	return value === null ? 'null' : typeof value;
}

const optionalChoice = GARBAGE;
const requiredChoice = [...GARBAGE, ...ABSENT];
/** A client per call: every attempt counts towards the per-client limit, and this feeds hundreds. */
const client = () => `bad-${randomUUID()}`;

const question = () => questionForm(sp.id);
const ask = (input: Record<string, unknown>) => askQuestion({ slug: sp.slug, client: client(), origin: ORIGIN, input });
const callbackBase = async () => ({
	telefoon: '06 12345678',
	momenten: ['ochtend'],
	toestemming: 'ja',
	website: '',
	formtijd: await issueFormToken(`terugbellen:${sp.id}`, Date.now() - 5000)
});
const callback = (input: Record<string, unknown>) => requestCallback({ slug: sp.slug, client: client(), origin: ORIGIN, input });
const contactBase = () => ({ kanaal: 'telefoon', wie: 'ouder', onderwerpen: ['opp'], uitkomst: 'luisterend-oor' });
const contact = (input: Record<string, unknown>) => registerContact(regisseur.actor, input);

const CASES: BadCase[] = [
	...variants(
		'askQuestion',
		question,
		{
			vraag: [...NOT_TEXT_OR_TOO_LONG, ...ABSENT, 'te kort', '\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000b\u000c'],
			antwoord: [...requiredChoice, 'BELLEN', 'bel mij'],
			wie: optionalChoice,
			fase: optionalChoice,
			schooltype: optionalChoice,
			leeftijd: [...optionalChoice, '99-100'],
			gemeente: [...optionalChoice, 'GM12', 'GM99999', 'gm9901', 'GM0000', 'GM9902'],
			naam: NOT_TEXT_OR_TOO_LONG,
			telefoon: [...GARBAGE, '123', 'abcdefghijkl', '06-1234-ABCD'],
			email: [...GARBAGE, 'geen-mail', 'a@', '@example.org', 'a b@example.org', `${'x'.repeat(200)}@example.org`],
			toestemming: [...requiredChoice, 'nee', 'on'],
			formtijd: [...GARBAGE, ...ABSENT, `${Date.now() - 5000}.vervalst`, '9999999999999999999.abc'],
			website: ['https://spam.example', 'x', '<a href="x">']
		},
		ask
	),
	...variants(
		'askQuestion (mail later without address)',
		() => questionForm(sp.id, { antwoord: 'bellen', telefoon: '06 12345678', email: '' }),
		{ opvolgen: ['ja', 'on', true] },
		ask
	),
	...variants(
		'requestCallback',
		callbackBase,
		{
			telefoon: [...GARBAGE, ...ABSENT, '123', '06'],
			momenten: [...GARBAGE.filter((v) => !Array.isArray(v)), 'nacht', ['ochtend', 'nacht'], ['ochtend', 'middag', 'vooravond', 'ochtend'], [42], [null]],
			toelichtingMoment: NOT_TEXT_OR_TOO_LONG,
			onderwerp: NOT_TEXT_OR_TOO_LONG,
			naam: NOT_TEXT_OR_TOO_LONG,
			wie: optionalChoice,
			email: [...GARBAGE, 'geen-mail'],
			toestemming: [...requiredChoice, 'nee'],
			formtijd: [...ABSENT, 'vervalst', 42]
		},
		callback
	),
	...variants(
		'registerContact',
		contactBase,
		{
			kanaal: [...requiredChoice, 'web', 'terugbellen'],
			duur: ['abc', '0', '-5', '601', '1.5', '1e9', { a: 1 }, 'x'.repeat(10_000), '<script>', '1; drop table x'],
			wie: requiredChoice,
			schooltype: optionalChoice,
			fase: optionalChoice,
			onderwerpen: [...GARBAGE, ...ABSENT, [], 'onbekend', ['opp', 'zorgplicht', 'klacht-geschil', 'medezeggenschap'], [null], [['opp']]],
			gemeente: [...optionalChoice, 'GM0000', 'GM9902'],
			uitkomst: [...requiredChoice, 'doorverwijzing'],
			verwijzing: optionalChoice,
			samenvatting: NOT_TEXT_OR_TOO_LONG,
			dossier: [...GARBAGE, 'oud', 'NIEUW', randomUUID().toUpperCase(), randomUUID(), 'FOREIGN_CASE'],
			naam: NOT_TEXT_OR_TOO_LONG,
			telefoon: [...GARBAGE, '123'],
			email: [...GARBAGE, 'geen-mail'],
			opvolgdatum: [...GARBAGE, '2024-13-45', '2024-02-30x', '31-12-2024', 'morgen', '2024-1-1']
		},
		(input) => contact(input.dossier === 'FOREIGN_CASE' ? { ...input, dossier: foreignCase } : input)
	),
	...variants(
		'registerContact (new case, details without consent)',
		() => ({ ...contactBase(), dossier: 'nieuw', naam: 'Sanne Visser' }),
		{ toestemming: [MISSING, '', 'nee', null] },
		contact
	),
	...variants(
		'changeCase',
		() => ({ status: 'in-behandeling' }),
		{
			status: [...requiredChoice, 'gesloten', 'AFGESLOTEN'],
			toegewezen: [...GARBAGE, randomUUID(), 'FOREIGN_USER', randomUUID().toUpperCase()],
			opvolgdatum: [...GARBAGE, '2024-13-45', 'morgen']
		},
		(input) => changeCase(regisseur.actor, { ...input, ...(input.toegewezen === 'FOREIGN_USER' ? { toegewezen: foreignUser } : {}), caseId: ownCase })
	),
	...['FOREIGN', randomUUID(), 'geen-uuid', '', 'x'.repeat(100_000), "' or 1=1 --"].map((id) => ({
		name: `changeCase: case id ${describe_(id)}`,
		run: () => changeCase(regisseur.actor, { status: 'afgesloten', caseId: id === 'FOREIGN' ? foreignCase : id })
	})),
	...variants(
		'referCase',
		() => ({ soort: 'consulent', consulent: ownConsulent, akkoord: 'ja' }),
		{
			soort: [...requiredChoice, 'school'],
			consulent: [...GARBAGE, ...ABSENT, 'FOREIGN_CONSULENT', 'REGISSEUR', randomUUID()],
			overgedragen: NOT_TEXT_OR_TOO_LONG,
			akkoord: [...requiredChoice, 'misschien', 'JA']
		},
		(input) =>
			referCase(regisseur.actor, {
				...input,
				consulent: input.consulent === 'FOREIGN_CONSULENT' ? foreignConsulent : input.consulent === 'REGISSEUR' ? regisseur.user.id : input.consulent,
				caseId: ownCase
			})
	),
	...variants(
		'referCase (extern)',
		() => ({ soort: 'extern', akkoord: 'ja' }),
		{
			organisatie: [...GARBAGE, ...ABSENT, 'FOREIGN_ORGANISATION', randomUUID()]
		},
		(input) =>
			referCase(regisseur.actor, { ...input, ...(input.organisatie === 'FOREIGN_ORGANISATION' ? { organisatie: foreignOrganisation } : {}), caseId: ownCase })
	),
	...['FOREIGN', randomUUID(), 'x'.repeat(100_000)].map((id) => ({
		name: `referCase: case id ${describe_(id)}`,
		run: () => referCase(regisseur.actor, { soort: 'buddy', akkoord: 'ja', caseId: id === 'FOREIGN' ? foreignCase : id })
	})),
	...variants(
		'answerFollowUp',
		() => ({ trend: 'beter' }),
		{
			trend: [...requiredChoice, 'goed', 'BETER'],
			gesteund: ['0', '6', '2.5', 'abc', -1, 1e9, { a: 1 }, 'x'.repeat(10_000), '<script>'],
			toelichting: NOT_TEXT_OR_TOO_LONG
		},
		(input) => answerFollowUp({ slug: sp.slug, token: answerToken, input })
	),
	...['FOREIGN', 'a'.repeat(32), 'ABCDEFGHIJKLMNOPQRSTUV', '', 'x'.repeat(100_000), '../../etc/passwd', "' or 1=1 --"].map((token) => ({
		name: `answerFollowUp: token ${describe_(token)}`,
		run: () => answerFollowUp({ slug: sp.slug, token: token === 'FOREIGN' ? foreignAnswerToken : token, input: { trend: 'beter' } })
	})),
	...variants(
		'addOrganisation',
		() => ({ naam: `Organisatie ${randomUUID().slice(0, 8)}` }),
		{
			naam: [...NOT_TEXT_OR_TOO_LONG, ...ABSENT, 'x', '\u0000\u0001 '],
			omschrijving: NOT_TEXT_OR_TOO_LONG,
			telefoon: [...NOT_TEXT_OR_TOO_LONG, 'abc', '<script>', '0'.repeat(41), '06; drop'],
			website: [...NOT_TEXT_OR_TOO_LONG, 'http://example.org', 'javascript:alert(1)', 'https://a b', 'https://"x"', 'www.example.org']
		},
		(input) => addOrganisation(beheerder.actor, input)
	)
];

describe('bad input at domain level', () => {
	it('has at least 300 cases', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(300);
	});

	it.each(CASES)('$name', async ({ run }) => {
		const before = await footprint();
		const error = await rejection(run());
		expect(error).toBeInstanceOf(DomainError);
		const status = (error as DomainError).status;
		expect(status === 400 || status === 404, `status ${status}: ${(error as Error).message}`).toBe(true);
		if (error instanceof ValidationError) {
			const messages = Object.values(error.fields);
			expect(messages.length).toBeGreaterThan(0);
			for (const message of messages) {
				expect(message.trim().length).toBeGreaterThan(5);
				expect(message).not.toMatch(/Invalid|Expected|Too (big|small)|Required/);
			}
			expect(error.message).toBe('Er is een probleem met wat je hebt ingevuld.');
		}
		expect(await footprint()).toEqual(before);
	});

	it('accepts every base input the bad cases start from (so each case fails on its one bad field)', async () => {
		const fresh = (await buildContact(sp)).caseId;
		expect((await ask(await question())).reference).toMatch(/^V-/);
		expect((await callback(await callbackBase())).reference).toMatch(/^V-/);
		expect((await contact(contactBase())).registrationId).toBeTruthy();
		expect((await contact({ ...contactBase(), dossier: 'nieuw', naam: 'Sanne Visser', toestemming: 'on' })).caseId).toBeTruthy();
		await changeCase(regisseur.actor, { caseId: fresh, status: 'in-behandeling' });
		await referCase(regisseur.actor, { caseId: fresh, soort: 'consulent', consulent: ownConsulent, akkoord: 'ja' });
		await referCase(regisseur.actor, { caseId: fresh, soort: 'extern', organisatie: ownOrganisation, akkoord: 'ja' });
		await addOrganisation(beheerder.actor, { naam: `Organisatie ${randomUUID().slice(0, 8)}` });
		// The follow-up token survived all bad answers: it still takes one good answer.
		await answerFollowUp({ slug: sp.slug, token: answerToken, input: { trend: 'beter', gesteund: '4' } });
		const after = await footprint();
		expect(after.answers).toBe(1);
		expect(after.referrals).toBe(2);
	});
});
