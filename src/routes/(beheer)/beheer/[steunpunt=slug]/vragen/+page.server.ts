import { load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findInbox } from '$lib/server/contacten/find-inbox';

export async function load({ locals, params, url }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { inbox: await findInbox(actor, Object.fromEntries(url.searchParams)) };
	});
}
