/**
 * One case in full: the person, the question, the history, referrals and follow-ups. Every view
 * writes an audit record in the same transaction (AVG: who saw what, and when).
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { CHANNELS, CONTACT_PREFERENCES, OUTCOMES, REFERRAL_KINDS, SOURCES, STATUSES, TRENDS, labelOf } from '$lib/contacten';
import { topicBySlug } from '$lib/taxonomy';
import { withTenant, type Db } from '../db';
import { appUser, auditLog, caseEvent, casePerson, contactCase, followUp, membership, organisation, referral, registration } from '../db/schema';
import { authorize, policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';
import { NotFoundError } from '../errors';
import { uuidLike } from '../platform/fields';

/** Loads a case row the actor may work on; another steunpunt's or not-referred case → 404. */
export async function loadCase(tx: Db, actor: Actor, steunpuntId: string, caseId: string) {
	authorize(actor, steunpuntId, policies.canListCases(actor));
	if (!uuidLike.test(caseId)) throw new NotFoundError();
	const [row] = await tx
		.select()
		.from(contactCase)
		.where(and(eq(contactCase.id, caseId), eq(contactCase.steunpuntId, steunpuntId)));
	if (!row || !policies.canReadCase(actor, row)) throw new NotFoundError();
	return row;
}

/** Staff who can take a case (regisseur, beheerder, consulent), and the consulenten to refer to. */
export async function findCaseStaff(tx: Db, steunpuntId: string) {
	const rows = await tx
		.select({ id: appUser.id, naam: appUser.naam, role: membership.role })
		.from(membership)
		.innerJoin(appUser, eq(appUser.id, membership.userId))
		.where(and(eq(membership.steunpuntId, steunpuntId), inArray(membership.role, ['regisseur', 'beheerder', 'consulent'])))
		.orderBy(asc(appUser.naam));
	const staff = new Map<string, { id: string; naam: string }>();
	for (const r of rows) staff.set(r.id, { id: r.id, naam: r.naam });
	return { staff: [...staff.values()], consulenten: rows.filter((r) => r.role === 'consulent').map((r) => ({ id: r.id, naam: r.naam })) };
}

const EVENT_LABELS: Record<string, string> = {
	aangemaakt: 'Binnengekomen',
	status: 'Status gewijzigd',
	toegewezen: 'Toegewezen',
	opvolgdatum: 'Opvolgdatum gezet',
	notitie: 'Notitie',
	contact: 'Contact geregistreerd',
	doorverwijzing: 'Doorverwezen',
	onderwerpen: 'Onderwerpen bevestigd',
	opvolgmail: '"Hoe gaat het nu?" gemaild',
	antwoord: 'Antwoord van de ouder',
	privacy: 'Privacyverzoek'
};

export interface StaffRef {
	id: string;
	naam: string;
}

/** Everything on the case page. */
export interface CaseDetail {
	id: string;
	reference: string;
	source: string;
	status: string;
	statusLabel: string;
	dueOn: string;
	followUpOn: string | null;
	createdAt: Date;
	closedAt: Date | null;
	assignedTo: StaffRef | null;
	person: {
		name: string | null;
		phone: string | null;
		email: string | null;
		question: string | null;
		preferredMoments: string | null;
		contactPreference: string;
		followUpByMail: boolean;
		consent: { version: string; at: Date | null } | null;
	} | null;
	events: { id: number; at: Date; label: string; kind: string; text: string | null; by: string | null; detail: string }[];
	referrals: {
		id: string;
		kind: string;
		kindLabel: string;
		at: Date;
		handedOver: string | null;
		parentAgreed: boolean;
		consulent: string | null;
		organisation: string | null;
	}[];
	followUps: { sentAt: Date; answeredAt: Date | null; trend: string; supported: number | null; comment: string | null }[];
	registrations: {
		id: string;
		day: string;
		channel: string;
		topics: string[];
		topicLabels: string[];
		topicsConfirmed: boolean;
		outcome: string;
	}[];
	/** Who can take the case, and the consulenten to refer to. */
	staff: StaffRef[];
	consulenten: StaffRef[];
	organisations: { id: string; name: string }[];
	/** Who looked at the case (only for the beheerder; null for others). */
	views: { at: Date; who: string }[] | null;
	can: { handle: boolean; mailFollowUp: boolean };
}

