import { load as handle } from '$lib/server/http';
import { getSteunpuntBySlug } from '$lib/server/platform/tenant';

/** Pages with a personal link or a fresh form token must never come from a shared cache. */
const PRIVATE = [
	'/vraag-stellen',
	'/bel-mij-terug',
	'/hoe-gaat-het',
	'/mijn-gegevens',
	'/verstuurd',
	'/buddy',
	'/activiteiten/[activiteit]',
	'/aanmelding',
	'/activiteit-feedback'
];

export async function load({ params, setHeaders, route }) {
	const steunpunt = await handle(() => getSteunpuntBySlug(params.steunpunt));
	setHeaders({ 'cache-control': PRIVATE.some((p) => route.id?.includes(p)) ? 'private, no-store' : 'public, max-age=60' });
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
