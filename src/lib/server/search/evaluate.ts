/**
 * Measures the search engine against labelled queries: a query "hits" when its FIRST expected topic
 * is among the topics of the top-3 results (top1: of the first result).
 */
import { buildSearchIndex, searchIndex, type SearchDoc } from './engine';

export interface EvalQuery {
	id: string;
	text: string;
	topics: string[];
	phase?: string;
}

export interface EvalMiss {
	id: string;
	text: string;
	expected: string;
	/** The top-3 results with their topics. */
	got: { id: string; topics: string[] }[];
}

export interface EvalResult {
	total: number;
	/** Share of queries (0–1) whose first topic is among the top-3 results' topics. */
	top3TopicHit: number;
	/** Share of queries (0–1) whose first topic is among the first result's topics. */
	top1TopicHit: number;
	misses: EvalMiss[];
}

export function evaluateSearch(docs: SearchDoc[], queries: EvalQuery[]): EvalResult {
	const index = buildSearchIndex(docs);
	const topicsOf = new Map(docs.map((d) => [d.id, d.topics]));
	let top3 = 0;
	let top1 = 0;
	const misses: EvalMiss[] = [];
	for (const q of queries) {
		const expected = q.topics[0];
		const hits = searchIndex(index, q.text, { limit: 3 });
		const got = hits.map((h) => ({ id: h.id, topics: topicsOf.get(h.id) ?? [] }));
		if (got[0]?.topics.includes(expected)) top1++;
		if (got.some((g) => g.topics.includes(expected))) top3++;
		else misses.push({ id: q.id, text: q.text, expected, got });
	}
	const total = queries.length;
	return { total, top3TopicHit: total ? top3 / total : 0, top1TopicHit: total ? top1 / total : 0, misses };
}

/** Parses a JSONL file of queries ({ id, text, topics, ... } per line); skips blank lines. */
export function parseQueries(source: string): EvalQuery[] {
	return source
		.split(/\r?\n/)
		.filter((l) => l.trim())
		.map((l) => JSON.parse(l) as EvalQuery);
}
