/**
 * "We blijven ouders volgen": a "Hoe gaat het nu?" mail when the parent agreed to mail, with a
 * one-click answer page. The answer lands back in the case; the score is also kept anonymously.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { withTenant } from '../db';
import { casePerson, contactCase, followUp, supportScore } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { newToken, sha256 } from '../auth/crypto';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { queueMail } from '../platform/outbox';
import { getSteunpuntById, getSteunpuntBySlug } from '../platform/tenant';
import { parse } from '../validation';
import { addEvent } from './cases';
import { loadCase } from './get-case';
import { personalToken } from './links';
import { followUpMail } from './mails';
import { ZFollowUpAnswerInput } from './schemas';
import { uuidLike } from '../platform/fields';
import { dayInNL } from '$lib/working-days';

const ANSWER_DAYS = 30;

/** Which case to follow up, and the site's address for the links in the mail. */
export interface SendFollowUpInput {
	caseId: string;
	origin: string;
}

/** Mails "Hoe gaat het nu?" to the parent of a case. Only when they agreed to be mailed. */
export async function sendFollowUp(actor: Actor, input: SendFollowUpInput, now = new Date()): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canHandleCases(actor));
	const { caseId, origin } = input;
	const answerToken = newToken();
	const steunpunt = await getSteunpuntById(steunpuntId);
	const accessToken = uuidLike.test(caseId) ? await personalToken(caseId) : '';
	// The mail is written to the outbox in the same transaction: no follow-up without its mail,
	// and an SMTP failure only delays it (the sender job retries).
	await withTenant(steunpuntId, async (tx) => {
		const c = await loadCase(tx, actor, steunpuntId, caseId);
		const [person] = await tx.select().from(casePerson).where(eq(casePerson.caseId, c.id));
		if (!person?.followUpByMail || !person.email)
			throw new ValidationError({ form: 'Deze ouder heeft niet gezegd dat we mogen mailen. Bel de ouder of spreek iets anders af.' });
		await tx
			.insert(followUp)
			.values({ caseId: c.id, steunpuntId, tokenHash: sha256(answerToken), sentAt: now, expiresAt: new Date(now.getTime() + ANSWER_DAYS * 86_400_000) });
		await tx
			.update(contactCase)
			.set({ followUpOn: null, status: c.status === 'afgesloten' ? c.status : 'wacht-op-ouder', updatedAt: now })
			.where(eq(contactCase.id, c.id));
		await addEvent(tx, { caseId: c.id, steunpuntId, userId: actor.userId, kind: 'opvolgmail', data: { to: person.email } });
		await queueMail(tx, { steunpuntId, to: person.email, ...followUpMail({ origin, steunpunt, accessToken, answerToken, name: person.name }) });
	});
}

async function findByToken(steunpuntId: string, token: string) {
	if (!/^[a-z2-7]{20,64}$/.test(token)) throw new NotFoundError('Deze link werkt niet. Misschien is hij niet helemaal goed overgenomen uit de mail.');
	return withTenant(steunpuntId, async (tx) => {
		const [row] = await tx
			.select()
			.from(followUp)
			.where(and(eq(followUp.tokenHash, sha256(token)), eq(followUp.steunpuntId, steunpuntId)));
		if (!row) throw new NotFoundError('Deze link werkt niet (meer). Misschien zijn je gegevens al gewist. Je kunt ons altijd bellen of mailen.');
		return row;
	});
}

/** What the answer page shows: may the parent still answer? */
export interface FollowUpQuestion {
	answered: boolean;
	expired: boolean;
}

/** The answer page: may the parent still answer? */
export async function getFollowUpQuestion(input: { slug: string; token: string }, now = new Date()): Promise<FollowUpQuestion> {
	const steunpunt = await getSteunpuntBySlug(input.slug);
	const row = await findByToken(steunpunt.id, input.token);
	return { answered: row.answeredAt !== null, expired: row.expiresAt < now };
}

/** Stores the parent's answer once; it lands in the case history and in the anonymous scores. */
export async function answerFollowUp(options: { slug: string; token: string; input: Record<string, unknown>; now?: Date }): Promise<void> {
	const steunpunt = await getSteunpuntBySlug(options.slug);
	const data = parse(ZFollowUpAnswerInput, options.input);
	const now = options.now ?? new Date();
	const row = await findByToken(steunpunt.id, options.token);
	if (row.expiresAt < now) throw new ConflictError('Deze link is verlopen. Wil je ons toch iets laten weten? Bel of mail ons gerust.');
	await withTenant(steunpunt.id, async (tx) => {
		const updated = await tx
			.update(followUp)
			.set({ answeredAt: now, trend: data.trend, supported: data.gesteund ?? null, comment: data.toelichting })
			.where(and(eq(followUp.id, row.id), eq(followUp.steunpuntId, steunpunt.id), isNull(followUp.answeredAt)))
			.returning({ id: followUp.id });
		if (updated.length === 0) throw new ConflictError('Je hebt deze vraag al beantwoord. Dank je wel!');
		await tx.insert(supportScore).values({ steunpuntId: steunpunt.id, day: dayInNL(now), trend: data.trend, supported: data.gesteund ?? null });
		await addEvent(tx, {
			caseId: row.caseId,
			steunpuntId: steunpunt.id,
			userId: null,
			kind: 'antwoord',
			text: data.toelichting,
			data: { trend: data.trend, supported: data.gesteund ?? null }
		});
		// Worse, or a wish to talk: back on the regisseur's list today.
		const back = data.trend === 'slechter' ? { status: 'in-behandeling', followUpOn: dayInNL(now), closedAt: null } : {};
		await tx
			.update(contactCase)
			.set({ updatedAt: now, ...back })
			.where(eq(contactCase.id, row.caseId));
	});
}
