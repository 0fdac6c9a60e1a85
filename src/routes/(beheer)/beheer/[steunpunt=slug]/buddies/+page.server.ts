import { load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findBuddies } from '$lib/server/buddies/buddies';
import { findQuietMatches } from '$lib/server/buddies/check-ins';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { buddies: await findBuddies(actor), quiet: await findQuietMatches(actor) };
	});
}
