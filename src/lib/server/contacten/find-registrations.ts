/**
 * The anonymous registrations, one per contact, newest first: the regisseur checks today's work
 * here. Reads only the `registration` table — never joined to cases or people.
 */
import { desc, eq } from 'drizzle-orm';
import { CHANNELS, OUTCOMES, REFERRAL_KINDS, SCHOOL_TYPES, WHO, labelOf } from '$lib/contacten';
import { phaseBySlug, topicBySlug } from '$lib/taxonomy';
import { withTenant } from '../db';
import { gemeente, registration } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';

/** One registration as the list shows it: labels, never a link to a case or a person. */
export interface RegistrationLine {
	id: string;
	day: string;
	channel: string;
	who: string;
	schoolType: string;
	phase: string;
	topics: string[];
	topicsConfirmed: boolean;
	outcome: string;
	referral: string;
	duration: number | null;
	gemeente: string;
}

/** The newest registrations of the actor's steunpunt (`limit`, default 100). */
export async function findRegistrations(actor: Actor, input: { limit?: number } = {}): Promise<RegistrationLine[]> {
	const steunpuntId = tenantOf(actor, policies.canHandleCases(actor));
	const limit = input.limit ?? 100;
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
