/**
 * Feature extraction for the topic classifier: turns a Dutch text into weighted features, using the
 * search module's analysis (normaliser, stopwords, Snowball stemmer) so that suggestions and search
 * understand a text the same way.
 *
 * Feature kinds (the prefix keeps them apart):
 * - `stem`        a stemmed word that is not a stopword ("geschorst" → "geschorst", plus "schors");
 * - `a_b`         two neighbouring stems, stopwords skipped ("zit_thuis", "extra_tyd");
 * - `~a b`        a phrase added by a synonym rule of the search module ("weggestuurd" → "~schorsing");
 * - `@slug`       a signal word or phrase of a topic from the taxonomy was found;
 * - `stem` again   the known head and tail of a compound ("dyslexieonderzoek" → "dyslexie", "onderzoek"),
 *                  when a lexicon of known stems is given (Dutch writes compounds as one word).
 *
 * No state: the functions only depend on the taxonomy and the synonym lists, compiled once.
 */
import { TOPICS } from '$lib/taxonomy';
import { analyzeTokens, participleTerms, termOf, verbFormTerms, MAX_INPUT_CHARS, type Token } from '$lib/server/search/text';
import { ANY_NUMBER, compiledSynonyms } from '$lib/server/search/synonyms';

/** Most words analysed per text; long stories say what matters in the first few hundred words. */
export const MAX_FEATURE_TOKENS = 400;

/** How much a derived feature counts compared with a word the writer typed. */
const WEIGHT = { participle: 0.6, bigram: 1, synonymScale: 0.8, signal: 1.5, compoundPart: 0.7 } as const;

interface Phrase {
	terms: string[];
	/** What to add when the phrase is found. */
	features: { name: string; weight: number }[];
}

/** A signal phrase found in a text: which topic and how specific the phrase is. */
export interface SignalHit {
	slug: string;
	/** Words in the phrase; longer phrases are stronger evidence. */
	length: number;
	/** Number of topics that share this phrase (e.g. "praktijkonderwijs" belongs to two). */
	shared: number;
}

let phraseIndex: Map<string, Phrase[]> | null = null;
let signalIndex: Map<string, { terms: string[]; hit: SignalHit }[]> | null = null;

const termsOfPhrase = (text: string) => analyzeTokens(text).map((t) => (t.word === 'num' ? ANY_NUMBER : t.term));

function addToIndex<T extends { terms: string[] }>(index: Map<string, T[]>, item: T): void {
	const first = item.terms[0];
	const list = index.get(first);
	if (list) list.push(item);
	else index.set(first, [item]);
}

/** Synonym rules indexed by their first stem, so matching costs one map lookup per word. */
function synonymPhrases(): Map<string, Phrase[]> {
	if (phraseIndex) return phraseIndex;
	const index = new Map<string, Phrase[]>();
	for (const rule of compiledSynonyms()) {
		if (rule.from.length === 0 || rule.to.length === 0) continue;
		const features = rule.to.map((to) => ({ name: '~' + to.join(' '), weight: rule.weight * WEIGHT.synonymScale }));
		addToIndex(index, { terms: rule.from, features });
	}
	phraseIndex = index;
	return index;
}

/** The taxonomy's signal words as stem sequences, indexed by their first stem. */
function signalPhrases(): Map<string, { terms: string[]; hit: SignalHit }[]> {
	if (signalIndex) return signalIndex;
	const owners = new Map<string, Set<string>>();
	const seqs = new Map<string, string[]>();
	for (const topic of TOPICS) {
		for (const signal of topic.signals) {
			const terms = termsOfPhrase(signal);
			if (terms.length === 0) continue;
			const key = terms.join(' ');
			seqs.set(key, terms);
			const set = owners.get(key) ?? new Set<string>();
			set.add(topic.slug);
			owners.set(key, set);
		}
	}
	const index = new Map<string, { terms: string[]; hit: SignalHit }[]>();
	for (const [key, slugs] of owners) {
		const terms = seqs.get(key)!;
		for (const slug of slugs) addToIndex(index, { terms, hit: { slug, length: terms.length, shared: slugs.size } });
	}
	signalIndex = index;
	return index;
}

