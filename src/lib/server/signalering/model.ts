/**
 * Multinomial naive Bayes over TF-IDF-weighted features (Rennie et al. 2003: log term frequency,
 * inverse document frequency and length normalisation make naive Bayes competitive with SVMs on
 * text), combined with the taxonomy's signal words. Pure TypeScript, no state outside the object.
 */
import { TOPICS } from '$lib/taxonomy';
import { extractFeatures, type SignalHit } from './features';

export interface TrainingExample {
	text: string;
	/** 1–3 topic slugs, the first is the main topic. */
	topics: string[];
}

export interface TopicScore {
	slug: string;
	/** 0..1; the main topic of a clear text scores high, a weak second guess low. */
	score: number;
}

/** Tuning constants, chosen on a held-out part of the hand-written examples. */
export const PARAMS: {
	labelWeights: number[];
	alpha: number;
	temperature: number;
	signalShare: number;
	minScore: number;
	confirmedWeight: number;
	confirmedCap: number;
} = {
	/** How much a second and third topic of an example count towards that topic. */
	labelWeights: [1, 0.5, 0.35],
	/** Laplace smoothing per feature (in normalised TF-IDF units). */
	alpha: 0.1,
	/** Softmax temperature on the per-text log-likelihood differences. */
	temperature: 0.35,
	/** Share of the final score from the taxonomy signal words. */
	signalShare: 0.3,
	/** Suggestions below this score are not shown. */
	minScore: 0.12,
	/** A confirmed registration counts as this share of one hand-written example ... */
	confirmedWeight: 0.5,
	/** ... and all confirmations of a topic together at most as this share of its hand-written mass. */
	confirmedCap: 0.5
};

type Vec = Map<number, number>;

export class TopicModel {
	readonly slugs: string[] = TOPICS.map((t) => t.slug);
	private readonly vocab = new Map<string, number>();
	/** Stems of single words in the examples, for splitting compounds. */
	private readonly lexicon = new Set<string>();
	private idf: Float64Array = new Float64Array(0);
	/** Per topic: summed normalised feature weights from the hand-written examples. */
	private base: Float64Array[] = [];
	private baseMass: number[] = [];
	/** Per topic: the same from confirmed registrations (added by `learn`). */
	private confirmed: Float64Array[] = [];
	private confirmedMass: number[] = [];
	/** Per topic: log P(feature | topic), recomputed when counts change. */
	private logProb: Float64Array[] = [];
	private dirty = true;

	constructor(examples: readonly TrainingExample[]) {
		const index = new Map(this.slugs.map((s, i) => [s, i]));
		for (const e of examples) {
			for (const f of extractFeatures(e.text).counts.keys()) if (/^[a-z]{4,}$/.test(f)) this.lexicon.add(f);
		}
		const docs = examples
			.map((e) => ({ feats: extractFeatures(e.text, this.lexicon).counts, topics: e.topics.filter((t) => index.has(t)) }))
			.filter((d) => d.topics.length > 0 && d.feats.size > 0);
		const df = new Map<string, number>();
		for (const d of docs) for (const f of d.feats.keys()) df.set(f, (df.get(f) ?? 0) + 1);
		for (const f of df.keys()) this.vocab.set(f, this.vocab.size);
		const n = docs.length;
		this.idf = new Float64Array(this.vocab.size);
		for (const [f, i] of this.vocab) this.idf[i] = Math.log((n + 1) / (df.get(f)! + 0.5));
		const k = this.slugs.length;
		const v = this.vocab.size;
		this.base = Array.from({ length: k }, () => new Float64Array(v));
		this.confirmed = Array.from({ length: k }, () => new Float64Array(v));
		this.baseMass = new Array(k).fill(0);
		this.confirmedMass = new Array(k).fill(0);
		for (const d of docs) {
			const vec = this.vectorize(d.feats);
			d.topics.slice(0, 3).forEach((slug, rank) => {
				const c = index.get(slug)!;
				const w = PARAMS.labelWeights[rank];
				for (const [f, x] of vec) this.base[c][f] += w * x;
				this.baseMass[c] += w;
			});
		}
	}

	/** Number of distinct features the model knows. */
	get vocabularySize(): number {
		return this.vocab.size;
	}

