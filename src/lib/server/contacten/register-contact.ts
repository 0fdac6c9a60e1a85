/**
 * The regisseur registers a contact — phone, mail, walk-in, a talk at the café — in seconds:
 * always the anonymous registration; optionally a line in an existing case, or a new case with
 * the parent's details when there is something to follow up.
 */
import { eq } from 'drizzle-orm';
import { PRIVACY_VERSION } from '$lib/contacten';
import { withTenant } from '../db';
import { casePerson, contactCase, registration, topicConfirmation } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { ValidationError } from '../errors';
import { parse } from '../validation';
import { confirmedTermsOf } from '../signalering/topic-classifier';
import { syncConfirmedTopics } from '../signalering/replay-confirmed';
import { getSteunpuntById } from '../platform/tenant';
import { addEvent } from './cases';
import { findRegionGemeenten } from '../platform/region';
import { newReference } from '../platform/references';
import { loadCase } from './get-case';
import { ZRegisterContactInput } from './schemas';
import { addWorkingDays, dayInNL } from '$lib/working-days';

export interface RegisteredContact {
	registrationId: string;
	caseId: string | null;
	reference: string | null;
}

/** Registers one contact. A consulent may add contacts to the cases referred to them. */
export async function registerContact(actor: Actor, input: Record<string, unknown>, now = new Date()): Promise<RegisteredContact> {
	const steunpuntId = tenantOf(actor, policies.canListCases(actor));
	const data = parse(ZRegisterContactInput, input);
	if (data.dossier === 'nieuw' && !policies.canHandleCases(actor)) throw new ValidationError({ dossier: 'Alleen de regisseur kan een nieuw dossier starten.' });
	if (!data.dossier && !policies.canHandleCases(actor))
		throw new ValidationError({ dossier: 'Registreer het contact bij een dossier dat naar jou is doorverwezen.' });
	if (data.gemeente && !(await findRegionGemeenten(steunpuntId)).some((g) => g.code === data.gemeente))
		throw new ValidationError({ gemeente: 'Kies een gemeente uit de lijst.' });
	const today = dayInNL(now);
	const terms = data.samenvatting ? confirmedTermsOf(data.samenvatting) : [];
	// Read-only and cached (platform/tenant.ts): looked up before the unit of work, not inside it.
	const steunpunt = data.dossier === 'nieuw' ? await getSteunpuntById(steunpuntId) : null;
	const result = await withTenant(steunpuntId, async (tx) => {
		const [reg] = await tx
			.insert(registration)
			.values({
				steunpuntId,
				day: today,
				channel: data.kanaal,
				who: data.wie,
				schoolType: data.schooltype ?? null,
				phase: data.fase ?? null,
				gemeenteCode: data.gemeente ?? null,
				topics: data.onderwerpen,
				topicsConfirmed: true,
				outcome: data.uitkomst,
				referralKind: data.uitkomst === 'doorverwijzing' ? (data.verwijzing ?? null) : null,
				durationMinutes: data.duur ?? null
			})
			.returning({ id: registration.id });
		if (terms.length) await tx.insert(topicConfirmation).values({ steunpuntId, terms, topics: data.onderwerpen });
		const eventData = { registrationId: reg.id, channel: data.kanaal, duration: data.duur ?? null, outcome: data.uitkomst };
		if (!data.dossier) return { registrationId: reg.id, caseId: null, reference: null };
		if (data.dossier !== 'nieuw') {
			const c = await loadCase(tx, actor, steunpuntId, data.dossier);
			await addEvent(tx, { caseId: c.id, steunpuntId, userId: actor.userId, kind: 'contact', text: data.samenvatting, data: eventData });
			await tx.update(contactCase).set({ updatedAt: now }).where(eq(contactCase.id, c.id));
			return { registrationId: reg.id, caseId: c.id, reference: c.reference };
		}
		const reference = newReference();
		const [created] = await tx
			.insert(contactCase)
			.values({
				steunpuntId,
				reference,
				source: 'contact',
				status: 'in-behandeling',
				assignedTo: actor.userId,
				dueOn: addWorkingDays(today, steunpunt!.responseDays),
				followUpOn: data.opvolgdatum ?? null
			})
			.returning({ id: contactCase.id });
		const hasDetails = !!(data.naam || data.telefoon || data.email);
		await tx.insert(casePerson).values({
			caseId: created.id,
			steunpuntId,
			name: data.naam,
			phone: data.telefoon ?? null,
			email: data.email ?? null,
			contactPreference: data.email ? 'mailen' : data.telefoon ? 'bellen' : 'geen',
			followUpByMail: data.opvolgen && !!data.email,
			consentVersion: hasDetails ? PRIVACY_VERSION : null,
			consentAt: hasDetails ? now : null
		});
		await addEvent(tx, { caseId: created.id, steunpuntId, userId: actor.userId, kind: 'contact', text: data.samenvatting, data: eventData });
		return { registrationId: reg.id, caseId: created.id, reference };
	});
	// Learned through the table (this row once, also on every other instance): replay-confirmed.ts.
	if (terms.length) await syncConfirmedTopics();
	return result;
}
