import { load as handle, staffAction } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findMyMatches } from '$lib/server/buddies/matches';
import { updateOwnProfile } from '$lib/server/buddies/buddies';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { mine: await findMyMatches(actor) };
	});
}

export const actions = {
	profiel: staffAction(async ({ actor, values }) => {
		await updateOwnProfile(actor, values);
		return { saved: true as const };
	})
};
