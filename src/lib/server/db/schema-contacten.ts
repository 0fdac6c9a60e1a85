/**
 * Vragen en contacten. Two sides that are never joined for reporting:
 * - `registration`: the anonymous registration of every contact (signalering). It has no link to
 *   a case or a person; figures read only this table.
 * - the case file (`contact_case` and the tables hanging from it): personal data — names, phone,
 *   mail, the question in the parent's words, notes. Deleted as a whole after the retention period.
 * The only link between the two is one-way: a case's history event of kind `contact` names the
 * registration it created, and that event goes when the case goes.
 */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser, steunpunt } from './schema-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tenant = () =>
	uuid('steunpunt_id')
		.notNull()
		.references(() => steunpunt.id, { onDelete: 'cascade' });

/** Anonymous: what a contact was about. No names, no free text, no case id. */
export const registration = pgTable(
	'registration',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: tenant(),
		day: date('day', { mode: 'string' }).notNull(),
		channel: text('channel').notNull(),
		who: text('who').notNull(),
		schoolType: text('school_type'),
		phase: text('phase'),
		ageGroup: text('age_group'),
		gemeenteCode: text('gemeente_code'),
		topics: text('topics').array().notNull().default([]),
		topicsConfirmed: boolean('topics_confirmed').notNull().default(false),
		outcome: text('outcome'),
		referralKind: text('referral_kind'),
		durationMinutes: integer('duration_minutes'),
		createdAt: ts('created_at').notNull().defaultNow()
	},
	(t) => [index('registration_tenant_day').on(t.steunpuntId, t.day)]
);

/** A case: one parent's question followed through, from first contact to closing. */
export const contactCase = pgTable(
	'contact_case',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: tenant(),
		/** Short reference the parent can quote on the phone, e.g. "V-K7M3Q9". */
		reference: text('reference').notNull(),
		source: text('source').notNull(),
		status: text('status').notNull().default('nieuw'),
		assignedTo: uuid('assigned_to').references(() => appUser.id, { onDelete: 'set null' }),
		consulentId: uuid('consulent_id').references(() => appUser.id, { onDelete: 'set null' }),
		dueOn: date('due_on', { mode: 'string' }).notNull(),
		followUpOn: date('follow_up_on', { mode: 'string' }),
		createdAt: ts('created_at').notNull().defaultNow(),
		updatedAt: ts('updated_at').notNull().defaultNow(),
		closedAt: ts('closed_at')
	},
	(t) => [
		uniqueIndex('contact_case_reference').on(t.steunpuntId, t.reference),
		index('contact_case_inbox').on(t.steunpuntId, t.status, t.dueOn, t.createdAt),
		// The inbox's default view (everything open), in its own order.
		index('contact_case_open')
			.on(t.steunpuntId, t.dueOn, t.createdAt)
			.where(sql`status <> 'afgesloten'`),
		index('contact_case_consulent').on(t.steunpuntId, t.consulentId),
		index('contact_case_follow_up').on(t.steunpuntId, t.followUpOn),
		index('contact_case_closed').on(t.closedAt)
	]
);

/**
 * The person behind a case: personal data, deleted with the case. The personal link in every
 * mail is derived from the case id with a secret key (contacten/links.ts), so it needs no column.
 */
export const casePerson = pgTable('case_person', {
	caseId: uuid('case_id')
		.primaryKey()
		.references(() => contactCase.id, { onDelete: 'cascade' }),
	steunpuntId: tenant(),
	name: text('name'),
	phone: text('phone'),
	/** The phone number as digits only, +31/0031 read as 0: what search and person lookup compare. */
	phoneDigits: text('phone_digits').generatedAlwaysAs(
		sql`nullif(regexp_replace(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '^(0031|31)', '0'), '')`
	),
	email: text('email'),
	question: text('question'),
	preferredMoments: text('preferred_moments'),
	/** bellen | mailen | geen */
	contactPreference: text('contact_preference').notNull(),
	/** The parent agreed that we mail later to ask how it goes. */
	followUpByMail: boolean('follow_up_by_mail').notNull().default(false),
	consentVersion: text('consent_version'),
	consentAt: ts('consent_at')
});

