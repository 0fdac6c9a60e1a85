/**
 * Working on a case: status, who takes it, the follow-up date, notes, referral and confirming
 * the topics of its registration. Each change is one transaction with its history event.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { REFERRAL_KINDS, labelOf } from '$lib/contacten';
import { withTenant, type Db } from '../db';
import { caseEvent, contactCase, organisation, referral, registration, topicConfirmation, casePerson } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { ForbiddenError, ValidationError } from '../errors';
import { parse } from '../validation';
import { confirmedTermsOf } from '../signalering/topic-classifier';
import { syncConfirmedTopics } from '../signalering/replay-confirmed';
import { addEvent } from './cases';
import { createRequestFromCase } from '../buddies/requests';
import { findCaseStaff, loadCase } from './get-case';
import { ZChangeCaseInput, ZNoteInput, ZReferInput, ZTopicsInput } from './schemas';

/**
 * The input of a change to one case: the form's fields with the case's id from the route. Callers
 * spread the form first (`{ ...values, caseId }`), so a form field cannot replace the id.
 */
export type CaseFormInput = Record<string, unknown> & { caseId: string };

/** Status, assignment and follow-up date from the "Behandeling" form. Closing stamps closedAt. */
export async function changeCase(actor: Actor, input: CaseFormInput): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canListCases(actor));
	const data = parse(ZChangeCaseInput, input);
	await withTenant(steunpuntId, async (tx) => {
		const c = await loadCase(tx, actor, steunpuntId, input.caseId);
		const base = { caseId: c.id, steunpuntId, userId: actor.userId };
		const set: Partial<typeof contactCase.$inferInsert> = { updatedAt: new Date() };
		if (data.status !== c.status) {
			set.status = data.status;
			set.closedAt = data.status === 'afgesloten' ? new Date() : null;
			await addEvent(tx, { ...base, kind: 'status', data: { from: c.status, to: data.status } });
		}
		const assignee = data.toegewezen ?? null;
		if (assignee !== c.assignedTo) {
			if (!policies.canHandleCases(actor)) throw new ForbiddenError('Alleen de regisseur kan een vraag toewijzen.');
			const person = assignee ? (await findCaseStaff(tx, steunpuntId)).staff.find((s) => s.id === assignee) : null;
			if (assignee && !person) throw new ValidationError({ toegewezen: 'Kies een medewerker uit de lijst.' });
			set.assignedTo = assignee;
			await addEvent(tx, { ...base, kind: 'toegewezen', data: { naam: person?.naam ?? '' } });
		}
		const followUpOn = data.opvolgdatum ?? null;
		if (followUpOn !== c.followUpOn) {
			set.followUpOn = followUpOn;
			await addEvent(tx, { ...base, kind: 'opvolgdatum', data: { on: followUpOn ?? '' } });
		}
		await tx.update(contactCase).set(set).where(eq(contactCase.id, c.id));
	});
}

/** A note in the case's history. */
export async function addNote(actor: Actor, input: CaseFormInput): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canListCases(actor));
	const { notitie } = parse(ZNoteInput, input);
	await withTenant(steunpuntId, async (tx) => {
		const c = await loadCase(tx, actor, steunpuntId, input.caseId);
		await addEvent(tx, { caseId: c.id, steunpuntId, userId: actor.userId, kind: 'notitie', text: notitie });
		await tx.update(contactCase).set({ updatedAt: new Date() }).where(eq(contactCase.id, c.id));
	});
}

/** The registration this case created most recently (the one-way link in its history). */
async function latestRegistrationId(tx: Db, caseId: string): Promise<string | null> {
	const [row] = await tx
		.select({ id: sql<string | null>`${caseEvent.data}->>'registrationId'` })
		.from(caseEvent)
		.where(and(eq(caseEvent.caseId, caseId), sql`(${caseEvent.data} ->> 'registrationId') is not null`))
		.orderBy(desc(caseEvent.at), desc(caseEvent.id))
		.limit(1);
	return row?.id ?? null;
}

