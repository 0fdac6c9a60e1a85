/**
 * After the activity: the feedback mail (useful 1–5, what to discuss next time; the answer is
 * stored without any link to the person) and the topics discussed, registered anonymously in
 * the signalering with the same taxonomy as contacts.
 */
import { and, eq, gt, isNotNull, isNull, lt } from 'drizzle-orm';
import { db, withTenant, type Db } from '../db';
import { activity, activityFeedback, activitySignup, registration } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';
import { NotFoundError, ValidationError } from '../errors';
import { parse } from '../validation';
import { queueMail } from '../platform/outbox';
import { getSteunpuntById, getSteunpuntBySlug } from '../platform/tenant';
import { uuidLike } from '../platform/fields';
import { dayInNL } from '$lib/working-days';
import { feedbackMail } from './mails';
import { prepareLinks, signupIdFromToken, signupToken } from './links';
import { GoneError, type MailContext } from './signups';
import { ZFeedbackInput, ZTopicsInput } from './schemas';
import { formatWhen } from './time';
import { CHECK_IN_OPENS_MS } from './participants';

/**
 * Mails the feedback link to everyone who came: those checked in, or, when nobody was checked
 * in, everyone confirmed. Claims the activity (feedbackSentAt) in the same transaction, so the
 * mail goes out once, also with two instances running the job.
 */
async function mailFeedback(steunpuntId: string, activityId: string, ctx: MailContext, now: Date, force: boolean): Promise<number> {
	const sp = await getSteunpuntById(steunpuntId);
	await prepareLinks();
	return withTenant(steunpuntId, async (tx) => {
		const query = tx
			.select()
			.from(activity)
			.where(and(eq(activity.id, activityId), eq(activity.steunpuntId, steunpuntId)));
		const [a] = force ? await query.for('update') : await query.for('update', { skipLocked: true });
		if (!a) {
			if (force) throw new NotFoundError();
			return 0;
		}
		if (a.feedbackSentAt) {
			if (force) throw new ValidationError({ form: 'De feedbackmail is al verstuurd.' });
			return 0;
		}
		if (a.status !== 'gepland') throw new ValidationError({ form: 'Deze activiteit is afgelast.' });
		const confirmed = await tx
			.select()
			.from(activitySignup)
			.where(and(eq(activitySignup.activityId, a.id), eq(activitySignup.status, 'bevestigd')));
		const anyCheckIn = confirmed.some((s) => s.checkedInAt);
		if (force && !anyCheckIn && a.endsAt > now)
			throw new ValidationError({ form: 'De feedbackmail gaat pas na de activiteit, of als er iemand is afgetekend.' });
		const came = anyCheckIn ? confirmed.filter((s) => s.checkedInAt) : confirmed;
		await tx.update(activity).set({ feedbackSentAt: now }).where(eq(activity.id, a.id));
		let mailed = 0;
		for (const s of came) {
			if (!s.email) continue;
			await tx.update(activitySignup).set({ feedbackSentAt: now }).where(eq(activitySignup.id, s.id));
			await queueMail(tx, {
				steunpuntId,
				to: s.email,
				...feedbackMail({ origin: ctx.origin, steunpunt: sp, activity: a, token: await signupToken(s.id, 'feedback'), name: s.name })
			});
			mailed++;
		}
		return mailed;
	});
}

/** The regisseur sends the feedback mail at the end of the evening. Returns how many got it. */
export async function sendFeedbackNow(actor: Actor, input: { activityId: string } & MailContext, now = new Date()): Promise<number> {
	const steunpuntId = tenantOf(actor, policies.canManageActivities(actor));
	const { activityId } = input;
	if (!uuidLike.test(activityId)) throw new NotFoundError();
	const sent = await mailFeedback(steunpuntId, activityId, { origin: input.origin }, now, true);
	await withTenant(steunpuntId, (tx) =>
		recordAudit(tx, actor, { action: 'activity.feedback_mail', entity: 'activity', entityId: activityId, detail: { sent } })
	);
	return sent;
}

/** The job: two hours after the end, for activities of the last two weeks not yet mailed. */
export async function sendDueFeedbackMails(ctx: MailContext, now = new Date()): Promise<number> {
	const due = await db()
		.select({ id: activity.id, steunpuntId: activity.steunpuntId })
		.from(activity)
		.where(
			and(
				eq(activity.status, 'gepland'),
				isNull(activity.feedbackSentAt),
				lt(activity.endsAt, new Date(now.getTime() - 2 * 3_600_000)),
				gt(activity.endsAt, new Date(now.getTime() - 14 * 86_400_000))
			)
		)
		.limit(200);
	let sent = 0;
	for (const d of due) sent += await mailFeedback(d.steunpuntId, d.id, ctx, now, false);
	return sent;
}

