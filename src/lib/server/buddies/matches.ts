/**
 * Matches: voorgesteld → geaccepteerd / afgewezen (by the buddy, in their own screen or by mail
 * link) → actief (after the parent agrees) → afgerond / gestopt (with a reason). Every change is
 * a history event. A buddy's places are counted under a row lock on the buddy, so concurrent
 * proposals can never give a buddy more matches than their capacity.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { MATCH_STATUSES, MOMENT_FORMS, PLACE_HOLDING, labelFor } from '$lib/buddies/options';
import { withTenant, type Db } from '../db';
import { appUser, buddy, buddyMatch, buddyMatchEvent, buddyMoment, buddyRequest, buddySurvey } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { newToken, sha256 } from '../auth/crypto';
import { recordAudit } from '../audit/record';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { queueMail } from '../platform/outbox';
import { getSteunpuntById, getSteunpuntBySlug } from '../platform/tenant';
import { parse, withoutControl } from '../validation';
import { uuidLike } from '../platform/fields';
import { dayInNL } from '$lib/working-days';
import { ownBuddy, readiness, vogMaxYearsOf } from './buddies';
import { endMail, proposalMail } from './mails';
import { ZEndInput, ZMomentInput, ZProposeInput, ZRespondInput } from './schemas';

/** Form fields plus the match the route names (spread after the fields: a field never overrides it). */
export interface MatchFormInput extends Record<string, unknown> {
	matchId: string;
}

/** The proposal form's fields, the request the route names, and the site's address for the mail link. */
export interface ProposeMatchInput extends Record<string, unknown> {
	requestId: string;
	origin: string;
}

/** What the buddy answered to a proposal. */
export type MatchAnswer = 'geaccepteerd' | 'afgewezen';

/** One match as its page shows it, with what the actor may do next. */
export interface MatchDetail {
	id: string;
	status: string;
	statusLabel: string;
	buddyName: string;
	/** The parent's name and contact details are null for a buddy until the match is active. */
	request: { id: string; reference: string; need: string | null; topics: string[]; name: string | null; email: string | null; phone: string | null };
	proposedAt: Date;
	activeAt: Date | null;
	endedAt: Date | null;
	endReason: string | null;
	/** The buddy's reflection: for the regisseur only. */
	reflection: string | null;
	hasReflection: boolean;
	lastContactOn: string | null;
	history: { id: number; at: Date; from: string | null; to: string; note: string | null; by: string | null; toLabel: string }[];
	moments: { id: string; day: string; form: string; minutes: number | null; topics: string[]; note: string | null }[];
	can: { manage: boolean; respond: boolean; activate: boolean; end: boolean; log: boolean; reflect: boolean };
}

/** The buddy's own screen: their profile and their matches. */
export interface MyMatches {
	buddy: { name: string; paused: boolean; languages: string[]; supportWays: string[]; about: string };
	matches: { id: string; status: string; statusLabel: string; proposedAt: Date; reference: string; lastContactOn: string | null }[];
}

async function event(
	tx: Db,
	e: { matchId: string; steunpuntId: string; userId: string | null; from: string | null; to: string; note?: string | null; data?: Record<string, unknown> }
) {
	await tx.insert(buddyMatchEvent).values({ ...e, note: e.note ?? null, data: e.data ?? {} });
}

/** Who may open a match at all: the regisseur (any match) and a buddy (their own, checked in loadMatch). */
const canOpenMatch = (actor: Actor) => policies.canManageBuddies(actor) || policies.canActAsBuddy(actor);

/** Loads a match the actor may see: the regisseur any, a buddy only their own (else 404). */
async function loadMatch(tx: Db, actor: Actor, steunpuntId: string, matchId: string) {
	if (!uuidLike.test(matchId)) throw new NotFoundError();
	const [m] = await tx
		.select()
		.from(buddyMatch)
		.where(and(eq(buddyMatch.id, matchId), eq(buddyMatch.steunpuntId, steunpuntId)));
	if (!m) throw new NotFoundError();
	if (!policies.canManageBuddies(actor)) {
		const own = await ownBuddy(tx, actor);
		if (m.buddyId !== own.id) throw new NotFoundError();
	}
	return m;
}

