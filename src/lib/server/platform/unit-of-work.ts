/**
 * One use case, one transaction. A domain function opens its unit of work here and hands the
 * context `{ tx, actor, steunpunt, now }` down: every helper takes `tx` (or the context), nothing
 * inside reaches for the global connection, and mail goes to the outbox in the same transaction.
 *
 * - `asStaff(actor, allowed, fn)`: a back-office use case. Authorizes first (no session → 401,
 *   other steunpunt → 404, missing role → 403), then runs `fn` in the steunpunt's tenant
 *   transaction (row-level security on).
 * - `asPublic(slug, fn)`: a use case of the public site (no actor), in the tenant transaction.
 * - `inTenant(steunpunt, fn)`: jobs that work for one steunpunt at a time.
 */
import { sql } from 'drizzle-orm';
import { db, type Db } from '../db';
import type { Actor, Role } from '../auth/roles';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';
import { getSteunpuntById, getSteunpuntBySlug, type PublicSteunpunt } from './tenant';

/** An actor who is staff of the steunpunt of this request. */
export interface StaffActor extends Actor {
	userId: string;
	steunpuntId: string;
}

export interface TenantContext {
	tx: Db;
	steunpunt: PublicSteunpunt;
	now: Date;
}

export interface StaffContext extends TenantContext {
	actor: StaffActor;
}

/** Runs `fn` in one transaction scoped to the steunpunt (role `steunpunt_app`, RLS on). */
export async function inTenant<T>(steunpunt: PublicSteunpunt, fn: (ctx: TenantContext) => Promise<T>, options: { now?: Date } = {}): Promise<T> {
	const now = options.now ?? new Date();
	return db().transaction(async (tx) => {
		await tx.execute(sql`select set_config('app.steunpunt_id', ${steunpunt.id}, true)`);
		await tx.execute(sql`set local role steunpunt_app`);
		return fn({ tx: tx as unknown as Db, steunpunt, now });
	});
}

/**
 * Checks who may do this, before any data is read: not logged in → 401 (to the login page),
 * staff of another steunpunt (or none) → 404, without the role → 403.
 */
export function assertStaff(actor: Actor, allowed: boolean | ((actor: StaffActor) => boolean)): asserts actor is StaffActor {
	if (actor.userId === null) throw new UnauthenticatedError();
	if (actor.steunpuntId === null) throw new NotFoundError();
	const ok = typeof allowed === 'function' ? allowed(actor as StaffActor) : allowed;
	if (!ok) throw new ForbiddenError();
}

/** A back-office use case: authorize, then one tenant transaction for the actor's steunpunt. */
export async function asStaff<T>(
	actor: Actor,
	allowed: boolean | ((actor: StaffActor) => boolean),
	fn: (ctx: StaffContext) => Promise<T>,
	options: { now?: Date } = {}
): Promise<T> {
	assertStaff(actor, allowed);
	const steunpunt = await getSteunpuntById(actor.steunpuntId);
	return inTenant(steunpunt, (ctx) => fn({ ...ctx, actor }), options);
}

/** A public use case for the steunpunt with this slug (404 when there is none). */
export async function asPublic<T>(slug: string, fn: (ctx: TenantContext) => Promise<T>, options: { now?: Date } = {}): Promise<T> {
	const steunpunt = await getSteunpuntBySlug(slug);
	return inTenant(steunpunt, fn, options);
}

/** True when the actor has one of the roles (for policies written inline). */
export const hasRole = (actor: Actor, ...roles: Role[]) => actor.roles.some((r) => roles.includes(r));
