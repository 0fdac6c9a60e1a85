/**
 * Topic suggestions for what parents, young people and professionals write or say ("kind zit thuis
 * wat nu", a long worried message, a coordinator's call summary). Staff get 1–3 suggested topics
 * from the taxonomy when they register a question, and can confirm or change them.
 *
 * The model (./model.ts) is trained on hand-written examples (./training/examples.jsonl, bundled
 * via the generated ./training/examples.ts) the first time it is needed, in well under 300 ms.
 * Confirmed registrations can be fed back with `learnConfirmed`; see there for the privacy rules.
 */
import { MAX_INPUT_CHARS } from '$lib/server/search/text';
import { TopicModel, PARAMS, type TopicScore, type TrainingExample } from './model';
import { EXAMPLES } from './training/examples';

export type { TopicScore, TrainingExample } from './model';

export interface SuggestOptions {
	/** Most topics to return (default 3, the most a registration can have). */
	limit?: number;
}

/** A trained classifier; `trainClassifier` makes one, the module functions use a shared default. */
export interface TopicClassifier {
	suggest(text: string, options?: SuggestOptions): TopicScore[];
	/** All 24 topics scored, best first, without the evidence threshold (for evaluation and tests). */
	rank(text: string): TopicScore[];
	confirmedTermsOf(text: string): string[];
	learnConfirmed(terms: string[], topics: string[]): void;
	evaluate(items: readonly TrainingExample[]): Evaluation;
	/** Distinct features learned from the examples. */
	readonly vocabularySize: number;
}

export interface Evaluation {
	/** Share (0..1) where the first suggestion is the gold main topic. */
	top1: number;
	/** Share (0..1) where the gold main topic is among the first three suggestions. */
	top3: number;
	n: number;
}

/**
 * Trains a classifier on the given examples. Exported so tests and the evaluation script can train
 * on part of the examples and measure on the rest; the app uses the default via `suggestTopics`.
 */
export function trainClassifier(examples: readonly TrainingExample[]): TopicClassifier {
	const model = new TopicModel(examples);
	const suggest = (text: string, options?: SuggestOptions): TopicScore[] => {
		if (typeof text !== 'string') return [];
		const limit = Math.max(0, Math.min(options?.limit ?? 3, model.slugs.length));
		const input = text.length > MAX_INPUT_CHARS ? text.slice(0, MAX_INPUT_CHARS) : text;
		if (limit === 0 || input.trim() === '') return [];
		return model
			.score(input)
			.filter((s) => s.score >= PARAMS.minScore)
			.slice(0, limit)
			.map((s) => ({ slug: s.slug, score: Math.min(1, Math.max(0, s.score)) }));
	};
	return {
		suggest,
		rank: (text) => (typeof text === 'string' ? model.score(text.slice(0, MAX_INPUT_CHARS)) : []),
		confirmedTermsOf: (text) => (typeof text === 'string' ? model.knownFeatures(text.slice(0, MAX_INPUT_CHARS)) : []),
		learnConfirmed: (terms, topics) => model.learn(Array.isArray(terms) ? terms : [], Array.isArray(topics) ? topics : []),
		evaluate: (items) => evaluateWith(items, (text) => model.score(text).slice(0, 3)),
		get vocabularySize() {
			return model.vocabularySize;
		}
	};
}

function evaluateWith(items: readonly TrainingExample[], rank: (text: string) => TopicScore[]): Evaluation {
	let top1 = 0;
	let top3 = 0;
	let n = 0;
	for (const item of items) {
		const gold = item.topics[0];
		if (!gold) continue;
		n++;
		const ranked = rank(item.text).map((s) => s.slug);
		if (ranked[0] === gold) top1++;
		if (ranked.slice(0, 3).includes(gold)) top3++;
	}
	return { top1: n ? top1 / n : 0, top3: n ? top3 / n : 0, n };
}

let defaultClassifier: TopicClassifier | null = null;

/** The shared classifier, trained on first use on all hand-written examples. */
function classifier(): TopicClassifier {
	defaultClassifier ??= trainClassifier(EXAMPLES);
	return defaultClassifier;
}

/**
 * Suggests topics for a free text, best first, each with a score 0..1. Only topics with enough
 * evidence are returned (at most `limit`, default 3), so an empty, whitespace-only or meaningless
 * text gives []. Never throws; text over 10,000 characters is cut. Fast (well under 2 ms for a
 * 500-character text) once the model is trained.
 */
export function suggestTopics(text: string, options?: SuggestOptions): TopicScore[] {
	return classifier().suggest(text, options);
}

/** All topics scored by the shared model, best first, without the evidence threshold (evaluation and tests). */
export function rankTopics(text: string): TopicScore[] {
	return classifier().rank(text);
}

/**
 * What may be stored when staff confirm the topics of a registration: the distinct stemmed
 * features of the text that the model already knows (words, word pairs, synonym and signal
 * markers), sorted alphabetically. We never store the parent's free text; because only known
 * features survive, names ("Jansen"), places and other rare words are dropped, and the sorted set
 * does not retell the message. The caller stores this list with the registration (table
 * `topic_confirmation`); every instance learns each stored list once (./replay-confirmed.ts).
 */
export function confirmedTermsOf(text: string): string[] {
	return classifier().confirmedTermsOf(text);
}

/**
 * Adds one confirmed registration (terms from `confirmedTermsOf`, topics confirmed by staff, main
 * topic first) to the shared model, so suggestions follow how a steunpunt actually registers.
 * Unknown terms and topics are ignored. A confirmation counts as half a hand-written example, and
 * all confirmations of one topic together are capped at half of that topic's hand-written weight,
 * so feedback can tune the model but never swamp the examples (nor can a flood of mistakes).
 * In-memory only: ./replay-confirmed.ts feeds it every stored confirmation, at start and as they
 * come (also those made on other instances).
 */
export function learnConfirmed(terms: string[], topics: string[]): void {
	classifier().learnConfirmed(terms, topics);
}

/**
 * Measures the shared model on labelled items: top-1 = first suggestion equals the gold main topic;
 * top-3 = the gold main topic is among the first three (ranked without the score threshold).
 */
export function evaluateTopics(items: { text: string; topics: string[] }[]): Evaluation {
	return classifier().evaluate(items);
}
