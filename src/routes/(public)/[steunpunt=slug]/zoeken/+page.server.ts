import { error } from '@sveltejs/kit';
import { load as handle } from '$lib/server/http';
import { getSteunpuntBySlug } from '$lib/server/platform/tenant';
import { MAX_QUERY_LENGTH, searchTexts } from '$lib/server/kennisbank/search';
import { phaseBySlug } from '$lib/taxonomy';
import { oneLine } from '$lib/server/validation';

export async function load({ params, url }) {
	return handle(async () => {
		const sp = await getSteunpuntBySlug(params.steunpunt);
		const q = oneLine(url.searchParams.get('q') ?? '');
		if (q.length > MAX_QUERY_LENGTH) error(400, `Je zoekvraag is te lang. Gebruik hooguit ${MAX_QUERY_LENGTH} tekens.`);
		const results = await searchTexts({ steunpuntId: sp.id, steunpuntSlug: sp.slug, q });
		return { q, error: null, results: results.map((r) => ({ ...r, phaseLabel: phaseBySlug.get(r.phase)?.label ?? '' })) };
	});
}
