/**
 * Signing up, the waiting list and the personal link.
 *
 * Places are counted under a row lock on the activity (`select … for update`): every sign-up,
 * change, cancellation and offer for one activity waits for the one before it, so the activity
 * is never overbooked, also with many sign-ups at the same moment and with several app
 * instances. A freed place is offered to the first on the waiting list whose group fits; they
 * have the activity's `offerHours` to take it, then the next one is asked.
 */
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { HOLDS_PLACE, SIGNUP_STATUSES, labelOf } from '$lib/activiteiten';
import { PRIVACY_VERSION } from '$lib/contacten';
import { withTenant, type Db } from '../db';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';
import { activity, activitySignup } from '../db/schema';
import { randomUUID } from 'node:crypto';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '../errors';
import { parse } from '../validation';
import { queueMail, type Mail } from '../platform/outbox';
import { getSteunpuntById, getSteunpuntBySlug, type PublicSteunpunt } from '../platform/tenant';
import { checkHumanSubmission, limitSubmissions } from '../platform/spam';
import { uuidLike } from '../platform/fields';
import { cancelledMail, confirmationMail, icsAttachment, offerExpiredMail, offerMail, waitingListMail, type MailActivity } from './mails';
import { ZChangeInput, ZSignupInput } from './schemas';
import { prepareLinks, signupIdFromToken, signupToken } from './links';
import { formatWhen } from './time';

type Activity = typeof activity.$inferSelect;
type Signup = typeof activitySignup.$inferSelect;

/** A link that no longer works: 410 with a clear message. */
export class GoneError extends DomainError {
	constructor(message: string) {
		super(410, message);
	}
}

export interface MailContext {
	origin: string;
}

/** Mails are collected inside the transaction and sent after it committed. */
type Outgoing = Mail[];

async function lockActivity(tx: Db, steunpuntId: string, id: string): Promise<Activity> {
	if (!uuidLike.test(id)) throw new NotFoundError();
	const [a] = await tx
		.select()
		.from(activity)
		.where(and(eq(activity.id, id), eq(activity.steunpuntId, steunpuntId)))
		.for('update');
	if (!a) throw new NotFoundError();
	return a;
}

/** People holding a place (confirmed, or offered and not yet expired). */
export async function placesTaken(tx: Db, activityId: string): Promise<number> {
	const [{ n }] = await tx
		.select({ n: sql<number>`coalesce(sum(${activitySignup.people}), 0)::int` })
		.from(activitySignup)
		.where(and(eq(activitySignup.activityId, activityId), inArray(activitySignup.status, [...HOLDS_PLACE])));
	return n;
}

function mailActivity(a: Activity): MailActivity {
	return {
		id: a.id,
		title: a.title,
		startsAt: a.startsAt,
		endsAt: a.endsAt,
		online: a.online,
		locationName: a.locationName,
		address: a.address,
		place: a.place,
		onlineUrl: a.onlineUrl,
		sequence: a.sequence,
		updatedAt: a.updatedAt,
		description: a.description
	};
}

function hostOf(origin: string): string {
	try {
		return new URL(origin).hostname;
	} catch {
		return 'steunpunt.local';
	}
}

function confirmation(sp: PublicSteunpunt, a: Activity, s: Pick<Signup, 'email' | 'name' | 'people'>, token: string, ctx: MailContext): Mail | null {
	if (!s.email) return null;
	return {
		steunpuntId: sp.id,
		to: s.email,
		...confirmationMail({ origin: ctx.origin, steunpunt: sp, activity: mailActivity(a), token, name: s.name, people: s.people }),
		attachments: [icsAttachment({ origin: ctx.origin, steunpunt: sp, activity: mailActivity(a), host: hostOf(ctx.origin) })]
	};
}

/**
 * Offers freed places to the waiting list, first in first out: each time the first whose group
 * fits in the free places. The caller holds the activity lock.
 */