/**
 * Refers the case: to a consulent of the SWV (it appears in their own list), to the buddy
 * programme (the buddy requests list), or to an outside organisation from the directory. Records
 * what was handed over and whether the parent agreed; the registration counts the referral.
 */
export async function referCase(actor: Actor, input: CaseFormInput): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canHandleCases(actor));
	const data = parse(ZReferInput, input);
	await withTenant(steunpuntId, async (tx) => {
		const c = await loadCase(tx, actor, steunpuntId, input.caseId);
		let target = '';
		let consulentId: string | null = null;
		let org: { id: string; name: string } | null = null;
		if (data.soort === 'consulent') {
			const consulent = (await findCaseStaff(tx, steunpuntId)).consulenten.find((s) => s.id === data.consulent);
			if (!consulent) throw new ValidationError({ consulent: 'Kies een consulent uit de lijst.' });
			consulentId = consulent.id;
			target = consulent.naam;
		}
		if (data.soort === 'extern') {
			[org] = await tx
				.select({ id: organisation.id, name: organisation.name })
				.from(organisation)
				.where(and(eq(organisation.id, data.organisatie!), eq(organisation.steunpuntId, steunpuntId)));
			if (!org) throw new ValidationError({ organisatie: 'Kies een organisatie uit de lijst.' });
			target = org.name;
		}
		await tx.insert(referral).values({
			caseId: c.id,
			steunpuntId,
			kind: data.soort,
			consulentId,
			organisationId: org?.id ?? null,
			organisationName: org?.name ?? null,
			handedOver: data.overgedragen,
			parentAgreed: data.akkoord === 'ja',
			createdBy: actor.userId
		});
		await tx
			.update(contactCase)
			.set({ status: 'doorverwezen', updatedAt: new Date(), closedAt: null, ...(consulentId ? { consulentId } : {}) })
			.where(eq(contactCase.id, c.id));
		await addEvent(tx, {
			caseId: c.id,
			steunpuntId,
			userId: actor.userId,
			kind: 'doorverwijzing',
			text: data.overgedragen,
			data: { soort: data.soort, naar: target || labelOf(REFERRAL_KINDS, data.soort), akkoord: data.akkoord }
		});
		const registrationId = await latestRegistrationId(tx, c.id);
		if (registrationId) await tx.update(registration).set({ outcome: 'doorverwijzing', referralKind: data.soort }).where(eq(registration.id, registrationId));
		// The buddy programme serves the request from here (its list "Buddy-aanvragen").
		if (data.soort === 'buddy') await createRequestFromCase(tx, { steunpuntId, caseId: c.id, reference: c.reference, need: data.overgedragen, registrationId });
	});
}

/**
 * Staff confirm (or correct) the topics of a case's registration. The classifier learns from it
 * through the in-vocabulary stems of the question only — the question itself is not kept for it.
 */
export async function confirmTopics(actor: Actor, input: CaseFormInput): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canListCases(actor));
	const { onderwerpen } = parse(ZTopicsInput, input);
	const terms = await withTenant(steunpuntId, async (tx) => {
		const c = await loadCase(tx, actor, steunpuntId, input.caseId);
		const registrationId = await latestRegistrationId(tx, c.id);
		if (!registrationId) throw new ValidationError({ onderwerpen: 'Bij deze vraag hoort nog geen registratie. Registreer eerst een contact.' });
		await tx.update(registration).set({ topics: onderwerpen, topicsConfirmed: true }).where(eq(registration.id, registrationId));
		await addEvent(tx, { caseId: c.id, steunpuntId, userId: actor.userId, kind: 'onderwerpen', data: { topics: onderwerpen } });
		const [person] = await tx.select({ question: casePerson.question }).from(casePerson).where(eq(casePerson.caseId, c.id));
		const learned = person?.question ? confirmedTermsOf(person.question) : [];
		if (learned.length) await tx.insert(topicConfirmation).values({ steunpuntId, terms: learned, topics: onderwerpen });
		return learned;
	});
	// Learned through the table (this row once, also on every other instance): replay-confirmed.ts.
	if (terms.length) await syncConfirmedTopics();
}
