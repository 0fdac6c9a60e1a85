import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { suggestTopics } from '$lib/server/signalering/topic-classifier';

/** Longest text we accept; the classifier itself never looks further than this either. */
const MAX_TEXT_LENGTH = 10_000;

const bodySchema = z.object({
	text: z
		.string({ error: 'Het veld "text" moet tekst zijn.' })
		.max(MAX_TEXT_LENGTH, { error: `De tekst is te lang. Gebruik hooguit ${MAX_TEXT_LENGTH.toLocaleString('nl-NL')} tekens.` })
});

/**
 * POST /api/v1/onderwerpen/suggestie with {"text": "…"} → {"topics":[{"slug","score"}]} best first.
 * Suggests taxonomy topics for a question while staff register it. No database access: the text is
 * only classified in memory, never stored or logged.
 */
export async function POST({ request }) {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\s*(;|$)/i.test(type)) {
		return json({ error: 'Stuur de gegevens als JSON (Content-Type: application/json).' }, { status: 415 });
	}
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return json({ error: 'De gegevens zijn geen geldige JSON.' }, { status: 400 });
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		return json({ error: 'Stuur een JSON-object met het veld "text".' }, { status: 400 });
	}
	const parsed = bodySchema.safeParse(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const message = issue?.path[0] === 'text' && issue.code !== 'invalid_type' ? issue.message : 'Het veld "text" moet tekst zijn.';
		return json({ error: message }, { status: 400 });
	}
	const topics = suggestTopics(parsed.data.text).map(({ slug, score }) => ({ slug, score: Math.round(score * 100) / 100 }));
	return json({ topics }, { headers: { 'cache-control': 'no-store' } });
}