export async function offerFreedPlaces(tx: Db, sp: PublicSteunpunt, a: Activity, ctx: MailContext, now: Date, out: Outgoing): Promise<number> {
	if (a.status !== 'gepland' || a.startsAt <= now) return 0;
	let free = a.capacity - (await placesTaken(tx, a.id));
	let offered = 0;
	while (free > 0) {
		const [next] = await tx
			.select()
			.from(activitySignup)
			.where(and(eq(activitySignup.activityId, a.id), eq(activitySignup.status, 'wachtlijst'), sql`${activitySignup.people} <= ${free}`))
			.orderBy(asc(activitySignup.queueNo))
			.limit(1);
		if (!next) break;
		const until = new Date(Math.min(now.getTime() + a.offerHours * 3_600_000, a.startsAt.getTime()));
		const token = await signupToken(next.id);
		await tx.update(activitySignup).set({ status: 'aangeboden', offeredAt: now, offerExpiresAt: until, updatedAt: now }).where(eq(activitySignup.id, next.id));
		if (next.email)
			out.push({
				steunpuntId: sp.id,
				to: next.email,
				...offerMail({ origin: ctx.origin, steunpunt: sp, activity: mailActivity(a), token, name: next.name, until })
			});
		free -= next.people;
		offered++;
	}
	return offered;
}

/** Offers whose time ran out become `verlopen`, and their places go to the next in line. */
async function expireOffersIn(tx: Db, sp: PublicSteunpunt, a: Activity, ctx: MailContext, now: Date, out: Outgoing): Promise<number> {
	const expired = await tx
		.update(activitySignup)
		.set({ status: 'verlopen', updatedAt: now })
		.where(and(eq(activitySignup.activityId, a.id), eq(activitySignup.status, 'aangeboden'), lt(activitySignup.offerExpiresAt, now)))
		.returning({ email: activitySignup.email, name: activitySignup.name });
	for (const e of expired)
		if (e.email)
			out.push({ steunpuntId: sp.id, to: e.email, ...offerExpiredMail({ origin: ctx.origin, steunpunt: sp, activity: mailActivity(a), name: e.name }) });
	if (expired.length) await offerFreedPlaces(tx, sp, a, ctx, now, out);
	return expired.length;
}

/** Writes the collected mails to the outbox, in the transaction of the change they report. */
async function queueAll(tx: Db, out: Outgoing): Promise<void> {
	for (const mail of out) await queueMail(tx, mail);
}

/** Runs `fn` with the activity locked; the mails it collected go to the outbox in the same transaction. */
async function underLock<T>(
	sp: PublicSteunpunt,
	activityId: string,
	ctx: MailContext,
	now: Date,
	fn: (tx: Db, a: Activity, out: Outgoing) => Promise<T>
): Promise<T> {
	const out: Outgoing = [];
	await prepareLinks();
	let result: T;
	try {
		result = await withTenant(sp.id, async (tx) => {
			const a = await lockActivity(tx, sp.id, activityId);
			await expireOffersIn(tx, sp, a, ctx, now, out);
			const value = await fn(tx, a, out);
			await queueAll(tx, out);
			return value;
		});
	} catch (error) {
		// A refusal (a late acceptance, a full activity) rolled back the settling of offers that ran
		// out as well; settle them on their own, so the next in line is asked now, not at the job.
		if (error instanceof DomainError && !(error instanceof NotFoundError)) await settleExpiredOffers(sp, activityId, ctx, now);
		throw error;
	}
	return result;
}

async function settleExpiredOffers(sp: PublicSteunpunt, activityId: string, ctx: MailContext, now: Date): Promise<void> {
	const out: Outgoing = [];
	await withTenant(sp.id, async (tx) => {
		await expireOffersIn(tx, sp, await lockActivity(tx, sp.id, activityId), ctx, now, out);
		await queueAll(tx, out);
	});
}

export interface SignupResult {
	signupId: string;
	status: 'bevestigd' | 'wachtlijst';
	token: string;
	position: number | null;
}

function checkOpen(a: Activity, now: Date) {
	if (a.status !== 'gepland') throw new ValidationError({ form: 'Deze activiteit gaat niet door. Aanmelden kan niet meer.' });
	if (a.startsAt <= now) throw new ValidationError({ form: 'Deze activiteit is al begonnen. Aanmelden kan niet meer.' });
}

