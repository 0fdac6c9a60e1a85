import { inArray } from 'drizzle-orm';
import { db } from '../db';
import { steunpunt } from '../db/schema';
import type { SessionInfo } from '../auth/sessions';

/** The steunpunten a signed-in user works for. */
export async function findSteunpuntenOfUser(session: SessionInfo): Promise<{ slug: string; naam: string }[]> {
	const ids = [...new Set(session.memberships.map((m) => m.steunpuntId))];
	if (!ids.length) return [];
	return db().select({ slug: steunpunt.slug, naam: steunpunt.naam }).from(steunpunt).where(inArray(steunpunt.id, ids)).orderBy(steunpunt.naam);
}
