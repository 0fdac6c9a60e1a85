/**
 * A parent or young person asks a question ("Stel je vraag") or asks to be called back ("Bel mij
 * terug") on the public site. One transaction writes the case, the personal data and the
 * anonymous registration; only then does the parent see the confirmation page, so an
 * acknowledged question is never lost. The confirmation mail is written to the outbox in the same
 * transaction; the sender job delivers it (and retries while SMTP is down).
 */
import { MOMENTS, PRIVACY_VERSION } from '$lib/contacten';
import { withTenant } from '../db';
import { casePerson, contactCase, registration } from '../db/schema';
import { queueMail } from '../platform/outbox';
import { getSteunpuntBySlug, type PublicSteunpunt } from '../platform/tenant';
import { suggestTopics } from '../signalering/topic-classifier';
import { parse } from '../validation';
import { ValidationError } from '../errors';
import { addEvent, dueText } from './cases';
import { findRegionGemeenten } from '../platform/region';
import { newReference } from '../platform/references';
import { confirmationMail } from './mails';
import { personalToken } from './links';
import { ZAskQuestionInput, ZCallbackInput } from './schemas';
import { checkHumanSubmission, limitSubmissions } from '../platform/spam';
import { addWorkingDays, dayInNL } from '$lib/working-days';

export interface Submitted {
	reference: string;
	dueText: string;
	mailed: boolean;
}

interface NewCase {
	steunpuntId: string;
	source: 'vraag' | 'terugbellen';
	person: Omit<typeof casePerson.$inferInsert, 'caseId' | 'steunpuntId'>;
	registration: Omit<typeof registration.$inferInsert, 'steunpuntId' | 'day'>;
	responseDays: number;
	now: Date;
	/** The confirmation mail, when the parent gave an address. */
	confirmation: { origin: string; steunpunt: PublicSteunpunt; kind: 'vraag' | 'terugbellen'; email: string | null; name: string | null };
}

async function createCase(input: NewCase): Promise<Submitted> {
	const today = dayInNL(input.now);
	const dueOn = addWorkingDays(today, input.responseDays);
	const due = dueText(input.responseDays, dueOn);
	for (let attempt = 0; ; attempt++) {
		const reference = newReference();
		try {
			await withTenant(input.steunpuntId, async (tx) => {
				const [created] = await tx
					.insert(contactCase)
					.values({ steunpuntId: input.steunpuntId, reference, source: input.source, dueOn })
					.returning({ id: contactCase.id });
				await tx.insert(casePerson).values({ ...input.person, caseId: created.id, steunpuntId: input.steunpuntId });
				const [reg] = await tx
					.insert(registration)
					.values({ ...input.registration, steunpuntId: input.steunpuntId, day: today })
					.returning({ id: registration.id });
				await addEvent(tx, {
					caseId: created.id,
					steunpuntId: input.steunpuntId,
					userId: null,
					kind: 'aangemaakt',
					data: { source: input.source, registrationId: reg.id }
				});
				const { confirmation: c } = input;
				if (c.email) {
					const token = await personalToken(created.id);
					const mail = confirmationMail({ origin: c.origin, steunpunt: c.steunpunt, token, reference, kind: c.kind, dueText: due, name: c.name });
					await queueMail(tx, { to: c.email, steunpuntId: input.steunpuntId, ...mail });
				}
			});
			return { reference, dueText: due, mailed: !!input.confirmation.email };
		} catch (e) {
			// A reference collision (1 in a billion) gets a new reference; anything else is real.
			if (attempt < 3 && String((e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code) === '23505') continue;
			throw e;
		}
	}
}

const topicsOf = (text: string) =>
	suggestTopics(text, { limit: 3 })
		.filter((t) => t.score >= 0.3)
		.map((t) => t.slug);

/** "Stel je vraag". Anyone may ask; the honeypot, fill-in time and rate limits keep bots out. */
export async function askQuestion(options: { slug: string; client: string; origin: string; input: Record<string, unknown>; now?: Date }): Promise<Submitted> {
	const steunpunt = await getSteunpuntBySlug(options.slug);
	await checkHumanSubmission({ purpose: `vraag:${steunpunt.id}`, token: options.input.formtijd, honeypot: options.input.website });
	// Every attempt counts (also rejected ones), so a bot cannot probe the form without limit.
	await limitSubmissions({ kind: 'vraag', steunpuntId: steunpunt.id, client: options.client });
	const data = parse(ZAskQuestionInput, options.input);
	if (data.gemeente && !(await findRegionGemeenten(steunpunt.id)).some((g) => g.code === data.gemeente))
		throw new ValidationError({ gemeente: 'Kies een gemeente uit de lijst.' });
	const wantsContact = data.antwoord !== 'geen';
	const now = options.now ?? new Date();
	const created = await createCase({
		steunpuntId: steunpunt.id,
		source: 'vraag',
		responseDays: steunpunt.responseDays,
		now,
		person: {
			// Only when they asked for contact do we keep how to reach them.
			name: wantsContact ? data.naam : null,
			phone: wantsContact ? (data.telefoon ?? null) : null,
			email: wantsContact || data.opvolgen ? (data.email ?? null) : null,
			question: data.vraag,
			contactPreference: data.antwoord,
			followUpByMail: data.opvolgen && !!data.email,
			consentVersion: PRIVACY_VERSION,
			consentAt: now
		},
		confirmation: {
			origin: options.origin,
			steunpunt,
			kind: 'vraag',
			email: wantsContact || data.opvolgen ? (data.email ?? null) : null,
			name: wantsContact ? data.naam : null
		},
		registration: {
			channel: 'web',
			who: data.wie ?? 'ouder',
			schoolType: data.schooltype ?? null,
			phase: data.fase ?? null,
			ageGroup: data.leeftijd ?? null,
			gemeenteCode: data.gemeente ?? null,
			topics: topicsOf(data.vraag)
		}
	});
	return created;
}

/** "Bel mij terug", with the moments that suit the parent. */
export async function requestCallback(options: {
	slug: string;
	client: string;
	origin: string;
	input: Record<string, unknown>;
	now?: Date;
}): Promise<Submitted> {
	const steunpunt = await getSteunpuntBySlug(options.slug);
	await checkHumanSubmission({ purpose: `terugbellen:${steunpunt.id}`, token: options.input.formtijd, honeypot: options.input.website });
	await limitSubmissions({ kind: 'terugbellen', steunpuntId: steunpunt.id, client: options.client });
	const data = parse(ZCallbackInput, options.input);
	const now = options.now ?? new Date();
	const moments = [...MOMENTS.filter((m) => data.momenten.includes(m.value)).map((m) => m.label), data.toelichtingMoment].filter(Boolean).join('; ');
	const created = await createCase({
		steunpuntId: steunpunt.id,
		source: 'terugbellen',
		responseDays: steunpunt.responseDays,
		now,
		person: {
			name: data.naam,
			phone: data.telefoon ?? null,
			email: data.email ?? null,
			question: data.onderwerp,
			preferredMoments: moments || null,
			contactPreference: 'bellen',
			followUpByMail: data.opvolgen && !!data.email,
			consentVersion: PRIVACY_VERSION,
			consentAt: now
		},
		confirmation: { origin: options.origin, steunpunt, kind: 'terugbellen', email: data.email ?? null, name: data.naam },
		registration: { channel: 'terugbellen', who: data.wie ?? 'ouder', topics: data.onderwerp ? topicsOf(data.onderwerp) : [] }
	});
	return created;
}
