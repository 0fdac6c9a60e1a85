/**
 * The inbox: web questions, call-back requests and the cases staff started. Overdue first, then
 * by due date. A consulent sees only the cases referred to them. Listing shows names, so every
 * view writes one audit record.
 */
import { and, asc, count, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { SOURCES, STATUSES, labelOf, values } from '$lib/contacten';
import { withTenant } from '../db';
import { appUser, casePerson, contactCase } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';
import { dayInNL } from '$lib/working-days';

export const PAGE_SIZE = 50;
export const COUNT_CAP = 1000;

const ZInboxFilter = z.object({
	status: z.enum(['open', 'alle', ...values(STATUSES)]).catch('open'),
	bron: z.enum(['alle', ...values(SOURCES)]).catch('alle'),
	toegewezen: z.enum(['alle', 'mij', 'niemand']).catch('alle'),
	pagina: z.coerce.number().int().min(1).max(10_000).catch(1),
	/** A reference ("V-K7M3Q9"), or part of a name, mail address or phone number. */
	zoek: z.string().trim().max(100).catch('').default('')
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

/** One page of the inbox, with the filter as understood. */
export interface Inbox {
	items: InboxItem[];
	/** Matching cases, counted up to COUNT_CAP. */
	total: number;
	/** More than COUNT_CAP match. */
	more: boolean;
	filter: InboxFilter;
	/** Number of pages; null when the count was capped. */
	pages: number | null;
	canHandle: boolean;
}

/** One line of the daily list "op te volgen". */
export interface FollowUpItem {
	id: string;
	reference: string;
	statusLabel: string;
	followUpOn: string;
	name: string | null;
	canMail: boolean;
}

/** Lists cases for the inbox, filtered (the query string); unknown filter values fall back to the default. */
export async function findInbox(actor: Actor, filterInput: Record<string, unknown>, now = new Date()): Promise<Inbox> {
	const steunpuntId = tenantOf(actor, policies.canListCases(actor));
	const filter = ZInboxFilter.parse(filterInput);
	const today = dayInNL(now);
	const where: SQL[] = [eq(contactCase.steunpuntId, steunpuntId)];
	if (!policies.canHandleCases(actor)) where.push(eq(contactCase.consulentId, actor.userId!));
	if (filter.status === 'open') where.push(ne(contactCase.status, 'afgesloten'));
	else if (filter.status !== 'alle') where.push(eq(contactCase.status, filter.status));
	if (filter.bron !== 'alle') where.push(eq(contactCase.source, filter.bron));
	if (filter.toegewezen === 'mij') where.push(eq(contactCase.assignedTo, actor.userId!));
	if (filter.toegewezen === 'niemand') where.push(isNull(contactCase.assignedTo));
	if (/^V-[2-9A-HJ-NP-Z]{6}$/i.test(filter.zoek)) where.push(eq(contactCase.reference, filter.zoek.toUpperCase()));
	else if (filter.zoek.length >= 2) {
		const like = `%${filter.zoek.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		// Phone numbers compare as digits (+31 read as 0), so 0612345678 finds "06 12345678".
		const digits = filter.zoek.replace(/\D/g, '').replace(/^(0031|31)/, '0');
		const phone = digits.length >= 4 && /^[0-9 +()-]+$/.test(filter.zoek.trim()) ? `%${digits}%` : null;
		where.push(
			sql`exists (select 1 from ${casePerson} p where p.case_id = ${contactCase.id} and (p.name ilike ${like} or p.email ilike ${like} or p.phone like ${like}${phone ? sql` or p.phone_digits like ${phone}` : sql``}))`
		);
	}
	const overdue = sql<boolean>`(${contactCase.status} <> 'afgesloten' and ${contactCase.dueOn} < ${today}::date)`;
	return withTenant(steunpuntId, async (tx) => {
		// Counting stops at COUNT_CAP: an exact count of thousands of cases costs more than the page.
		const capped = tx
			.select({ one: sql`1` })
			.from(contactCase)
			.where(and(...where))
			.limit(COUNT_CAP + 1)
			.as('capped');
		const [{ counted }] = await tx.select({ counted: count() }).from(capped);
		const total = Math.min(counted, COUNT_CAP);
		const more = counted > COUNT_CAP;
		// One page of cases first (index order: due date, then arrival), then their people: the
		// join touches 50 rows, not the whole steunpunt.
		const order =
			filter.status === 'alle'
				? [sql`${contactCase.status} = 'afgesloten'`, asc(contactCase.dueOn), asc(contactCase.createdAt)]
				: [asc(contactCase.dueOn), asc(contactCase.createdAt)];
		const cases = await tx
			.select({
				id: contactCase.id,
				reference: contactCase.reference,
				source: contactCase.source,
				status: contactCase.status,
				dueOn: contactCase.dueOn,
				followUpOn: contactCase.followUpOn,
				createdAt: contactCase.createdAt,
				assignedToId: contactCase.assignedTo,
				overdue
			})
			.from(contactCase)
			.where(and(...where))
			.orderBy(...order)
			.limit(PAGE_SIZE)
			.offset((filter.pagina - 1) * PAGE_SIZE);
		const ids = cases.map((c) => c.id);
		const people = ids.length
			? await tx
					.select({ caseId: casePerson.caseId, name: casePerson.name, question: sql<string | null>`left(${casePerson.question}, 120)` })
					.from(casePerson)
					.where(inArray(casePerson.caseId, ids))
			: [];
		const staffIds = [...new Set(cases.map((c) => c.assignedToId).filter((x): x is string => !!x))];
		const staff = staffIds.length ? await tx.select({ id: appUser.id, naam: appUser.naam }).from(appUser).where(inArray(appUser.id, staffIds)) : [];
		const personOf = new Map(people.map((p) => [p.caseId, p]));
		const staffOf = new Map(staff.map((u) => [u.id, u.naam]));
		const rows = cases.map((c) => ({
			...c,
			assignedTo: c.assignedToId ? (staffOf.get(c.assignedToId) ?? null) : null,
			name: personOf.get(c.id)?.name ?? null,
			question: personOf.get(c.id)?.question ?? null
		}));
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
		return { items, total, more, filter, pages: more ? null : Math.max(1, Math.ceil(total / PAGE_SIZE)), canHandle: policies.canHandleCases(actor) };
	});
}

/** The daily list "op te volgen": open cases whose follow-up date has come. */
export async function findFollowUps(actor: Actor, now = new Date()): Promise<FollowUpItem[]> {
	const steunpuntId = tenantOf(actor, policies.canListCases(actor));
	const today = dayInNL(now);
	const where: SQL[] = [eq(contactCase.steunpuntId, steunpuntId), ne(contactCase.status, 'afgesloten'), sql`${contactCase.followUpOn} <= ${today}::date`];
	if (!policies.canHandleCases(actor)) where.push(eq(contactCase.consulentId, actor.userId!));
	return withTenant(steunpuntId, async (tx) => {
		const rows = await tx
			.select({
				id: contactCase.id,
				reference: contactCase.reference,
				status: contactCase.status,
				followUpOn: contactCase.followUpOn,
				name: casePerson.name,
				byMail: casePerson.followUpByMail,
				email: casePerson.email
			})
			.from(contactCase)
			.leftJoin(casePerson, eq(casePerson.caseId, contactCase.id))
			.where(and(...where))
			.orderBy(asc(contactCase.followUpOn))
			.limit(500);
		await recordAudit(tx, actor, { action: 'case.list', entity: 'contact_case', detail: { list: 'op-te-volgen', shown: rows.length } });
		return rows.map((r) => ({
			id: r.id,
			reference: r.reference,
			statusLabel: labelOf(STATUSES, r.status),
			followUpOn: r.followUpOn!,
			name: r.name,
			canMail: !!(r.byMail && r.email)
		}));
	});
}
