import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '$lib/taxonomy';
import { confirmedTermsOf, evaluateTopics, suggestTopics, trainClassifier } from './topic-classifier';
import { parseExamples } from './training/parse-examples';
import { EXAMPLES } from './training/examples';

const slugs = new Set(TOPICS.map((t) => t.slug));

describe('training examples', () => {
	it('the generated module matches examples.jsonl (run training/generate-examples.ts after editing)', () => {
		const jsonl = readFileSync(new URL('./training/examples.jsonl', import.meta.url), 'utf8');
		expect(EXAMPLES).toEqual(parseExamples(jsonl));
	});

	it('has at least 25 examples per topic, 1–3 known topics each, no duplicates', () => {
		const perTopic = new Map<string, number>();
		for (const e of EXAMPLES) {
			expect(e.topics.length).toBeGreaterThanOrEqual(1);
			expect(e.topics.length).toBeLessThanOrEqual(3);
			for (const t of e.topics) expect(slugs.has(t), t).toBe(true);
			perTopic.set(e.topics[0], (perTopic.get(e.topics[0]) ?? 0) + 1);
		}
		for (const slug of slugs) expect(perTopic.get(slug) ?? 0, slug).toBeGreaterThanOrEqual(25);
		expect(new Set(EXAMPLES.map((e) => e.text)).size).toBe(EXAMPLES.length);
	});
});

describe('suggestTopics', () => {
	it('returns [] for empty, whitespace and unknown words', () => {
		expect(suggestTopics('')).toEqual([]);
		expect(suggestTopics('   \n\t ')).toEqual([]);
		expect(suggestTopics('qwxz blorpf zzyzx')).toEqual([]);
		expect(suggestTopics('de het een')).toEqual([]);
	});

	it.each(TOPICS.map((t) => [t.slug, t.label] as const))('puts %s in the top 3 for its own label', (slug, label) => {
		const got = suggestTopics(label, { limit: 3 }).map((s) => s.slug);
		expect(got).toContain(slug);
	});

	it('recognises typical messages', () => {
		expect(suggestTopics('moeder belt, zoon (12) al 6 weken thuis na schorsing, school reageert niet').map((s) => s.slug)).toEqual(
			expect.arrayContaining(['thuiszitten-verzuim', 'schorsing-verwijdering'])
		);
		expect(suggestTopics('ik word gepest en de mentor doet niks')[0]?.slug).toBe('pesten-veiligheid');
		expect(suggestTopics('de taxi komt elke ochtend te laat')[0]?.slug).toBe('leerlingenvervoer');
	});

	it('gives scores within 0..1, best first, at most limit', () => {
		for (const text of ['kind zit thuis wat nu', 'opp tekenen en bezwaar bij de geschillencommissie', 'dyslexie en extra tijd bij toetsen']) {
			for (const limit of [1, 2, 3, 5]) {
				const got = suggestTopics(text, { limit });
				expect(got.length).toBeGreaterThan(0);
				expect(got.length).toBeLessThanOrEqual(limit);
				for (let i = 0; i < got.length; i++) {
					expect(got[i].score).toBeGreaterThan(0);
					expect(got[i].score).toBeLessThanOrEqual(1);
					if (i > 0) expect(got[i].score).toBeLessThanOrEqual(got[i - 1].score);
				}
			}
		}
		expect(suggestTopics('kind zit thuis', { limit: 0 })).toEqual([]);
	});

	it('never throws on garbage, control characters or very long input', () => {
		const garbage = Array.from({ length: 10_000 }, (_, i) => String.fromCharCode((i * 7919) % 0x3000)).join('');
		expect(() => suggestTopics(garbage)).not.toThrow();
		expect(() => suggestTopics('\u0000\u0001\u001b[31m\u200b\ufeff thuis \u0007')).not.toThrow();
		expect(() => suggestTopics('gepest '.repeat(5000))).not.toThrow();
		expect(suggestTopics('gepest '.repeat(5000))[0]?.slug).toBe('pesten-veiligheid');
		expect(() => suggestTopics(undefined as unknown as string)).not.toThrow();
	});
});

describe('training and confirmed feedback', () => {
	it('reaches top-3 ≥ 85% on a held-out fifth of the examples', () => {
		const train = EXAMPLES.filter((_, i) => i % 5 !== 2);
		const test = EXAMPLES.filter((_, i) => i % 5 === 2);
		const result = trainClassifier(train).evaluate(test);
		expect(result.n).toBe(test.length);
		expect(result.top3).toBeGreaterThanOrEqual(0.85);
		expect(result.top1).toBeGreaterThanOrEqual(0.6);
	});

	it('evaluateTopics counts top-1 and top-3 against the first gold topic', () => {
		const r = evaluateTopics([
			{ text: 'mijn kind wordt gepest op het schoolplein', topics: ['pesten-veiligheid'] },
			{ text: 'mijn kind wordt gepest op het schoolplein', topics: ['leerlingenvervoer'] }
		]);
		expect(r).toEqual({ top1: 0.5, top3: 0.5, n: 2 });
	});

	it('confirmedTermsOf keeps only known stems, drops names and rare words, and sorts them', () => {
		const terms = confirmedTermsOf('Mevrouw Jansen uit Zwartewaterland: haar zoon Pieter-Jan wordt gepest op school');
		expect(terms.length).toBeGreaterThan(0);
		expect(terms.some((t) => t.includes('jansen') || t.includes('pieter') || t.includes('zwartewater'))).toBe(false);
		expect(terms).toEqual([...terms].sort());
		expect(terms.some((t) => t.startsWith('pest') || t === '@pesten-veiligheid')).toBe(true);
		expect(confirmedTermsOf('')).toEqual([]);
	});

	it('learnConfirmed shifts a prediction towards the confirmed topic, but cannot swamp the examples', () => {
		const c = trainClassifier(EXAMPLES);
		const text = 'het busje van de gemeente';
		const before = c.rank(text);
		const scoreOf = (list: { slug: string; score: number }[], slug: string) => list.find((s) => s.slug === slug)?.score ?? 0;
		const terms = c.confirmedTermsOf(text);
		for (let i = 0; i < 5; i++) c.learnConfirmed(terms, ['medezeggenschap']);
		const after = c.rank(text);
		expect(after.findIndex((s) => s.slug === 'medezeggenschap')).toBeLessThan(before.findIndex((s) => s.slug === 'medezeggenschap'));
		expect(scoreOf(after, 'medezeggenschap')).toBeGreaterThan(scoreOf(before, 'medezeggenschap'));
		// A flood of confirmations for one topic is capped: a clear text of another topic stays right.
		for (let i = 0; i < 2000; i++) c.learnConfirmed(c.confirmedTermsOf('mijn kind wordt gepest'), ['medezeggenschap']);
		expect(c.suggest('mijn kind wordt gepest en buitengesloten, de anti-pestcoördinator doet niks')[0]?.slug).toBe('pesten-veiligheid');
		// Unknown terms and topics are ignored without error.
		expect(() => c.learnConfirmed(['jansen', 'zzz'], ['bestaat-niet'])).not.toThrow();
	});
});
