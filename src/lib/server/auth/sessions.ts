/**
 * Database sessions. The cookie holds a random token; the table holds its sha-256. A session is
 * "full" only after the second factor (or when the user's roles do not require one).
 */
import { and, eq, gt, lt } from 'drizzle-orm';
import { db } from '../db';
import { appUser, membership, session } from '../db/schema';
import { newToken, sha256 } from './crypto';
import { isRole, requiresTwoFactor, type Actor, type Role } from './roles';

export const SESSION_COOKIE = 'steunpunt_sessie';
const SESSION_DAYS = 7;

export async function createSession(userId: string, twoFactorVerified: boolean): Promise<{ token: string; expiresAt: Date }> {
	const token = newToken();
	const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
	await db()
		.insert(session)
		.values({ id: sha256(token), userId, expiresAt, twoFactorVerified });
	return { token, expiresAt };
}

export async function markSessionTwoFactor(token: string): Promise<void> {
	await db()
		.update(session)
		.set({ twoFactorVerified: true })
		.where(eq(session.id, sha256(token)));
}

export async function deleteSession(token: string): Promise<void> {
	await db()
		.delete(session)
		.where(eq(session.id, sha256(token)));
}

export async function deleteSessionsOfUser(userId: string): Promise<void> {
	await db().delete(session).where(eq(session.userId, userId));
}

export async function deleteExpiredSessions(now = new Date()): Promise<void> {
	await db().delete(session).where(lt(session.expiresAt, now));
}

export interface SessionInfo {
	userId: string;
	email: string;
	naam: string;
	/** Two-factor done, or not needed for this user's roles. */
	complete: boolean;
	/** The user still has to enrol a second factor before they can work. */
	needsEnrolment: boolean;
	memberships: { steunpuntId: string; role: Role }[];
	isLandelijk: boolean;
}

/** Looks up the session for a cookie token; null when unknown, expired or the user is disabled. */
export async function readSession(token: string | undefined, now = new Date()): Promise<SessionInfo | null> {
	if (!token || token.length > 100) return null;
	const [row] = await db()
		.select({ user: appUser, s: session })
		.from(session)
		.innerJoin(appUser, eq(appUser.id, session.userId))
		.where(and(eq(session.id, sha256(token)), gt(session.expiresAt, now)));
	if (!row || row.user.disabledAt) return null;
	const rows = await db()
		.select({ steunpuntId: membership.steunpuntId, role: membership.role })
		.from(membership)
		.where(eq(membership.userId, row.user.id))
		.orderBy(membership.steunpuntId, membership.role);
	const memberships = rows.filter((m) => isRole(m.role)) as { steunpuntId: string; role: Role }[];
	const needs2fa = requiresTwoFactor(
		memberships.map((m) => m.role),
		row.user.isLandelijk
	);
	const enrolled = row.user.totpEnabledAt !== null;
	return {
		userId: row.user.id,
		email: row.user.email,
		naam: row.user.naam,
		complete: row.s.twoFactorVerified || (!needs2fa && !enrolled),
		needsEnrolment: needs2fa && !enrolled,
		memberships,
		isLandelijk: row.user.isLandelijk
	};
}

/** The actor for one steunpunt: the user's roles there (none when they do not work there). */
export function actorFor(info: SessionInfo | null, steunpuntId: string | null): Actor {
	if (!info || !info.complete) return { userId: null, steunpuntId: null, roles: [], isLandelijk: false };
	const roles = info.memberships.filter((m) => m.steunpuntId === steunpuntId).map((m) => m.role);
	// Not a member here: the actor belongs to no steunpunt, so its records answer 404.
	return { userId: info.userId, steunpuntId: roles.length ? steunpuntId : null, roles, isLandelijk: info.isLandelijk };
}
