/**
 * Planning activities (the regisseur) and showing them (the public agenda of a steunpunt, the
 * national agenda). A series is the same activity on several dates, linked by `seriesId`.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import { ACTIVITY_KINDS, AUDIENCES, HOLDS_PLACE, KIND_SHORT, labelOf } from '$lib/activiteiten';
import { db, withTenant, type Db } from '../db';
import { activity, activitySignup, steunpunt } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';
import { NotFoundError, ValidationError } from '../errors';
import { oneLine, parse } from '../validation';
import { queueMail } from '../platform/outbox';
import { getSteunpuntById, getSteunpuntBySlug } from '../platform/tenant';
import { uuidLike } from '../platform/fields';
import { activityCancelledMail, changedMail, icsAttachment, whereText } from './mails';
import { prepareLinks, signupToken } from './links';
import { ZActivityInput, ZCopyInput, ZSeriesInput } from './schemas';
import { offerAfterChange, type MailContext } from './signups';
import { addLocal, dateToNlLocal, formatDay, formatWhen, nlLocalToDate } from './time';

type Activity = typeof activity.$inferSelect;
type ActivityData = ReturnType<typeof ZActivityInput.parse>;

function columns(data: ActivityData, day: string) {
	const online = data.soort === 'online';
	return {
		kind: data.soort,
		title: data.titel,
		theme: data.thema,
		audience: data.voorWie,
		description: data.beschrijving,
		startsAt: nlLocalToDate(day, data.begintijd),
		endsAt: nlLocalToDate(day, data.eindtijd),
		online,
		locationName: online ? null : data.locatie,
		address: online ? null : data.adres,
		place: online ? null : data.plaats,
		accessibility: online ? null : data.toegankelijkheid,
		onlineUrl: online ? (data.onlineLink ?? null) : null,
		capacity: data.plekken,
		maxPerSignup: data.maxPerAanmelding,
		offerHours: data.bedenktijd
	};
}

function notInPast(start: Date, now: Date, field = 'datum') {
	if (start.getTime() < now.getTime() - 86_400_000 * 365) throw new ValidationError({ [field]: 'Deze datum ligt meer dan een jaar terug.' });
}

/** Planning: the fields of ActivityForm as posted, with the optional series fields; the function validates them. */
export type CreateActivityInput = Record<string, unknown>;

/** Plans one activity, or a series of them when `herhaling` is filled in. Returns the first id. */
export async function createActivity(actor: Actor, input: CreateActivityInput, now = new Date()): Promise<string> {
	const steunpuntId = tenantOf(actor, policies.canManageActivities(actor));
	const data = parse(ZActivityInput, input);
	const days = [data.datum];
	let seriesId: string | null = null;
	if (input.reeks === 'ja') {
		const series = parse(ZSeriesInput, input);
		for (let i = 1; i < series.aantal; i++) days.push(addLocal(data.datum, series.herhaling, series.interval * i));
		seriesId = randomUUID();
	}
	notInPast(nlLocalToDate(data.datum, data.begintijd), now);
	return withTenant(steunpuntId, async (tx) => {
		const rows = await tx
			.insert(activity)
			.values(days.map((day) => ({ steunpuntId, ...columns(data, day), seriesId, createdBy: actor.userId, createdAt: now, updatedAt: now })))
			.returning({ id: activity.id });
		await recordAudit(tx, actor, { action: 'activity.create', entity: 'activity', entityId: rows[0].id, detail: { count: rows.length, title: data.titel } });
		return rows[0].id;
	});
}

/**
 * Editing: the fields of ActivityForm, then the activity (from the route) and `origin` for the
 * links in the mails, spread after the fields so a field never overrides them.
 */
export interface UpdateActivityInput extends Record<string, unknown>, MailContext {
	activityId: string;
}

