import { error } from '@sveltejs/kit';
import { findRegion } from '$lib/server/steunpunten/find-steunpunt';

/** The national front door: find your steunpunt by postcode, place, gemeente or school. */
export async function load({ url }) {
	const q = url.searchParams.get('q');
	if (q === null) return { q: '', result: null };
	if (q.length > 200) error(400, 'Je zoekopdracht is te lang. Typ je postcode, woonplaats of de naam van de school.');
	return { q: q.slice(0, 200), result: await findRegion({ q }) };
}
