/**
 * The regisseur's view of one activity: participants and waiting list (every view audited), the
 * presence list, check-in at the door and the CSV export.
 */
import { and, asc, eq } from 'drizzle-orm';
import { NEEDS, PARTICIPANTS, SIGNUP_STATUSES, labelOf } from '$lib/activiteiten';
import { withTenant, type Db } from '../db';
import { activity, activitySignup } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { uuidLike } from '../platform/fields';
import { dateToNlLocal, formatMoment } from './time';
import { formValuesOf, getPublicActivity, type PublicActivity } from './activities';
import { getSteunpuntById } from '../platform/tenant';

/** Check-in opens a day before the start (setting up, early arrivals) and stays open afterwards. */
export const CHECK_IN_OPENS_MS = 24 * 3_600_000;

async function load(tx: Db, steunpuntId: string, id: string) {
	if (!uuidLike.test(id)) throw new NotFoundError();
	const [a] = await tx
		.select()
		.from(activity)
		.where(and(eq(activity.id, id), eq(activity.steunpuntId, steunpuntId)));
	if (!a) throw new NotFoundError();
	return a;
}

/** One sign-up as the regisseur sees it (names and contact details until they are wiped). */
export interface Participant {
	id: string;
	status: string;
	statusLabel: string;
	people: number;
	who: string;
	name: string | null;
	email: string | null;
	phone: string | null;
	needs: string[];
	needsNote: string | null;
	checkedIn: boolean;
	/** Until when an offered place can be taken, as text. */
	offerUntil: string | null;
	wasWaiting: boolean;
}

function present(s: typeof activitySignup.$inferSelect): Participant {
	return {
		id: s.id,
		status: s.status,
		statusLabel: labelOf(SIGNUP_STATUSES, s.status),
		people: s.people,
		who: labelOf(PARTICIPANTS, s.who),
		name: s.name,
		email: s.email,
		phone: s.phone,
		needs: s.needs.map((n) => labelOf(NEEDS, n)),
		needsNote: s.needsNote,
		checkedIn: !!s.checkedInAt,
		offerUntil: s.offerExpiresAt && s.status === 'aangeboden' ? formatMoment(s.offerExpiresAt) : null,
		wasWaiting: s.wasWaiting
	};
}

/** The back-office page of one activity: the public details, the form values and the people (`waiting`: the list, not a count). */
export interface ActivityDetail extends Omit<PublicActivity, 'waiting'> {
	topics: string[];
	onlineUrl: string | null;
	/** The fields of ActivityForm, for editing. */
	form: Record<string, string>;
	feedbackSentAt: Date | null;
	purged: boolean;
	canCheckIn: boolean;
	/** The activity has ended, or check-in began: time for the feedback mail and the topics. */
	afterwards: boolean;
	participants: Participant[];
	waiting: Participant[];
	gone: Participant[];
	confirmedPeople: number;
	checkedInPeople: number;
}

/** One activity with its participants and waiting list (audited: it shows personal data). */
export async function getActivity(actor: Actor, input: { activityId: string }, now = new Date()): Promise<ActivityDetail> {
	const steunpuntId = tenantOf(actor, policies.canManageActivities(actor));
	const id = input.activityId;
	const sp = await getSteunpuntById(steunpuntId);
	const info = await withTenant(steunpuntId, async (tx) => {
		const a = await load(tx, steunpuntId, id);
		const signups = await tx.select().from(activitySignup).where(eq(activitySignup.activityId, a.id)).orderBy(asc(activitySignup.queueNo));
		await recordAudit(tx, actor, { action: 'activity.view', entity: 'activity', entityId: a.id, detail: { shown: signups.length } });
		return { a, signups };
	});
	const pub = await getPublicActivity({ slug: sp.slug, activityId: id }, now);
	const { a, signups } = info;
	const list = signups.map(present);
	const confirmed = list.filter((s) => s.status === 'bevestigd');
	return {
		...pub,
		status: a.status,
		topics: a.topics,
		onlineUrl: a.onlineUrl,
		form: formValuesOf(a),
		feedbackSentAt: a.feedbackSentAt,
		purged: !!a.personalDataPurgedAt,
		canCheckIn: a.status === 'gepland' && now.getTime() >= a.startsAt.getTime() - CHECK_IN_OPENS_MS,
		afterwards: a.status === 'gepland' && (a.endsAt <= now || signups.some((s) => s.checkedInAt)),
		participants: list.filter((s) => s.status === 'bevestigd' || s.status === 'aangeboden'),
		waiting: list.filter((s) => s.status === 'wachtlijst'),
		gone: list.filter((s) => s.status === 'geannuleerd' || s.status === 'verlopen'),
		confirmedPeople: confirmed.reduce((n, s) => n + s.people, 0),
		checkedInPeople: confirmed.filter((s) => s.checkedIn).reduce((n, s) => n + s.people, 0)
	};
}