async function insertSignup(
	tx: Db,
	sp: PublicSteunpunt,
	a: Activity,
	data: ReturnType<typeof ZSignupInput.parse>,
	ctx: MailContext,
	now: Date,
	out: Outgoing
): Promise<SignupResult> {
	checkOpen(a, now);
	if (data.aantal > a.maxPerSignup)
		throw new ValidationError({ aantal: `Je kunt je aanmelden met hooguit ${a.maxPerSignup} ${a.maxPerSignup === 1 ? 'persoon' : 'personen'}.` });
	if (a.audience === 'ouders' && data.wie === 'professional')
		throw new ValidationError({ wie: 'Deze activiteit is alleen voor ouders en verzorgers. Kijk in de agenda voor een passend-onderwijscafé.' });
	const taken = await placesTaken(tx, a.id);
	const free = a.capacity - taken;
	const [{ waiting, fitting }] = await tx
		.select({ waiting: sql<number>`count(*)::int`, fitting: sql<number>`(count(*) filter (where ${activitySignup.people} <= ${free}))::int` })
		.from(activitySignup)
		.where(and(eq(activitySignup.activityId, a.id), eq(activitySignup.status, 'wachtlijst')));
	// Nobody jumps the queue: while someone waiting fits into the free places, a newcomer waits
	// too. A place nobody waiting fits into goes to the newcomer, as offerFreedPlaces would give it
	// to the first whose group fits; otherwise it would stay empty.
	const status = fitting === 0 && data.aantal <= free ? 'bevestigd' : 'wachtlijst';
	const id = randomUUID();
	const token = await signupToken(id);
	const [row] = await tx
		.insert(activitySignup)
		.values({
			id,
			steunpuntId: sp.id,
			activityId: a.id,
			status,
			people: data.aantal,
			who: data.wie,
			name: data.naam,
			email: data.email ?? null,
			phone: data.telefoon ?? null,
			needs: data.behoeften,
			needsNote: data.toelichting,
			consentVersion: PRIVACY_VERSION,
			tokenExpiresAt: a.endsAt,
			wasWaiting: status === 'wachtlijst',
			confirmedAt: status === 'bevestigd' ? now : null,
			createdAt: now,
			updatedAt: now
		})
		.returning();
	let position: number | null = null;
	if (status === 'bevestigd') {
		const mail = confirmation(sp, a, row, token, ctx);
		if (mail) out.push(mail);
	} else {
		position = waiting + 1;
		if (row.email)
			out.push({
				steunpuntId: sp.id,
				to: row.email,
				...waitingListMail({ origin: ctx.origin, steunpunt: sp, activity: mailActivity(a), token, name: row.name, position })
			});
	}
	return { signupId: id, status, token, position };
}

/** The fields of a form, as posted: the domain function validates them. */
type FormFields = Record<string, unknown>;

/** The public sign-up: the steunpunt and activity (from the route), who posts, and the form under `input`. */
export interface SignUpInput extends MailContext {
	slug: string;
	activityId: string;
	/** The client address, for the rate limit. */
	client: string;
	input: FormFields;
}

/** A parent or professional signs up on the public site (spam guards as for questions). */
export async function signUp(input: SignUpInput, now = new Date()): Promise<SignupResult> {
	const sp = await getSteunpuntBySlug(input.slug);
	const ctx: MailContext = { origin: input.origin };
	if (!uuidLike.test(input.activityId)) throw new NotFoundError();
	await checkHumanSubmission({
		purpose: `activiteit:${input.activityId}`,
		token: input.input.formtijd,
		honeypot: input.input.website,
		now: now.getTime()
	});
	await limitSubmissions({ kind: 'activiteit', steunpuntId: sp.id, client: input.client });
	const data = parse(ZSignupInput, input.input);
	return underLock(sp, input.activityId, ctx, now, (tx, a, out) => insertSignup(tx, sp, a, data, ctx, now, out));
}

/**
 * The fields of a back-office form about one activity, then the activity (from the route) and
 * `origin` for the links in the mails, spread after the fields so a field never overrides them.
 */
export interface ParticipantInput extends FormFields, MailContext {
	activityId: string;
}

/** The regisseur adds someone who signed up by phone or at the door (no spam guards). Audited. */
export async function addParticipant(actor: Actor, input: ParticipantInput, now = new Date()): Promise<SignupResult> {
	const steunpuntId = tenantOf(actor, policies.canManageActivities(actor));
	const { activityId } = input;
	const ctx: MailContext = { origin: input.origin };
	const sp = await getSteunpuntById(steunpuntId);
	const data = parse(ZSignupInput, input);
	const result = await underLock(sp, activityId, ctx, now, (tx, a, out) => insertSignup(tx, sp, a, data, ctx, now, out));
	await withTenant(steunpuntId, (tx) =>
		recordAudit(tx, actor, { action: 'activity.signup_add', entity: 'activity', entityId: activityId, detail: { status: result.status } })
	);
	return result;
}

