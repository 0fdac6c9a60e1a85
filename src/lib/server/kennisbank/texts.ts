/**
 * What a steunpunt's public kennisbank shows: every national text, unless the steunpunt
 * published its own version under the same slug (its version overrides), plus its own texts.
 * Cached per steunpunt for a few seconds; publishing in this process clears the cache at once.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { db, withTenant } from '../db';
import { glossaryTerm, libraryText, routeStep, text_, textVersion } from '../db/schema';

export interface VisibleText {
	slug: string;
	title: string;
	phase: string;
	topics: string[];
	subject: string;
	audience: string;
	summary: string;
	body: string;
	keywords: string[];
	related: string[];
	/** 'landelijk' = the national text as is; 'eigen' = this steunpunt's published version. */
	source: 'landelijk' | 'eigen';
}

const TTL_MS = 5_000;
const cache = new Map<string, { at: number; texts: VisibleText[]; bySlug: Map<string, VisibleText> }>();

export function forgetVisibleTexts(steunpuntId: string): void {
	cache.delete(steunpuntId);
}

export async function findVisibleTexts(steunpuntId: string): Promise<{ texts: VisibleText[]; bySlug: Map<string, VisibleText> }> {
	const hit = cache.get(steunpuntId);
	if (hit && Date.now() - hit.at < TTL_MS) return hit;
	const library = await db().select().from(libraryText);
	const own = await withTenant(steunpuntId, (tx) =>
		tx
			.select({ slug: text_.slug, v: textVersion })
			.from(text_)
			.innerJoin(textVersion, eq(textVersion.id, text_.publishedVersionId))
			.where(and(eq(text_.steunpuntId, steunpuntId), isNotNull(text_.publishedVersionId)))
	);
	const bySlug = new Map<string, VisibleText>();
	for (const t of library) {
		bySlug.set(t.slug, {
			slug: t.slug,
			title: t.title,
			phase: t.phase,
			topics: t.topics,
			subject: t.subject,
			audience: t.audience,
			summary: t.summary,
			body: t.body,
			keywords: t.keywords,
			related: t.related,
			source: 'landelijk'
		});
	}
	for (const { slug, v } of own) {
		bySlug.set(slug, {
			slug,
			title: v.title,
			phase: v.phase,
			topics: v.topics,
			subject: v.subject,
			audience: v.audience,
			summary: v.summary,
			body: v.body,
			keywords: v.keywords,
			related: v.related,
			source: 'eigen'
		});
	}
	const texts = [...bySlug.values()].sort((a, b) => a.title.localeCompare(b.title, 'nl'));
	const entry = { at: Date.now(), texts, bySlug };
	cache.set(steunpuntId, entry);
	return entry;
}

let glossaryCache: { at: number; terms: (typeof glossaryTerm.$inferSelect)[] } | undefined;

/** The national begrippenlijst, sorted by term (cached for a minute). */
export async function findGlossary() {
	if (glossaryCache && Date.now() - glossaryCache.at < 60_000) return glossaryCache.terms;
	const terms = (await db().select().from(glossaryTerm)).sort((a, b) => a.term.localeCompare(b.term, 'nl'));
	glossaryCache = { at: Date.now(), terms };
	return terms;
}

export async function findRouteSteps() {
	return db().select().from(routeStep).orderBy(routeStep.position);
}