/** The history of a case: every change, note, contact, referral and mail. Personal (notes). */
export const caseEvent = pgTable(
	'case_event',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		caseId: uuid('case_id')
			.notNull()
			.references(() => contactCase.id, { onDelete: 'cascade' }),
		steunpuntId: tenant(),
		at: ts('at').notNull().defaultNow(),
		userId: uuid('user_id').references(() => appUser.id, { onDelete: 'set null' }),
		kind: text('kind').notNull(),
		text: text('text'),
		data: jsonb('data').$type<Record<string, unknown>>().notNull().default({})
	},
	(t) => [index('case_event_case').on(t.caseId, t.at)]
);

/** Outside organisations a steunpunt refers to (pre-filled from the escalation route). */
export const organisation = pgTable(
	'organisation',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: tenant(),
		name: text('name').notNull(),
		description: text('description'),
		phone: text('phone'),
		website: text('website'),
		createdAt: ts('created_at').notNull().defaultNow()
	},
	(t) => [uniqueIndex('organisation_name').on(t.steunpuntId, t.name)]
);

/** A referral: to a consulent of the SWV, to the buddy programme, or to an outside organisation. */
export const referral = pgTable(
	'referral',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		caseId: uuid('case_id')
			.notNull()
			.references(() => contactCase.id, { onDelete: 'cascade' }),
		steunpuntId: tenant(),
		kind: text('kind').notNull(),
		consulentId: uuid('consulent_id').references(() => appUser.id, { onDelete: 'set null' }),
		organisationId: uuid('organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
		organisationName: text('organisation_name'),
		handedOver: text('handed_over'),
		parentAgreed: boolean('parent_agreed').notNull(),
		createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
		createdAt: ts('created_at').notNull().defaultNow()
	},
	(t) => [index('referral_tenant_kind').on(t.steunpuntId, t.kind, t.createdAt)]
);

/** A "Hoe gaat het nu?" mail and the parent's answer. */
export const followUp = pgTable('follow_up', {
	id: uuid('id').primaryKey().defaultRandom(),
	caseId: uuid('case_id')
		.notNull()
		.references(() => contactCase.id, { onDelete: 'cascade' }),
	steunpuntId: tenant(),
	tokenHash: text('token_hash').notNull().unique(),
	sentAt: ts('sent_at').notNull().defaultNow(),
	expiresAt: ts('expires_at').notNull(),
	answeredAt: ts('answered_at'),
	trend: text('trend'),
	supported: smallint('supported'),
	comment: text('comment')
});

/** Anonymous: how supported parents felt, for figures. No case id. */
export const supportScore = pgTable(
	'support_score',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: tenant(),
		day: date('day', { mode: 'string' }).notNull(),
		trend: text('trend').notNull(),
		supported: smallint('supported')
	},
	(t) => [index('support_score_tenant_day').on(t.steunpuntId, t.day)]
);

/** A parent's request for inzage or deletion, made through the personal link in a mail. */
export const privacyRequest = pgTable(
	'privacy_request',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: tenant(),
		caseId: uuid('case_id').references(() => contactCase.id, { onDelete: 'set null' }),
		reference: text('reference').notNull(),
		kind: text('kind').notNull(),
		/** dossier: only the record the link belongs to; persoon: everything about this person in the steunpunt. */
		scope: text('scope').notNull().default('dossier'),
		/** What the personal link belongs to: case | signup | buddy_request, and its id. */
		source: text('source').notNull().default('case'),
		sourceId: uuid('source_id'),
		/** After carrying out: what was found or removed, per table (counts only, no personal data). */
		outcome: jsonb('outcome').$type<Record<string, number>>(),
		createdAt: ts('created_at').notNull().defaultNow(),
		handledAt: ts('handled_at'),
		handledBy: uuid('handled_by').references(() => appUser.id, { onDelete: 'set null' })
	},
	(t) => [index('privacy_request_tenant').on(t.steunpuntId, t.handledAt)]
);

/**
 * Topics staff confirmed, as the classifier's in-vocabulary stems only (never the text itself),
 * replayed into the topic classifier at start so it improves from daily use.
 */
export const topicConfirmation = pgTable('topic_confirmation', {
	id: bigserial('id', { mode: 'number' }).primaryKey(),
	steunpuntId: tenant(),
	terms: text('terms').array().notNull(),
	topics: text('topics').array().notNull(),
	createdAt: ts('created_at').notNull().defaultNow()
});

/** Secrets the app instances share (e.g. the key that signs form timestamps against spam). */
export const appSecret = pgTable('app_secret', {
	name: text('name').primaryKey(),
	value: text('value').notNull()
});
