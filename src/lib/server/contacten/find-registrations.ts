/**
 * The anonymous registrations, one per contact, newest first: the regisseur checks today's work
 * here. Reads only the `registration` table — never joined to cases or people.
 */
import { desc, eq } from 'drizzle-orm';
import { CHANNELS, OUTCOMES, REFERRAL_KINDS, SCHOOL_TYPES, WHO, labelOf } from '$lib/contacten';
import { phaseBySlug, topicBySlug } from '$lib/taxonomy';
import { withTenant } from '../db';
import { gemeente, registration } from '../db/schema';
import { authorize, policies } from '../auth/policy';
import type { Actor } from '../auth/roles';

export async function findRegistrations(actor: Actor, steunpuntId: string, limit = 100) {
	authorize(actor, steunpuntId, policies.canHandleCases(actor));
	const rows = await withTenant(steunpuntId, (tx) =>
		tx
			.select({ r: registration, gemeente: gemeente.naam })
			.from(registration)
			.leftJoin(gemeente, eq(gemeente.code, registration.gemeenteCode))
			.where(eq(registration.steunpuntId, steunpuntId))
			.orderBy(desc(registration.createdAt))
			.limit(limit)
	);
	return rows.map(({ r, gemeente: g }) => ({
		id: r.id,
		day: r.day,
		channel: labelOf(CHANNELS, r.channel),
		who: labelOf(WHO, r.who),
		schoolType: labelOf(SCHOOL_TYPES, r.schoolType),
		phase: r.phase ? (phaseBySlug.get(r.phase)?.name ?? r.phase) : '',
		topics: r.topics.map((t) => topicBySlug.get(t)?.label ?? t),
		topicsConfirmed: r.topicsConfirmed,
		outcome: labelOf(OUTCOMES, r.outcome),
		referral: labelOf(REFERRAL_KINDS, r.referralKind),
		duration: r.durationMinutes,
		gemeente: g ?? ''
	}));
}
