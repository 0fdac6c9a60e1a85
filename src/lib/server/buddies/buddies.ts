/**
 * Buddy profiles: kept by the regisseur, partly by the buddy. Readiness (training, intake, a VOG
 * younger than the steunpunt's limit, not paused) decides who can be matched.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { withTenant, type Db } from '../db';
import { appUser, buddy, buddyMatch, membership, steunpunt } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';
import { NotFoundError, ValidationError } from '../errors';
import { parse } from '../validation';
import { dayInNL, addDays } from '$lib/working-days';
import { PLACE_HOLDING } from '$lib/buddies/options';
import { ZBuddyInput, ZOwnProfileInput } from './schemas';
import { uuidLike } from '../platform/fields';

export type BuddyRow = typeof buddy.$inferSelect;

/** Whether a buddy can be matched now, and what is missing. */
export interface Readiness {
	ready: boolean;
	missing: string[];
	paused: boolean;
	vogValidUntil: string | null;
	expiresSoon: boolean;
}

/** One line of the regisseur's buddy list. */
export interface BuddyListItem extends Readiness {
	id: string;
	name: string;
	capacity: number;
	held: number;
	hasAccount: boolean;
}

/** A profile as the edit form shows it (empty strings for what is not filled in). */
export interface BuddyProfile {
	id: string;
	name: string;
	email: string;
	phone: string;
	experiences: string[];
	schoolTypes: string[];
	gemeenten: string[];
	languages: string[];
	supportWays: string[];
	capacity: number;
	paused: boolean;
	trainingOn: string;
	intakeOn: string;
	vogOn: string;
	about: string;
	hasAccount: boolean;
}

/** One profile with its readiness and the places it holds. */
export interface BuddyDetail extends BuddyProfile, Readiness {
	held: number;
}

/** The profile form's fields, and which profile (null: a new one). */
export interface SaveBuddyInput extends Record<string, unknown> {
	buddyId: string | null;
}

/** Ready to be matched: trained, intake done, VOG younger than the limit, and not paused. */
export function readiness(b: Pick<BuddyRow, 'trainingOn' | 'intakeOn' | 'vogOn' | 'paused' | 'endedAt'>, today: string, vogMaxYears: number): Readiness {
	const vogValidUntil = b.vogOn ? addYears(b.vogOn, vogMaxYears) : null;
	const missing: string[] = [];
	if (!b.trainingOn) missing.push('training ervaringsdeskundige ouder');
	if (!b.intakeOn) missing.push('intakegesprek');
	if (!b.vogOn) missing.push('VOG');
	else if (vogValidUntil! <= today) missing.push('nieuwe VOG (verlopen)');
	const ready = missing.length === 0 && !b.paused && !b.endedAt;
	const expiresSoon = !!vogValidUntil && vogValidUntil > today && vogValidUntil <= addDays(today, 60);
	return { ready, missing, paused: b.paused, vogValidUntil, expiresSoon };
}

function addYears(day: string, years: number): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCFullYear(d.getUTCFullYear() + years);
	return d.toISOString().slice(0, 10);
}

export async function vogMaxYearsOf(tx: Db, steunpuntId: string): Promise<number> {
	const [row] = await tx.select({ years: steunpunt.vogMaxYears }).from(steunpunt).where(eq(steunpunt.id, steunpuntId));
	return row?.years ?? 3;
}

/** Places held per buddy (proposed, accepted and active matches). */
export async function placesHeld(tx: Db, steunpuntId: string, buddyIds: string[]): Promise<Map<string, number>> {
	if (!buddyIds.length) return new Map();
	const rows = await tx
		.select({ id: buddyMatch.buddyId, n: sql<number>`count(*)::int` })
		.from(buddyMatch)
		.where(and(eq(buddyMatch.steunpuntId, steunpuntId), inArray(buddyMatch.buddyId, buddyIds), inArray(buddyMatch.status, [...PLACE_HOLDING])))
		.groupBy(buddyMatch.buddyId);
	return new Map(rows.map((r) => [r.id, r.n]));
}

/** All buddies with readiness and load, for the regisseur. VOGs that expire within 60 days are flagged. */
export async function findBuddies(actor: Actor, now = new Date()): Promise<BuddyListItem[]> {
	const steunpuntId = tenantOf(actor, policies.canManageBuddies(actor));
	const today = dayInNL(now);
	return withTenant(steunpuntId, async (tx) => {
		const years = await vogMaxYearsOf(tx, steunpuntId);
		const rows = await tx.select().from(buddy).where(eq(buddy.steunpuntId, steunpuntId)).orderBy(asc(buddy.name));
		const held = await placesHeld(
			tx,
			steunpuntId,
			rows.map((r) => r.id)
		);
		return rows.map((b) => ({
			id: b.id,
			name: b.name,
			capacity: b.capacity,
			held: held.get(b.id) ?? 0,
			hasAccount: !!b.userId,
			...readiness(b, today, years)
		}));
	});
}

