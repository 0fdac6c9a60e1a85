/**
 * Evaluates kennisbank search on labelled queries.
 *   npx tsx scripts/eval-search.ts                 (queries: ../shared/domain/queries-dev.jsonl)
 *   QUERIES=path/to/queries.jsonl npx tsx scripts/eval-search.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadQuestions } from '../src/lib/server/kennisbank/content';
import { evaluateSearch, parseQueries } from '../src/lib/server/search/evaluate';
import type { SearchDoc } from '../src/lib/server/search/engine';

const file = path.resolve(process.env.QUERIES || '../shared/domain/queries-dev.jsonl');
const docs: SearchDoc[] = loadQuestions().map((q) => ({
	id: q.slug,
	title: q.title,
	summary: q.summary,
	body: q.body,
	keywords: q.keywords,
	topics: q.topics,
	phase: q.phase
}));
const queries = parseQueries(fs.readFileSync(file, 'utf8'));
const started = performance.now();
const result = evaluateSearch(docs, queries);
const ms = performance.now() - started;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

console.info(`${docs.length} documents, ${queries.length} queries (${path.basename(file)}), ${ms.toFixed(1)} ms`);
console.info(`top-3 first-topic hit: ${pct(result.top3TopicHit)}`);
console.info(`top-1 first-topic hit: ${pct(result.top1TopicHit)}`);
if (result.misses.length) {
	console.info(`\nmisses (${result.misses.length}):`);
	for (const m of result.misses) {
		console.info(`- ${m.id} "${m.text.length > 90 ? m.text.slice(0, 87) + '...' : m.text}"`);
		console.info(`    expected ${m.expected}; got ${m.got.map((g) => `${g.id} [${g.topics.join(', ')}]`).join(' | ') || '(nothing)'}`);
	}
}
