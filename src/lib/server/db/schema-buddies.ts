/**
 * Het buddyprogramma. Buddies (trained experience-expert parents), requests for a buddy, matches
 * with their history, contact moments, and the anonymous survey answers for figures.
 * Personal data (the request's need in the parent's words and contact details, notes and the
 * reflection) is wiped after the steunpunt's retention period once the request is closed; the
 * rest (states, dates, forms of contact, topics) stays for the figures, and `buddy_survey` is
 * anonymous from the start.
 */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser, steunpunt } from './schema-core';
import { contactCase } from './schema-contacten';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tenant = () =>
	uuid('steunpunt_id')
		.notNull()
		.references(() => steunpunt.id, { onDelete: 'cascade' });

export const buddy = pgTable(
	'buddy',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: tenant(),
		/** The buddy's own login (role `buddy`); a buddy without an account gets mail links only. */
		userId: uuid('user_id').references(() => appUser.id, { onDelete: 'set null' }),
		name: text('name').notNull(),
		email: text('email'),
		phone: text('phone'),
		/** The phone number as digits only, +31/0031 read as 0: what search and person lookup compare. */
		phoneDigits: text('phone_digits').generatedAlwaysAs(
			sql`nullif(regexp_replace(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '^(0031|31)', '0'), '')`
		),
		experiences: text('experiences').array().notNull().default([]),
		schoolTypes: text('school_types').array().notNull().default([]),
		gemeenten: text('gemeenten').array().notNull().default([]),
		languages: text('languages').array().notNull().default(['nl']),
		supportWays: text('support_ways').array().notNull().default([]),
		capacity: integer('capacity').notNull().default(1),
		paused: boolean('paused').notNull().default(false),
		trainingOn: date('training_on', { mode: 'string' }),
		intakeOn: date('intake_on', { mode: 'string' }),
		vogOn: date('vog_on', { mode: 'string' }),
		about: text('about'),
		createdAt: ts('created_at').notNull().defaultNow(),
		endedAt: ts('ended_at')
	},
	(t) => [
		index('buddy_tenant').on(t.steunpuntId),
		uniqueIndex('buddy_user').on(t.steunpuntId, t.userId),
		check('buddy_capacity', sql`${t.capacity} between 1 and 10`)
	]
);

/** A parent's request for a buddy: from the site, or from a case (the referral). */
export const buddyRequest = pgTable(
	'buddy_request',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: tenant(),
		reference: text('reference').notNull(),
		caseId: uuid('case_id').references(() => contactCase.id, { onDelete: 'set null' }),
		source: text('source').notNull(),
		need: text('need'),
		topics: text('topics').array().notNull().default([]),
		experiences: text('experiences').array().notNull().default([]),
		schoolType: text('school_type'),
		gemeenteCode: text('gemeente_code'),
		language: text('language'),
		supportWays: text('support_ways').array().notNull().default([]),
		name: text('name'),
		email: text('email'),
		phone: text('phone'),
		/** The phone number as digits only, +31/0031 read as 0: what search and person lookup compare. */
		phoneDigits: text('phone_digits').generatedAlwaysAs(
			sql`nullif(regexp_replace(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '^(0031|31)', '0'), '')`
		),
		consentVersion: text('consent_version'),
		consentAt: ts('consent_at'),
		status: text('status').notNull().default('aangevraagd'),
		createdAt: ts('created_at').notNull().defaultNow(),
		closedAt: ts('closed_at')
	},
	(t) => [index('buddy_request_tenant').on(t.steunpuntId, t.status), uniqueIndex('buddy_request_reference').on(t.steunpuntId, t.reference)]
);

/**
 * A match of a request with a buddy. States: voorgesteld → geaccepteerd / afgewezen → actief →
 * afgerond / gestopt. A buddy's places are held by voorgesteld, geaccepteerd and actief matches.
 */
export const buddyMatch = pgTable(
	'buddy_match',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: tenant(),
		requestId: uuid('request_id')
			.notNull()
			.references(() => buddyRequest.id, { onDelete: 'cascade' }),
		buddyId: uuid('buddy_id')
			.notNull()
			.references(() => buddy.id, { onDelete: 'cascade' }),
		status: text('status').notNull(),
		reason: text('reason'),
		proposedAt: ts('proposed_at').notNull().defaultNow(),
		acceptedAt: ts('accepted_at'),
		activeAt: ts('active_at'),
		endedAt: ts('ended_at'),
		endReason: text('end_reason'),
		/** sha-256 of the buddy's mail link to accept or decline. */
		buddyTokenHash: text('buddy_token_hash'),
		/** sha-256 of the parent's survey link, sent when the match ends. */
		surveyTokenHash: text('survey_token_hash'),
		surveyAnsweredAt: ts('survey_answered_at'),
		reflection: text('reflection'),
		lastContactOn: date('last_contact_on', { mode: 'string' }),
		lastReminderAt: ts('last_reminder_at')
	},
	(t) => [
		index('buddy_match_tenant').on(t.steunpuntId, t.status),
		index('buddy_match_buddy').on(t.buddyId, t.status),
		index('buddy_match_request').on(t.requestId)
	]
);

export const buddyMatchEvent = pgTable(
	'buddy_match_event',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		matchId: uuid('match_id')
			.notNull()
			.references(() => buddyMatch.id, { onDelete: 'cascade' }),
		steunpuntId: tenant(),
		at: ts('at').notNull().defaultNow(),
		userId: uuid('user_id').references(() => appUser.id, { onDelete: 'set null' }),
		from: text('from'),
		to: text('to').notNull(),
		note: text('note'),
		data: jsonb('data').$type<Record<string, unknown>>().notNull().default({})
	},
	(t) => [index('buddy_match_event_match').on(t.matchId, t.at)]
);

/** A contact moment the buddy logs. The note is personal; form, minutes and topics are not. */
export const buddyMoment = pgTable(
	'buddy_moment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: tenant(),
		matchId: uuid('match_id')
			.notNull()
			.references(() => buddyMatch.id, { onDelete: 'cascade' }),
		day: date('day', { mode: 'string' }).notNull(),
		form: text('form').notNull(),
		minutes: integer('minutes'),
		topics: text('topics').array().notNull().default([]),
		note: text('note'),
		createdAt: ts('created_at').notNull().defaultNow()
	},
	(t) => [index('buddy_moment_match').on(t.matchId, t.day)]
);

/** Anonymous: the parent's end-of-match survey and the buddy's reflection score. No ids. */
export const buddySurvey = pgTable(
	'buddy_survey',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: tenant(),
		day: date('day', { mode: 'string' }).notNull(),
		who: text('who').notNull(),
		supported: smallint('supported'),
		helped: text('helped'),
		better: text('better')
	},
	(t) => [index('buddy_survey_tenant').on(t.steunpuntId, t.day)]
);