/** Everything on the case page; writes `case.view` to the audit log. */
export async function getCase(actor: Actor, input: { caseId: string }): Promise<CaseDetail> {
	const steunpuntId = tenantOf(actor, policies.canListCases(actor));
	return withTenant(steunpuntId, async (tx) => {
		const c = await loadCase(tx, actor, steunpuntId, input.caseId);
		const [person] = await tx.select().from(casePerson).where(eq(casePerson.caseId, c.id));
		const events = await tx
			.select({ id: caseEvent.id, at: caseEvent.at, kind: caseEvent.kind, text: caseEvent.text, data: caseEvent.data, by: appUser.naam })
			.from(caseEvent)
			.leftJoin(appUser, eq(appUser.id, caseEvent.userId))
			.where(eq(caseEvent.caseId, c.id))
			.orderBy(desc(caseEvent.at), desc(caseEvent.id));
		const referrals = await tx
			.select({
				id: referral.id,
				kind: referral.kind,
				at: referral.createdAt,
				handedOver: referral.handedOver,
				parentAgreed: referral.parentAgreed,
				consulent: appUser.naam,
				organisation: referral.organisationName
			})
			.from(referral)
			.leftJoin(appUser, eq(appUser.id, referral.consulentId))
			.where(eq(referral.caseId, c.id))
			.orderBy(desc(referral.createdAt));
		const followUps = await tx.select().from(followUp).where(eq(followUp.caseId, c.id)).orderBy(desc(followUp.sentAt));
		const registrationIds = events.map((e) => e.data?.registrationId).filter((id): id is string => typeof id === 'string');
		const registrations = registrationIds.length ? await tx.select().from(registration).where(inArray(registration.id, registrationIds)) : [];
		const { staff, consulenten } = await findCaseStaff(tx, steunpuntId);
		const organisations = await tx
			.select({ id: organisation.id, name: organisation.name })
			.from(organisation)
			.where(eq(organisation.steunpuntId, steunpuntId))
			.orderBy(asc(organisation.name));
		const assigned = staff.find((s) => s.id === c.assignedTo);
		await recordAudit(tx, actor, { action: 'case.view', entity: 'contact_case', entityId: c.id, detail: { reference: c.reference } });
		// The beheerder sees on the case itself who looked at it (AVG: who saw what).
		const views = policies.canReadAuditLog(actor)
			? await tx
					.select({ at: auditLog.at, who: appUser.naam })
					.from(auditLog)
					.leftJoin(appUser, eq(appUser.id, auditLog.userId))
					.where(and(eq(auditLog.steunpuntId, steunpuntId), eq(auditLog.entityId, c.id), eq(auditLog.action, 'case.view')))
					.orderBy(desc(auditLog.at))
					.limit(50)
			: null;
		const handle = policies.canHandleCases(actor);
		return {
			id: c.id,
			reference: c.reference,
			source: labelOf(SOURCES, c.source),
			status: c.status,
			statusLabel: labelOf(STATUSES, c.status),
			dueOn: c.dueOn,
			followUpOn: c.followUpOn,
			createdAt: c.createdAt,
			closedAt: c.closedAt,
			assignedTo: assigned ? { id: assigned.id, naam: assigned.naam } : null,
			person: person
				? {
						name: person.name,
						phone: person.phone,
						email: person.email,
						question: person.question,
						preferredMoments: person.preferredMoments,
						contactPreference: labelOf(CONTACT_PREFERENCES, person.contactPreference),
						followUpByMail: person.followUpByMail,
						consent: person.consentVersion ? { version: person.consentVersion, at: person.consentAt } : null
					}
				: null,
			events: events.map((e) => ({
				id: e.id,
				at: e.at,
				label: EVENT_LABELS[e.kind] ?? e.kind,
				kind: e.kind,
				text: e.text,
				by: e.by,
				detail: describeEvent(e.kind, e.data ?? {})
			})),
			referrals: referrals.map((r) => ({ ...r, kindLabel: labelOf(REFERRAL_KINDS, r.kind) })),
			followUps: followUps.map((f) => ({
				sentAt: f.sentAt,
				answeredAt: f.answeredAt,
				trend: labelOf(TRENDS, f.trend),
				supported: f.supported,
				comment: f.comment
			})),
			registrations: registrations.map((r) => ({
				id: r.id,
				day: r.day,
				channel: labelOf(CHANNELS, r.channel),
				topics: r.topics,
				topicLabels: r.topics.map((t) => topicBySlug.get(t)?.label ?? t),
				topicsConfirmed: r.topicsConfirmed,
				outcome: labelOf(OUTCOMES, r.outcome)
			})),
			staff,
			consulenten,
			organisations,
			views: views?.map((v) => ({ at: v.at, who: v.who ?? 'onbekend' })) ?? null,
			can: { handle, mailFollowUp: handle && !!person?.followUpByMail && !!person?.email }
		};
	});
}

function describeEvent(kind: string, data: Record<string, unknown>): string {
	const s = (v: unknown) => (typeof v === 'string' ? v : '');
	if (kind === 'status')
		return `${labelOf(STATUSES, s(data.from))} → ${labelOf(STATUSES, s(data.to))}${data.reden === 'geen-wijziging' ? ' (vanzelf: niets meer gewijzigd binnen de bewaartermijn)' : ''}`;
	if (kind === 'toegewezen') return s(data.naam) || 'Niemand';
	if (kind === 'opvolgdatum') return s(data.on) || 'Geen opvolgdatum';
	if (kind === 'doorverwijzing') return [labelOf(REFERRAL_KINDS, s(data.soort)), s(data.naar)].filter(Boolean).join(': ');
	if (kind === 'contact')
		return [labelOf(CHANNELS, s(data.channel)), data.duration ? `${data.duration} min` : '', labelOf(OUTCOMES, s(data.outcome))].filter(Boolean).join(' · ');
	if (kind === 'antwoord') return [labelOf(TRENDS, s(data.trend)), data.supported ? `gesteund: ${data.supported} van 5` : ''].filter(Boolean).join(' · ');
	if (kind === 'privacy') return s(data.detail);
	return '';
}
