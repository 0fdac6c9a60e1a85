/** The gemeenten of a steunpunt's region (its samenwerkingsverbanden), for every gemeente choice. */
import { asc, eq, inArray } from 'drizzle-orm';
import { db } from '../db';
import { gemeente, swv, swvGemeente } from '../db/schema';

const regionCache = new Map<string, { value: { code: string; naam: string }[]; at: number }>();

/**
 * Public reference data (no personal data, no tenant rows) that only the operator CLI changes:
 * cached for a minute per steunpunt, with one instance as with several (./staleness.ts).
 */
export async function findRegionGemeenten(steunpuntId: string): Promise<{ code: string; naam: string }[]> {
	const hit = regionCache.get(steunpuntId);
	if (hit && Date.now() - hit.at < 60_000) return hit.value;
	const codes = (await db().select({ code: swv.code }).from(swv).where(eq(swv.steunpuntId, steunpuntId))).map((r) => r.code);
	const rows = codes.length
		? await db()
				.selectDistinct({ code: gemeente.code, naam: gemeente.naam })
				.from(swvGemeente)
				.innerJoin(gemeente, eq(gemeente.code, swvGemeente.gemeenteCode))
				.where(inArray(swvGemeente.swvCode, codes))
				.orderBy(asc(gemeente.naam))
		: [];
	regionCache.set(steunpuntId, { value: rows, at: Date.now() });
	return rows;
}
