/**
 * The kennisbank search engine: a small in-memory BM25F index over the question pages, with Dutch
 * stemming, accent folding, typo tolerance, compound splitting, synonyms/phrases and a topic boost
 * from the taxonomy's signal words. Pure: no database, no framework.
 *
 * Scoring of a document d for a query:
 *   score(d) = Σ_concepts idf(concept) · (best variant + 0.3 · other variants)   BM25F, fields weighted
 *            + phrase bonus (multi-word keywords of d found in the query)
 *            + topic boost  (d's topics match the query's signal words; main topic counts most)
 * A concept is one word the user typed together with its variants: typo corrections, inflections,
 * compound parts and synonyms. Grouping them keeps a word with many synonyms from counting many times.
 * A variant's value is w · tf~(k1+1)/(tf~+k1), averaged over the words of a synonym phrase.
 */
import { TOPICS } from '../../taxonomy';
import { ANY_NUMBER, compiledSynonyms, type CompiledRule } from './synonyms';
import { analyzeTokens, participleTerms, verbFormTerms, MAX_TOKENS, type Token } from './text';

export interface SearchDoc {
	id: string;
	title: string;
	summary: string;
	body: string;
	keywords: string[];
	topics: string[];
	phase: string;
}

export interface SearchHit {
	id: string;
	score: number;
}

// ---------------------------------------------------------------------------------------------
// Tuning (general settings; see evaluate.ts for the measurement)
// ---------------------------------------------------------------------------------------------

const K1 = 1.2;
const FIELDS = [
	{ key: 'title', weight: 3, b: 0.5 },
	{ key: 'keywords', weight: 2.5, b: 0.3 },
	{ key: 'summary', weight: 1.5, b: 0.5 },
	{ key: 'body', weight: 1, b: 0.75 }
] as const;
type FieldKey = (typeof FIELDS)[number]['key'];

/** Index weight of a part of a compound ("angst" in "schoolangst"), relative to the word itself. */
const COMPOUND_PART_INDEX_WEIGHT = 0.5;
/** Index weight of the base of an inflection the stemmer leaves ("aanmeldt" → "aanmeld", "gepest" → "pest"). */
const INFLECTION_INDEX_WEIGHT = 0.8;
/** Query-side weights of words that were not typed as such. */
const COMPOUND_PART_WEIGHT = 0.8;
const FUZZY_WEIGHT = [1, 0.8, 0.6];
const PARTICIPLE_WEIGHT = 0.6;
const VERB_FORM_WEIGHT = 0.8;
/** Within one concept (a word, its variants and synonyms), what the second-best variants add. */
const VARIANT_SHARE = 0.3;
/** Weight of a word (and its synonyms) that is part of a phrase with a synonym rule of its own. */
const PHRASE_WORD_FACTOR = 0.5;
/** At most this many typo look-ups per query (long stories contain many unknown words). */
const FUZZY_BUDGET = 8;
/** Other words allowed inside a phrase match ("zit al weken thuis" for "zit thuis"). */
const PHRASE_GAP = 2;
/** Bonus per meaningful word of a multi-word keyword phrase found in the query. */
const PHRASE_BONUS = 1.2;
/** Topic boost, as a share of the best lexical score, for a fully matching main topic. */
const TOPIC_BOOST = 0.45;
const TOPIC_RANK_WEIGHTS = [1, 0.6, 0.45];
/** A one-word signal with at least this idf in the library counts fully; commoner words less. */
const SIGNAL_IDF_FULL = 1.5;
const BODY_MAX_TOKENS = 3000;
/** Hits below this score matched only words that every page uses ("school"): not worth showing. */
const MIN_SCORE = 0.05;

// ---------------------------------------------------------------------------------------------
// Index
// ---------------------------------------------------------------------------------------------

interface Postings {
	docs: number[];
	/** Field-weighted, length-normalised term frequency tf~. */
	tf: number[];
}

interface CompiledSignal {
	topic: number;
	terms: string[];
	weight: number;
}

