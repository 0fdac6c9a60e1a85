/**
 * Kennisbank search for one steunpunt, over the texts it shows. The index is built in memory
 * from the visible texts and rebuilt when they change.
 */
import { buildSearchIndex, searchIndex, type SearchIndex } from '../search/engine';
import { findVisibleTexts, type VisibleText } from './texts';

export interface SearchResult {
	title: string;
	url: string;
	phase: string;
	topics: string[];
	summary: string;
}

const indexes = new WeakMap<VisibleText[], SearchIndex>();

export const MAX_QUERY_LENGTH = 500;

/** Best first; an empty or unusable query gives no results (never an error). */
export async function searchTexts(options: { steunpuntId: string; steunpuntSlug: string; q: string; limit?: number }): Promise<SearchResult[]> {
	const q = options.q.slice(0, 10_000);
	if (!q.trim()) return [];
	const { texts, bySlug } = await findVisibleTexts(options.steunpuntId);
	let index = indexes.get(texts);
	if (!index) {
		index = buildSearchIndex(
			texts.map((t) => ({ id: t.slug, title: t.title, summary: t.summary, body: t.body, keywords: t.keywords, topics: t.topics, phase: t.phase }))
		);
		indexes.set(texts, index);
	}
	return searchIndex(index, q, { limit: options.limit ?? 10 })
		.map((hit) => bySlug.get(hit.id))
		.filter((t) => t !== undefined)
		.map((t) => ({ title: t.title, url: `/${options.steunpuntSlug}/vraag/${t.slug}`, phase: t.phase, topics: t.topics, summary: t.summary }));
}
