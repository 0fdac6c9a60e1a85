import { act, formValues, load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findMyMatches } from '$lib/server/buddies/matches';
import { updateOwnProfile } from '$lib/server/buddies/buddies';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		return { mine: await findMyMatches(actor, steunpunt.id) };
	});
}

export const actions = {
	profiel: async ({ locals, params, request }) => {
		const values = await formValues(request);
		return act(values, async () => {
			const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
			await updateOwnProfile(actor, steunpunt.id, values);
			return { saved: true };
		});
	}
};
