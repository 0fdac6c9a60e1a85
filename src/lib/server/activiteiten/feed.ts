/**
 * The iCalendar feed of a steunpunt: activities of the last 30 days and everything to come, with
 * cancelled ones marked CANCELLED so subscribed calendars drop them. Built from one query; for a
 * busy steunpunt the result is cached for a minute per instance.
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import { withTenant } from '../db';
import { activity } from '../db/schema';
import { getSteunpuntBySlug } from '../platform/tenant';
import { icsCalendar } from './ical';
import { whereText } from './mails';

const cache = new Map<string, { at: number; body: string }>();
const TTL_MS = 60_000;

/** The feed (an iCalendar text) of the steunpunt with this slug; `origin` for the links in it. */
export async function activityFeed(input: { slug: string; origin: string }, now = new Date()): Promise<string> {
	const { origin } = input;
	const sp = await getSteunpuntBySlug(input.slug);
	const key = `${sp.id}|${origin}`;
	const hit = cache.get(key);
	if (hit && now.getTime() - hit.at < TTL_MS) return hit.body;
	const host = new URL(origin).hostname;
	const rows = await withTenant(sp.id, (tx) =>
		tx
			.select()
			.from(activity)
			.where(and(eq(activity.steunpuntId, sp.id), gt(activity.endsAt, new Date(now.getTime() - 30 * 86_400_000))))
			.orderBy(asc(activity.startsAt))
			.limit(5000)
	);
	const body = icsCalendar({
		name: `Activiteiten – ${sp.naam}`,
		now,
		events: rows.map((a) => ({
			uid: `${a.id}@${host}`,
			sequence: a.sequence,
			startsAt: a.startsAt,
			endsAt: a.endsAt,
			updatedAt: a.updatedAt,
			summary: a.title,
			description: [a.theme ? `Thema: ${a.theme}` : null, a.description, `Aanmelden: ${origin}/${sp.slug}/activiteiten/${a.id}`].filter(Boolean).join('\n\n'),
			location: whereText(a),
			url: `${origin}/${sp.slug}/activiteiten/${a.id}`,
			cancelled: a.status !== 'gepland'
		}))
	});
	cache.set(key, { at: now.getTime(), body });
	if (cache.size > 1000) cache.delete(cache.keys().next().value!);
	return body;
}

/** Tests and edits: forget the cached feed of a steunpunt. */
export function forgetFeed(): void {
	cache.clear();
}
