/**
 * What a steunpunt's public kennisbank shows: every national text, unless the steunpunt
 * published its own version under the same slug (its version overrides), plus its own texts.
 *
 * Cached per steunpunt. Publishing in this process clears the cache at once; a text published on
 * another instance (several instances on one database) shows here within STALE_MS (2 s,
 * platform/staleness.ts): after that a cheap version check — how many texts are published and
 * the latest publication, the same of the national library — decides whether to read them
 * again. An unchanged version keeps the texts (and the search index built on them).
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { db, rowsOf, withTenant } from '../db';
import { glossaryTerm, libraryText, routeStep, text_, textVersion } from '../db/schema';
import { STALE_MS } from '../platform/staleness';

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

/** Even with an unchanged version the texts are read again after this long (a backstop). */
const MAX_AGE_MS = 60_000;
interface Entry {
	texts: VisibleText[];
	bySlug: Map<string, VisibleText>;
	version: string;
	loadedAt: number;
	checkedAt: number;
}
const cache = new Map<string, Entry>();

export function forgetVisibleTexts(steunpuntId: string): void {
	cache.delete(steunpuntId);
}

/** Changes whenever a text is published for this steunpunt or the national library changes. */
async function publishedVersion(steunpuntId: string): Promise<string> {
	const [row] = await withTenant(steunpuntId, async (tx) =>
		rowsOf<{ version: string }>(
			await tx.execute(sql`
				select concat_ws('|',
					(select count(*) from library_text), (select max(updated_at) from library_text),
					count(*), max(v.published_at)) as version
				from text t join text_version v on v.id = t.published_version_id
				where t.steunpunt_id = ${steunpuntId}`)
		)
	);
	return row.version;
}

export async function findVisibleTexts(steunpuntId: string): Promise<{ texts: VisibleText[]; bySlug: Map<string, VisibleText> }> {
	const hit = cache.get(steunpuntId);
	if (hit && Date.now() - hit.checkedAt < STALE_MS) return hit;
	// The version before the texts: a text published in between makes the next check read again.
	const version = await publishedVersion(steunpuntId);
	if (hit && hit.version === version && Date.now() - hit.loadedAt < MAX_AGE_MS) {
		hit.checkedAt = Date.now();
		return hit;
	}
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
	const entry: Entry = { texts, bySlug, version, loadedAt: Date.now(), checkedAt: Date.now() };
	cache.set(steunpuntId, entry);
	return entry;
}

let glossaryCache: { at: number; terms: (typeof glossaryTerm.$inferSelect)[] } | undefined;

/** The national begrippenlijst, sorted by term (cached for a minute: only the operator CLI changes it). */
export async function findGlossary() {
	if (glossaryCache && Date.now() - glossaryCache.at < 60_000) return glossaryCache.terms;
	const terms = (await db().select().from(glossaryTerm)).sort((a, b) => a.term.localeCompare(b.term, 'nl'));
	glossaryCache = { at: Date.now(), terms };
	return terms;
}

export async function findRouteSteps() {
	return db().select().from(routeStep).orderBy(routeStep.position);
}