/**
 * The regisseur proposes a ready buddy with a free place for a request; returns the new match's
 * id. `origin` is the site's address for the link in the buddy's mail.
 */
export async function proposeMatch(actor: Actor, input: ProposeMatchInput, now = new Date()): Promise<string> {
	const steunpuntId = tenantOf(actor, policies.canManageBuddies(actor));
	const { requestId, origin } = input;
	const { buddy: buddyId } = parse(ZProposeInput, input);
	if (!uuidLike.test(requestId)) throw new NotFoundError();
	const token = newToken();
	const sp = await getSteunpuntById(steunpuntId);
	const result = await withTenant(steunpuntId, async (tx) => {
		// The lock: every proposal for this buddy waits here for the one before it.
		const [b] = await tx
			.select()
			.from(buddy)
			.where(and(eq(buddy.id, buddyId), eq(buddy.steunpuntId, steunpuntId)))
			.for('update');
		if (!b) throw new ValidationError({ buddy: 'Kies een buddy uit de lijst.' });
		const [r] = await tx
			.select()
			.from(buddyRequest)
			.where(and(eq(buddyRequest.id, requestId), eq(buddyRequest.steunpuntId, steunpuntId)))
			.for('update');
		if (!r) throw new NotFoundError();
		if (r.status !== 'aangevraagd') throw new ValidationError({ form: 'Voor deze aanvraag is al een buddy voorgesteld of gekoppeld.' });
		if (!readiness(b, dayInNL(now), await vogMaxYearsOf(tx, steunpuntId)).ready)
			throw new ValidationError({ buddy: 'Deze buddy kan nu niet gekoppeld worden (training, intake, VOG of pauze).' });
		const [{ held }] = await tx
			.select({ held: sql<number>`count(*)::int` })
			.from(buddyMatch)
			.where(and(eq(buddyMatch.buddyId, b.id), inArray(buddyMatch.status, [...PLACE_HOLDING])));
		if (held >= b.capacity) throw new ValidationError({ buddy: `${b.name} heeft geen plek meer (${held} van ${b.capacity} bezet).` });
		const [m] = await tx
			.insert(buddyMatch)
			.values({ steunpuntId, requestId: r.id, buddyId: b.id, status: 'voorgesteld', proposedAt: now, buddyTokenHash: sha256(token) })
			.returning({ id: buddyMatch.id });
		await tx.update(buddyRequest).set({ status: 'voorgesteld' }).where(eq(buddyRequest.id, r.id));
		await event(tx, { matchId: m.id, steunpuntId, userId: actor.userId, from: null, to: 'voorgesteld' });
		if (b.email) await queueMail(tx, { steunpuntId, to: b.email, ...proposalMail({ origin, steunpunt: sp, token, buddyName: b.name }) });
		return { matchId: m.id };
	});
	return result.matchId;
}

async function respond(tx: Db, m: typeof buddyMatch.$inferSelect, steunpuntId: string, userId: string | null, accept: boolean, note: string | null, now: Date) {
	if (m.status !== 'voorgesteld') throw new ConflictError('Op dit voorstel is al gereageerd.');
	const to = accept ? 'geaccepteerd' : 'afgewezen';
	await tx
		.update(buddyMatch)
		.set({ status: to, acceptedAt: accept ? now : null, endedAt: accept ? null : now, buddyTokenHash: null })
		.where(eq(buddyMatch.id, m.id));
	if (!accept) await tx.update(buddyRequest).set({ status: 'aangevraagd' }).where(eq(buddyRequest.id, m.requestId));
	await event(tx, { matchId: m.id, steunpuntId, userId, from: m.status, to, note });
}

