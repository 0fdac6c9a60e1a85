import { findNationalAgenda } from '$lib/server/activiteiten/activities';

/** The national agenda: every steunpunt's coming activities. */
export async function load({ url, setHeaders }) {
	setHeaders({ 'cache-control': 'public, max-age=60' });
	const soort = url.searchParams.get('soort') ?? '';
	return { soort, activities: await findNationalAgenda({ kind: soort }) };
}