async function feedbackSignup(tx: Db, steunpuntId: string, token: string) {
	const id = await signupIdFromToken(token, 'feedback');
	if (!id) throw new NotFoundError('Deze link klopt niet. Kijk of je de hele link uit de mail hebt gebruikt.');
	const [s] = await tx
		.select()
		.from(activitySignup)
		.where(and(eq(activitySignup.id, id), eq(activitySignup.steunpuntId, steunpuntId), isNotNull(activitySignup.feedbackSentAt)));
	if (!s) throw new NotFoundError('Deze link werkt niet (meer).');
	if (s.feedbackGiven) throw new GoneError('Je hebt je antwoord al gegeven. Dank je wel!');
	const [a] = await tx.select().from(activity).where(eq(activity.id, s.activityId));
	if (a.personalDataPurgedAt) throw new GoneError('Deze link is verlopen.');
	return { s, a };
}

/** The feedback link: the steunpunt and token from the route. */
export interface FeedbackLink {
	slug: string;
	token: string;
}

/** What the feedback page names: which activity it was about. */
export interface FeedbackForm {
	title: string;
	when: string;
}

/** The feedback page behind the link (404 for a wrong link, 410 once answered). */
export async function getFeedbackForm(input: FeedbackLink): Promise<FeedbackForm> {
	const sp = await getSteunpuntBySlug(input.slug);
	await prepareLinks();
	return withTenant(sp.id, async (tx) => {
		const { a } = await feedbackSignup(tx, sp.id, input.token);
		return { title: a.title, when: formatWhen(a.startsAt, a.endsAt) };
	});
}

/** The feedback link (from the route) and the form under `input` (`nuttig`, `volgendeKeer`). */
export interface GiveFeedbackInput extends FeedbackLink {
	input: Record<string, unknown>;
}

/** Stores the answer without the person; the link works once. */
export async function giveFeedback(input: GiveFeedbackInput, now = new Date()): Promise<void> {
	const sp = await getSteunpuntBySlug(input.slug);
	const data = parse(ZFeedbackInput, input.input);
	await prepareLinks();
	await withTenant(sp.id, async (tx) => {
		const { s, a } = await feedbackSignup(tx, sp.id, input.token);
		const claimed = await tx
			.update(activitySignup)
			.set({ feedbackGiven: true })
			.where(and(eq(activitySignup.id, s.id), eq(activitySignup.feedbackGiven, false)))
			.returning({ id: activitySignup.id });
		if (!claimed.length) throw new GoneError('Je hebt je antwoord al gegeven. Dank je wel!');
		// Only the day: the answer's time would point back to the person who just got the mail.
		await tx
			.insert(activityFeedback)
			.values({ steunpuntId: sp.id, activityId: a.id, useful: data.nuttig, nextTime: data.volgendeKeer, createdAt: new Date(`${dayInNL(now)}T12:00:00Z`) });
	});
}

/** The form's `onderwerpen`, then the activity from the route (spread after the fields: a field never overrides it). */
export interface TopicsInput extends Record<string, unknown> {
	activityId: string;
}

/** The topics discussed: one anonymous registration per activity, replaced on every save. */
export async function registerTopics(actor: Actor, input: TopicsInput, now = new Date()): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canManageActivities(actor));
	const { activityId } = input;
	if (!uuidLike.test(activityId)) throw new NotFoundError();
	const { onderwerpen } = parse(ZTopicsInput, input);
	await withTenant(steunpuntId, async (tx) => {
		const [a] = await tx
			.select()
			.from(activity)
			.where(and(eq(activity.id, activityId), eq(activity.steunpuntId, steunpuntId)))
			.for('update');
		if (!a) throw new NotFoundError();
		if (a.status !== 'gepland') throw new ValidationError({ form: 'Deze activiteit is afgelast.' });
		// From the day of the activity on (as check-in), so it can be done at the end of the evening.
		if (now.getTime() < a.startsAt.getTime() - CHECK_IN_OPENS_MS)
			throw new ValidationError({ form: 'Wat besproken is, leg je vast op de dag van de activiteit of daarna.' });
		let registrationId: string | null = a.registrationId;
		if (registrationId) {
			if (onderwerpen.length) await tx.update(registration).set({ topics: onderwerpen, topicsConfirmed: true }).where(eq(registration.id, registrationId));
			else {
				await tx.update(activity).set({ registrationId: null }).where(eq(activity.id, a.id));
				await tx.delete(registration).where(eq(registration.id, registrationId));
				registrationId = null;
			}
		} else if (onderwerpen.length) {
			const [r] = await tx
				.insert(registration)
				.values({
					steunpuntId,
					day: dayInNL(a.startsAt),
					channel: 'activiteit',
					who: a.audience === 'jongeren' ? 'jongere' : 'ouder',
					topics: onderwerpen,
					topicsConfirmed: true,
					durationMinutes: Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000)
				})
				.returning({ id: registration.id });
			registrationId = r.id;
		}
		await tx.update(activity).set({ topics: onderwerpen, registrationId }).where(eq(activity.id, a.id));
		await recordAudit(tx, actor, { action: 'activity.topics', entity: 'activity', entityId: a.id, detail: { topics: onderwerpen } });
	});
}
