/**
 * Requests for a buddy: from the public site ("Ik wil graag een buddy") or from a case (the
 * regisseur's referral to the buddy programme). The request page ranks the ready buddies.
 */
import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { PRIVACY_VERSION } from '$lib/contacten';
import { rankBuddies, type BuddyCandidate } from '$lib/buddies/matching';
import { REQUEST_STATUSES, labelFor } from '$lib/buddies/options';
import { withTenant, type Db } from '../db';
import { buddy, buddyMatch, buddyRequest, casePerson, gemeente, registration } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';
import { NotFoundError, ValidationError } from '../errors';
import { parse } from '../validation';
import { getSteunpuntBySlug } from '../platform/tenant';
import { findRegionGemeenten } from '../platform/region';
import { withFreshReference } from '../platform/references';
import { checkHumanSubmission, limitSubmissions } from '../platform/spam';
import { uuidLike } from '../platform/fields';
import { dayInNL } from '$lib/working-days';
import { placesHeld, readiness, vogMaxYearsOf } from './buddies';
import { ZBuddyRequestInput } from './schemas';

/** "Ik wil graag een buddy": minimum data, consent with its version, spam guards as for questions. */
export async function requestBuddy(options: { slug: string; client: string; input: Record<string, unknown>; now?: Date }): Promise<{ reference: string }> {
	const sp = await getSteunpuntBySlug(options.slug);
	await checkHumanSubmission({ purpose: `buddy:${sp.id}`, token: options.input.formtijd, honeypot: options.input.website });
	await limitSubmissions({ kind: 'buddy', steunpuntId: sp.id, client: options.client });
	const data = parse(ZBuddyRequestInput, options.input);
	if (data.gemeente && !(await findRegionGemeenten(sp.id)).some((g) => g.code === data.gemeente))
		throw new ValidationError({ gemeente: 'Kies een gemeente uit de lijst.' });
	// A reference collision (1 in a billion) is retried with a new one, in a new transaction.
	const reference = await withFreshReference('B', async (reference) => {
		await withTenant(sp.id, (tx) =>
			tx.insert(buddyRequest).values({
				steunpuntId: sp.id,
				reference,
				source: 'website',
				need: data.behoefte,
				topics: data.onderwerpen,
				schoolType: data.schooltype ?? null,
				gemeenteCode: data.gemeente ?? null,
				language: data.taal ?? null,
				supportWays: data.steunwijzen,
				name: data.naam,
				email: data.email ?? null,
				phone: data.telefoon ?? null,
				consentVersion: PRIVACY_VERSION,
				consentAt: options.now ?? new Date()
			})
		);
		return reference;
	});
	return { reference };
}

/** The referral of a case to the buddy programme lands here, with what the case knows. */
export async function createRequestFromCase(
	tx: Db,
	options: { steunpuntId: string; caseId: string; reference: string; need: string | null; registrationId: string | null }
): Promise<void> {
	const [person] = await tx.select().from(casePerson).where(eq(casePerson.caseId, options.caseId));
	const [reg] = options.registrationId ? await tx.select().from(registration).where(eq(registration.id, options.registrationId)) : [];
	await tx
		.insert(buddyRequest)
		.values({
			steunpuntId: options.steunpuntId,
			reference: options.reference,
			caseId: options.caseId,
			source: 'dossier',
			need: options.need ?? person?.question ?? null,
			topics: reg?.topics ?? [],
			schoolType: reg?.schoolType ?? null,
			gemeenteCode: reg?.gemeenteCode ?? null,
			name: person?.name ?? null,
			email: person?.email ?? null,
			phone: person?.phone ?? null,
			consentVersion: person?.consentVersion ?? null,
			consentAt: person?.consentAt ?? null
		})
		.onConflictDoNothing();
}

/** One line of the list of requests. */
export interface BuddyRequestItem {
	id: string;
	reference: string;
	source: string;
	status: string;
	name: string | null;
	createdAt: Date;
}

/** A ready buddy ranked for a request, with the reasons in words. */
export interface RankedBuddy {
	id: string;
	name: string;
	score: number;
	reasonText: string;
	held: number;
	capacity: number;
}

/** One request with its matches so far and (while it waits) the ranked ready buddies. */
export interface BuddyRequestDetail {
	id: string;
	reference: string;
	source: string;
	status: string;
	statusLabel: string;
	need: string | null;
	topics: string[];
	schoolType: string | null;
	gemeenteCode: string | null;
	language: string | null;
	supportWays: string[];
	name: string | null;
	email: string | null;
	phone: string | null;
	caseId: string | null;
	createdAt: Date;
	matches: { id: string; status: string; buddy: string; proposedAt: Date }[];
	ranked: RankedBuddy[];
}