export interface SearchIndex {
	readonly ids: string[];
	readonly topics: number[][];
	readonly postings: Map<string, Postings>;
	readonly idf: Map<string, number>;
	/** Every term the engine understands: index terms, synonym terms, signal terms. */
	readonly known: Set<string>;
	/** Folded surface words of the documents → their term (for typos and compounds). */
	readonly surface: Map<string, string>;
	/** Typo candidates by length: [candidate, term, df]; built on the first typo. */
	fuzzyPool: Map<number, [string, string, number][]> | null;
	/** Multi-word keywords per document (stems, stopwords kept). */
	readonly phrases: { doc: number; terms: string[]; key: string; meaningful: number }[];
	readonly rules: Map<string, CompiledRule[]>;
	readonly signals: Map<string, CompiledSignal[]>;
	readonly topicSlugs: string[];
}

const topicSlugs = TOPICS.map((t) => t.slug);
const topicIndex = new Map(topicSlugs.map((s, i) => [s, i]));

let compiledSignals: Map<string, CompiledSignal[]> | null = null;

/** Signal words per topic as stem sequences, keyed by first term. A word shared by k topics weighs 1/k. */
function signals(): Map<string, CompiledSignal[]> {
	if (compiledSignals) return compiledSignals;
	const seqs = TOPICS.map((t, i) =>
		t.signals.map((s) => ({ topic: i, terms: analyzeTokens(s).map((x) => x.term), stops: analyzeTokens(s).map((x) => x.stop) }))
	);
	const topicsPerTerm = new Map<string, Set<number>>();
	for (const list of seqs)
		for (const s of list)
			s.terms.forEach((term, k) => {
				if (s.stops[k]) return;
				if (!topicsPerTerm.has(term)) topicsPerTerm.set(term, new Set());
				topicsPerTerm.get(term)!.add(s.topic);
			});
	const map = new Map<string, CompiledSignal[]>();
	for (const list of seqs)
		for (const s of list) {
			if (!s.terms.length) continue;
			const meaningful = s.terms.filter((_, k) => !s.stops[k]);
			const shared = Math.max(1, ...meaningful.map((t) => topicsPerTerm.get(t)?.size ?? 1));
			const weight = meaningful.length >= 2 ? 1.3 : meaningful.length === 1 && s.terms.length > 1 ? 1.1 / shared : 1 / shared;
			const sig = { topic: s.topic, terms: s.terms, weight };
			const key = s.terms[0];
			if (!map.has(key)) map.set(key, []);
			map.get(key)!.push(sig);
		}
	compiledSignals = map;
	return map;
}

let rulesByFirst: Map<string, CompiledRule[]> | null = null;
function rules(): Map<string, CompiledRule[]> {
	if (rulesByFirst) return rulesByFirst;
	const map = new Map<string, CompiledRule[]>();
	for (const r of compiledSynonyms()) {
		const key = r.from[0];
		if (!map.has(key)) map.set(key, []);
		map.get(key)!.push(r);
	}
	rulesByFirst = map;
	return map;
}

/** Splits a folded word into two known words (with an optional linking s/e/en): "schoolangst" → school + angst. */
function splitCompound(word: string, vocab: Map<string, string>): [string, string] | null {
	if (word.length < 8) return null;
	for (let i = word.length - 4; i >= 4; i--) {
		const head = word.slice(0, i);
		if (!vocab.has(head)) continue;
		const rest = word.slice(i);
		for (const link of ['', 's', 'e', 'en']) {
			if (!rest.startsWith(link)) continue;
			const tail = rest.slice(link.length);
			if (tail.length >= 4 && vocab.has(tail)) return [head, tail];
		}
	}
	return null;
}