/** Edits an activity. More places offer them to the waiting list; fewer never remove anyone. */
export async function updateActivity(actor: Actor, input: UpdateActivityInput, now = new Date()): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canManageActivities(actor));
	const id = input.activityId;
	const ctx: MailContext = { origin: input.origin };
	if (!uuidLike.test(id)) throw new NotFoundError();
	const data = parse(ZActivityInput, input);
	const values = columns(data, data.datum);
	notInPast(values.startsAt, now);
	const sp = await getSteunpuntById(steunpuntId);
	await prepareLinks();
	await withTenant(steunpuntId, async (tx) => {
		const [a] = await tx
			.select()
			.from(activity)
			.where(and(eq(activity.id, id), eq(activity.steunpuntId, steunpuntId)))
			.for('update');
		if (!a) throw new NotFoundError();
		if (a.status !== 'gepland') throw new ValidationError({ form: 'Deze activiteit is afgelast en kan niet meer veranderen.' });
		const [{ taken }] = await tx
			.select({ taken: sql<number>`coalesce(sum(${activitySignup.people}), 0)::int` })
			.from(activitySignup)
			.where(and(eq(activitySignup.activityId, id), inArray(activitySignup.status, [...HOLDS_PLACE])));
		if (values.capacity < taken)
			throw new ValidationError({ plekken: `Er zijn al ${taken} mensen aangemeld. Kies minstens ${taken} plekken, of meld eerst mensen af.` });
		await tx
			.update(activity)
			.set({ ...values, sequence: a.sequence + 1, updatedAt: now })
			.where(eq(activity.id, id));
		// The personal links work until the end: move that along with the activity.
		if (values.endsAt.getTime() !== a.endsAt.getTime() && !a.personalDataPurgedAt)
			await tx.update(activitySignup).set({ tokenExpiresAt: values.endsAt }).where(eq(activitySignup.activityId, id));
		await recordAudit(tx, actor, { action: 'activity.update', entity: 'activity', entityId: id, detail: { title: data.titel } });
		// A new time or place reaches everyone signed up or waiting, with the updated .ics.
		const moved =
			values.startsAt.getTime() !== a.startsAt.getTime() ||
			values.endsAt.getTime() !== a.endsAt.getTime() ||
			whereText(values) !== whereText(a) ||
			values.onlineUrl !== a.onlineUrl;
		if (!moved) return;
		const updated = { ...a, ...values, sequence: a.sequence + 1, updatedAt: now };
		const people = await tx
			.select({ id: activitySignup.id, email: activitySignup.email, name: activitySignup.name, status: activitySignup.status })
			.from(activitySignup)
			.where(and(eq(activitySignup.activityId, id), inArray(activitySignup.status, ['bevestigd', 'aangeboden', 'wachtlijst'])));
		for (const p of people) {
			if (!p.email) continue;
			const token = await signupToken(p.id);
			await queueMail(tx, {
				steunpuntId,
				to: p.email,
				...changedMail({ origin: ctx.origin, steunpunt: sp, activity: updated, token, name: p.name }),
				attachments:
					p.status === 'bevestigd' ? [icsAttachment({ origin: ctx.origin, steunpunt: sp, activity: updated, host: new URL(ctx.origin).hostname })] : []
			});
		}
	});
	await offerAfterChange({ steunpuntId, activityId: id, origin: ctx.origin }, now);
}

/** The fields of a form about one activity, then the activity from the route (spread after them: a field never overrides it). */
export interface ActivityFormInput extends Record<string, unknown> {
	activityId: string;
}

/** A copy on another date (`datum`): everything but the participants. Returns the copy's id. */
export async function copyActivity(actor: Actor, input: ActivityFormInput, now = new Date()): Promise<string> {
	const steunpuntId = tenantOf(actor, policies.canManageActivities(actor));
	const id = input.activityId;
	if (!uuidLike.test(id)) throw new NotFoundError();
	const { datum } = parse(ZCopyInput, input);
	return withTenant(steunpuntId, async (tx) => {
		const [a] = await tx
			.select()
			.from(activity)
			.where(and(eq(activity.id, id), eq(activity.steunpuntId, steunpuntId)));
		if (!a) throw new NotFoundError();
		const start = dateToNlLocal(a.startsAt).time;
		const end = dateToNlLocal(a.endsAt).time;
		const startsAt = nlLocalToDate(datum, start);
		const endsAt = nlLocalToDate(datum, end);
		notInPast(startsAt, now);
		const [copy] = await tx
			.insert(activity)
			.values({
				steunpuntId,
				kind: a.kind,
				title: a.title,
				theme: a.theme,
				audience: a.audience,
				description: a.description,
				startsAt,
				endsAt: endsAt > startsAt ? endsAt : new Date(startsAt.getTime() + (a.endsAt.getTime() - a.startsAt.getTime())),
				online: a.online,
				locationName: a.locationName,
				address: a.address,
				place: a.place,
				accessibility: a.accessibility,
				onlineUrl: a.onlineUrl,
				capacity: a.capacity,
				maxPerSignup: a.maxPerSignup,
				offerHours: a.offerHours,
				seriesId: a.seriesId,
				createdBy: actor.userId,
				createdAt: now,
				updatedAt: now
			})
			.returning({ id: activity.id });
		await recordAudit(tx, actor, { action: 'activity.copy', entity: 'activity', entityId: copy.id, detail: { from: a.id } });
		return copy.id;
	});
}

