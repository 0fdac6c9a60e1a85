import { load as handle } from '$lib/server/http';
import { findAgenda } from '$lib/server/activiteiten/activities';

export async function load({ params }) {
	return handle(async () => ({ activities: await findAgenda(params.steunpunt) }));
}
