import { load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findRegistrations } from '$lib/server/contacten/find-registrations';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { registrations: await findRegistrations(actor) };
	});
}
