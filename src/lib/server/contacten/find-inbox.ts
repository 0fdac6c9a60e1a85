/**
 * The inbox: web questions, call-back requests and the cases staff started. Overdue first, then
 * by due date. A consulent sees only the cases referred to them. Listing shows names, so every
 * view writes one audit record.
 */
import { and, asc, count, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { SOURCES, STATUSES, labelOf, values } from '$lib/contacten';
import { withTenant } from '../db';
import { appUser, casePerson, contactCase } from '../db/schema';
import { authorize, policies } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';
import { dayInNL } from './working-days';

export const PAGE_SIZE = 50;

const ZInboxFilter = z.object({
	status: z.enum(['open', 'alle', ...values(STATUSES)]).catch('open'),
	bron: z.enum(['alle', ...values(SOURCES)]).catch('alle'),
	toegewezen: z.enum(['alle', 'mij', 'niemand']).catch('alle'),
	pagina: z.coerce.number().int().min(1).max(10_000).catch(1)
});
export type InboxFilter = z.infer<typeof ZInboxFilter>;

export interface InboxItem {
	id: string;
	reference: string;
	source: string;
	status: string;
	statusLabel: string;
	dueOn: string;
	overdue: boolean;
	followUpOn: string | null;
	assignedTo: string | null;
	name: string | null;
	excerpt: string;
	createdAt: Date;
}

/** Lists cases for the inbox, filtered; unknown filter values fall back to the default. */
export async function findInbox(actor: Actor, steunpuntId: string, rawFilter: Record<string, unknown>, now = new Date()) {
	authorize(actor, steunpuntId, policies.canListCases(actor));
	const filter = ZInboxFilter.parse(rawFilter);
	const today = dayInNL(now);
	const where: SQL[] = [eq(contactCase.steunpuntId, steunpuntId)];
	if (!policies.canHandleCases(actor)) where.push(eq(contactCase.consulentId, actor.userId!));
	if (filter.status === 'open') where.push(ne(contactCase.status, 'afgesloten'));
	else if (filter.status !== 'alle') where.push(eq(contactCase.status, filter.status));
	if (filter.bron !== 'alle') where.push(eq(contactCase.source, filter.bron));
	if (filter.toegewezen === 'mij') where.push(eq(contactCase.assignedTo, actor.userId!));
	if (filter.toegewezen === 'niemand') where.push(isNull(contactCase.assignedTo));
	const overdue = sql<boolean>`(${contactCase.status} <> 'afgesloten' and ${contactCase.dueOn} < ${today}::date)`;
	return withTenant(steunpuntId, async (tx) => {
		const [{ total }] = await tx.select({ total: count() }).from(contactCase).where(and(...where));
		const rows = await tx
			.select({
				id: contactCase.id,
				reference: contactCase.reference,
				source: contactCase.source,
				status: contactCase.status,
				dueOn: contactCase.dueOn,
				followUpOn: contactCase.followUpOn,
				createdAt: contactCase.createdAt,
				overdue,
				assignedTo: appUser.naam,
				name: casePerson.name,
				question: sql<string | null>`left(${casePerson.question}, 120)`
			})
			.from(contactCase)
			.leftJoin(casePerson, eq(casePerson.caseId, contactCase.id))
			.leftJoin(appUser, eq(appUser.id, contactCase.assignedTo))
			.where(and(...where))
			.orderBy(sql`${overdue} desc`, asc(contactCase.dueOn), asc(contactCase.createdAt))
			.limit(PAGE_SIZE)
			.offset((filter.pagina - 1) * PAGE_SIZE);
		await recordAudit(tx, actor, { action: 'case.list', entity: 'contact_case', detail: { filter, shown: rows.length } });
		const items: InboxItem[] = rows.map((r) => ({
			id: r.id,
			reference: r.reference,
			source: labelOf(SOURCES, r.source),
			status: r.status,
			statusLabel: labelOf(STATUSES, r.status),
			dueOn: r.dueOn,
			overdue: r.overdue,
			followUpOn: r.followUpOn,
			assignedTo: r.assignedTo,
			name: r.name,
			excerpt: r.question ? (r.question.length >= 120 ? `${r.question.slice(0, 117)}…` : r.question) : '',
			createdAt: r.createdAt
		}));
		return { items, total, filter, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), canHandle: policies.canHandleCases(actor) };
	});
}

/** The daily list "op te volgen": open cases whose follow-up date has come. */
export async function findFollowUps(actor: Actor, steunpuntId: string, now = new Date()) {
	authorize(actor, steunpuntId, policies.canListCases(actor));
	const today = dayInNL(now);
	const where: SQL[] = [eq(contactCase.steunpuntId, steunpuntId), ne(contactCase.status, 'afgesloten'), sql`${contactCase.followUpOn} <= ${today}::date`];
	if (!policies.canHandleCases(actor)) where.push(eq(contactCase.consulentId, actor.userId!));
	return withTenant(steunpuntId, async (tx) => {
		const rows = await tx
			.select({ id: contactCase.id, reference: contactCase.reference, status: contactCase.status, followUpOn: contactCase.followUpOn, name: casePerson.name, byMail: casePerson.followUpByMail, email: casePerson.email })
			.from(contactCase)
			.leftJoin(casePerson, eq(casePerson.caseId, contactCase.id))
			.where(and(...where))
			.orderBy(asc(contactCase.followUpOn))
			.limit(500);
		await recordAudit(tx, actor, { action: 'case.list', entity: 'contact_case', detail: { list: 'op-te-volgen', shown: rows.length } });
		return rows.map((r) => ({ id: r.id, reference: r.reference, statusLabel: labelOf(STATUSES, r.status), followUpOn: r.followUpOn!, name: r.name, canMail: !!(r.byMail && r.email) }));
	});
}
