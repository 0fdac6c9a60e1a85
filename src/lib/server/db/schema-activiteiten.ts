/**
 * Activiteiten: oudercafés, passend-onderwijscafés, themamiddagen and online meetings, with
 * sign-ups, a first-in-first-out waiting list and anonymous feedback.
 * Personal data (names, addresses, phone numbers, needs, tokens) lives only in `activity_signup`
 * and is wiped a set number of days after the activity (default 30); the rows stay with their
 * status, size and check-in, so the counts for the figures remain. `activity_feedback` is
 * anonymous from the start.
 */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser, steunpunt } from './schema-core';
import { registration } from './schema-contacten';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tenant = () =>
	uuid('steunpunt_id')
		.notNull()
		.references(() => steunpunt.id, { onDelete: 'cascade' });

export const activity = pgTable(
	'activity',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: tenant(),
		/** oudercafe | po-cafe | themamiddag | online */
		kind: text('kind').notNull(),
		title: text('title').notNull(),
		theme: text('theme'),
		/** ouders | ouders-professionals | iedereen | jongeren */
		audience: text('audience').notNull(),
		description: text('description'),
		startsAt: ts('starts_at').notNull(),
		endsAt: ts('ends_at').notNull(),
		online: boolean('online').notNull().default(false),
		locationName: text('location_name'),
		address: text('address'),
		place: text('place'),
		accessibility: text('accessibility'),
		/** The meeting link of an online activity: only in mails to confirmed participants. */
		onlineUrl: text('online_url'),
		capacity: integer('capacity').notNull(),
		/** How many people one sign-up may bring (the parent included). */
		maxPerSignup: integer('max_per_signup').notNull().default(2),
		/** How long someone from the waiting list has to take a freed place. */
		offerHours: integer('offer_hours').notNull().default(48),
		seriesId: uuid('series_id'),
		status: text('status').notNull().default('gepland'),
		/** Bumped on every change; the iCalendar SEQUENCE, so calendars update the event. */
		sequence: integer('sequence').notNull().default(0),
		/** Topics discussed, counted in the signalering through `registrationId`. */
		topics: text('topics').array().notNull().default([]),
		registrationId: uuid('registration_id').references(() => registration.id, { onDelete: 'set null' }),
		feedbackSentAt: ts('feedback_sent_at'),
		personalDataPurgedAt: ts('personal_data_purged_at'),
		createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
		createdAt: ts('created_at').notNull().defaultNow(),
		updatedAt: ts('updated_at').notNull().defaultNow()
	},
	(t) => [
		index('activity_tenant_start').on(t.steunpuntId, t.startsAt),
		index('activity_start').on(t.startsAt),
		check('activity_capacity', sql`${t.capacity} between 1 and 1000`),
		check('activity_max_per_signup', sql`${t.maxPerSignup} between 1 and 10`),
		check('activity_offer_hours', sql`${t.offerHours} between 1 and 336`),
		check('activity_times', sql`${t.endsAt} > ${t.startsAt}`)
	]
);

/**
 * One sign-up: bevestigd, wachtlijst, aangeboden (a freed place offered, waiting for the person
 * to take it before `offerExpiresAt`), geannuleerd or verlopen (the offer was not taken).
 * `queueNo` orders the waiting list: first in, first out.
 */
export const activitySignup = pgTable(
	'activity_signup',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: tenant(),
		activityId: uuid('activity_id')
			.notNull()
			.references(() => activity.id, { onDelete: 'cascade' }),
		queueNo: bigserial('queue_no', { mode: 'number' }).notNull(),
		status: text('status').notNull(),
		people: smallint('people').notNull().default(1),
		/** ouder | professional | jongere | anders */
		who: text('who').notNull().default('ouder'),
		name: text('name'),
		email: text('email'),
		phone: text('phone'),
		/** The phone number as digits only, +31/0031 read as 0: what search and person lookup compare. */
		phoneDigits: text('phone_digits').generatedAlwaysAs(
			sql`nullif(regexp_replace(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '^(0031|31)', '0'), '')`
		),
		needs: text('needs').array().notNull().default([]),
		needsNote: text('needs_note'),
		consentVersion: text('consent_version'),
		/** The personal link (the id plus an HMAC, see links.ts) works until this moment. */
		tokenExpiresAt: ts('token_expires_at'),
		/** Was ever on the waiting list (for the figures: how much the list is used). */
		wasWaiting: boolean('was_waiting').notNull().default(false),
		offeredAt: ts('offered_at'),
		offerExpiresAt: ts('offer_expires_at'),
		confirmedAt: ts('confirmed_at'),
		cancelledAt: ts('cancelled_at'),
		checkedInAt: ts('checked_in_at'),
		remindedAt: ts('reminded_at'),
		feedbackSentAt: ts('feedback_sent_at'),
		/** The feedback link works once. */
		feedbackGiven: boolean('feedback_given').notNull().default(false),
		createdAt: ts('created_at').notNull().defaultNow(),
		updatedAt: ts('updated_at').notNull().defaultNow()
	},
	(t) => [index('activity_signup_activity').on(t.activityId, t.status, t.queueNo), check('activity_signup_people', sql`${t.people} between 1 and 10`)]
);

/** Anonymous feedback after an activity: no link to the sign-up or the person. */
export const activityFeedback = pgTable(
	'activity_feedback',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: tenant(),
		activityId: uuid('activity_id')
			.notNull()
			.references(() => activity.id, { onDelete: 'cascade' }),
		useful: smallint('useful').notNull(),
		nextTime: text('next_time'),
		createdAt: ts('created_at').notNull().defaultNow()
	},
	(t) => [index('activity_feedback_activity').on(t.activityId), check('activity_feedback_useful', sql`${t.useful} between 1 and 5`)]
);