export function buildSearchIndex(docs: SearchDoc[]): SearchIndex {
	const list = Array.isArray(docs) ? docs.filter((d) => d && typeof d.id === 'string') : [];
	const n = list.length;

	// Pass 1: tokens per field, and the surface vocabulary of the whole library.
	const fieldTokens: Record<FieldKey, Token[]>[] = [];
	const surface = new Map<string, string>();
	const phrases: SearchIndex['phrases'] = [];
	list.forEach((d, i) => {
		const keywords = (Array.isArray(d.keywords) ? d.keywords : []).map((k) => analyzeTokens(String(k)));
		for (const k of keywords) {
			const meaningful = k.filter((t) => !t.stop).length;
			if (k.length >= 2 && meaningful >= 1) {
				const terms = k.map((t) => t.term);
				phrases.push({ doc: i, terms, key: terms.join(' '), meaningful });
			}
		}
		const ft: Record<FieldKey, Token[]> = {
			title: analyzeTokens(String(d.title ?? '')),
			keywords: keywords.flat(),
			summary: analyzeTokens(String(d.summary ?? '')),
			body: analyzeTokens(String(d.body ?? ''), BODY_MAX_TOKENS)
		};
		fieldTokens.push(ft);
		for (const f of FIELDS) for (const t of ft[f.key]) if (!t.stop && t.word.length >= 3 && !/[0-9]/.test(t.word)) surface.set(t.word, t.term);
	});

	// Derived terms per surface word: inflections the stemmer leaves (participle, present tense -t)
	// count almost fully, the parts of a compound half.
	const derived = new Map<string, [string, number][]>();
	const allTerms = new Set(surface.values());
	for (const [word, term] of surface) {
		const extra = new Map<string, number>();
		const parts = splitCompound(word, surface);
		if (parts) for (const p of parts) extra.set(surface.get(p)!, COMPOUND_PART_INDEX_WEIGHT);
		for (const v of participleTerms(word)) extra.set(v, INFLECTION_INDEX_WEIGHT);
		for (const v of verbFormTerms(word)) if (allTerms.has(v)) extra.set(v, INFLECTION_INDEX_WEIGHT);
		extra.delete(term);
		if (extra.size) derived.set(word, [...extra]);
	}

	// Pass 2: field-weighted term frequencies.
	const tfPerDoc: Map<string, number>[] = [];
	const lengths: Record<FieldKey, number[]> = { title: [], keywords: [], summary: [], body: [] };
	for (const ft of fieldTokens) for (const f of FIELDS) lengths[f.key].push(ft[f.key].filter((t) => !t.stop).length);
	const avg = Object.fromEntries(FIELDS.map((f) => [f.key, Math.max(1, lengths[f.key].reduce((a, b) => a + b, 0) / Math.max(1, n))])) as Record<
		FieldKey,
		number
	>;
	fieldTokens.forEach((ft, i) => {
		const tf = new Map<string, number>();
		for (const f of FIELDS) {
			const norm = f.weight / (1 - f.b + (f.b * lengths[f.key][i]) / avg[f.key]);
			for (const t of ft[f.key]) {
				if (t.stop) continue;
				tf.set(t.term, (tf.get(t.term) ?? 0) + norm);
				for (const [x, w] of derived.get(t.word) ?? []) tf.set(x, (tf.get(x) ?? 0) + norm * w);
			}
		}
		tfPerDoc.push(tf);
	});

	const postings = new Map<string, Postings>();
	tfPerDoc.forEach((tf, i) => {
		for (const [term, v] of tf) {
			let p = postings.get(term);
			if (!p) postings.set(term, (p = { docs: [], tf: [] }));
			p.docs.push(i);
			p.tf.push(v);
		}
	});
	const idf = new Map<string, number>();
	for (const [term, p] of postings) idf.set(term, Math.log(1 + (n - p.docs.length + 0.5) / (p.docs.length + 0.5)));

	// Everything the engine knows, and the typo candidates.
	const ruleMap = rules();
	const signalMap = signals();
	const known = new Set<string>(postings.keys());
	for (const r of compiledSynonyms()) {
		for (const t of r.from) known.add(t);
		for (const p of r.to) for (const t of p) known.add(t);
	}
	for (const list of signalMap.values()) for (const s of list) for (const t of s.terms) known.add(t);
	return {
		ids: list.map((d) => d.id),
		topics: list.map((d) => (Array.isArray(d.topics) ? d.topics : []).map((t) => topicIndex.get(t) ?? -1)),
		postings,
		idf,
		known,
		surface,
		fuzzyPool: null,
		phrases,
		rules: ruleMap,
		signals: signalMap,
		topicSlugs
	};
}

