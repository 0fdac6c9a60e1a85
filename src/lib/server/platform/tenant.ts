import { eq } from 'drizzle-orm';
import { db } from '../db';
import { steunpunt, swv } from '../db/schema';
import { NotFoundError } from '../errors';
import { STALE_MS } from './staleness';

export interface PublicSteunpunt {
	id: string;
	slug: string;
	naam: string;
	telefoon: string | null;
	email: string | null;
	openingstijden: string | null;
	intro: string | null;
	regioInfo: Record<string, string>;
	responseDays: number;
	retentionMonths: number;
	activityRetentionDays: number;
	swvCodes: string[];
}

const cache = new Map<string, { value: PublicSteunpunt; at: number }>();
/** Settings saved on another instance show here within this bound (./staleness.ts). */
const TTL_MS = STALE_MS;

/** The public face of a steunpunt by its slug; 404 when there is none. Cached for STALE_MS. */
export async function getSteunpuntBySlug(slug: string): Promise<PublicSteunpunt> {
	if (!/^[a-z0-9-]{1,60}$/.test(slug)) throw new NotFoundError();
	const hit = cache.get(slug);
	if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
	const [row] = await db().select().from(steunpunt).where(eq(steunpunt.slug, slug));
	if (!row) throw new NotFoundError();
	const swvs = await db().select({ code: swv.code }).from(swv).where(eq(swv.steunpuntId, row.id));
	const value: PublicSteunpunt = {
		id: row.id,
		slug: row.slug,
		naam: row.naam,
		telefoon: row.telefoon,
		email: row.email,
		openingstijden: row.openingstijden,
		intro: row.intro,
		regioInfo: row.regioInfo ?? {},
		responseDays: row.responseDays,
		retentionMonths: row.retentionMonths,
		activityRetentionDays: row.activityRetentionDays,
		swvCodes: swvs.map((s) => s.code).sort()
	};
	cache.set(slug, { value, at: Date.now() });
	return value;
}

export function forgetSteunpunt(slug: string): void {
	cache.delete(slug);
}

/** The same by id (back office, where the steunpunt is already known). */
export async function getSteunpuntById(id: string): Promise<PublicSteunpunt> {
	const [row] = await db().select({ slug: steunpunt.slug }).from(steunpunt).where(eq(steunpunt.id, id));
	if (!row) throw new NotFoundError();
	return getSteunpuntBySlug(row.slug);
}
