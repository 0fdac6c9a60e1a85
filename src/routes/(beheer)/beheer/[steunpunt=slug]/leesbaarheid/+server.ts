import { json } from '@sveltejs/kit';
import { DomainError } from '$lib/server/errors';
import { staffContext } from '$lib/server/auth/request';
import { checkDraftReadability } from '$lib/server/kennisbank/editorial';

/** POST {"body": "…"} → the B1 readability report, for the live check while an editor types. */
export async function POST({ locals, params, request }) {
	try {
		const { actor } = await staffContext(locals, params.steunpunt);
		const input = (await request.json().catch(() => null)) as { body?: unknown } | null;
		return json(await checkDraftReadability(actor, { body: input?.body }));
	} catch (e) {
		if (e instanceof DomainError) return json({ error: e.message }, { status: e.status });
		throw e;
	}
}