/**
 * Check-in: the form names the sign-up (`aanmelding`) and `aanwezig` (ja/nee); the activity from
 * the route is spread after the fields, so a field never overrides it.
 */
export interface CheckInInput extends Record<string, unknown> {
	activityId: string;
}

/** Marks someone present (or not) at the door. */
export async function checkIn(actor: Actor, input: CheckInInput, now = new Date()): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canManageActivities(actor));
	const signupId = typeof input.aanmelding === 'string' ? input.aanmelding : '';
	if (!uuidLike.test(signupId)) throw new ValidationError({ form: 'Kies een deelnemer uit de lijst.' });
	const present = input.aanwezig !== 'nee';
	await withTenant(steunpuntId, async (tx) => {
		const a = await load(tx, steunpuntId, input.activityId);
		if (a.status !== 'gepland') throw new ValidationError({ form: 'Deze activiteit is afgelast.' });
		if (now.getTime() < a.startsAt.getTime() - CHECK_IN_OPENS_MS)
			throw new ValidationError({ form: 'Aanwezigheid aftekenen kan vanaf een dag voor de activiteit.' });
		const [s] = await tx
			.select()
			.from(activitySignup)
			.where(and(eq(activitySignup.id, signupId), eq(activitySignup.activityId, a.id)));
		if (!s) throw new ValidationError({ form: 'Kies een deelnemer uit de lijst.' });
		if (s.status !== 'bevestigd') throw new ConflictError('Alleen wie aangemeld is, kan worden afgetekend.');
		await tx
			.update(activitySignup)
			.set({ checkedInAt: present ? now : null, updatedAt: now })
			.where(eq(activitySignup.id, s.id));
	});
}

/** A CSV file to download. */
export interface CsvFile {
	filename: string;
	csv: string;
}

/** The participants as CSV (Excel-friendly: semicolons, BOM; no formula injection). Audited. */
export async function exportParticipants(actor: Actor, input: { activityId: string }): Promise<CsvFile> {
	const steunpuntId = tenantOf(actor, policies.canManageActivities(actor));
	return withTenant(steunpuntId, async (tx) => {
		const a = await load(tx, steunpuntId, input.activityId);
		const rows = await tx.select().from(activitySignup).where(eq(activitySignup.activityId, a.id)).orderBy(asc(activitySignup.queueNo));
		await recordAudit(tx, actor, { action: 'activity.export', entity: 'activity', entityId: a.id, detail: { rows: rows.length } });
		const header = ['Status', 'Naam', 'E-mail', 'Telefoon', 'Personen', 'Wie', 'Wensen', 'Toelichting', 'Aanwezig'];
		const lines = rows.map((s) => {
			const p = present(s);
			return [
				p.statusLabel,
				p.name ?? '',
				p.email ?? '',
				p.phone ?? '',
				String(p.people),
				p.who,
				p.needs.join(', '),
				p.needsNote ?? '',
				p.checkedIn ? 'ja' : 'nee'
			];
		});
		const csv = '\uFEFF' + [header, ...lines].map((cells) => cells.map(csvCell).join(';')).join('\r\n') + '\r\n';
		const day = dateToNlLocal(a.startsAt).day;
		return { filename: `deelnemers-${day}.csv`, csv };
	});
}

/** One CSV cell: quoted, and a leading =, +, - or @ defused so a spreadsheet never runs it. */
export function csvCell(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return `"${safe.replace(/"/g, '""')}"`;
}
