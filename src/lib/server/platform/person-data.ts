/**
 * Everything a steunpunt keeps about one person, across domains: what a parent's inzage or
 * deletion request reaches (AVG art. 15 and 17). The tables and what deletion does with them are
 * classified in personal-data.ts; this module carries that out.
 *
 * Scope of a request:
 * - `dossier`: the record the personal link belongs to (a case), plus the buddy request made from
 *   it and the mails that name its reference or carry its personal link.
 * - `persoon`: everything in this steunpunt with the same e-mail address (case-insensitive) or
 *   phone number (digits, +31 as 0): cases, buddy requests with their matches, activity sign-ups
 *   and mail.
 *
 * Deletion: a case goes as a whole (its anonymous registration stays); a buddy request and an
 * activity sign-up keep their anonymous shell (status, dates, topics: the figures) and lose every
 * name, address, number and text; sent mail goes; mail still waiting is sent first and its body is
 * wiped at sending (`erase_after_send`), so the answer to the parent's own request still arrives.
 * Runs inside the caller's transaction.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db';

export type PrivacyScope = 'dossier' | 'persoon';

export interface PersonKeys {
	/** Lower-cased e-mail address, or null. */
	email: string | null;
	/** Phone number as digits (+31/0031 read as 0), or null. */
	phoneDigits: string | null;
}

export interface PersonRecords {
	cases: { id: string; reference: string }[];
	buddyRequests: { id: string; reference: string }[];
	signups: { id: string; activityTitle: string }[];
	/** Sent, failed for good, or never to be sent (written without SMTP): deleted. */
	mailsSent: string[];
	/** Waiting for the sender: sent first, then wiped. */
	mailsWaiting: string[];
}

/** What a deletion removed, by kind: the counts stored with the request and shown in the confirmation. */
export interface ErasureOutcome {
	dossiers: number;
	buddyaanvragen: number;
	aanmeldingen: number;
	mails: number;
	/** Mails still waiting: sent first, then their content is wiped. */
	mailsNaVersturen: number;
}

/** The person's e-mail address (lower-cased) and phone number as digits, as kept with a case. */
export async function keysOfCase(tx: Db, steunpuntId: string, caseId: string): Promise<PersonKeys> {
	// phone_digits is a generated column: the same normalisation as every other phone_digits column.
	const [row] = rowsOf<{ email: string | null; phone_digits: string | null }>(
		await tx.execute(
			sql`select lower(nullif(trim(p.email), '')) as email, p.phone_digits from case_person p join contact_case c on c.id = p.case_id where c.id = ${caseId}::uuid and c.steunpunt_id = ${steunpuntId}::uuid`
		)
	);
	return { email: row?.email ?? null, phoneDigits: row?.phone_digits ?? null };
}