/** The buddy accepts or declines in their own screen. */
export async function respondAsBuddy(actor: Actor, input: MatchFormInput, now = new Date()): Promise<void> {
	const data = parse(ZRespondInput, input);
	const steunpuntId = tenantOf(actor, canOpenMatch(actor));
	await withTenant(steunpuntId, async (tx) => {
		const m = await loadMatch(tx, actor, steunpuntId, input.matchId);
		// Only the proposed buddy: a regisseur who is also a buddy loads any match, but answers only their own.
		if (!policies.canActAsBuddy(actor) || (await ownBuddy(tx, actor)).id !== m.buddyId)
			throw new ValidationError({ form: 'Alleen de buddy zelf kan een voorstel aannemen of afwijzen.' });
		await respond(tx, m, steunpuntId, actor.userId, data.antwoord === 'ja', data.toelichting, now);
	});
}

async function matchByToken(steunpuntId: string, token: string) {
	if (!/^[a-z2-7]{20,64}$/.test(token)) throw new NotFoundError('Deze link werkt niet (meer).');
	return withTenant(steunpuntId, async (tx) => {
		const [m] = await tx
			.select()
			.from(buddyMatch)
			.where(and(eq(buddyMatch.buddyTokenHash, sha256(token)), eq(buddyMatch.steunpuntId, steunpuntId)));
		if (!m) throw new NotFoundError('Deze link werkt niet (meer). Misschien heb je al gereageerd.');
		return m;
	});
}

/** What the buddy sees on the mail link before answering (no personal data of the parent). */
export interface Proposal {
	status: string;
}

/** The mail link of the steunpunt `slug`: what the buddy sees before answering. */
export async function getProposalByToken(slug: string, token: string): Promise<Proposal> {
	const sp = await getSteunpuntBySlug(slug);
	const m = await matchByToken(sp.id, token);
	return { status: m.status };
}

/** The buddy answers through the mail link (once; the link dies with the answer). */
export async function respondByToken(options: { slug: string; token: string; input: Record<string, unknown>; now?: Date }): Promise<MatchAnswer> {
	const sp = await getSteunpuntBySlug(options.slug);
	const data = parse(ZRespondInput, options.input);
	const m = await matchByToken(sp.id, options.token);
	await withTenant(sp.id, async (tx) => {
		const [fresh] = await tx.select().from(buddyMatch).where(eq(buddyMatch.id, m.id)).for('update');
		await respond(tx, fresh, sp.id, null, data.antwoord === 'ja', data.toelichting, options.now ?? new Date());
	});
	return data.antwoord === 'ja' ? 'geaccepteerd' : 'afgewezen';
}

/** After the parent agreed, the regisseur makes an accepted match active. */
export async function activateMatch(actor: Actor, input: MatchFormInput, now = new Date()): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canManageBuddies(actor));
	if (input.ouderAkkoord !== 'ja') throw new ValidationError({ ouderAkkoord: 'Vraag eerst of de ouder akkoord is met deze buddy, en vink dat aan.' });
	await withTenant(steunpuntId, async (tx) => {
		const m = await loadMatch(tx, actor, steunpuntId, input.matchId);
		if (m.status !== 'geaccepteerd') throw new ValidationError({ form: 'Alleen een geaccepteerde koppeling kan actief worden.' });
		await tx
			.update(buddyMatch)
			.set({ status: 'actief', activeAt: now, lastContactOn: dayInNL(now) })
			.where(eq(buddyMatch.id, m.id));
		await tx.update(buddyRequest).set({ status: 'actief' }).where(eq(buddyRequest.id, m.requestId));
		await event(tx, { matchId: m.id, steunpuntId, userId: actor.userId, from: m.status, to: 'actief' });
	});
}

/**
 * Ends an active match (regisseur or the buddy); the parent gets the survey by mail. `origin` is
 * the site's address for the survey link.
 */
