/**
 * Figures of the activities for the steunpunt and its policy staff: activities, sign-ups,
 * attendance, no-shows, waiting-list use, feedback and topics. Counts below 5 are shown as
 * "minder dan 5" and averages need at least 5 answers (as in the buddy figures).
 */
import { and, eq, gte, sql } from 'drizzle-orm';
import { KIND_SHORT } from '$lib/activiteiten';
import { TOPICS } from '$lib/taxonomy';
import { withTenant } from '../db';
import { activity, activityFeedback, activitySignup } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { MIN_COUNT, averageShown, shown } from '$lib/small-counts';

const average = (sum: number | null, n: number) => averageShown(sum, n, { tooFew: `te weinig antwoorden (minder dan ${MIN_COUNT})` });

function percentage(part: number, whole: number): string {
	if (whole < MIN_COUNT) return `te weinig (minder dan ${MIN_COUNT})`;
	return `${Math.round((100 * part) / whole)}%`;
}

/** A figure as shown: a number, "minder dan 5", a percentage or an average. */
type Shown = string;

/** The figures page of the activities; every count is already suppressed below 5. */
export interface ActivityFigures {
	sinceDays: number;
	activities: { held: Shown; coming: Shown; cancelled: Shown; byKind: { label: string; held: Shown }[] };
	signups: { total: Shown; people: Shown; cancelled: Shown };
	attendance: { activities: Shown; rate: Shown; noShows: Shown; came: Shown };
	waitingList: { used: Shown; promoted: Shown };
	feedback: { answers: Shown; useful: Shown; suggestions: string[] };
	topics: { label: string; shown: Shown }[];
}

/** The figures of the actor's steunpunt over the last `sinceDays` days (default a year). */
export async function getActivityFigures(actor: Actor, input: { sinceDays?: number } = {}, now = new Date()): Promise<ActivityFigures> {
	const steunpuntId = tenantOf(actor, policies.canSeeActivityFigures(actor));
	const sinceDays = input.sinceDays ?? 365;
	const since = new Date(now.getTime() - sinceDays * 86_400_000);
	// Activities from `since` on, also those still to come (their sign-ups count); "held" below
	// only counts those that have started.
	const inPeriod = and(eq(activity.steunpuntId, steunpuntId), gte(activity.startsAt, since));
	return withTenant(steunpuntId, async (tx) => {
		const kinds = await tx
			.select({
				kind: activity.kind,
				held: sql<number>`(count(*) filter (where ${activity.status} = 'gepland' and ${activity.startsAt} < ${now.toISOString()}::timestamptz))::int`,
				coming: sql<number>`(count(*) filter (where ${activity.status} = 'gepland' and ${activity.startsAt} >= ${now.toISOString()}::timestamptz))::int`,
				cancelled: sql<number>`(count(*) filter (where ${activity.status} <> 'gepland'))::int`
			})
			.from(activity)
			.where(inPeriod)
			.groupBy(activity.kind);
		const [s] = await tx
			.select({
				signups: sql<number>`count(*)::int`,
				people: sql<number>`coalesce(sum(${activitySignup.people}) filter (where ${activitySignup.confirmedAt} is not null), 0)::int`,
				waited: sql<number>`(count(*) filter (where ${activitySignup.wasWaiting}))::int`,
				promoted: sql<number>`(count(*) filter (where ${activitySignup.wasWaiting} and ${activitySignup.confirmedAt} is not null))::int`,
				cancelled: sql<number>`(count(*) filter (where ${activitySignup.status} = 'geannuleerd'))::int`
			})
			.from(activitySignup)
			.innerJoin(activity, eq(activity.id, activitySignup.activityId))
			.where(and(inPeriod, eq(activity.status, 'gepland')));
		// Attendance only where the door list was used (someone checked in).
		const [att] = await tx
			.select({
				confirmed: sql<number>`coalesce(sum(${activitySignup.people}), 0)::int`,
				came: sql<number>`coalesce(sum(${activitySignup.people}) filter (where ${activitySignup.checkedInAt} is not null), 0)::int`,
				noShows: sql<number>`(count(*) filter (where ${activitySignup.checkedInAt} is null))::int`,
				activities: sql<number>`count(distinct ${activity.id})::int`
			})
			.from(activitySignup)
			.innerJoin(activity, eq(activity.id, activitySignup.activityId))
			.where(
				and(
					inPeriod,
					eq(activity.status, 'gepland'),
					eq(activitySignup.status, 'bevestigd'),
					sql`exists (select 1 from activity_signup c where c.activity_id = ${activity.id} and c.checked_in_at is not null)`
				)
			);
		const [fb] = await tx
			.select({ n: sql<number>`count(*)::int`, sum: sql<number | null>`sum(${activityFeedback.useful})::int` })
			.from(activityFeedback)
			.innerJoin(activity, eq(activity.id, activityFeedback.activityId))
			.where(inPeriod);
		const suggestions =
			fb.n >= MIN_COUNT
				? (
						await tx
							.select({ text: activityFeedback.nextTime })
							.from(activityFeedback)
							.innerJoin(activity, eq(activity.id, activityFeedback.activityId))
							.where(and(inPeriod, sql`${activityFeedback.nextTime} is not null`))
							.limit(200)
					)
						.map((r) => r.text!)
						.sort((a, b) => a.localeCompare(b, 'nl'))
				: [];
		const topicRows = await tx
			.select({ topic: sql<string>`unnest(${activity.topics})`, n: sql<number>`count(*)::int` })
			.from(activity)
			.where(and(inPeriod, eq(activity.status, 'gepland')))
			.groupBy(sql`1`);
		const held = kinds.reduce((n, k) => n + k.held, 0);
		return {
			sinceDays,
			activities: {
				held: shown(held),
				coming: shown(kinds.reduce((n, k) => n + k.coming, 0)),
				cancelled: shown(kinds.reduce((n, k) => n + k.cancelled, 0)),
				byKind: kinds.map((k) => ({ label: KIND_SHORT[k.kind] ?? k.kind, held: shown(k.held) }))
			},
			signups: { total: shown(s.signups), people: shown(s.people), cancelled: shown(s.cancelled) },
			attendance: { activities: shown(att.activities), rate: percentage(att.came, att.confirmed), noShows: shown(att.noShows), came: shown(att.came) },
			waitingList: { used: shown(s.waited), promoted: shown(s.promoted) },
			feedback: { answers: shown(fb.n), useful: average(fb.sum, fb.n), suggestions },
			topics: topicRows
				.map((t) => ({ label: TOPICS.find((x) => x.slug === t.topic)?.label ?? t.topic, n: t.n }))
				.sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, 'nl'))
				// Only the shown (suppressed) count leaves this function.
				.map((t) => ({ label: t.label, shown: shown(t.n) }))
		};
	});
}
