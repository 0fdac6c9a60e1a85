import { topicBySlug } from '$lib/taxonomy';
import type { TrainingExample } from '../model';

/**
 * Parses JSON lines of `{"text": "...", "topics": ["main", ...]}`. Throws on a malformed line or an
 * unknown topic slug, so a typo in the training data fails loudly instead of silently training less.
 */
export function parseExamples(jsonl: string): TrainingExample[] {
	const out: TrainingExample[] = [];
	jsonl.split('\n').forEach((line, i) => {
		if (line.trim() === '') return;
		const o = JSON.parse(line) as { text?: unknown; topics?: unknown };
		const topics = Array.isArray(o.topics) ? o.topics.filter((t): t is string => typeof t === 'string') : [];
		if (typeof o.text !== 'string' || topics.length < 1 || topics.length > 3) {
			throw new Error(`examples.jsonl line ${i + 1}: needs "text" and 1–3 "topics"`);
		}
		for (const t of topics) if (!topicBySlug.has(t)) throw new Error(`examples.jsonl line ${i + 1}: unknown topic ${t}`);
		out.push({ text: o.text, topics });
	});
	return out;
}
