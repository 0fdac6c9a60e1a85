import { load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findActivities } from '$lib/server/activiteiten/activities';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return await findActivities(actor);
	});
}