export async function endMatch(actor: Actor, input: MatchFormInput & { origin: string }, now = new Date()): Promise<void> {
	const data = parse(ZEndInput, input);
	const steunpuntId = tenantOf(actor, canOpenMatch(actor));
	const token = newToken();
	const sp = await getSteunpuntById(steunpuntId);
	await withTenant(steunpuntId, async (tx) => {
		const m = await loadMatch(tx, actor, steunpuntId, input.matchId);
		if (m.status !== 'actief') throw new ValidationError({ form: 'Alleen een actieve koppeling kan eindigen.' });
		await tx
			.update(buddyMatch)
			.set({ status: data.afloop, endedAt: now, endReason: data.reden, surveyTokenHash: sha256(token) })
			.where(eq(buddyMatch.id, m.id));
		await tx.update(buddyRequest).set({ status: 'afgesloten', closedAt: now }).where(eq(buddyRequest.id, m.requestId));
		await event(tx, { matchId: m.id, steunpuntId, userId: actor.userId, from: m.status, to: data.afloop, note: data.reden });
		const [to] = await tx.select({ email: buddyRequest.email, name: buddyRequest.name }).from(buddyRequest).where(eq(buddyRequest.id, m.requestId));
		if (to?.email) await queueMail(tx, { steunpuntId, to: to.email, ...endMail({ origin: input.origin, steunpunt: sp, token, name: to.name }) });
	});
}

/** A contact moment, logged by the buddy (own match) or the regisseur, while the match is active. */
export async function logMoment(actor: Actor, input: MatchFormInput): Promise<void> {
	const data = parse(ZMomentInput, input);
	const steunpuntId = tenantOf(actor, canOpenMatch(actor));
	await withTenant(steunpuntId, async (tx) => {
		const m = await loadMatch(tx, actor, steunpuntId, input.matchId);
		if (m.status !== 'actief') throw new ValidationError({ form: 'Contactmomenten leg je vast bij een actieve koppeling.' });
		await tx
			.insert(buddyMoment)
			.values({ steunpuntId, matchId: m.id, day: data.datum, form: data.vorm, minutes: data.minuten ?? null, topics: data.onderwerpen, note: data.notitie });
		if (!m.lastContactOn || data.datum > m.lastContactOn) await tx.update(buddyMatch).set({ lastContactOn: data.datum }).where(eq(buddyMatch.id, m.id));
	});
}

/** The buddy's reflection at the end: a score (anonymous, for figures) and a text for the regisseur. */
export async function reflect(actor: Actor, input: MatchFormInput, now = new Date()): Promise<void> {
	const score = Number(input.gesteund);
	const text = typeof input.reflectie === 'string' ? withoutControl(input.reflectie).trim() : '';
	if (!Number.isInteger(score) || score < 1 || score > 5) throw new ValidationError({ gesteund: 'Kies een cijfer van 1 tot 5.' });
	if (text.length > 2000) throw new ValidationError({ reflectie: 'Gebruik hooguit 2000 tekens.' });
	const steunpuntId = tenantOf(actor, canOpenMatch(actor));
	await withTenant(steunpuntId, async (tx) => {
		const m = await loadMatch(tx, actor, steunpuntId, input.matchId);
		if (!policies.canActAsBuddy(actor) || (await ownBuddy(tx, actor)).id !== m.buddyId)
			throw new ValidationError({ form: 'De reflectie is van de buddy zelf.' });
		if (m.status !== 'afgerond' && m.status !== 'gestopt') throw new ValidationError({ form: 'Je schrijft je reflectie als de koppeling is afgelopen.' });
		if (m.reflection) throw new ConflictError('Je hebt je reflectie al gegeven. Dank je wel!');
		await tx
			.update(buddyMatch)
			.set({ reflection: text || '-' })
			.where(eq(buddyMatch.id, m.id));
		await tx.insert(buddySurvey).values({ steunpuntId, day: dayInNL(now), who: 'buddy', supported: score, helped: null, better: null });
	});
}