/** Calls an activity off (`reden` goes into the mail): everyone signed up or waiting gets a mail. */
export async function cancelActivity(actor: Actor, input: ActivityFormInput, now = new Date()): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canManageActivities(actor));
	const id = input.activityId;
	if (!uuidLike.test(id)) throw new NotFoundError();
	const reason = typeof input.reden === 'string' ? oneLine(input.reden).trim().slice(0, 500) || null : null;
	const sp = await getSteunpuntById(steunpuntId);
	await withTenant(steunpuntId, async (tx) => {
		const [a] = await tx
			.select()
			.from(activity)
			.where(and(eq(activity.id, id), eq(activity.steunpuntId, steunpuntId)))
			.for('update');
		if (!a) throw new NotFoundError();
		if (a.status !== 'gepland') throw new ValidationError({ form: 'Deze activiteit is al afgelast.' });
		await tx
			.update(activity)
			.set({ status: 'afgelast', sequence: a.sequence + 1, updatedAt: now })
			.where(eq(activity.id, id));
		const people = await tx
			.update(activitySignup)
			.set({ status: 'geannuleerd', cancelledAt: now, updatedAt: now })
			.where(and(eq(activitySignup.activityId, id), inArray(activitySignup.status, ['bevestigd', 'aangeboden', 'wachtlijst'])))
			.returning({ email: activitySignup.email, name: activitySignup.name });
		await recordAudit(tx, actor, { action: 'activity.cancel', entity: 'activity', entityId: id, detail: { participants: people.length } });
		for (const p of people)
			if (p.email)
				await queueMail(tx, {
					steunpuntId,
					to: p.email,
					...activityCancelledMail({ steunpunt: sp, activity: { ...a, updatedAt: now }, name: p.name, reason })
				});
	});
}

// ------------------------------------------------------------------------- presenting

export interface ActivitySummary {
	id: string;
	kind: string;
	kindLabel: string;
	title: string;
	theme: string | null;
	audience: string;
	audienceLabel: string;
	day: string;
	when: string;
	startsAt: Date;
	where: string;
	online: boolean;
	capacity: number;
	taken: number;
	placesLeft: number;
	waiting: number;
	status: string;
	seriesId: string | null;
}

function summary(a: Activity, taken: number, waiting: number): ActivitySummary {
	return {
		id: a.id,
		kind: a.kind,
		kindLabel: KIND_SHORT[a.kind] ?? a.kind,
		title: a.title,
		theme: a.theme,
		audience: a.audience,
		audienceLabel: labelOf(AUDIENCES, a.audience),
		day: formatDay(a.startsAt),
		when: formatWhen(a.startsAt, a.endsAt),
		startsAt: a.startsAt,
		where: whereText(a),
		online: a.online,
		capacity: a.capacity,
		taken,
		placesLeft: Math.max(0, a.capacity - taken),
		waiting,
		status: a.status,
		seriesId: a.seriesId
	};
}

async function counts(tx: Db, ids: string[]): Promise<Map<string, { taken: number; waiting: number }>> {
	if (!ids.length) return new Map();
	const rows = await tx
		.select({
			id: activitySignup.activityId,
			taken: sql<number>`coalesce(sum(${activitySignup.people}) filter (where ${activitySignup.status} in ('bevestigd', 'aangeboden')), 0)::int`,
			waiting: sql<number>`(count(*) filter (where ${activitySignup.status} = 'wachtlijst'))::int`
		})
		.from(activitySignup)
		.where(inArray(activitySignup.activityId, ids))
		.groupBy(activitySignup.activityId);
	return new Map(rows.map((r) => [r.id, { taken: r.taken, waiting: r.waiting }]));
}

/** The public agenda of one steunpunt: what is still to come. */
export async function findAgenda(slug: string, now = new Date()): Promise<ActivitySummary[]> {
	const sp = await getSteunpuntBySlug(slug);
	return withTenant(sp.id, async (tx) => {
		const rows = await tx
			.select()
			.from(activity)
			.where(and(eq(activity.steunpuntId, sp.id), eq(activity.status, 'gepland'), gt(activity.endsAt, now)))
			.orderBy(asc(activity.startsAt))
			.limit(200);
		const c = await counts(
			tx,
			rows.map((r) => r.id)
		);
		return rows.map((r) => summary(r, c.get(r.id)?.taken ?? 0, c.get(r.id)?.waiting ?? 0));
	});
}

/** An activity in the national agenda, with the steunpunt that organises it. */
export interface NationalActivity extends ActivitySummary {
	steunpunt: { naam: string; slug: string };
}