// ---------------------------------------------------------------------------------------------
// Query
// ---------------------------------------------------------------------------------------------

/** Optimal string alignment distance (edits and adjacent swaps), or max+1 when it exceeds max. */
function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const m = a.length;
	const n = b.length;
	let prev2 = new Array<number>(n + 1).fill(0);
	let prev = Array.from({ length: n + 1 }, (_, j) => j);
	let cur = new Array<number>(n + 1).fill(0);
	for (let i = 1; i <= m; i++) {
		cur[0] = i;
		let rowMin = i;
		for (let j = 1; j <= n; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
			cur[j] = v;
			if (v < rowMin) rowMin = v;
		}
		if (rowMin > max) return max + 1;
		[prev2, prev, cur] = [prev, cur, prev2];
	}
	return prev[n];
}

/** The typo candidates: the documents' words and every known term, by length. */
function fuzzyPool(index: SearchIndex): Map<number, [string, string, number][]> {
	if (index.fuzzyPool) return index.fuzzyPool;
	const pool = new Map<number, [string, string, number][]>();
	const add = (cand: string, term: string) => {
		if (cand.length < 4 || /[0-9#]/.test(cand)) return;
		let list = pool.get(cand.length);
		if (!list) pool.set(cand.length, (list = []));
		list.push([cand, term, index.postings.get(term)?.docs.length ?? 0]);
	};
	for (const [word, term] of index.surface) add(word, term);
	for (const term of index.known) if (!index.surface.has(term)) add(term, term);
	index.fuzzyPool = pool;
	return pool;
}

/** Known words within the allowed typo distance of an unknown word, best first. */
function fuzzyLookup(index: SearchIndex, word: string, term: string): { term: string; distance: number }[] {
	const max = word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
	if (max === 0 || /[0-9]/.test(word)) return [];
	const pool = fuzzyPool(index);
	let best = max + 1;
	let found: { term: string; distance: number; df: number }[] = [];
	for (let len = word.length - max; len <= word.length + max; len++) {
		for (const [cand, candTerm, df] of pool.get(len) ?? []) {
			// A cheap filter: typos rarely touch both the first and the last letter.
			if (cand[0] !== word[0] && cand[cand.length - 1] !== word[word.length - 1] && cand[0] !== term[0]) continue;
			const d = Math.min(editDistance(word, cand, Math.min(max, best)), cand === candTerm ? editDistance(term, cand, Math.min(max, best)) : max + 1);
			if (d > max || d > best) continue;
			if (d < best) {
				best = d;
				found = [];
			}
			if (!found.some((f) => f.term === candTerm)) found.push({ term: candTerm, distance: d, df });
		}
	}
	return found.sort((a, b) => b.df - a.df).slice(0, 3);
}

interface QueryToken {
	term: string;
	weight: number;
	stop: boolean;
	number: boolean;
	/** The concept this word belongs to (-1 for stopwords). */
	concept: number;
}

interface AnalyzedQuery {
	/** The query as a sequence (stopwords kept, typos corrected). */
	seq: QueryToken[];
	/** Extra single terms (compound parts, other typo candidates, participle bases). */
	extra: { term: string; weight: number; concept: number }[];
	/** Phrases added by synonyms. */
	expansions: { terms: string[]; weight: number; concept: number }[];
	/** Number of concepts: a typed word with its variants and synonyms counts once, not once per variant. */
	concepts: number;
	/** Weight factor per concept (words that are part of a recognised phrase count less). */
	factor: number[];
}

function analyzeQuery(index: SearchIndex, query: string): AnalyzedQuery {
	const tokens = analyzeTokens(query, MAX_TOKENS);
	const seq: QueryToken[] = [];
	const extra: AnalyzedQuery['extra'] = [];
	let concepts = 0;
	let budget = FUZZY_BUDGET;
	for (const t of tokens) {
		const number = /^[0-9]+$/.test(t.word);
		if (t.stop) {
			seq.push({ term: t.term, weight: 1, stop: true, number, concept: -1 });
			continue;
		}
		const concept = concepts++;
		if (number || index.known.has(t.term) || index.surface.has(t.word) || t.word.length < 4) {
			seq.push({ term: t.term, weight: 1, stop: false, number, concept });
			for (const p of participleTerms(t.word)) if (index.postings.has(p)) extra.push({ term: p, weight: PARTICIPLE_WEIGHT, concept });
			for (const v of verbFormTerms(t.word)) if (index.postings.has(v)) extra.push({ term: v, weight: VERB_FORM_WEIGHT, concept });
			continue;
		}
		const parts = splitCompound(t.word, index.surface);
		if (parts) {
			seq.push({ term: t.term, weight: 1, stop: false, number: false, concept });
			for (const p of parts) extra.push({ term: index.surface.get(p)!, weight: COMPOUND_PART_WEIGHT, concept: concepts++ });
			continue;
		}
		const participle = participleTerms(t.word).filter((p) => index.known.has(p));
		if (participle.length) {
			seq.push({ term: participle[0], weight: PARTICIPLE_WEIGHT, stop: false, number: false, concept });
			continue;
		}
		const fuzzy = budget-- > 0 ? fuzzyLookup(index, t.word, t.term) : [];
		if (fuzzy.length) {
			seq.push({ term: fuzzy[0].term, weight: FUZZY_WEIGHT[fuzzy[0].distance], stop: false, number: false, concept });
			for (const f of fuzzy.slice(1)) extra.push({ term: f.term, weight: FUZZY_WEIGHT[f.distance] * 0.8, concept });
		} else {
			seq.push({ term: t.term, weight: 1, stop: false, number: false, concept });
		}
	}

	// Synonyms and phrases, on the sequence and on the single extra terms. A synonym of one word joins
	// that word's concept; a phrase's expansions form a concept of their own.
	const expansions: AnalyzedQuery['expansions'] = [];
	const applied = new Set<CompiledRule>();
	const apply = (r: CompiledRule, w: number, anchor: number) => {
		if (applied.has(r)) return;
		applied.add(r);
		const concept = r.from.length === 1 && anchor >= 0 ? anchor : concepts++;
		for (const to of r.to) expansions.push({ terms: to, weight: r.weight * w, concept });
	};
	const consumed: number[] = [];
	for (let i = 0; i < seq.length; i++) {
		for (const r of index.rules.get(seq[i].term) ?? []) {
			const strongPhrase = r.idiom && r.from.length >= 2 && r.weight >= 0.7;
			const w = matchAt(seq, i, r.from, strongPhrase ? consumed : undefined);
			if (w > 0) apply(r, w, seq[i].concept);
		}
		if (seq[i].number)
			for (const r of index.rules.get(ANY_NUMBER) ?? []) {
				const w = matchAt(seq, i, r.from);
				if (w > 0) apply(r, w, seq[i].concept);
			}
	}
	for (const e of [...extra]) for (const r of index.rules.get(e.term) ?? []) if (r.from.length === 1) apply(r, e.weight, e.concept);
	// Words inside a recognised phrase ("weigert naar school", "naar huis gestuurd") mean less on their own.
	const factor = new Array<number>(concepts).fill(1);
	for (const i of consumed) if (seq[i].concept >= 0) factor[seq[i].concept] = PHRASE_WORD_FACTOR;
	return { seq, extra, expansions, concepts, factor };
}

/**
 * Matches a phrase starting at seq[i] (in order, small gaps allowed); returns the weakest token weight
 * or 0. The matched positions are added to `positions` when given.
 */
function matchAt(seq: { term: string; weight: number; number?: boolean }[], i: number, phrase: string[], positions?: number[]): number {
	if (!tokenMatches(seq[i], phrase[0])) return 0;
	let w = seq[i].weight;
	let pos = i;
	const matched = [i];
	let gaps = 0;
	for (let k = 1; k < phrase.length; k++) {
		let j = pos + 1;
		while (j < seq.length && !tokenMatches(seq[j], phrase[k]) && gaps < PHRASE_GAP) {
			j++;
			gaps++;
		}
		if (j >= seq.length || !tokenMatches(seq[j], phrase[k])) return 0;
		w = Math.min(w, seq[j].weight);
		pos = j;
		matched.push(j);
	}
	if (positions) positions.push(...matched);
	return w;
}

function tokenMatches(t: { term: string; number?: boolean }, p: string): boolean {
	return t.term === p || (p === ANY_NUMBER && t.number === true);
}

/**
 * How strongly the query speaks about each topic: the matched signal words, weighted; several signals
 * of one topic found through the same concept (a word and its synonyms) count once.
 */
function topicScores(index: SearchIndex, q: AnalyzedQuery): number[] {
	const best = new Map<CompiledSignal, { w: number; concept: number }>();
	const consider = (seq: { term: string; weight: number; concept: number }[]) => {
		for (let i = 0; i < seq.length; i++)
			for (const s of index.signals.get(seq[i].term) ?? []) {
				const w = matchAt(seq, i, s.terms);
				if (w > (best.get(s)?.w ?? 0)) best.set(s, { w, concept: seq[i].concept });
			}
	};
	consider(q.seq);
	for (const e of q.expansions) consider(e.terms.map((term) => ({ term, weight: e.weight, concept: e.concept })));
	for (const e of q.extra) consider([e]);
	const perConcept = new Map<string, number>();
	for (const [s, { w, concept }] of best) {
		const key = `${s.topic}:${concept}`;
		// A one-word signal that most pages use ("plan", "mentor") is weak evidence.
		const idf = s.terms.length === 1 ? (index.idf.get(s.terms[0]) ?? SIGNAL_IDF_FULL) : SIGNAL_IDF_FULL;
		const specific = Math.min(1, Math.max(0.3, idf / SIGNAL_IDF_FULL));
		perConcept.set(key, Math.max(perConcept.get(key) ?? 0, s.weight * w * specific));
	}
	const scores = new Array<number>(index.topicSlugs.length).fill(0);
	for (const [key, v] of perConcept) scores[Number(key.slice(0, key.indexOf(':')))] += v;
	return scores;
}

export function searchIndex(index: SearchIndex, query: string, options?: { limit?: number }): SearchHit[] {
	try {
		return search(index, query, options);
	} catch {
		return [];
	}
}

function search(index: SearchIndex, query: string, options?: { limit?: number }): SearchHit[] {
	if (!index || typeof query !== 'string' || !query.trim() || index.ids.length === 0) return [];
	const limit = Math.max(1, Math.min(1000, Math.floor(options?.limit ?? 10) || 10));
	const q = analyzeQuery(index, query);

	// Variants per concept: single words, or the meaningful words of a synonym phrase. A variant counts
	// once, in the concept where it weighs most.
	const variants = new Map<string, { terms: string[]; weight: number; concept: number }>();
	const add = (terms: string[], w: number, concept: number) => {
		if (!terms.some((t) => index.postings.has(t))) return;
		const weight = w * (q.factor[concept] ?? 1);
		const key = terms.join(' ');
		const cur = variants.get(key);
		if (!cur || weight > cur.weight) variants.set(key, { terms, weight, concept });
	};
	// A bare number ("8", "16") only counts inside a phrase ("groep 8", "16 jaar").
	for (const t of q.seq) if (!t.stop && !t.number) add([t.term], t.weight, t.concept);
	for (const e of q.extra) add([e.term], e.weight, e.concept);
	const stop = new Set(q.seq.filter((t) => t.stop).map((t) => t.term));
	for (const e of q.expansions) {
		const terms = e.terms.filter((t) => !stop.has(t) && !/^[0-9]+$/.test(t));
		if (terms.length) add(terms, e.weight, e.concept);
	}

	// BM25F per concept: the best variant counts fully, other variants a little; a phrase variant scores
	// the mean of its words, so "speciale school" does not match every page that says "school".
	const n = index.ids.length;
	const lexical = new Float64Array(n);
	const byConcept = new Map<number, { terms: string[]; weight: number }[]>();
	for (const v of variants.values()) {
		let list = byConcept.get(v.concept);
		if (!list) byConcept.set(v.concept, (list = []));
		list.push(v);
	}
	// A concept's variants share one idf, from the documents that contain any of them.
	const best = new Float64Array(n);
	const sum = new Float64Array(n);
	const value = new Float64Array(n);
	for (const list of byConcept.values()) {
		best.fill(0);
		sum.fill(0);
		for (const v of list) {
			value.fill(0);
			const share = v.weight / v.terms.length;
			for (const term of v.terms) {
				const p = index.postings.get(term);
				if (!p) continue;
				for (let k = 0; k < p.docs.length; k++) {
					const tf = p.tf[k];
					value[p.docs[k]] += (share * (tf * (K1 + 1))) / (tf + K1);
				}
			}
			for (let d = 0; d < n; d++) {
				if (value[d] === 0) continue;
				sum[d] += value[d];
				if (value[d] > best[d]) best[d] = value[d];
			}
		}
		let df = 0;
		for (let d = 0; d < n; d++) if (sum[d] > 0) df++;
		const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
		for (let d = 0; d < n; d++) if (sum[d] > 0) lexical[d] += idf * (best[d] + VARIANT_SHARE * (sum[d] - best[d]));
	}

	// Multi-word keywords (the phrases parents type) found in the query.
	const positions = new Map<string, number[]>();
	q.seq.forEach((t, i) => {
		const list = positions.get(t.term);
		if (list) list.push(i);
		else positions.set(t.term, [i]);
	});
	const expanded = new Map<string, number>();
	for (const e of q.expansions) {
		const key = e.terms.join(' ');
		expanded.set(key, Math.max(expanded.get(key) ?? 0, e.weight));
	}
	const phraseCount = new Uint8Array(n);
	for (const ph of index.phrases) {
		if (phraseCount[ph.doc] >= 3) continue;
		let w = expanded.get(ph.key) ?? 0;
		for (const i of positions.get(ph.terms[0]) ?? []) w = Math.max(w, matchAt(q.seq, i, ph.terms));
		if (w > 0) {
			lexical[ph.doc] += PHRASE_BONUS * ph.meaningful * w;
			phraseCount[ph.doc]++;
		}
	}

	// Topic boost.
	const ts = topicScores(index, q);
	const maxTopic = Math.max(0, ...ts);
	let maxLexical = 0;
	for (let i = 0; i < n; i++) if (lexical[i] > maxLexical) maxLexical = lexical[i];
	const reference = Math.max(maxLexical, 1);
	const affinity = ts.map((s) => (maxTopic > 0 ? (s / maxTopic) * (maxTopic / (maxTopic + 0.5)) : 0));

	const hits: SearchHit[] = [];
	for (let i = 0; i < n; i++) {
		let topic = 0;
		index.topics[i].forEach((t, rank) => {
			if (t >= 0) topic = Math.max(topic, (TOPIC_RANK_WEIGHTS[rank] ?? 0.3) * affinity[t]);
		});
		const score = lexical[i] + TOPIC_BOOST * reference * topic;
		if ((lexical[i] > 0 || topic > 0.2) && score >= MIN_SCORE) hits.push({ id: index.ids[i], score: Math.round(score * 1e4) / 1e4 });
	}
	hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return hits.slice(0, limit);
}

/** For tuning and tests: how the engine reads a query (terms with weights, topic scores). */
export function explainQuery(
	index: SearchIndex,
	query: string
): { terms: { term: string; weight: number; concept: number }[]; topics: { slug: string; score: number }[] } {
	const q = analyzeQuery(index, String(query ?? ''));
	const terms = [
		...q.seq.filter((t) => !t.stop).map((t) => ({ term: t.term, weight: t.weight, concept: t.concept })),
		...q.extra,
		...q.expansions.flatMap((e) => e.terms.map((term) => ({ term, weight: e.weight, concept: e.concept })))
	];
	const ts = topicScores(index, q);
	return {
		terms: terms.map((t) => ({ term: t.term, weight: Math.round(t.weight * 100) / 100, concept: t.concept })),
		topics: index.topicSlugs
			.map((slug, i) => ({ slug, score: Math.round(ts[i] * 100) / 100 }))
			.filter((t) => t.score > 0)
			.sort((a, b) => b.score - a.score)
	};
}
