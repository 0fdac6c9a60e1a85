/**
 * The database schema. Two kinds of tables:
 * - national reference data and the national text library (no tenant: public facts);
 * - tenant-owned tables, each with `steunpunt_id`, filtered in every query and protected by
 *   row-level security (see drizzle/0001_rls.sql).
 */
import { bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// ---------------------------------------------------------------- reference data (national)

export const gemeente = pgTable('gemeente', {
	code: text('code').primaryKey(),
	naam: text('naam').notNull(),
	provincie: text('provincie').notNull()
});

/** 4-digit postcode → main municipality (2026) and its PO/VO samenwerkingsverband (2015 regulation). */
export const pc4 = pgTable('pc4', {
	pc4: text('pc4').primaryKey(),
	gemeenteCode: text('gemeente_code'),
	swvPo: text('swv_po'),
	swvVo: text('swv_vo')
});

export const woonplaats = pgTable(
	'woonplaats',
	{
		code: text('code').primaryKey(),
		naam: text('naam').notNull(),
		gemeenteCode: text('gemeente_code').notNull()
	},
	(t) => [index('woonplaats_naam_idx').on(t.naam)]
);

export const swv = pgTable('swv', {
	code: text('code').primaryKey(),
	sector: text('sector').notNull(),
	naam: text('naam'),
	website: text('website'),
	steunpuntId: uuid('steunpunt_id').references(() => steunpunt.id, { onDelete: 'set null' })
});

export const swvGemeente = pgTable(
	'swv_gemeente',
	{
		swvCode: text('swv_code').notNull(),
		gemeenteCode: text('gemeente_code').notNull(),
		sector: text('sector').notNull(),
		aandeel: real('aandeel').notNull()
	},
	(t) => [primaryKey({ columns: [t.swvCode, t.gemeenteCode] })]
);

export const school = pgTable(
	'school',
	{
		vestigingscode: text('vestigingscode').primaryKey(),
		naam: text('naam').notNull(),
		soort: text('soort').notNull(),
		plaats: text('plaats'),
		postcode: text('postcode'),
		pc4: text('pc4'),
		gemeenteCode: text('gemeente_code'),
		swvPo: text('swv_po'),
		swvVo: text('swv_vo'),
		website: text('website')
	},
	(t) => [index('school_naam_idx').on(t.naam)]
);

// ---------------------------------------------------------------- tenants and people

export const steunpunt = pgTable('steunpunt', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	naam: text('naam').notNull(),
	telefoon: text('telefoon'),
	email: text('email'),
	openingstijden: text('openingstijden'),
	intro: text('intro'),
	/** Regional details for the routekaart, keyed by the step's `regional` field. */
	regioInfo: jsonb('regio_info').$type<Record<string, string>>().notNull().default({}),
	responseDays: integer('response_days').notNull().default(3),
	reviewersRequired: integer('reviewers_required').notNull().default(2),
	/** Months after closing a case before its personal data is deleted (the registration stays). */
	retentionMonths: integer('retention_months').notNull().default(12),
	/** A buddy can be matched while their VOG (certificate of conduct) is younger than this. */
	vogMaxYears: integer('vog_max_years').notNull().default(3),
	/** Remind a buddy to log contact after this many weeks without a contact moment. */
	buddyCheckInWeeks: integer('buddy_check_in_weeks').notNull().default(4),
	/** Days after an activity before its participants' personal data is deleted (the counts stay). */
	activityRetentionDays: integer('activity_retention_days').notNull().default(30),
	/** Months the audit log is kept (it holds who read which record; AVG accountability). */
	auditRetentionMonths: integer('audit_retention_months').notNull().default(24),
	createdAt: ts('created_at').notNull().defaultNow()
});

