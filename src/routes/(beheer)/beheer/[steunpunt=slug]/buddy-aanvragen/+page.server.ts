import { load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findRequests } from '$lib/server/buddies/requests';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { requests: await findRequests(actor) };
	});
}
