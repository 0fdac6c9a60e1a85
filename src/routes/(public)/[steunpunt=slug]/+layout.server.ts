import { load as handle } from '$lib/server/http';
import { getSteunpuntBySlug } from '$lib/server/steunpunten/get-steunpunt';

export async function load({ params, setHeaders }) {
	const steunpunt = await handle(() => getSteunpuntBySlug(params.steunpunt));
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return {
		steunpunt: {
			slug: steunpunt.slug,
			naam: steunpunt.naam,
			telefoon: steunpunt.telefoon,
			email: steunpunt.email,
			openingstijden: steunpunt.openingstijden,
			intro: steunpunt.intro
		}
	};
}
