/**
 * Figures of the buddy programme for the steunpunt (and its policy staff). Counts below 5 are
 * suppressed ("minder dan 5"), and averages are only shown over at least 5 answers, so no family
 * or buddy can be singled out.
 */
import { and, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import { MOMENT_FORMS } from '$lib/buddies/options';
import { withTenant } from '../db';
import { buddyMatch, buddyMoment, buddyRequest, buddySurvey } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { averageShown, shown } from '$lib/small-counts';

/** One figure: its label and the value shown ("minder dan 5" for small counts). */
export interface FigureRow {
	label: string;
	value: string;
}

export interface BuddyFigures {
	sinceDays: number;
	rows: FigureRow[];
	/** Contact moments per form of contact. */
	moments: FigureRow[];
}

/** The programme's figures over the last `sinceDays` days (a year unless given). */
export async function getBuddyFigures(actor: Actor, input: { sinceDays?: number } = {}, now = new Date()): Promise<BuddyFigures> {
	const steunpuntId = tenantOf(actor, policies.canSeeBuddyFigures(actor));
	const sinceDays = input.sinceDays ?? 365;
	const since = new Date(now.getTime() - sinceDays * 86_400_000);
	return withTenant(steunpuntId, async (tx) => {
		const [requests] = await tx
			.select({ n: sql<number>`count(*)::int` })
			.from(buddyRequest)
			.where(and(eq(buddyRequest.steunpuntId, steunpuntId), gte(buddyRequest.createdAt, since)));
		const [made] = await tx
			.select({
				n: sql<number>`count(*)::int`,
				days: sql<number | null>`sum(extract(epoch from (${buddyMatch.activeAt} - ${buddyRequest.createdAt})) / 86400)::float`
			})
			.from(buddyMatch)
			.innerJoin(buddyRequest, eq(buddyRequest.id, buddyMatch.requestId))
			.where(and(eq(buddyMatch.steunpuntId, steunpuntId), isNotNull(buddyMatch.activeAt), gte(buddyMatch.activeAt, since)));
		const [active] = await tx
			.select({ n: sql<number>`count(*)::int` })
			.from(buddyMatch)
			.where(and(eq(buddyMatch.steunpuntId, steunpuntId), eq(buddyMatch.status, 'actief')));
		const [ended] = await tx
			.select({
				n: sql<number>`count(*)::int`,
				days: sql<number | null>`sum(extract(epoch from (${buddyMatch.endedAt} - ${buddyMatch.activeAt})) / 86400)::float`
			})
			.from(buddyMatch)
			.where(
				and(
					eq(buddyMatch.steunpuntId, steunpuntId),
					inArray(buddyMatch.status, ['afgerond', 'gestopt']),
					isNotNull(buddyMatch.activeAt),
					gte(buddyMatch.endedAt, since)
				)
			);
		const [parents] = await tx
			.select({ n: sql<number>`count(${buddySurvey.supported})::int`, sum: sql<number | null>`sum(${buddySurvey.supported})::float` })
			.from(buddySurvey)
			.where(and(eq(buddySurvey.steunpuntId, steunpuntId), eq(buddySurvey.who, 'ouder'), gte(buddySurvey.day, since.toISOString().slice(0, 10))));
		const forms = await tx
			.select({ form: buddyMoment.form, n: sql<number>`count(*)::int` })
			.from(buddyMoment)
			.where(and(eq(buddyMoment.steunpuntId, steunpuntId), gte(buddyMoment.day, since.toISOString().slice(0, 10))))
			.groupBy(buddyMoment.form);
		const formCount = new Map(forms.map((f) => [f.form, f.n]));
		return {
			sinceDays,
			rows: [
				{ label: 'Aanvragen voor een buddy', value: shown(requests.n) },
				{ label: 'Koppelingen gemaakt (actief geworden)', value: shown(made.n) },
				{ label: 'Gemiddelde tijd van aanvraag tot actieve koppeling (dagen)', value: averageShown(made.days, made.n) },
				{ label: 'Koppelingen die nu actief zijn', value: shown(active.n) },
				{ label: 'Gemiddelde duur van een afgelopen koppeling (dagen)', value: averageShown(ended.days, ended.n, { digits: 0 }) },
				{ label: 'Voelden ouders zich gesteund? (gemiddeld, 1 tot 5)', value: averageShown(parents.sum, parents.n) },
				{ label: 'Aantal antwoorden op die vraag', value: shown(parents.n) }
			],
			moments: MOMENT_FORMS.map((f) => ({ label: f.label, value: shown(formCount.get(f.value) ?? 0) }))
		};
	});
}
