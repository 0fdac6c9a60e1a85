/**
 * The parent's survey at the end of a match: "Voel je je gesteund?" (1–5), what helped, what
 * could be better. Stored anonymously (no match, no request) for the figures; the link works once.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { withTenant } from '../db';
import { buddyMatch, buddySurvey } from '../db/schema';
import { sha256 } from '../auth/crypto';
import { ConflictError, NotFoundError } from '../errors';
import { getSteunpuntBySlug } from '../platform/tenant';
import { parse } from '../validation';
import { dayInNL } from '$lib/working-days';
import { ZSurveyInput } from './schemas';

const GONE = 'Deze link werkt niet (meer). Je kunt ons altijd bellen of mailen.';

async function find(steunpuntId: string, token: string) {
	if (!/^[a-z2-7]{20,64}$/.test(token)) throw new NotFoundError(GONE);
	return withTenant(steunpuntId, async (tx) => {
		const [m] = await tx
			.select({ id: buddyMatch.id, answeredAt: buddyMatch.surveyAnsweredAt })
			.from(buddyMatch)
			.where(and(eq(buddyMatch.surveyTokenHash, sha256(token)), eq(buddyMatch.steunpuntId, steunpuntId)));
		if (!m) throw new NotFoundError(GONE);
		return m;
	});
}

export async function getSurvey(slug: string, token: string) {
	const sp = await getSteunpuntBySlug(slug);
	const m = await find(sp.id, token);
	return { answered: m.answeredAt !== null };
}

export async function answerSurvey(options: { slug: string; token: string; input: Record<string, unknown>; now?: Date }): Promise<void> {
	const sp = await getSteunpuntBySlug(options.slug);
	const data = parse(ZSurveyInput, options.input);
	const now = options.now ?? new Date();
	const m = await find(sp.id, options.token);
	await withTenant(sp.id, async (tx) => {
		const done = await tx
			.update(buddyMatch)
			.set({ surveyAnsweredAt: now })
			.where(and(eq(buddyMatch.id, m.id), isNull(buddyMatch.surveyAnsweredAt)))
			.returning({ id: buddyMatch.id });
		if (!done.length) throw new ConflictError('Je hebt de vragenlijst al ingevuld. Dank je wel!');
		await tx
			.insert(buddySurvey)
			.values({ steunpuntId: sp.id, day: dayInNL(now), who: 'ouder', supported: data.gesteund, helped: data.hielp, better: data.beter });
	});
}