// ------------------------------------------------------------------------- the personal link

async function signupByToken(tx: Db, steunpuntId: string, token: string, now: Date): Promise<Signup> {
	const id = await signupIdFromToken(token);
	if (!id) throw new NotFoundError('Deze link klopt niet. Kijk of je de hele link uit de mail hebt gebruikt.');
	const [s] = await tx
		.select()
		.from(activitySignup)
		.where(and(eq(activitySignup.id, id), eq(activitySignup.steunpuntId, steunpuntId)));
	if (!s) throw new NotFoundError('Deze link werkt niet (meer). Misschien zijn je gegevens al gewist.');
	if (s.tokenExpiresAt && s.tokenExpiresAt <= now) throw new GoneError('Deze link is verlopen: de activiteit is voorbij.');
	return s;
}

export interface OwnSignup {
	status: string;
	statusLabel: string;
	people: number;
	needs: string[];
	needsNote: string | null;
	phone: string | null;
	name: string | null;
	position: number | null;
	offerExpiresAt: Date | null;
	activity: { id: string; title: string; when: string; where: string; maxPerSignup: number; started: boolean; cancelled: boolean };
}

/** The personal link: the steunpunt and token from the route; `origin` for the links in the mails. */
export interface OwnSignupInput extends MailContext {
	slug: string;
	token: string;
}

/** What the personal link shows: the sign-up, its place in the queue and what can be done. */
export async function getOwnSignup(input: OwnSignupInput, now = new Date()): Promise<OwnSignup> {
	const sp = await getSteunpuntBySlug(input.slug);
	const ctx: MailContext = { origin: input.origin };
	await prepareLinks();
	const s = await withTenant(sp.id, (tx) => signupByToken(tx, sp.id, input.token, now));
	// An offer that ran out is settled first, so the page never shows a stale offer.
	if (s.status === 'aangeboden' && s.offerExpiresAt && s.offerExpiresAt < now) await underLock(sp, s.activityId, ctx, now, async () => undefined);
	return withTenant(sp.id, async (tx) => {
		const [fresh] = await tx.select().from(activitySignup).where(eq(activitySignup.id, s.id));
		const [a] = await tx.select().from(activity).where(eq(activity.id, s.activityId));
		let position: number | null = null;
		if (fresh.status === 'wachtlijst') {
			const [{ n }] = await tx
				.select({ n: sql<number>`count(*)::int` })
				.from(activitySignup)
				.where(and(eq(activitySignup.activityId, a.id), eq(activitySignup.status, 'wachtlijst'), sql`${activitySignup.queueNo} <= ${fresh.queueNo}`));
			position = n;
		}
		return {
			status: fresh.status,
			statusLabel: labelOf(SIGNUP_STATUSES, fresh.status),
			people: fresh.people,
			needs: fresh.needs,
			needsNote: fresh.needsNote,
			phone: fresh.phone,
			name: fresh.name,
			position,
			offerExpiresAt: fresh.status === 'aangeboden' ? fresh.offerExpiresAt : null,
			activity: {
				id: a.id,
				title: a.title,
				when: formatWhen(a.startsAt, a.endsAt),
				where: a.online ? 'Online' : [a.locationName, a.address, a.place].filter(Boolean).join(', '),
				maxPerSignup: a.maxPerSignup,
				started: a.startsAt <= now,
				cancelled: a.status !== 'gepland'
			}
		};
	});
}

/** A sign-up of the locked activity, locked too (404 when it is not one of its sign-ups). */
async function lockSignup(tx: Db, signupId: string, a: Activity): Promise<Signup> {
	const [s] = await tx
		.select()
		.from(activitySignup)
		.where(and(eq(activitySignup.id, signupId), eq(activitySignup.activityId, a.id)))
		.for('update');
	if (!s) throw new NotFoundError();
	return s;
}

/** Signs off: the place (if held) goes to the waiting list; the person gets a mail. */
async function cancelSignup(tx: Db, sp: PublicSteunpunt, a: Activity, s: Signup, ctx: MailContext, now: Date, out: Outgoing): Promise<void> {
	await tx.update(activitySignup).set({ status: 'geannuleerd', cancelledAt: now, updatedAt: now }).where(eq(activitySignup.id, s.id));
	if (s.email)
		out.push({
			steunpuntId: sp.id,
			to: s.email,
			...cancelledMail({ steunpunt: sp, activity: mailActivity(a), name: s.name, waiting: s.status === 'wachtlijst' })
		});
	await offerFreedPlaces(tx, sp, a, ctx, now, out);
}

