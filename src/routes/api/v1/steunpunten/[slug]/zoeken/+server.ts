import { json } from '@sveltejs/kit';
import { DomainError } from '$lib/server/errors';
import { getSteunpuntBySlug } from '$lib/server/platform/tenant';
import { MAX_QUERY_LENGTH, searchTexts } from '$lib/server/kennisbank/search';

/** GET /api/v1/steunpunten/{slug}/zoeken?q=… → {"results":[{title,url,phase,topics}]} best first. */
export async function GET({ params, url }) {
	try {
		const steunpunt = await getSteunpuntBySlug(params.slug);
		const q = url.searchParams.get('q') ?? '';
		if (q.length > MAX_QUERY_LENGTH) {
			return json({ error: `Je zoekvraag is te lang. Gebruik hooguit ${MAX_QUERY_LENGTH} tekens.` }, { status: 400 });
		}
		const results = await searchTexts({ steunpuntId: steunpunt.id, steunpuntSlug: steunpunt.slug, q });
		return json(
			{ results: results.map(({ title, url, phase, topics }) => ({ title, url, phase, topics })) },
			{ headers: { 'cache-control': 'public, max-age=60' } }
		);
	} catch (e) {
		if (e instanceof DomainError) return json({ error: e.message }, { status: e.status });
		throw e;
	}
}