	has(feature: string): boolean {
		return this.vocab.has(feature);
	}

	/** Known features only, TF-IDF weighted (log tf × idf) and L2-normalised. */
	private vectorize(counts: Map<string, number>): Vec {
		const vec: Vec = new Map();
		let norm = 0;
		for (const [f, c] of counts) {
			const i = this.vocab.get(f);
			if (i === undefined) continue;
			const x = Math.log1p(c) * this.idf[i];
			if (x <= 0) continue;
			vec.set(i, x);
			norm += x * x;
		}
		norm = Math.sqrt(norm);
		if (norm > 0) for (const [i, x] of vec) vec.set(i, x / norm);
		return vec;
	}

	private refresh(): void {
		if (!this.dirty) return;
		const v = this.vocab.size;
		this.logProb = this.slugs.map((_, c) => {
			const cap = PARAMS.confirmedCap * this.baseMass[c];
			const scale = this.confirmedMass[c] > cap ? cap / this.confirmedMass[c] : 1;
			const row = new Float64Array(v);
			let total = 0;
			for (let f = 0; f < v; f++) {
				row[f] = this.base[c][f] + scale * this.confirmed[c][f] + PARAMS.alpha;
				total += row[f];
			}
			for (let f = 0; f < v; f++) row[f] = Math.log(row[f] / total);
			return row;
		});
		this.dirty = false;
	}

	/** Adds one confirmed registration (features already filtered to the vocabulary). */
	learn(features: readonly string[], topics: readonly string[]): void {
		const counts = new Map<string, number>();
		for (const f of features) if (this.vocab.has(f)) counts.set(f, 1);
		const vec = this.vectorize(counts);
		if (vec.size === 0) return;
		const seen = new Set<string>();
		topics.slice(0, 3).forEach((slug, rank) => {
			const c = this.slugs.indexOf(slug);
			if (c < 0 || seen.has(slug)) return;
			seen.add(slug);
			const w = PARAMS.confirmedWeight * PARAMS.labelWeights[rank];
			for (const [f, x] of vec) this.confirmed[c][f] += w * x;
			this.confirmedMass[c] += w;
			this.dirty = true;
		});
	}

	/** The distinct known features of a text, sorted (so the list does not retell the text). */
	knownFeatures(text: string): string[] {
		return [...extractFeatures(text, this.lexicon).counts.keys()].filter((f) => this.vocab.has(f)).sort();
	}

	/** All topics scored 0..1, best first; [] when the text has no known feature. */
	score(text: string): TopicScore[] {
		const { counts, signals } = extractFeatures(text, this.lexicon);
		const vec = this.vectorize(counts);
		if (vec.size === 0) return [];
		this.refresh();
		const k = this.slugs.length;
		const ll = new Float64Array(k);
		for (let c = 0; c < k; c++) {
			const row = this.logProb[c];
			let s = 0;
			for (const [f, x] of vec) s += x * row[f];
			ll[c] = s;
		}
		// Softmax over the log-likelihoods; uniform prior (the examples are balanced by design).
		let max = -Infinity;
		for (const x of ll) if (x > max) max = x;
		const post = new Float64Array(k);
		let z = 0;
		for (let c = 0; c < k; c++) {
			post[c] = Math.exp((ll[c] - max) / PARAMS.temperature);
			z += post[c];
		}
		const sig = signalScores(signals, this.slugs);
		const out: TopicScore[] = this.slugs.map((slug, c) => ({
			slug,
			score: (1 - PARAMS.signalShare) * (post[c] / z) + PARAMS.signalShare * sig[c]
		}));
		return out.sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
	}
}

/** Per topic 0..1 from the signal phrases found: longer and unshared phrases count more. */
function signalScores(hits: SignalHit[], slugs: string[]): number[] {
	const raw = new Array(slugs.length).fill(0);
	for (const h of hits) {
		const c = slugs.indexOf(h.slug);
		if (c >= 0) raw[c] += (1 + 0.5 * (h.length - 1)) / h.shared;
	}
	const max = Math.max(0, ...raw);
	return max > 0 ? raw.map((r) => (r / max) * (1 - Math.exp(-max))) : raw;
}
