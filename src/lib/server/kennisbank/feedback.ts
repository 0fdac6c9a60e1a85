/**
 * "Heeft deze tekst je geholpen?" — anonymous: only the answer, an optional comment and the
 * date are stored; no address, no session. Rate-limited per client to keep spam out.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { withTenant } from '../db';
import { textFeedback } from '../db/schema';
import { NotFoundError } from '../errors';
import { hitRateLimit } from '../rate-limit';
import { cleanText, parse } from '../validation';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { findVisibleTexts } from './texts';

export const ZFeedbackInput = z.object({
	helped: z.enum(['ja', 'nee'], { message: 'Kies ja of nee.' }),
	comment: cleanText(1000, 'Je opmerking is te lang. Gebruik hooguit 1000 tekens.').optional()
});

export async function giveFeedback(options: { steunpuntId: string; slug: string; input: unknown; client: string }): Promise<void> {
	const { helped, comment } = parse(ZFeedbackInput, options.input);
	const { bySlug } = await findVisibleTexts(options.steunpuntId);
	if (!bySlug.has(options.slug)) throw new NotFoundError();
	await hitRateLimit({ key: `feedback:${options.client}`, max: 20, windowSeconds: 3600 });
	await withTenant(options.steunpuntId, (tx) =>
		tx.insert(textFeedback).values({ steunpuntId: options.steunpuntId, slug: options.slug, helped: helped === 'ja', comment: comment || null })
	);
}

/** Per text how many said yes and no; with a slug also that text's latest comments. */
export interface FeedbackSummary {
	counts: { slug: string; yes: number; no: number }[];
	comments: { helped: boolean; comment: string | null; createdAt: Date }[];
}

/** Per text: how many said yes and no, and the latest comments of one text (editors only). */
export async function findFeedback(actor: Actor, input: { slug?: string } = {}): Promise<FeedbackSummary> {
	const steunpuntId = tenantOf(actor, policies.canSeeTexts(actor));
	const { slug } = input;
	return withTenant(steunpuntId, async (tx) => {
		const counts = await tx
			.select({
				slug: textFeedback.slug,
				yes: sql<number>`count(*) filter (where ${textFeedback.helped})::int`,
				no: sql<number>`count(*) filter (where not ${textFeedback.helped})::int`
			})
			.from(textFeedback)
			.where(slug ? and(eq(textFeedback.steunpuntId, steunpuntId), eq(textFeedback.slug, slug)) : eq(textFeedback.steunpuntId, steunpuntId))
			.groupBy(textFeedback.slug);
		const comments = slug
			? await tx
					.select({ helped: textFeedback.helped, comment: textFeedback.comment, createdAt: textFeedback.createdAt })
					.from(textFeedback)
					.where(and(eq(textFeedback.steunpuntId, steunpuntId), eq(textFeedback.slug, slug), sql`${textFeedback.comment} is not null`))
					.orderBy(desc(textFeedback.createdAt))
					.limit(50)
			: [];
		return { counts, comments };
	});
}