export const appUser = pgTable('app_user', {
	id: uuid('id').primaryKey().defaultRandom(),
	email: text('email').notNull().unique(),
	naam: text('naam').notNull(),
	passwordHash: text('password_hash').notNull(),
	totpSecret: text('totp_secret'),
	totpEnabledAt: ts('totp_enabled_at'),
	/** The 30-second step of the last accepted code: a code is accepted once. */
	totpLastStep: integer('totp_last_step'),
	isLandelijk: boolean('is_landelijk').notNull().default(false),
	createdAt: ts('created_at').notNull().defaultNow(),
	disabledAt: ts('disabled_at')
});

export const membership = pgTable(
	'membership',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: uuid('steunpunt_id')
			.notNull()
			.references(() => steunpunt.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => appUser.id, { onDelete: 'cascade' }),
		role: text('role').notNull()
	},
	(t) => [uniqueIndex('membership_unique').on(t.steunpuntId, t.userId, t.role)]
);

export const session = pgTable('session', {
	/** sha-256 of the cookie token: a stolen database does not give usable cookies. */
	id: text('id').primaryKey(),
	userId: uuid('user_id')
		.notNull()
		.references(() => appUser.id, { onDelete: 'cascade' }),
	createdAt: ts('created_at').notNull().defaultNow(),
	expiresAt: ts('expires_at').notNull(),
	twoFactorVerified: boolean('two_factor_verified').notNull().default(false)
});

export const loginThrottle = pgTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull().default(0),
	windowStart: ts('window_start').notNull().defaultNow(),
	lockedUntil: ts('locked_until')
});

export const passwordReset = pgTable('password_reset', {
	tokenHash: text('token_hash').primaryKey(),
	userId: uuid('user_id')
		.notNull()
		.references(() => appUser.id, { onDelete: 'cascade' }),
	expiresAt: ts('expires_at').notNull(),
	usedAt: ts('used_at')
});

export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		steunpuntId: uuid('steunpunt_id'),
		userId: uuid('user_id'),
		action: text('action').notNull(),
		entity: text('entity').notNull(),
		entityId: text('entity_id'),
		at: ts('at').notNull().defaultNow(),
		detail: jsonb('detail').$type<Record<string, unknown>>()
	},
	(t) => [index('audit_log_tenant_at').on(t.steunpuntId, t.at)]
);

export interface MailAttachment {
	filename: string;
	contentType: string;
	content: string;
}

export const mailOutbox = pgTable(
	'mail_outbox',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: uuid('steunpunt_id'),
		to: text('to').notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		html: text('html'),
		/** Written while SMTP was configured: the retry job may send it. Demo mail (no SMTP) never is. */
		viaSmtp: boolean('via_smtp').notNull().default(false),
		/** Files sent with the mail (e.g. an activity's .ics), content as text. */
		attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
		/** wacht (queued) | verstuurd (sent) | mislukt (gave up after MAX attempts; retry by hand). */
		status: text('status').notNull().default('wacht'),
		attempts: integer('attempts').notNull().default(0),
		/** The sender job picks it up from this moment (backoff after a failure; lease while sending). */
		nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
		/** The last SMTP error as a code (e.g. "550", "ECONNREFUSED"): never the address or the text. */
		lastError: text('last_error'),
		/** The body holds personal data that should not outlive delivery (an inzage export): wiped when sent. */
		eraseAfterSend: boolean('erase_after_send').notNull().default(false),
		createdAt: ts('created_at').notNull().defaultNow(),
		sentAt: ts('sent_at')
	},
	(t) => [index('mail_outbox_due').on(t.status, t.nextAttemptAt), index('mail_outbox_tenant').on(t.steunpuntId, t.createdAt)]
);

// ---------------------------------------------------------------- kennisbank: national library

export const libraryText = pgTable('library_text', {
	slug: text('slug').primaryKey(),
	title: text('title').notNull(),
	phase: text('phase').notNull(),
	topics: text('topics').array().notNull(),
	subject: text('subject').notNull(),
	audience: text('audience').notNull(),
	summary: text('summary').notNull(),
	body: text('body').notNull(),
	keywords: text('keywords').array().notNull(),
	related: text('related').array().notNull(),
	version: integer('version').notNull().default(1),
	updatedAt: ts('updated_at').notNull().defaultNow()
});