/** Takes an offered place: confirmed, with the confirmation mail and .ics. */
async function takePlace(tx: Db, sp: PublicSteunpunt, a: Activity, s: Signup, ctx: MailContext, now: Date, out: Outgoing): Promise<void> {
	await tx.update(activitySignup).set({ status: 'bevestigd', confirmedAt: now, offerExpiresAt: null, updatedAt: now }).where(eq(activitySignup.id, s.id));
	const mail = confirmation(sp, a, s, await signupToken(s.id), ctx);
	if (mail) out.push(mail);
}

/** Loads the sign-up behind a link under the activity lock, refusing what can no longer change. */
async function lockedOwn(tx: Db, signupId: string, a: Activity, now: Date): Promise<Signup> {
	const s = await lockSignup(tx, signupId, a);
	if (s.status === 'geannuleerd') throw new GoneError('Je hebt je al afgemeld. Deze link werkt niet meer.');
	if (s.status === 'verlopen') throw new GoneError('De plek is naar de volgende op de wachtlijst gegaan, omdat we niet op tijd van je hoorden.');
	if (a.status !== 'gepland') throw new GoneError('Deze activiteit gaat niet door.');
	if (a.startsAt <= now) throw new GoneError('De activiteit is al begonnen. Je kunt je aanmelding niet meer veranderen.');
	return s;
}

async function ownIds(sp: PublicSteunpunt, token: string, now: Date): Promise<{ activityId: string; signupId: string }> {
	await prepareLinks();
	return withTenant(sp.id, async (tx) => {
		const s = await signupByToken(tx, sp.id, token, now);
		return { activityId: s.activityId, signupId: s.id };
	});
}

/** Cancels through the personal link; a held place goes to the waiting list. */
export async function cancelOwnSignup(input: OwnSignupInput, now = new Date()): Promise<void> {
	const sp = await getSteunpuntBySlug(input.slug);
	const ctx: MailContext = { origin: input.origin };
	const { activityId, signupId } = await ownIds(sp, input.token, now);
	await underLock(sp, activityId, ctx, now, async (tx, a, out) => {
		await cancelSignup(tx, sp, a, await lockedOwn(tx, signupId, a, now), ctx, now, out);
	});
}

/** Takes an offered place through the link, before the offer runs out. */
export async function acceptOffer(input: OwnSignupInput, now = new Date()): Promise<void> {
	const sp = await getSteunpuntBySlug(input.slug);
	const ctx: MailContext = { origin: input.origin };
	const { activityId, signupId } = await ownIds(sp, input.token, now);
	await underLock(sp, activityId, ctx, now, async (tx, a, out) => {
		const s = await lockedOwn(tx, signupId, a, now);
		if (s.status === 'bevestigd') throw new ConflictError('Je hebt de plek al genomen. Je bent aangemeld.');
		if (s.status !== 'aangeboden') throw new ValidationError({ form: 'Er is nog geen plek voor je vrij. Je krijgt een mail als dat zo is.' });
		await takePlace(tx, sp, a, s, ctx, now, out);
	});
}

/** A change through the personal link: the link (from the route) and the form under `input` (aantal, behoeften, toelichting, telefoon). */
export interface ChangeOwnSignupInput extends OwnSignupInput {
	input: FormFields;
}