async function accountFor(tx: Db, steunpuntId: string, email: string | undefined): Promise<string | null> {
	if (!email) return null;
	const [row] = await tx
		.select({ id: appUser.id })
		.from(appUser)
		.innerJoin(membership, and(eq(membership.userId, appUser.id), eq(membership.steunpuntId, steunpuntId), eq(membership.role, 'buddy')))
		.where(eq(appUser.email, email.toLowerCase()));
	return row?.id ?? null;
}

/**
 * Creates (`buddyId: null`) or updates a profile; returns its id. A buddy account with the same
 * e-mail address is linked to it.
 */
export async function saveBuddy(actor: Actor, input: SaveBuddyInput): Promise<string> {
	const steunpuntId = tenantOf(actor, policies.canManageBuddies(actor));
	const id = input.buddyId;
	const data = parse(ZBuddyInput, input);
	return withTenant(steunpuntId, async (tx) => {
		const values = {
			name: data.naam,
			email: data.email ?? null,
			phone: data.telefoon ?? null,
			experiences: data.ervaring,
			schoolTypes: data.schooltypes,
			gemeenten: data.gemeenten,
			languages: data.talen.length ? data.talen : ['nl'],
			supportWays: data.steunwijzen,
			capacity: data.capaciteit,
			paused: data.pauze,
			trainingOn: data.training ?? null,
			intakeOn: data.intake ?? null,
			vogOn: data.vog ?? null,
			about: data.over,
			userId: await accountFor(tx, steunpuntId, data.email)
		};
		let buddyId = id;
		// One account belongs to one profile (unique index buddy_user), on create and on update alike.
		try {
			if (id) {
				if (!uuidLike.test(id)) throw new NotFoundError();
				const updated = await tx
					.update(buddy)
					.set(values)
					.where(and(eq(buddy.id, id), eq(buddy.steunpuntId, steunpuntId)))
					.returning({ id: buddy.id });
				if (!updated.length) throw new NotFoundError();
			} else {
				[{ id: buddyId }] = await tx
					.insert(buddy)
					.values({ ...values, steunpuntId })
					.returning({ id: buddy.id });
			}
		} catch (e) {
			if (String((e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code) === '23505')
				throw new ValidationError({ email: 'Dit account hoort al bij een andere buddy.' });
			throw e;
		}
		await recordAudit(tx, actor, { action: id ? 'buddy.update' : 'buddy.create', entity: 'buddy', entityId: buddyId });
		return buddyId!;
	});
}

/** One profile for the edit form. Reading a buddy's personal details is audited. */
export async function getBuddy(actor: Actor, input: { buddyId: string }, now = new Date()): Promise<BuddyDetail> {
	const steunpuntId = tenantOf(actor, policies.canManageBuddies(actor));
	const id = input.buddyId;
	if (!uuidLike.test(id)) throw new NotFoundError();
	return withTenant(steunpuntId, async (tx) => {
		const [b] = await tx
			.select()
			.from(buddy)
			.where(and(eq(buddy.id, id), eq(buddy.steunpuntId, steunpuntId)));
		if (!b) throw new NotFoundError();
		await recordAudit(tx, actor, { action: 'buddy.view', entity: 'buddy', entityId: id });
		const years = await vogMaxYearsOf(tx, steunpuntId);
		const held = (await placesHeld(tx, steunpuntId, [id])).get(id) ?? 0;
		return { ...presentBuddy(b), held, ...readiness(b, dayInNL(now), years) };
	});
}

export function presentBuddy(b: BuddyRow): BuddyProfile {
	return {
		id: b.id,
		name: b.name,
		email: b.email ?? '',
		phone: b.phone ?? '',
		experiences: b.experiences,
		schoolTypes: b.schoolTypes,
		gemeenten: b.gemeenten,
		languages: b.languages,
		supportWays: b.supportWays,
		capacity: b.capacity,
		paused: b.paused,
		trainingOn: b.trainingOn ?? '',
		intakeOn: b.intakeOn ?? '',
		vogOn: b.vogOn ?? '',
		about: b.about ?? '',
		hasAccount: !!b.userId
	};
}

/** The buddy's own profile row (by their login), in the steunpunt they work for. */
export async function ownBuddy(tx: Db, actor: Actor): Promise<BuddyRow> {
	const steunpuntId = tenantOf(actor, policies.canActAsBuddy(actor));
	const [b] = await tx
		.select()
		.from(buddy)
		.where(and(eq(buddy.steunpuntId, steunpuntId), eq(buddy.userId, actor.userId!)));
	if (!b) throw new NotFoundError('Er is nog geen buddyprofiel aan je account gekoppeld. Vraag het de regisseur.');
	return b;
}

/** The buddy changes what is theirs to change: a pause, languages, ways of support, a short text. */
export async function updateOwnProfile(actor: Actor, input: Record<string, unknown>): Promise<void> {
	const data = parse(ZOwnProfileInput, input);
	const steunpuntId = tenantOf(actor, policies.canActAsBuddy(actor));
	await withTenant(steunpuntId, async (tx) => {
		const b = await ownBuddy(tx, actor);
		await tx
			.update(buddy)
			.set({ paused: data.pauze, languages: data.talen.length ? data.talen : ['nl'], supportWays: data.steunwijzen, about: data.over })
			.where(eq(buddy.id, b.id));
	});
}