export const glossaryTerm = pgTable('glossary_term', {
	slug: text('slug').primaryKey(),
	term: text('term').notNull(),
	aliases: text('aliases').array().notNull(),
	definition: text('definition').notNull()
});

export const routeStep = pgTable('route_step', {
	slug: text('slug').primaryKey(),
	position: integer('position').notNull(),
	title: text('title').notNull(),
	who: text('who').notNull(),
	what: text('what').notNull(),
	tips: text('tips').array().notNull(),
	costs: text('costs'),
	deadlines: text('deadlines'),
	regional: text('regional')
});

// ---------------------------------------------------------------- kennisbank: per steunpunt

/** A steunpunt's own text, or its adaptation of a national one (same slug overrides it). */
export const text_ = pgTable(
	'text',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: uuid('steunpunt_id')
			.notNull()
			.references(() => steunpunt.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		librarySlug: text('library_slug'),
		/** The national version this adaptation was based on: a newer one is shown to editors. */
		libraryVersion: integer('library_version'),
		publishedVersionId: uuid('published_version_id'),
		reviewBefore: date('review_before', { mode: 'string' }),
		createdAt: ts('created_at').notNull().defaultNow()
	},
	(t) => [uniqueIndex('text_tenant_slug').on(t.steunpuntId, t.slug)]
);

export const textVersion = pgTable(
	'text_version',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: uuid('steunpunt_id')
			.notNull()
			.references(() => steunpunt.id, { onDelete: 'cascade' }),
		textId: uuid('text_id')
			.notNull()
			.references(() => text_.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		title: text('title').notNull(),
		phase: text('phase').notNull(),
		topics: text('topics').array().notNull(),
		subject: text('subject').notNull(),
		audience: text('audience').notNull().default('ouder'),
		summary: text('summary').notNull(),
		body: text('body').notNull(),
		keywords: text('keywords').array().notNull(),
		related: text('related').array().notNull(),
		/** concept → ter-review → gepubliceerd → vervangen */
		status: text('status').notNull().default('concept'),
		readability: jsonb('readability').$type<{ score: number; passes: boolean }>(),
		overrideReason: text('override_reason'),
		createdBy: uuid('created_by'),
		createdAt: ts('created_at').notNull().defaultNow(),
		publishedAt: ts('published_at')
	},
	(t) => [uniqueIndex('text_version_number').on(t.textId, t.number)]
);

export const textReview = pgTable(
	'text_review',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: uuid('steunpunt_id')
			.notNull()
			.references(() => steunpunt.id, { onDelete: 'cascade' }),
		versionId: uuid('version_id')
			.notNull()
			.references(() => textVersion.id, { onDelete: 'cascade' }),
		reviewerId: uuid('reviewer_id').notNull(),
		supported: boolean('supported').notNull(),
		comment: text('comment'),
		createdAt: ts('created_at').notNull().defaultNow()
	},
	(t) => [uniqueIndex('text_review_once').on(t.versionId, t.reviewerId)]
);

export const textFeedback = pgTable(
	'text_feedback',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		steunpuntId: uuid('steunpunt_id')
			.notNull()
			.references(() => steunpunt.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		helped: boolean('helped').notNull(),
		comment: text('comment'),
		createdAt: ts('created_at').notNull().defaultNow()
	},
	(t) => [index('text_feedback_tenant_slug').on(t.steunpuntId, t.slug)]
);

/** Public rate-limit counters (feedback, search abuse): per client key and window. */
export const rateLimit = pgTable('rate_limit', {
	key: text('key').primaryKey(),
	count: integer('count').notNull().default(0),
	windowStart: ts('window_start').notNull().defaultNow()
});