/** One match: history, moments, and what the actor may do next. Audited. */
export async function getMatch(actor: Actor, input: { matchId: string }): Promise<MatchDetail> {
	const steunpuntId = tenantOf(actor, canOpenMatch(actor));
	return withTenant(steunpuntId, async (tx) => {
		const m = await loadMatch(tx, actor, steunpuntId, input.matchId);
		await recordAudit(tx, actor, { action: 'buddy_match.view', entity: 'buddy_match', entityId: m.id });
		const [b] = await tx.select({ name: buddy.name }).from(buddy).where(eq(buddy.id, m.buddyId));
		const [r] = await tx.select().from(buddyRequest).where(eq(buddyRequest.id, m.requestId));
		const history = await tx
			.select({
				id: buddyMatchEvent.id,
				at: buddyMatchEvent.at,
				from: buddyMatchEvent.from,
				to: buddyMatchEvent.to,
				note: buddyMatchEvent.note,
				by: appUser.naam
			})
			.from(buddyMatchEvent)
			.leftJoin(appUser, eq(appUser.id, buddyMatchEvent.userId))
			.where(eq(buddyMatchEvent.matchId, m.id))
			.orderBy(desc(buddyMatchEvent.at), desc(buddyMatchEvent.id));
		const moments = await tx.select().from(buddyMoment).where(eq(buddyMoment.matchId, m.id)).orderBy(desc(buddyMoment.day));
		const manager = policies.canManageBuddies(actor);
		return {
			id: m.id,
			status: m.status,
			statusLabel: labelFor(MATCH_STATUSES, m.status),
			buddyName: b?.name ?? '',
			// A buddy sees who the parent is and how to reach them only once the parent agreed (actief).
			request: {
				id: r.id,
				reference: r.reference,
				need: r.need,
				topics: r.topics,
				...(manager || ['actief', 'afgerond', 'gestopt'].includes(m.status)
					? { name: r.name, email: r.email, phone: r.phone }
					: { name: null, email: null, phone: null })
			},
			proposedAt: m.proposedAt,
			activeAt: m.activeAt,
			endedAt: m.endedAt,
			endReason: m.endReason,
			reflection: manager ? m.reflection : null,
			hasReflection: !!m.reflection,
			lastContactOn: m.lastContactOn,
			history: history.map((h) => ({ ...h, toLabel: labelFor(MATCH_STATUSES, h.to) })),
			moments: moments.map((x) => ({ id: x.id, day: x.day, form: labelFor(MOMENT_FORMS, x.form), minutes: x.minutes, topics: x.topics, note: x.note })),
			can: {
				manage: manager,
				respond: !manager && m.status === 'voorgesteld',
				activate: manager && m.status === 'geaccepteerd',
				end: m.status === 'actief',
				log: m.status === 'actief',
				reflect: !manager && (m.status === 'afgerond' || m.status === 'gestopt') && !m.reflection
			}
		};
	});
}

/** The buddy's own matches — nothing else of the steunpunt. */
export async function findMyMatches(actor: Actor): Promise<MyMatches> {
	const steunpuntId = tenantOf(actor, policies.canActAsBuddy(actor));
	return withTenant(steunpuntId, async (tx) => {
		const own = await ownBuddy(tx, actor);
		const rows = await tx
			.select({
				id: buddyMatch.id,
				status: buddyMatch.status,
				proposedAt: buddyMatch.proposedAt,
				reference: buddyRequest.reference,
				lastContactOn: buddyMatch.lastContactOn
			})
			.from(buddyMatch)
			.innerJoin(buddyRequest, eq(buddyRequest.id, buddyMatch.requestId))
			.where(and(eq(buddyMatch.steunpuntId, steunpuntId), eq(buddyMatch.buddyId, own.id)))
			.orderBy(asc(buddyMatch.status), desc(buddyMatch.proposedAt));
		return {
			buddy: { name: own.name, paused: own.paused, languages: own.languages, supportWays: own.supportWays, about: own.about ?? '' },
			matches: rows.map((r) => ({ ...r, statusLabel: labelFor(MATCH_STATUSES, r.status) }))
		};
	});
}
