import { load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findBuddyRequests } from '$lib/server/contacten/find-buddy-requests';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		return { requests: await findBuddyRequests(actor, steunpunt.id) };
	});
}
