import { json } from '@sveltejs/kit';
import { DomainError } from '$lib/server/errors';
import { staffContext } from '$lib/server/auth/request';
import { authorize, policies } from '$lib/server/auth/policy';
import { checkReadability } from '$lib/server/kennisbank/editorial';

/** POST {"body": "…"} → the B1 readability report, for the live check while an editor types. */
export async function POST({ locals, params, request }) {
	try {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		authorize(actor, steunpunt.id, policies.canEditTexts(actor));
		const input = (await request.json().catch(() => null)) as { body?: unknown } | null;
		if (!input || typeof input.body !== 'string' || input.body.length > 20_000) {
			return json({ error: 'Stuur de tekst mee als "body" (hooguit 20.000 tekens).' }, { status: 400 });
		}
		return json(await checkReadability(input.body));
	} catch (e) {
		if (e instanceof DomainError) return json({ error: e.message }, { status: e.status });
		throw e;
	}
}