function matchesAt(seq: string[], at: number, terms: string[]): boolean {
	if (at + terms.length > seq.length) return false;
	for (let k = 0; k < terms.length; k++) {
		const want = terms[k];
		const got = seq[at + k];
		if (want === got) continue;
		if (want === ANY_NUMBER && /^[0-9]+$/.test(got)) continue;
		return false;
	}
	return true;
}

export interface TextFeatures {
	/** Feature → weighted count in the text. */
	counts: Map<string, number>;
	/** Signal phrases of the taxonomy found in the text. */
	signals: SignalHit[];
}

/** Removes control characters and cuts very long input, so any string is safe to analyse. */
export function cleanInput(text: unknown): string {
	if (typeof text !== 'string' || text.length === 0) return '';
	return text.slice(0, MAX_INPUT_CHARS).replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, ' ');
}

/**
 * The features of one text (see the module comment). Never throws; an empty or meaningless text
 * gives an empty map.
 */
export function extractFeatures(text: string, lexicon?: ReadonlySet<string>): TextFeatures {
	const counts = new Map<string, number>();
	const signals: SignalHit[] = [];
	const clean = cleanInput(text);
	if (clean.trim() === '') return { counts, signals };
	const tokens: Token[] = analyzeTokens(clean, MAX_FEATURE_TOKENS);
	const add = (name: string, weight: number) => counts.set(name, (counts.get(name) ?? 0) + weight);

	let prev: string | null = null;
	for (const t of tokens) {
		if (t.stop) continue;
		add(t.term, 1);
		for (const extra of [...participleTerms(t.word), ...verbFormTerms(t.word)]) add(extra, WEIGHT.participle);
		if (lexicon && t.word.length >= 7) for (const part of compoundParts(t.word, lexicon)) if (part !== t.term) add(part, WEIGHT.compoundPart);
		if (prev !== null) add(prev + '_' + t.term, WEIGHT.bigram);
		prev = t.term;
	}

	// Phrases (synonyms and signals) match the full sequence, stopwords included ("naar huis gestuurd").
	const seq = tokens.map((t) => t.term);
	const synonyms = synonymPhrases();
	const signalIdx = signalPhrases();
	const seenSignal = new Set<string>();
	for (let i = 0; i < seq.length; i++) {
		for (const p of synonyms.get(seq[i]) ?? []) {
			if (matchesAt(seq, i, p.terms)) for (const f of p.features) add(f.name, f.weight);
		}
		for (const s of signalIdx.get(seq[i]) ?? []) {
			if (!matchesAt(seq, i, s.terms)) continue;
			add('@' + s.hit.slug, WEIGHT.signal / s.hit.shared);
			const key = s.hit.slug + ' ' + s.terms.join(' ');
			if (!seenSignal.has(key)) {
				seenSignal.add(key);
				signals.push(s.hit);
			}
		}
	}
	return { counts, signals };
}

/** Minimum length of a compound part, so "onde" or "sch" never count as words. */
const MIN_PART = 4;

/**
 * The longest known head and tail of a compound word, as stems: "pestprotocol" → ["pest",
 * "protocol"], "onderwijszorgconsulent" → ["onderwijs", "consulent"] (a linking "s" is skipped).
 */
export function compoundParts(word: string, lexicon: ReadonlySet<string>): string[] {
	const parts: string[] = [];
	for (let k = word.length - MIN_PART; k >= MIN_PART; k--) {
		const head = termOf(word.slice(0, k));
		if (head.length >= MIN_PART && lexicon.has(head)) {
			parts.push(head);
			break;
		}
	}
	for (let k = MIN_PART - 1; k <= word.length - MIN_PART; k++) {
		const tail = termOf(word.slice(k));
		if (tail.length >= MIN_PART && lexicon.has(tail)) {
			parts.push(tail);
			break;
		}
	}
	return parts;
}