/** The national agenda: every steunpunt's coming activities, optionally of one kind. */
export async function findNationalAgenda(options: { kind?: string; now?: Date } = {}): Promise<NationalActivity[]> {
	const now = options.now ?? new Date();
	const kind = ACTIVITY_KINDS.some((k) => k.value === options.kind) ? options.kind : undefined;
	const rows = await db()
		.select({ a: activity, steunpuntNaam: steunpunt.naam, steunpuntSlug: steunpunt.slug })
		.from(activity)
		.innerJoin(steunpunt, eq(steunpunt.id, activity.steunpuntId))
		.where(and(eq(activity.status, 'gepland'), gt(activity.endsAt, now), kind ? eq(activity.kind, kind) : undefined))
		.orderBy(asc(activity.startsAt))
		.limit(300);
	const c = await counts(
		db(),
		rows.map((r) => r.a.id)
	);
	return rows.map((r) => ({
		...summary(r.a, c.get(r.a.id)?.taken ?? 0, c.get(r.a.id)?.waiting ?? 0),
		steunpunt: { naam: r.steunpuntNaam, slug: r.steunpuntSlug }
	}));
}

/** One activity as the public site shows it (never the meeting link). */
export interface PublicActivity extends ActivitySummary {
	description: string | null;
	locationName: string | null;
	address: string | null;
	place: string | null;
	accessibility: string | null;
	maxPerSignup: number;
	offerHours: number;
	/** Signing up is possible: planned and not yet started. */
	open: boolean;
	past: boolean;
}

/** One activity on the public site (also after it has passed, for links in old mails). */
export async function getPublicActivity(input: { slug: string; activityId: string }, now = new Date()): Promise<PublicActivity> {
	const sp = await getSteunpuntBySlug(input.slug);
	const id = input.activityId;
	if (!uuidLike.test(id)) throw new NotFoundError();
	return withTenant(sp.id, async (tx) => {
		const [a] = await tx
			.select()
			.from(activity)
			.where(and(eq(activity.id, id), eq(activity.steunpuntId, sp.id)));
		if (!a) throw new NotFoundError();
		const c = (await counts(tx, [a.id])).get(a.id) ?? { taken: 0, waiting: 0 };
		return {
			...summary(a, c.taken, c.waiting),
			description: a.description,
			locationName: a.locationName,
			address: a.address,
			place: a.place,
			accessibility: a.accessibility,
			maxPerSignup: a.maxPerSignup,
			offerHours: a.offerHours,
			open: a.status === 'gepland' && a.startsAt > now,
			past: a.endsAt <= now
		};
	});
}

/** The back-office list. */
export interface ActivityList {
	coming: ActivitySummary[];
	past: ActivitySummary[];
}

/** The back-office list: coming activities first, then the last year's. */
export async function findActivities(actor: Actor, now = new Date()): Promise<ActivityList> {
	const steunpuntId = tenantOf(actor, policies.canManageActivities(actor));
	return withTenant(steunpuntId, async (tx) => {
		const coming = await tx
			.select()
			.from(activity)
			.where(and(eq(activity.steunpuntId, steunpuntId), gt(activity.endsAt, now)))
			.orderBy(asc(activity.startsAt))
			.limit(300);
		const past = await tx
			.select()
			.from(activity)
			.where(and(eq(activity.steunpuntId, steunpuntId), lt(activity.endsAt, now), gte(activity.endsAt, new Date(now.getTime() - 400 * 86_400_000))))
			.orderBy(desc(activity.startsAt))
			.limit(100);
		const c = await counts(
			tx,
			[...coming, ...past].map((r) => r.id)
		);
		const present = (r: Activity) => summary(r, c.get(r.id)?.taken ?? 0, c.get(r.id)?.waiting ?? 0);
		return { coming: coming.map(present), past: past.map(present) };
	});
}

/** The form values of an activity, for editing. */
export function formValuesOf(a: Activity): Record<string, string> {
	const start = dateToNlLocal(a.startsAt);
	return {
		soort: a.kind,
		titel: a.title,
		thema: a.theme ?? '',
		voorWie: a.audience,
		beschrijving: a.description ?? '',
		datum: start.day,
		begintijd: start.time,
		eindtijd: dateToNlLocal(a.endsAt).time,
		locatie: a.locationName ?? '',
		adres: a.address ?? '',
		plaats: a.place ?? '',
		toegankelijkheid: a.accessibility ?? '',
		onlineLink: a.onlineUrl ?? '',
		plekken: String(a.capacity),
		maxPerAanmelding: String(a.maxPerSignup),
		bedenktijd: String(a.offerHours)
	};
}