/** The latest 500 requests; listing them is audited. */
export async function findRequests(actor: Actor): Promise<BuddyRequestItem[]> {
	const steunpuntId = tenantOf(actor, policies.canManageBuddies(actor));
	return withTenant(steunpuntId, async (tx) => {
		const rows = await tx.select().from(buddyRequest).where(eq(buddyRequest.steunpuntId, steunpuntId)).orderBy(desc(buddyRequest.createdAt)).limit(500);
		await recordAudit(tx, actor, { action: 'buddy_request.list', entity: 'buddy_request', detail: { shown: rows.length } });
		return rows.map((r) => ({
			id: r.id,
			reference: r.reference,
			source: r.source === 'website' ? 'Via de website' : 'Uit een dossier',
			status: labelFor(REQUEST_STATUSES, r.status),
			name: r.name,
			createdAt: r.createdAt
		}));
	});
}

/** One request with the ranked ready buddies and their reasons; the view is audited. */
export async function getRequest(actor: Actor, input: { requestId: string }, now = new Date()): Promise<BuddyRequestDetail> {
	const steunpuntId = tenantOf(actor, policies.canManageBuddies(actor));
	const id = input.requestId;
	if (!uuidLike.test(id)) throw new NotFoundError();
	const today = dayInNL(now);
	return withTenant(steunpuntId, async (tx) => {
		const [r] = await tx
			.select()
			.from(buddyRequest)
			.where(and(eq(buddyRequest.id, id), eq(buddyRequest.steunpuntId, steunpuntId)));
		if (!r) throw new NotFoundError();
		await recordAudit(tx, actor, { action: 'buddy_request.view', entity: 'buddy_request', entityId: r.id, detail: { reference: r.reference } });
		const matches = await tx
			.select({ id: buddyMatch.id, status: buddyMatch.status, buddy: buddy.name, proposedAt: buddyMatch.proposedAt })
			.from(buddyMatch)
			.innerJoin(buddy, eq(buddy.id, buddyMatch.buddyId))
			.where(eq(buddyMatch.requestId, r.id))
			.orderBy(desc(buddyMatch.proposedAt));
		const ranked = r.status === 'aangevraagd' ? await rankFor(tx, steunpuntId, r, today, now) : [];
		return {
			id: r.id,
			reference: r.reference,
			source: r.source,
			status: r.status,
			statusLabel: labelFor(REQUEST_STATUSES, r.status),
			need: r.need,
			topics: r.topics,
			schoolType: r.schoolType,
			gemeenteCode: r.gemeenteCode,
			language: r.language,
			supportWays: r.supportWays,
			name: r.name,
			email: r.email,
			phone: r.phone,
			caseId: r.caseId,
			createdAt: r.createdAt,
			matches,
			ranked
		};
	});
}

async function rankFor(tx: Db, steunpuntId: string, r: typeof buddyRequest.$inferSelect, today: string, now: Date): Promise<RankedBuddy[]> {
	const years = await vogMaxYearsOf(tx, steunpuntId);
	const all = await tx.select().from(buddy).where(eq(buddy.steunpuntId, steunpuntId));
	const ready = all.filter((b) => readiness(b, today, years).ready);
	const held = await placesHeld(
		tx,
		steunpuntId,
		ready.map((b) => b.id)
	);
	const since = new Date(now.getTime() - 90 * 86_400_000);
	const recent = ready.length
		? await tx
				.select({ id: buddyMatch.buddyId, n: sql<number>`count(*)::int` })
				.from(buddyMatch)
				.where(
					and(
						inArray(
							buddyMatch.buddyId,
							ready.map((b) => b.id)
						),
						gt(buddyMatch.proposedAt, since)
					)
				)
				.groupBy(buddyMatch.buddyId)
		: [];
	const recentOf = new Map(recent.map((x) => [x.id, x.n]));
	const candidates: BuddyCandidate[] = ready.map((b) => ({
		id: b.id,
		name: b.name,
		experiences: b.experiences,
		schoolTypes: b.schoolTypes,
		gemeenten: b.gemeenten,
		languages: b.languages,
		supportWays: b.supportWays,
		capacity: b.capacity,
		activeMatches: held.get(b.id) ?? 0,
		recentMatches: recentOf.get(b.id) ?? 0
	}));
	const codes = [...new Set([...candidates.flatMap((c) => c.gemeenten), ...(r.gemeenteCode ? [r.gemeenteCode] : [])])];
	const names = codes.length ? await tx.select({ code: gemeente.code, naam: gemeente.naam }).from(gemeente).where(inArray(gemeente.code, codes)) : [];
	return rankBuddies(
		{ topics: r.topics, experiences: r.experiences, schoolType: r.schoolType, gemeente: r.gemeenteCode, language: r.language, supportWays: r.supportWays },
		candidates,
		{ gemeenteNames: Object.fromEntries(names.map((n) => [n.code, n.naam])), limit: 20 }
	).map((x) => ({
		id: x.buddy.id,
		name: x.buddy.name,
		score: Math.round(x.score),
		reasonText: x.reasonText,
		held: x.buddy.activeMatches,
		capacity: x.buddy.capacity
	}));
}
