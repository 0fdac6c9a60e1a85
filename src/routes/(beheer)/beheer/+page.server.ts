import { redirect } from '@sveltejs/kit';
import { findSteunpuntenOfUser } from '$lib/server/steunpunten/staff';

export async function load({ locals }) {
	if (!locals.session) redirect(303, '/beheer/inloggen');
	if (!locals.session.complete) redirect(303, locals.session.needsEnrolment ? '/beheer/tweestaps/instellen' : '/beheer/tweestaps');
	const steunpunten = await findSteunpuntenOfUser(locals.session);
	if (steunpunten.length === 1) redirect(303, `/beheer/${steunpunten[0].slug}`);
	return { steunpunten };
}
