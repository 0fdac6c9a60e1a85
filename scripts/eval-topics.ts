/**
 * Measures the topic classifier: top-1/top-3 on the held-out query set (never used for training)
 * and on a held-out fifth of our own examples. Run: `npx tsx scripts/eval-topics.ts`
 * (QUERIES=<path> to measure another JSON-lines file with "text" and "topics").
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluateTopics, suggestTopics, trainClassifier } from '../src/lib/server/signalering/topic-classifier';
import { EXAMPLES } from '../src/lib/server/signalering/training/examples';
import { extractFeatures } from '../src/lib/server/signalering/features';

const pct = (x: number) => (100 * x).toFixed(1) + '%';
const queriesPath = resolve(process.env.QUERIES ?? '../shared/domain/queries-dev.jsonl');
const verbose = process.argv.includes('--verbose');

let t = performance.now();
suggestTopics('warm-up');
const trainMs = performance.now() - t;

const queries = readFileSync(queriesPath, 'utf8')
	.split('\n')
	.filter((l) => l.trim())
	.map((l) => JSON.parse(l) as { text: string; topics: string[] });
const q = evaluateTopics(queries);
console.info(`queries (${queriesPath}): n=${q.n} top-1 ${pct(q.top1)} top-3 ${pct(q.top3)}`);
const empty = queries.filter((item) => suggestTopics(item.text).length === 0).length;
console.info(`  suggestTopics gives [] (no evidence) for ${empty} of ${queries.length}`);

// Baseline for comparison: the taxonomy's signal words alone (most matched signals first).
let b1 = 0;
let b3 = 0;
for (const item of queries) {
	const count = new Map<string, number>();
	for (const hit of extractFeatures(item.text).signals) count.set(hit.slug, (count.get(hit.slug) ?? 0) + 1);
	const ranked = [...count].sort((a, b) => b[1] - a[1]).map(([slug]) => slug);
	if (ranked[0] === item.topics[0]) b1++;
	if (ranked.slice(0, 3).includes(item.topics[0])) b3++;
}
console.info(`  baseline signal words only: top-1 ${pct(b1 / queries.length)} top-3 ${pct(b3 / queries.length)}`);
if (verbose) {
	for (const item of queries) {
		const got = suggestTopics(item.text, { limit: 3 }).map((s) => `${s.slug}:${s.score.toFixed(2)}`);
		if (got[0]?.split(':')[0] !== item.topics[0]) console.info(`  gold ${item.topics.join(',')} → ${got.join(' ') || '[]'}`);
	}
}

// Held-out own examples: five folds, each fifth measured with a model trained on the other four.
let h1 = 0;
let h3 = 0;
let hn = 0;
for (let fold = 0; fold < 5; fold++) {
	const train = EXAMPLES.filter((_, i) => i % 5 !== fold);
	const test = EXAMPLES.filter((_, i) => i % 5 === fold);
	const r = trainClassifier(train).evaluate(test);
	h1 += r.top1 * r.n;
	h3 += r.top3 * r.n;
	hn += r.n;
}
console.info(`own examples, 5-fold held out: n=${hn} top-1 ${pct(h1 / hn)} top-3 ${pct(h3 / hn)}`);

const text = 'Mijn zoon van 12 zit al zes weken thuis na een schorsing en de school reageert niet op mijn mails. '.repeat(5);
const runs = 2000;
t = performance.now();
for (let i = 0; i < runs; i++) suggestTopics(text.slice(0, 500));
const perCall = ((performance.now() - t) / runs) * 1000;
console.info(`train ${trainMs.toFixed(0)} ms, suggestTopics on 500 chars ${perCall.toFixed(0)} µs per call`);