/** Matches a table's email / phone_digits columns against the keys (false when there are none). */
function samePerson(keys: PersonKeys, emailColumn: string, phoneColumn: string) {
	const parts = [];
	if (keys.email) parts.push(sql`lower(${sql.raw(emailColumn)}) = ${keys.email}`);
	if (keys.phoneDigits) parts.push(sql`${sql.raw(phoneColumn)} = ${keys.phoneDigits}`);
	return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** The records a request about this case reaches, in the scope asked. */
export async function findPersonRecords(tx: Db, steunpuntId: string, caseId: string, scope: PrivacyScope): Promise<PersonRecords> {
	const keys = await keysOfCase(tx, steunpuntId, caseId);
	const cases = rowsOf<{ id: string; reference: string }>(
		scope === 'dossier'
			? await tx.execute(sql`select id, reference from contact_case where id = ${caseId}::uuid and steunpunt_id = ${steunpuntId}::uuid`)
			: await tx.execute(sql`
					select c.id, c.reference from contact_case c join case_person p on p.case_id = c.id
					where c.steunpunt_id = ${steunpuntId}::uuid and (c.id = ${caseId}::uuid or ${samePerson(keys, 'p.email', 'p.phone_digits')})
					order by c.created_at`)
	);
	const caseIds = cases.length
		? sql.join(
				cases.map((c) => sql`${c.id}::uuid`),
				sql`, `
			)
		: sql`null::uuid`;
	const buddyRequests = rowsOf<{ id: string; reference: string }>(
		await tx.execute(sql`
			select id, reference from buddy_request
			where steunpunt_id = ${steunpuntId}::uuid
				and (case_id in (${caseIds})${scope === 'persoon' ? sql` or ${samePerson(keys, 'email', 'phone_digits')}` : sql``})
			order by created_at`)
	);
	const signups =
		scope === 'persoon'
			? rowsOf<{ id: string; activityTitle: string }>(
					await tx.execute(sql`
						select s.id, a.title as "activityTitle" from activity_signup s join activity a on a.id = s.activity_id
						where s.steunpunt_id = ${steunpuntId}::uuid and ${samePerson(keys, 's.email', 's.phone_digits')}
						order by s.created_at`)
				)
			: [];
	// Mail: in the dossier scope only what names one of its references; for the person all of it.
	// A mail names a record by its reference, or carries the personal link (the case id in hex).
	const references = [...cases, ...buddyRequests].map((r) => r.reference).concat(cases.map((c) => c.id.replaceAll('-', '')));
	const mailFilter =
		scope === 'persoon'
			? sql`true`
			: references.length
				? sql`(${sql.join(
						references.map((r) => sql`position(${r} in subject || ' ' || text) > 0`),
						sql` or `
					)})`
				: sql`false`;
	const mails = keys.email
		? rowsOf<{ id: string; status: string; via_smtp: boolean }>(
				await tx.execute(
					sql`select id, status, via_smtp from mail_outbox where steunpunt_id = ${steunpuntId}::uuid and lower("to") = ${keys.email} and ${mailFilter}`
				)
			)
		: [];
	// Waiting mail the sender will deliver is sent first; mail written without SMTP never leaves.
	const willBeSent = (m: { status: string; via_smtp: boolean }) => m.status === 'wacht' && m.via_smtp;
	return {
		cases,
		buddyRequests,
		signups,
		mailsSent: mails.filter((m) => !willBeSent(m)).map((m) => m.id),
		mailsWaiting: mails.filter(willBeSent).map((m) => m.id)
	};
}

const ids = (list: string[]) =>
	sql.join(
		list.map((id) => sql`${id}::uuid`),
		sql`, `
	);

/** Deletes or wipes what `findPersonRecords` found. The caller audits and answers the parent. */
export async function erasePersonRecords(tx: Db, records: PersonRecords, now: Date): Promise<ErasureOutcome> {
	if (records.cases.length) await tx.execute(sql`delete from contact_case where id in (${ids(records.cases.map((c) => c.id))})`);
	if (records.buddyRequests.length) {
		const requests = ids(records.buddyRequests.map((r) => r.id));
		await tx.execute(sql`
			update buddy_request set need = null, name = null, email = null, phone = null, case_id = null,
				status = 'afgesloten', closed_at = coalesce(closed_at, ${now.toISOString()}::timestamptz)
			where id in (${requests})`);
		await tx.execute(sql`
			update buddy_match set reflection = null, end_reason = null, reason = null, buddy_token_hash = null, survey_token_hash = null,
				status = case when status in ('voorgesteld', 'geaccepteerd', 'actief') then 'gestopt' else status end,
				ended_at = case when status in ('voorgesteld', 'geaccepteerd', 'actief') then ${now.toISOString()}::timestamptz else ended_at end
			where request_id in (${requests})`);
		await tx.execute(sql`update buddy_moment set note = null where match_id in (select id from buddy_match where request_id in (${requests}))`);
		await tx.execute(sql`update buddy_match_event set note = null where match_id in (select id from buddy_match where request_id in (${requests}))`);
	}
	if (records.signups.length) {
		await tx.execute(sql`
			update activity_signup set name = null, email = null, phone = null, needs = '{}', needs_note = null, token_expires_at = ${now.toISOString()}::timestamptz
			where id in (${ids(records.signups.map((s) => s.id))})`);
	}
	if (records.mailsSent.length) await tx.execute(sql`delete from mail_outbox where id in (${ids(records.mailsSent)})`);
	if (records.mailsWaiting.length) await tx.execute(sql`update mail_outbox set erase_after_send = true where id in (${ids(records.mailsWaiting)})`);
	return {
		dossiers: records.cases.length,
		buddyaanvragen: records.buddyRequests.length,
		aanmeldingen: records.signups.length,
		mails: records.mailsSent.length,
		mailsNaVersturen: records.mailsWaiting.length
	};
}