/** Changes the group size, needs or phone through the link; a larger group needs free places. */
export async function changeOwnSignup(input: ChangeOwnSignupInput, now = new Date()): Promise<void> {
	const sp = await getSteunpuntBySlug(input.slug);
	const ctx: MailContext = { origin: input.origin };
	const data = parse(ZChangeInput, input.input);
	const { activityId, signupId } = await ownIds(sp, input.token, now);
	await underLock(sp, activityId, ctx, now, async (tx, a, out) => {
		const s = await lockedOwn(tx, signupId, a, now);
		if (data.aantal > a.maxPerSignup)
			throw new ValidationError({ aantal: `Je kunt je aanmelden met hooguit ${a.maxPerSignup} ${a.maxPerSignup === 1 ? 'persoon' : 'personen'}.` });
		if (!s.email && !data.telefoon) throw new ValidationError({ telefoon: 'Vul je telefoonnummer in, zodat we je kunnen bereiken.' });
		if ((HOLDS_PLACE as readonly string[]).includes(s.status) && data.aantal > s.people) {
			const free = a.capacity - (await placesTaken(tx, a.id));
			if (data.aantal - s.people > free)
				throw new ValidationError({
					aantal:
						free > 0
							? `Er ${free === 1 ? 'is' : 'zijn'} nog ${free} ${free === 1 ? 'plek' : 'plekken'} vrij. Je kunt met hooguit ${s.people + free} personen komen.`
							: `Er is geen plek meer vrij. Je kunt met hooguit ${s.people} ${s.people === 1 ? 'persoon' : 'personen'} komen.`
				});
		}
		await tx
			.update(activitySignup)
			.set({ people: data.aantal, needs: data.behoeften, needsNote: data.toelichting, phone: data.telefoon ?? (s.email ? null : s.phone), updatedAt: now })
			.where(eq(activitySignup.id, s.id));
		if (data.aantal < s.people) await offerFreedPlaces(tx, sp, a, ctx, now, out);
	});
}

// ------------------------------------------------------------------------- back office helpers

/** The sign-up a back-office form names (hidden field `aanmelding`); 404 when it is no id. */
function signupIdOf(input: Record<string, unknown>): string {
	const id = typeof input.aanmelding === 'string' ? input.aanmelding : '';
	if (!uuidLike.test(id)) throw new NotFoundError();
	return id;
}

/** The regisseur signs someone off (they phoned); their place goes to the waiting list. Audited. */
export async function removeParticipant(actor: Actor, input: ParticipantInput, now = new Date()): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canManageActivities(actor));
	const ctx: MailContext = { origin: input.origin };
	const signupId = signupIdOf(input);
	const sp = await getSteunpuntById(steunpuntId);
	await underLock(sp, input.activityId, ctx, now, async (tx, a, out) => {
		const s = await lockSignup(tx, signupId, a);
		if (s.status === 'geannuleerd' || s.status === 'verlopen') throw new ConflictError('Deze aanmelding is al afgemeld.');
		await cancelSignup(tx, sp, a, s, ctx, now, out);
		await recordAudit(tx, actor, { action: 'activity.signup_cancel', entity: 'activity', entityId: a.id, detail: { signup: s.id } });
	});
}

/** Someone without e-mail was offered a place and said yes on the phone: the regisseur takes it for them. Audited. */
export async function confirmOffer(actor: Actor, input: ParticipantInput, now = new Date()): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canManageActivities(actor));
	const ctx: MailContext = { origin: input.origin };
	const signupId = signupIdOf(input);
	const sp = await getSteunpuntById(steunpuntId);
	await underLock(sp, input.activityId, ctx, now, async (tx, a, out) => {
		const s = await lockSignup(tx, signupId, a);
		if (s.status !== 'aangeboden') throw new ConflictError('Deze plek is niet (meer) aangeboden.');
		await takePlace(tx, sp, a, s, ctx, now, out);
		await recordAudit(tx, actor, { action: 'activity.offer_confirm', entity: 'activity', entityId: a.id, detail: { signup: s.id } });
	});
}

/**
 * After a change of capacity: offer what came free. Called by updateActivity once it checked
 * the actor (the steunpunt here is the tenant it read), not from a route.
 */
export async function offerAfterChange(input: { steunpuntId: string; activityId: string } & MailContext, now = new Date()): Promise<void> {
	const sp = await getSteunpuntById(input.steunpuntId);
	const ctx: MailContext = { origin: input.origin };
	await underLock(sp, input.activityId, ctx, now, (tx, a, out) => offerFreedPlaces(tx, sp, a, ctx, now, out));
}

/** The job: settles every offer that ran out (each activity under its own lock). */
export async function expireOffers(ctx: MailContext, now = new Date()): Promise<number> {
	const { db } = await import('../db');
	const due = await db()
		.selectDistinct({ activityId: activitySignup.activityId, steunpuntId: activitySignup.steunpuntId })
		.from(activitySignup)
		.where(and(eq(activitySignup.status, 'aangeboden'), lt(activitySignup.offerExpiresAt, now)))
		.limit(500);
	let settled = 0;
	for (const d of due) {
		const sp = await getSteunpuntById(d.steunpuntId);
		await underLock(sp, d.activityId, ctx, now, async () => {
			settled++;
		});
	}
	return settled;
}
